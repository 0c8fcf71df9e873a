import { describe, expect, it } from 'vitest';
import {
  ROSTER_COLUMNS,
  ROSTER_IMPORT_MAX_ROWS,
  parseDay,
  parseMonth,
  previewRosterImport,
  type OrgUnit,
  type Person,
  type RosterSheet,
  type SheetCell,
} from '../../../shared/domain';

const units: OrgUnit[] = [
  { id: 'org', name: '某市财政局', parentId: null, code: '', sortOrder: 0, path: '/org/' },
  { id: 'ys', name: '预算管理科', parentId: 'org', code: '', sortOrder: 1, path: '/org/ys/' },
  { id: 'bgs', name: '办公室', parentId: 'org', code: '', sortOrder: 0, path: '/org/bgs/' },
];
const chief: Person = {
  id: 'p-chief',
  name: '王局长',
  unitId: 'org',
  positionCategory: 'comprehensive',
  rankLevel: 'bureauChief',
  roles: ['official', 'supervisor'],
  supervisorId: null,
  active: true,
  staffNo: 'CZ0001',
};
const clerk: Person = {
  id: 'p-clerk',
  name: '李科员',
  unitId: 'ys',
  positionCategory: 'comprehensive',
  rankLevel: 'staff1',
  roles: ['official'],
  supervisorId: 'p-chief',
  active: true,
  staffNo: 'CZ0002',
  birthMonth: '1990-05',
};
const ctx = { units, people: [chief, clerk] };

const HEADER = ROSTER_COLUMNS.map((c) => c.header);
type Row = Partial<Record<(typeof ROSTER_COLUMNS)[number]['field'], SheetCell>>;
const base: Row = {
  name: '赵新',
  staffNo: 'CZ0100',
  unitPath: '某市财政局/办公室',
  positionCategory: '综合管理类',
  rankLevel: '二级科员',
  supervisor: 'CZ0001',
  roles: '公务员',
};
function sheet(rows: Row[], header: string[] = HEADER): RosterSheet {
  return {
    header,
    headerRow: 1,
    rows: rows.map((r, i) => ({
      rowNumber: i + 2,
      cells: header.map((h) => {
        const c = ROSTER_COLUMNS.find((x) => x.header === h);
        return c ? (r[c.field] ?? null) : null;
      }),
    })),
  };
}
const only = (rows: Row[]) => previewRosterImport(sheet(rows), ctx).rows;

describe('roster import preview', () => {
  it('sorts rows into 新增, 更新 and 不变 by 人员编号', () => {
    const p = previewRosterImport(
      sheet([
        base,
        { name: '李科员', staffNo: 'CZ0002', unitPath: '某市财政局/预算管理科', positionCategory: '综合管理类', rankLevel: '一级科员', supervisor: 'CZ0001', roles: '公务员', birthMonth: '1990-05' },
        { name: '王局长', staffNo: 'CZ0001', unitPath: '某市财政局', positionCategory: '综合管理类', rankLevel: '厅局级正职', roles: '公务员、主管领导' },
      ]),
      ctx,
    );
    expect(p.rows.map((r) => r.status)).toEqual(['new', 'same', 'same']);
    expect(p.counts).toEqual({ new: 1, update: 0, same: 2, error: 0 });
    const upd = only([{ name: '李科员', staffNo: 'CZ0002', unitPath: '某市财政局/办公室', positionCategory: '综合管理类', rankLevel: '四级主任科员', supervisor: '王局长', birthMonth: '1990-05' }]);
    expect(upd[0]).toMatchObject({ status: 'update', changes: ['单位', '职级'] });
  });

  it('refuses a file without a required column, naming it', () => {
    const p = previewRosterImport(sheet([base], HEADER.filter((h) => h !== '职级' && h !== '单位')), ctx);
    expect(p.fileError).toContain('“单位”、“职级”');
    expect(p.rows).toEqual([]);
  });

  it('refuses an empty sheet and one over the cap', () => {
    expect(previewRosterImport(sheet([]), ctx).fileError).toContain('没有人员');
    const many = Array.from({ length: ROSTER_IMPORT_MAX_ROWS + 1 }, (_, i) => ({ ...base, staffNo: `N${i}` }));
    expect(previewRosterImport(sheet(many), ctx).fileError).toMatch(/超过一次可导入的20,000行/);
  });

  it('marks a row with merged cells', () => {
    const s = sheet([base]);
    s.rows[0]!.merged = 'A2:B2';
    expect(previewRosterImport(s, ctx).rows[0]!.reasons).toContain('有合并单元格(A2:B2),请取消合并,每格各填一项');
  });

  it('reads dates typed as text, serials and real dates, and refuses nonsense', () => {
    for (const v of ['1985年3月', '1985.3', '1985.03', '1985-03', '1985/3', '198503', 1985.3, 31107, new Date(Date.UTC(1985, 2, 1))]) {
      expect(parseMonth(v, '出生年月'), String(v)).toEqual({ ok: true, value: '1985-03' });
    }
    expect(parseMonth(1985.1, '出生年月')).toMatchObject({ ok: false, reason: expect.stringContaining('1月还是10月') });
    expect(parseMonth('1985', '出生年月')).toMatchObject({ ok: false, reason: expect.stringContaining('只有年份') });
    expect(parseMonth('去年', '出生年月')).toMatchObject({ ok: false });
    expect(parseMonth('1985-13', '出生年月')).toMatchObject({ ok: false });
    for (const v of ['2012-09-01', '2012/9/1', '2012.9.1', '2012年9月1日', '20120901', 41153, new Date(Date.UTC(2012, 8, 1))]) {
      expect(parseDay(v, '入职(调入)日期'), String(v)).toEqual({ ok: true, value: '2012-09-01' });
    }
    expect(parseDay('2012年9月', '入职(调入)日期')).toMatchObject({ ok: false, reason: expect.stringContaining('只写到月') });
    expect(parseDay('2023-02-30', '入职(调入)日期')).toMatchObject({ ok: false });
    const rows = only([{ ...base, birthMonth: '八五年' }, { ...base, staffNo: 'CZ0101', joinedOn: '2012.9.1', birthMonth: '1985年3月' }]);
    expect(rows[0]!.reasons[0]).toContain('出生年月“八五年”不是年月');
    expect(rows[1]).toMatchObject({ status: 'new', person: { joinedOn: '2012-09-01', birthMonth: '1985-03' } });
  });

  it('marks every row of a 人员编号 repeated in the file', () => {
    const rows = only([base, { ...base, name: '赵新二' }]);
    expect(rows.map((r) => r.status)).toEqual(['error', 'error']);
    expect(rows[0]!.reasons[0]).toBe('人员编号“CZ0100”在文件中重复(另见第3行),每人只能填一行');
  });

  it('refuses a 主管领导 neither in the file nor in the roster, and one without the role', () => {
    expect(only([{ ...base, supervisor: 'CZ9999' }])[0]!.reasons).toEqual([
      '主管领导“CZ9999”既不在本文件中,也不在人员名册中,请填写主管领导的人员编号',
    ]);
    expect(only([{ ...base, supervisor: '李科员' }])[0]!.reasons[0]).toContain('没有“主管领导”角色');
    // A supervisor added by the same file, by 人员编号 or by name.
    const rows = only([
      { ...base, supervisor: '新科长' },
      { ...base, name: '新科长', staffNo: 'CZ0200', roles: '公务员、主管领导', supervisor: 'CZ0001' },
    ]);
    expect(rows.map((r) => r.status)).toEqual(['new', 'new']);
    expect(rows[0]!.person!.supervisor).toEqual({ staffNo: 'CZ0200' });
  });

  it('fails a row whose 主管领导 row is bad, so importing only the good rows keeps every reference', () => {
    const rows = only([
      { ...base, supervisor: 'CZ0200' },
      { ...base, name: '新科长', staffNo: 'CZ0200', roles: '公务员、主管领导', rankLevel: '不存在的职级' },
    ]);
    expect(rows[0]!.reasons).toEqual(['主管领导“新科长”所在的第3行有误,请先改正该行']);
  });

  it('suggests the nearest unit for a unit path with a typo, and creates new units otherwise', () => {
    const typo = only([{ ...base, unitPath: '某市财政局/预算管里科' }])[0]!;
    expect(typo.reasons).toEqual(['单位“某市财政局/预算管里科”不存在,是否应为“某市财政局/预算管理科”?']);
    expect(only([{ ...base, unitPath: '某市财正局/办公室' }])[0]!.reasons[0]).toContain('是否应为“某市财政局”');
    const p = previewRosterImport(sheet([{ ...base, unitPath: '某市财政局/国库支付中心/核算科' }]), ctx);
    expect(p.rows[0]!.status).toBe('new');
    expect(p.newUnits).toEqual(['某市财政局/国库支付中心/核算科']);
    // The top-level unit may be left out.
    expect(only([{ ...base, unitPath: '办公室' }])[0]!.person!.unitPath).toEqual(['某市财政局', '办公室']);
  });

  it('removes pasted control characters, and refuses rank and category that do not fit', () => {
    const rows = only([
      { ...base, name: '赵\u0007新\u200b', duties: '预算\u0001编制' },
      { ...base, staffNo: 'CZ0300', positionCategory: '专业技术类', rankLevel: '一级科员' },
      { ...base, staffNo: 'CZ0301', positionCategory: '后勤类', gender: '未知', roles: '局长' },
    ]);
    expect(rows[0]).toMatchObject({ status: 'new', name: '赵新', person: { duties: '预算编制' } });
    expect(rows[1]!.reasons).toEqual(['“一级科员”不是专业技术类公务员的职级']);
    expect(rows[2]!.reasons).toEqual([
      '职位类别“后勤类”不正确,应为综合管理类、专业技术类或行政执法类',
      '角色“局长”不正确,应为公务员、主管领导、人事部门',
      '性别“未知”不正确,应为男或女',
    ]);
  });

  it('refuses a loop of 主管领导 and dropping the role while someone reports', () => {
    const loop = only([
      { name: '王局长', staffNo: 'CZ0001', unitPath: '某市财政局', positionCategory: '综合管理类', rankLevel: '厅局级正职', roles: '公务员、主管领导', supervisor: 'CZ0002' },
      { name: '李科员', staffNo: 'CZ0002', unitPath: '某市财政局/预算管理科', positionCategory: '综合管理类', rankLevel: '一级科员', roles: '公务员、主管领导', supervisor: 'CZ0001' },
    ]);
    expect(loop.every((r) => r.reasons.some((m) => m.includes('成环')))).toBe(true);
    const drop = only([{ name: '王局长', staffNo: 'CZ0001', unitPath: '某市财政局', positionCategory: '综合管理类', rankLevel: '厅局级正职', roles: '公务员' }]);
    expect(drop[0]!.reasons).toEqual(['仍是1人的主管领导,角色中须保留“主管领导”']);
  });

  it('keeps a field whose column is left out, and clears one whose cell is blank', () => {
    const header = HEADER.filter((h) => h !== '出生年月');
    const row = { name: '李科员', staffNo: 'CZ0002', unitPath: '某市财政局/预算管理科', positionCategory: '综合管理类', rankLevel: '一级科员', supervisor: 'CZ0001', roles: '公务员' };
    expect(previewRosterImport(sheet([row], header), ctx).rows[0]).toMatchObject({ status: 'same', person: { birthMonth: '1990-05' } });
    expect(previewRosterImport(sheet([row]), ctx).rows[0]).toMatchObject({ status: 'update', changes: ['出生年月'] });
  });
});
