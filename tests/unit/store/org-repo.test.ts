import { describe, expect, it } from 'vitest';
import type { ValidationError } from '../../../shared/errors/errors';
import { NotFoundError } from '../../../shared/errors/errors';
import type { PersonInput } from '../../../shared/domain';
import {
  deleteUnit,
  getPerson,
  getUnit,
  listChildUnits,
  listPeopleByUnit,
  listPeopleWithRole,
  listReports,
  listUnits,
  listUnitsWithin,
  putPerson,
  putUnit,
  type DutyBookDb,
} from '../../../shared/store';
import { freshName, openTestDb, snapshot } from './helpers';

/** 厅 1 with 处 10 and 处 2; 处 10 has 科 101. Ids '1' and '10' are chosen to tempt a prefix bug. */
async function seedUnits(db: DutyBookDb) {
  await putUnit(db, { id: '1', name: '某厅', code: 'T' });
  await putUnit(db, { id: '9', name: '另一厅', sortOrder: 1 });
  await putUnit(db, { id: '10', name: '综合处', parentId: '1', sortOrder: 2 });
  await putUnit(db, { id: '2', name: '人事处', parentId: '1', sortOrder: 1 });
  await putUnit(db, { id: '101', name: '文秘科', parentId: '10' });
  await putUnit(db, { id: '11', name: '另一厅的处', parentId: '9' });
}

const person = (id: string, name: string, unitId: string, extra: Partial<PersonInput> = {}): PersonInput => ({
  id,
  name,
  unitId,
  positionCategory: 'comprehensive',
  rankLevel: 'staff1',
  roles: ['official'],
  ...extra,
});

describe('units', () => {
  it('stores each unit with its delimiter-terminated path, and reads them back after reopen', async () => {
    const name = freshName();
    const db = await openTestDb(name);
    await seedUnits(db);
    db.close();
    const again = await openTestDb(name);
    expect((await getUnit(again, '101'))?.path).toBe('/1/10/101/');
    expect((await listUnits(again)).map((u) => u.id)).toEqual(['1', '2', '10', '101', '9', '11']);
    expect((await listChildUnits(again, null)).map((u) => u.id)).toEqual(['1', '9']);
    expect((await listChildUnits(again, '1')).map((u) => u.name)).toEqual(['人事处', '综合处']);
    again.close();
  });

  it('lists a unit and everything below it without picking up a unit whose id merely starts the same', async () => {
    const db = await openTestDb();
    await seedUnits(db);
    await putUnit(db, { id: '1x', name: '前缀相同的厅' });
    expect((await listUnitsWithin(db, '1')).map((u) => u.id)).toEqual(['1', '2', '10', '101']);
    expect((await listUnitsWithin(db, '10')).map((u) => u.id)).toEqual(['10', '101']);
    await expect(listUnitsWithin(db, 'nope')).rejects.toBeInstanceOf(NotFoundError);
    db.close();
  });

  it('moves the paths of every unit below a unit that moves', async () => {
    const db = await openTestDb();
    await seedUnits(db);
    await putUnit(db, { id: '10', name: '综合处', parentId: '9' });
    expect((await getUnit(db, '10'))?.path).toBe('/9/10/');
    expect((await getUnit(db, '101'))?.path).toBe('/9/10/101/');
    expect((await listUnitsWithin(db, '1')).map((u) => u.id)).toEqual(['1', '2']);
    db.close();
  });

  it('refuses to move a unit under itself or its own sub-unit, and changes nothing', async () => {
    const db = await openTestDb();
    await seedUnits(db);
    const before = await snapshot(db);
    const err = await putUnit(db, { id: '1', name: '某厅', parentId: '101' }).catch((e: unknown) => e);
    expect((err as ValidationError).issues).toEqual([
      { path: 'parentId', message: '不能把单位移到它自己的下级单位“文秘科”之下' },
    ]);
    await expect(putUnit(db, { id: '1', name: '某厅', parentId: '1' })).rejects.toThrow(
      /上级单位不能是本单位/,
    );
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('refuses a parent that does not exist and an empty name', async () => {
    const db = await openTestDb();
    await expect(putUnit(db, { name: '处', parentId: 'ghost' })).rejects.toThrow(/上级单位不存在/);
    const err = await putUnit(db, { name: '' }).catch((e: unknown) => e);
    expect((err as ValidationError).issues).toEqual([{ path: 'name', message: '请填写单位名称' }]);
    expect(await db.orgUnits.count()).toBe(0);
    db.close();
  });

  it('deletes only an empty unit', async () => {
    const db = await openTestDb();
    await seedUnits(db);
    await putPerson(db, person('p1', '张三', '2'));
    await expect(deleteUnit(db, '10')).rejects.toThrow('“综合处”下还有1个下级单位,不能删除');
    await expect(deleteUnit(db, '2')).rejects.toThrow('“人事处”下还有1名人员,不能删除');
    await deleteUnit(db, '101');
    expect(await getUnit(db, '101')).toBeUndefined();
    db.close();
  });
});

describe('people', () => {
  async function seeded() {
    const db = await openTestDb();
    await seedUnits(db);
    await putPerson(
      db,
      person('boss', '赵处长', '10', { rankLevel: 'divisionChief', roles: ['official', 'supervisor'] }),
    );
    await putPerson(db, person('a', '钱一', '10', { supervisorId: 'boss' }));
    await putPerson(db, person('b', '孙二', '101', { supervisorId: 'boss' }));
    await putPerson(db, person('c', '李三', '2', { roles: ['official', 'hr'] }));
    await putPerson(db, person('gone', '周四', '10', { supervisorId: 'boss', active: false }));
    return db;
  }

  it('stores a person, making an id when none is given, and reads them back after reopen', async () => {
    const name = freshName();
    const db = await openTestDb(name);
    await putUnit(db, { id: 'u', name: '办公室' });
    const p = await putPerson(db, {
      name: '吴五',
      unitId: 'u',
      positionCategory: 'professional',
      rankLevel: 'proManager2',
      roles: ['official'],
    });
    expect(p.id).toMatch(/^[0-9A-Z]{26}$/);
    db.close();
    const again = await openTestDb(name);
    expect(await getPerson(again, p.id)).toEqual(p);
    again.close();
  });

  it('lists the active people of a unit by name, optionally with sub-units and inactive people', async () => {
    const db = await seeded();
    expect((await listPeopleByUnit(db, '10')).map((p) => p.id)).toEqual(['a', 'boss']);
    expect((await listPeopleByUnit(db, '10', { includeSubunits: true })).map((p) => p.id).sort()).toEqual([
      'a',
      'b',
      'boss',
    ]);
    expect((await listPeopleByUnit(db, '1', { includeSubunits: true, includeInactive: true })).length).toBe(
      5,
    );
    db.close();
  });

  it('lists the reports of a supervisor and the holders of a role', async () => {
    const db = await seeded();
    expect((await listReports(db, 'boss')).map((p) => p.name)).toEqual(['钱一', '孙二']);
    expect((await listReports(db, 'boss', { includeInactive: true })).length).toBe(3);
    expect((await listPeopleWithRole(db, 'hr')).map((p) => p.id)).toEqual(['c']);
    expect((await listPeopleWithRole(db, 'supervisor')).map((p) => p.id)).toEqual(['boss']);
    db.close();
  });

  it('checks the unit and the supervisor against the roster, and writes nothing when they fail', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const err = await putPerson(db, person('x', '郑六', 'nowhere', { supervisorId: 'c' })).catch(
      (e: unknown) => e,
    );
    expect((err as ValidationError).issues).toEqual([
      { path: 'unitId', message: '所在单位不存在,请重新选择' },
      { path: 'supervisorId', message: '“李三”未被设为主管领导,请先在其信息中勾选该角色' },
    ]);
    await expect(putPerson(db, person('x', '郑六', '2', { supervisorId: 'ghost' }))).rejects.toThrow(
      /所选主管领导不在人员名册中/,
    );
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('refuses a supervisor chain that loops back', async () => {
    const db = await seeded();
    await putPerson(
      db,
      person('a', '钱一', '10', { supervisorId: 'boss', roles: ['official', 'supervisor'] }),
    );
    const err = await putPerson(
      db,
      person('boss', '赵处长', '10', {
        rankLevel: 'divisionChief',
        roles: ['official', 'supervisor'],
        supervisorId: 'a',
      }),
    ).catch((e: unknown) => e);
    expect((err as ValidationError).issues).toEqual([
      { path: 'supervisorId', message: '“钱一”的主管领导关系中已包含本人,不能互为主管领导' },
    ]);
    db.close();
  });

  it('keeps the 主管领导 role on someone who still has reports', async () => {
    const db = await seeded();
    const err = await putPerson(
      db,
      person('boss', '赵处长', '10', { rankLevel: 'divisionChief', roles: ['official'] }),
    ).catch((e: unknown) => e);
    expect((err as ValidationError).issues[0]?.message).toBe(
      '仍是3名人员的主管领导,不能取消该角色;请先为他们另选主管领导',
    );
    db.close();
  });
});
