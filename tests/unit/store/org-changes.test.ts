import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/errors/errors';
import type { PersonInput } from '../../../shared/domain';
import {
  changeSupervisor,
  deletePerson,
  deleteUnit,
  getPerson,
  markPersonLeft,
  markPersonReturned,
  movePerson,
  putPerson,
  putUnit,
  rekeyPerson,
  type DutyBookDb,
} from '../../../shared/store';
import { openTestDb, snapshot } from './helpers';

const person = (id: string, name: string, unitId: string, extra: Partial<PersonInput> = {}): PersonInput => ({
  id,
  name,
  unitId,
  positionCategory: 'comprehensive',
  rankLevel: 'staff1',
  roles: ['official'],
  ...extra,
});

/** 某厅 with 综合处 and 人事处; 处长 supervises 科员甲 and 科员乙; 副处长 is another supervisor. */
async function seed(db: DutyBookDb) {
  await putUnit(db, { id: 'org', name: '某厅' });
  await putUnit(db, { id: 'u1', name: '综合处', parentId: 'org' });
  await putUnit(db, { id: 'u2', name: '人事处', parentId: 'org' });
  await putPerson(db, person('boss', '处长', 'u1', { roles: ['official', 'supervisor'] }));
  await putPerson(
    db,
    person('deputy', '副处长', 'u1', { roles: ['official', 'supervisor'], supervisorId: 'boss' }),
  );
  await putPerson(db, person('a', '科员甲', 'u1', { supervisorId: 'boss' }));
  await putPerson(db, person('b', '科员乙', 'u1', { supervisorId: 'boss' }));
}

async function refused(p: Promise<unknown>): Promise<string[]> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).issues.map((i) => i.message);
}

describe('leaving (离职/调出)', () => {
  it('keeps the person, inactive, and lets them come back', async () => {
    const db = await openTestDb();
    await seed(db);
    await markPersonLeft(db, 'a');
    expect((await getPerson(db, 'a'))?.active).toBe(false);
    expect((await getPerson(db, 'a'))?.supervisorId).toBe('boss');
    await markPersonReturned(db, 'a');
    expect((await getPerson(db, 'a'))?.active).toBe(true);
    db.close();
  });

  it('refuses a supervisor who still has people in post under them, naming them, and changes nothing', async () => {
    const db = await openTestDb();
    await seed(db);
    const before = await snapshot(db);
    const messages = await refused(markPersonLeft(db, 'boss'));
    expect(messages[0]).toContain('科员乙');
    expect(messages[0]).toContain('另选主管领导');
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('refuses someone who has left as a new supervisor', async () => {
    const db = await openTestDb();
    await seed(db);
    await changeSupervisor(db, 'a', 'deputy');
    await changeSupervisor(db, 'b', 'deputy');
    await markPersonLeft(db, 'a');
    await markPersonLeft(db, 'b');
    await markPersonLeft(db, 'deputy');
    await putPerson(db, person('c', '科员丙', 'u1'));
    const messages = await refused(changeSupervisor(db, 'c', 'deputy'));
    expect(messages).toEqual(['“副处长”已离职(调出),不能担任主管领导,请另选']);
    expect((await getPerson(db, 'c'))?.supervisorId).toBeNull();
    db.close();
  });
});

describe('moving and changing supervisor', () => {
  it('moves a person to another unit and keeps everything else', async () => {
    const db = await openTestDb();
    await seed(db);
    const moved = await movePerson(db, 'a', 'u2');
    expect(moved.unitId).toBe('u2');
    expect(moved.supervisorId).toBe('boss');
    expect((await getPerson(db, 'a'))?.unitId).toBe('u2');
    db.close();
  });

  it('refuses a unit that does not exist', async () => {
    const db = await openTestDb();
    await seed(db);
    expect(await refused(movePerson(db, 'a', 'nowhere'))).toEqual(['所在单位不存在,请重新选择']);
    db.close();
  });

  it('changes the supervisor, and refuses oneself and a loop (A supervises B supervises A)', async () => {
    const db = await openTestDb();
    await seed(db);
    await changeSupervisor(db, 'a', 'deputy');
    expect((await getPerson(db, 'a'))?.supervisorId).toBe('deputy');
    expect(await refused(changeSupervisor(db, 'deputy', 'deputy'))).toContain('主管领导不能是本人');
    const before = await snapshot(db);
    const loop = await refused(changeSupervisor(db, 'boss', 'deputy'));
    expect(loop[0]).toContain('不能互为主管领导');
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });
});

describe('deleting', () => {
  it('deletes someone typed in by mistake, but not someone anything was received about', async () => {
    const db = await openTestDb();
    await seed(db);
    await deletePerson(db, 'b');
    expect(await getPerson(db, 'b')).toBeUndefined();
    await db.facts.put({ id: 'f1', subject: 'a', author: 'a' } as never);
    const messages = await refused(deletePerson(db, 'a'));
    expect(messages[0]).toContain('离职(调出)');
    expect(await getPerson(db, 'a')).toBeDefined();
    expect((await refused(deletePerson(db, 'boss')))[0]).toContain('不能删除');
    db.close();
  });

  it('refuses deleting a unit with people (even those who left) or sub-units', async () => {
    const db = await openTestDb();
    await seed(db);
    await putUnit(db, { id: 'u11', name: '文秘科', parentId: 'u1' });
    expect((await refused(deleteUnit(db, 'u1')))[0]).toContain('下级单位');
    await deleteUnit(db, 'u11');
    await movePerson(db, 'b', 'u2');
    await markPersonLeft(db, 'b');
    expect((await refused(deleteUnit(db, 'u2')))[0]).toContain('1名人员');
    db.close();
  });

  it('refuses a unit name already used by a sibling, but allows it elsewhere', async () => {
    const db = await openTestDb();
    await seed(db);
    expect(await refused(putUnit(db, { name: '综合处', parentId: 'org' }))).toEqual([
      '“某厅”下已有名为“综合处”的单位,请换一个名称',
    ]);
    await putUnit(db, { name: '综合处', parentId: 'u2' });
    // Renaming a unit to its own name is not a duplicate.
    await putUnit(db, { id: 'u1', name: '综合处', parentId: 'org' });
    db.close();
  });
});

describe('rekeyPerson', () => {
  it('gives a person a new id and moves the supervisor references with it, in one go', async () => {
    const db = await openTestDb();
    await seed(db);
    const moved = await rekeyPerson(db, 'boss', 'boss-install');
    expect(moved.id).toBe('boss-install');
    expect(await getPerson(db, 'boss')).toBeUndefined();
    expect((await getPerson(db, 'boss-install'))?.name).toBe('处长');
    expect((await getPerson(db, 'a'))?.supervisorId).toBe('boss-install');
    expect((await getPerson(db, 'deputy'))?.supervisorId).toBe('boss-install');
    db.close();
  });

  it('refuses an id someone already has, changing nothing', async () => {
    const db = await openTestDb();
    await seed(db);
    const before = await snapshot(db);
    const messages = await refused(rekeyPerson(db, 'a', 'b'));
    expect(messages[0]).toContain('科员乙');
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });
});
