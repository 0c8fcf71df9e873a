import { describe, expect, it } from 'vitest';
import {
  childUnitPath,
  isWithinUnit,
  localProfileSchema,
  normaliseUnitPath,
  personInputSchema,
  profileInputSchema,
  sortUnitsAsTree,
  unitDepth,
  unitPathIds,
} from '../../../shared/domain';

const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('unit paths', () => {
  it('does not let unit 1 prefix-match unit 10', () => {
    expect(isWithinUnit('/10/', '/1/')).toBe(false);
    expect(isWithinUnit('/10/3/', '/1/')).toBe(false);
    expect(isWithinUnit('/1/3/', '/1/')).toBe(true);
  });

  it('stays delimiter-safe when a caller forgets the trailing slash', () => {
    expect(isWithinUnit('/10/', '/1')).toBe(false);
    expect(isWithinUnit('1/3', '/1')).toBe(true);
  });

  it('counts a unit as within itself, but not its parent as within it', () => {
    expect(isWithinUnit('/1/2/', '/1/2/')).toBe(true);
    expect(isWithinUnit('/1/', '/1/2/')).toBe(false);
    expect(isWithinUnit('/1/2/', '/')).toBe(true);
  });

  it('builds child paths and reads them back', () => {
    const top = childUnitPath(null, 'a');
    const child = childUnitPath(top, 'b');
    expect(top).toBe('/a/');
    expect(child).toBe('/a/b/');
    expect(unitPathIds(child)).toEqual(['a', 'b']);
    expect(unitDepth(child)).toBe(2);
    expect(unitDepth('/')).toBe(0);
    expect(normaliseUnitPath('a//b')).toBe('/a/b/');
  });

  it('refuses a unit id that would break the path', () => {
    expect(() => childUnitPath('/a/', 'b/c')).toThrow(RangeError);
    expect(() => childUnitPath('/a/', '')).toThrow(RangeError);
  });

  it('orders units as a tree, siblings by sort order then name', () => {
    const u = (id: string, parentId: string | null, sortOrder: number, name = id) => ({
      id,
      parentId,
      sortOrder,
      name,
    });
    const sorted = sortUnitsAsTree([
      u('c', 'a', 2),
      u('b', 'a', 1),
      u('a', null, 0),
      u('d', null, 1),
      u('e', 'b', 0),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(['a', 'b', 'e', 'c', 'd']);
  });
});

const goodProfile = {
  name: ' 张三 ',
  unitName: '办公室',
  title: '',
  positionCategory: 'comprehensive',
  rankLevel: 'principalStaff1',
  roles: ['hr', 'official', 'hr'],
  presetId: 'hubei',
};

describe('profile input', () => {
  it('trims text, drops an empty 职务 and puts roles in canonical order without repeats', () => {
    const r = profileInputSchema.parse(goodProfile);
    expect(r.name).toBe('张三');
    expect(r.title).toBeUndefined();
    expect(r.roles).toEqual(['official', 'hr']);
  });

  it('names every missing field in the policy’s words', () => {
    const r = profileInputSchema.safeParse({
      ...goodProfile,
      name: '  ',
      unitName: undefined,
      positionCategory: '',
      rankLevel: '',
      roles: [],
      presetId: 'x',
    });
    expect(messages(r)).toEqual({
      name: '请填写姓名',
      unitName: '请填写所在单位',
      positionCategory: '请选择职位类别',
      rankLevel: '请选择职级',
      roles: '请至少选择一个角色',
      presetId: '请选择考核办法预设',
    });
  });

  it('rejects a rank level that belongs to another position category', () => {
    const r = profileInputSchema.safeParse({ ...goodProfile, rankLevel: 'enfOfficer1' });
    expect(messages(r)).toEqual({ rankLevel: '“一级主办”不是综合管理类公务员的职级,请重新选择' });
  });

  it('accepts a leadership post in any category', () => {
    expect(
      profileInputSchema.safeParse({
        ...goodProfile,
        positionCategory: 'enforcement',
        rankLevel: 'sectionChief',
      }).success,
    ).toBe(true);
  });

  it('limits the length of a name', () => {
    expect(messages(profileInputSchema.safeParse({ ...goodProfile, name: '张'.repeat(51) }))).toEqual({
      name: '姓名不能超过50个字',
    });
  });

  it('requires a stored profile to carry id "local" and ISO timestamps', () => {
    const stored = {
      ...profileInputSchema.parse(goodProfile),
      id: 'local',
      personId: 'P1',
      createdAt: '2026-11-23T08:00:00.000Z',
      updatedAt: '2026-11-23T08:00:00.000Z',
    };
    expect(localProfileSchema.safeParse(stored).success).toBe(true);
    expect(localProfileSchema.safeParse({ ...stored, id: 'other' }).success).toBe(false);
    expect(localProfileSchema.safeParse({ ...stored, createdAt: 'yesterday' }).success).toBe(false);
  });
});

describe('person input', () => {
  const person = {
    name: '李四',
    unitId: 'u1',
    positionCategory: 'professional',
    rankLevel: 'proManager1',
    roles: ['official'],
  };

  it('defaults to active with no supervisor', () => {
    expect(personInputSchema.parse(person)).toMatchObject({ active: true, supervisorId: null });
  });

  it('refuses a person as their own supervisor', () => {
    expect(messages(personInputSchema.safeParse({ ...person, id: 'p1', supervisorId: 'p1' }))).toEqual({
      supervisorId: '主管领导不能是本人',
    });
  });

  it('requires at least one role', () => {
    expect(messages(personInputSchema.safeParse({ ...person, roles: [] }))).toEqual({
      roles: '请至少选择一个角色',
    });
  });
});
