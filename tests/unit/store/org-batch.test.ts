/**
 * 批量操作 on people as HR does them: a batch is checked on the roster as it would be afterwards,
 * applied in one transaction or — when anyone is refused — not at all, with each refusal in words.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/errors/errors';
import { periodsOfPerson, type PersonInput } from '../../../shared/domain';
import {
  applyPeopleBatch,
  changeSupervisor,
  getPerson,
  planPeopleBatch,
  putPerson,
  putUnit,
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
  joinedOn: '2020-01-01',
  ...extra,
});

/**
 * 某厅 › 综合处, 人事处. 处长 supervises 副处长, 科员甲 and 科员乙; 副处长 supervises 科员丙;
 * 科员丁 has no 主管领导; 老同志 has left.
 */
async function seed(): Promise<DutyBookDb> {
  const db = await openTestDb();
  await putUnit(db, { id: 'org', name: '某厅' });
  await putUnit(db, { id: 'u1', name: '综合处', parentId: 'org' });
  await putUnit(db, { id: 'u2', name: '人事处', parentId: 'org' });
  const on = { effectiveFrom: '2020-01-01' };
  await putPerson(db, person('boss', '处长', 'u1', { roles: ['official', 'supervisor'], ...on }));
  await putPerson(
    db,
    person('deputy', '副处长', 'u1', { roles: ['official', 'supervisor'], supervisorId: 'boss', ...on }),
  );
  await putPerson(db, person('a', '科员甲', 'u1', { supervisorId: 'boss', ...on }));
  await putPerson(db, person('b', '科员乙', 'u1', { supervisorId: 'boss', ...on }));
  await putPerson(db, person('c', '科员丙', 'u1', { supervisorId: 'deputy', ...on }));
  await putPerson(db, person('d', '科员丁', 'u2', on));
  await putPerson(db, person('old', '老同志', 'u2', { active: false, ...on }));
  return db;
}

/** The refusals of a batch that must change nothing. */
async function refusedBatch(
  db: DutyBookDb,
  ...args: Parameters<typeof applyPeopleBatch> extends [DutyBookDb, ...infer R] ? R : never
) {
  const before = await snapshot(db);
  const e = await applyPeopleBatch(db, ...args).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ValidationError);
  expect(await snapshot(db)).toEqual(before);
  return (e as ValidationError).issues.map((i) => ({ id: i.path, message: i.message }));
}

describe('更换主管领导 for many people', () => {
  it('refuses the whole batch when one person would close a loop, and names only that person', async () => {
    const db = await seed();
    // 副处长 as everyone's 主管领导: 处长 supervises 副处长, so 处长 under 副处长 is a loop; 副处长 under
    // themself is refused too; 科员甲, 科员乙 and 科员丁 would be fine.
    const refused = await refusedBatch(
      db,
      ['a', 'b', 'boss', 'deputy', 'd'],
      { kind: 'supervisor', supervisorId: 'deputy' },
      '2026-07-01',
    );
    expect(refused).toEqual([
      { id: 'boss', message: '“处长”：“副处长”的主管领导关系中已包含本人，不能互为主管领导' },
      { id: 'deputy', message: '“副处长”：主管领导不能是本人' },
    ]);
    // The same without them: applied, dated, one transaction.
    const done = await applyPeopleBatch(
      db,
      ['a', 'b', 'd'],
      { kind: 'supervisor', supervisorId: 'deputy' },
      '2026-07-01',
    );
    expect(done.changed.map((p) => p.name)).toEqual(['科员甲', '科员乙', '科员丁']);
    const a = (await getPerson(db, 'a'))!;
    expect(a.supervisorId).toBe('deputy');
    expect(periodsOfPerson(a).map((p) => [p.from, p.to, p.supervisorId])).toEqual([
      ['2020-01-01', '2026-06-30', 'boss'],
      ['2026-07-01', null, 'deputy'],
    ]);
  });

  it('refuses a 主管领导 who has left or does not hold the role, and someone who has left', async () => {
    const db = await seed();
    expect(await refusedBatch(db, ['a'], { kind: 'supervisor', supervisorId: 'd' }, '2026-07-01')).toEqual([
      { id: 'a', message: '“科员甲”：“科员丁”未被设为主管领导，请先在其信息中勾选该角色' },
    ]);
    const plan = await planPeopleBatch(
      db,
      ['old', 'a', 'c'],
      { kind: 'supervisor', supervisorId: 'deputy' },
      '2026-07-01',
    );
    expect(plan.refused).toEqual([
      { personId: 'old', name: '老同志', reason: '已离职（调出），不能再变动；如已返回，请先办理“恢复在职”' },
    ]);
    // 科员丙 already has 副处长: chosen, unchanged.
    expect(plan.unchanged.map((p) => p.id)).toEqual(['c']);
    expect(plan.changed.map((p) => p.id)).toEqual(['a']);
  });

  it('refuses a change dated before the person’s latest change', async () => {
    const db = await seed();
    await changeSupervisor(db, 'a', 'deputy', '2026-09-01');
    const refused = await refusedBatch(
      db,
      ['a', 'b'],
      { kind: 'supervisor', supervisorId: null },
      '2026-08-01',
    );
    expect(refused).toEqual([
      { id: 'a', message: '“科员甲”：变动日期不能早于上一次变动的日期(2026年9月1日)' },
    ]);
  });
});

describe('调整单位 and 标记离职 for a team', () => {
  it('moves a 主管领导 with the people they supervise, and lets them leave together', async () => {
    const db = await seed();
    const moved = await applyPeopleBatch(
      db,
      ['boss', 'deputy', 'a', 'b', 'c'],
      { kind: 'unit', unitId: 'u2' },
      '2026-07-01',
    );
    expect(moved.changed).toHaveLength(5);
    for (const id of ['boss', 'deputy', 'a', 'b', 'c']) expect((await getPerson(db, id))!.unitId).toBe('u2');

    // 处长 alone cannot leave: 副处长, 科员甲 and 科员乙 still have them as 主管领导.
    expect(await refusedBatch(db, ['boss', 'a'], { kind: 'leave' }, '2026-10-01')).toEqual([
      {
        id: 'boss',
        message:
          '“处长”：仍是副处长、科员乙的主管领导，请先为他们另选主管领导（或一并办理离职），再办理离职（调出）',
      },
    ]);
    // Together with everyone they supervise (and whom those supervise), they may.
    const left = await applyPeopleBatch(
      db,
      ['boss', 'deputy', 'a', 'b', 'c', 'old'],
      { kind: 'leave' },
      '2026-10-01',
    );
    expect(left.changed.map((p) => p.id)).toEqual(['boss', 'deputy', 'a', 'b', 'c']);
    expect(left.unchanged.map((p) => p.id)).toEqual(['old']);
    const boss = (await getPerson(db, 'boss'))!;
    expect(boss.active).toBe(false);
    expect(periodsOfPerson(boss).at(-1)).toMatchObject({
      from: '2026-07-01',
      to: '2026-09-30',
      unitId: 'u2',
    });
  });

  it('refuses a leaving date before the start of someone’s current period, and leaves everyone as they were', async () => {
    const db = await seed();
    await applyPeopleBatch(db, ['d'], { kind: 'unit', unitId: 'u1' }, '2026-07-01');
    expect(await refusedBatch(db, ['c', 'd'], { kind: 'leave' }, '2026-06-15')).toEqual([
      { id: 'd', message: '“科员丁”：离职(调出)日期不能早于最近一次变动的日期(2026年7月1日)' },
    ]);
    expect((await getPerson(db, 'c'))!.active).toBe(true);
  });

  it('refuses a unit that does not exist', async () => {
    const db = await seed();
    await expect(
      applyPeopleBatch(db, ['a'], { kind: 'unit', unitId: 'nowhere' }, '2026-07-01'),
    ).rejects.toThrow(ValidationError);
  });
});

describe('设置角色 for many people', () => {
  it('adds and removes roles; a 主管领导 who still supervises someone keeps the role', async () => {
    const db = await seed();
    expect(
      await refusedBatch(
        db,
        ['boss', 'deputy', 'd'],
        { kind: 'roles', add: [], remove: ['supervisor'] },
        '2026-07-01',
      ),
    ).toEqual([
      {
        id: 'boss',
        message: '“处长”：仍是副处长、科员甲、科员乙的主管领导，不能取消该角色；请先为他们另选主管领导',
      },
      { id: 'deputy', message: '“副处长”：仍是科员丙的主管领导，不能取消该角色；请先为他们另选主管领导' },
    ]);
    // 科员丙 moves to 科员丁, made a 主管领导 first; then 副处长 can give the role up.
    await applyPeopleBatch(db, ['d', 'a'], { kind: 'roles', add: ['supervisor'], remove: [] }, '2026-07-01');
    await applyPeopleBatch(db, ['c'], { kind: 'supervisor', supervisorId: 'd' }, '2026-07-01');
    const r = await applyPeopleBatch(
      db,
      ['deputy', 'b'],
      { kind: 'roles', add: [], remove: ['supervisor'] },
      '2026-07-02',
    );
    expect(r.changed.map((p) => [p.id, p.roles])).toEqual([['deputy', ['official']]]);
    expect(r.unchanged.map((p) => p.id)).toEqual(['b']);
    // Removing every role is refused, as in the single edit.
    expect(
      (await refusedBatch(db, ['b'], { kind: 'roles', add: [], remove: ['official'] }, '2026-07-02'))[0]!
        .message,
    ).toBe('“科员乙”：请至少选择一个角色');
  });
});
