import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { ROSTER_COLUMNS, previewRosterImport, type Person } from '../../../shared/domain';
import {
  buildRosterExport,
  buildRosterTemplate,
  decodeCsv,
  readRosterFile,
  RosterFileError,
} from '../../../shared/documents/roster-xlsx';
import { applyRosterImport, listUnits, putPerson, putUnit, type DutyBookDb } from '../../../shared/store';
import { openTestDb, snapshot } from './helpers';

async function seed(db: DutyBookDb) {
  await putUnit(db, { id: 'org', name: '某市财政局', parentId: null });
  await putUnit(db, { id: 'ys', name: '预算管理科', parentId: 'org' });
  await putPerson(db, {
    id: 'p-chief',
    name: '王局长',
    unitId: 'org',
    positionCategory: 'comprehensive',
    rankLevel: 'bureauChief',
    roles: ['official', 'supervisor'],
    staffNo: 'CZ0001',
  });
}

/** An .xlsx written by exceljs as a clerk's Excel would: header row, then `rows`. */
async function xlsx(rows: (string | number | Date | null)[][], header = ROSTER_COLUMNS.map((c) => c.header), merge?: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员名册');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  if (merge) ws.mergeCells(merge);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const row = (name: string, staffNo: string, unit: string, rank = '一级科员', sup = 'CZ0001', roles = '公务员', birth: string | number | Date | null = '1988-05') =>
  ROSTER_COLUMNS.map((c) =>
    ({ name, staffNo, unitPath: unit, positionCategory: '综合管理类', rankLevel: rank, supervisor: sup, roles, birthMonth: birth })[
      c.field as string
    ] ?? null,
  );

async function preview(db: DutyBookDb, bytes: Uint8Array, name = '名册.xlsx') {
  const sheet = await readRosterFile(bytes, name);
  return previewRosterImport(sheet, { units: await db.orgUnits.toArray(), people: await db.people.toArray() });
}

describe('roster spreadsheet: read, apply, export', () => {
  it('imports an .xlsx in one transaction, creating units from their paths', async () => {
    const db = await openTestDb();
    await seed(db);
    const file = await xlsx([
      row('甲', 'A1', '某市财政局/预算管理科', '一级科员', 'A3'),
      row('乙', 'A2', '某市财政局/国库支付中心/核算科', '二级科员', 'A3'),
      row('丙科长', 'A3', '某市财政局/预算管理科', '乡科级正职', 'CZ0001', '公务员、主管领导', new Date(Date.UTC(1975, 9, 1))),
    ]);
    const p = await preview(db, file);
    expect(p.counts).toEqual({ new: 3, update: 0, same: 0, error: 0 });
    expect(await applyRosterImport(db, p)).toEqual({ added: 3, updated: 0, unitsCreated: 2 });
    const people = await db.people.toArray();
    const by = (n: string) => people.find((x) => x.name === n)!;
    expect(by('甲').supervisorId).toBe(by('丙科长').id);
    expect(by('丙科长').birthMonth).toBe('1975-10');
    expect((await listUnits(db)).map((u) => u.name)).toEqual(['某市财政局', '国库支付中心', '核算科', '预算管理科']);
    // Re-importing the same file: nothing to do.
    expect((await preview(db, file)).counts).toEqual({ new: 0, update: 0, same: 3, error: 0 });
  });

  it('a failure in the middle leaves nothing applied', async () => {
    const db = await openTestDb();
    await seed(db);
    const p = await preview(db, await xlsx([row('甲', 'A1', '某市财政局/新科'), row('乙', 'A2', '某市财政局/预算管理科')]));
    // The roster changes after the preview: someone else takes A2's 人员编号.
    await putPerson(db, { name: '后来者', unitId: 'ys', positionCategory: 'comprehensive', rankLevel: 'staff1', roles: ['official'], staffNo: 'A2' });
    const before = await snapshot(db);
    await expect(applyRosterImport(db, p)).rejects.toThrow(/第3行\(乙\):人员编号已属于“后来者”/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a preview with bad rows unless only the good rows are asked for', async () => {
    const db = await openTestDb();
    await seed(db);
    const p = await preview(db, await xlsx([row('甲', 'A1', '某市财政局/预算管理科'), row('乙', 'A2', '某市财政局/预算管里科')]));
    expect(p.counts.error).toBe(1);
    const before = await snapshot(db);
    await expect(applyRosterImport(db, p)).rejects.toThrow(/还有1行有误/);
    expect(await snapshot(db)).toEqual(before);
    expect(await applyRosterImport(db, p, { onlyGood: true })).toMatchObject({ added: 1 });
  });

  it('round-trips: export, edit in Excel, re-import shows the edit as 更新', async () => {
    const db = await openTestDb();
    await seed(db);
    await applyRosterImport(db, await preview(db, await xlsx([row('甲', 'A1', '某市财政局/预算管理科'), row('乙', 'A2', '某市财政局/预算管理科', '二级科员', '王局长', '公务员', 1990.5)])));
    const people = (await db.people.toArray()).filter((x) => x.active);
    const exported = await buildRosterExport(people, await db.orgUnits.toArray());
    expect((await preview(db, exported)).counts).toEqual({ new: 0, update: 0, same: 3, error: 0 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.buffer as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rankCol = ws.getRow(1).values as string[];
    const ci = rankCol.indexOf('职级*');
    ws.eachRow((r) => {
      if (r.getCell(1).value === '甲') r.getCell(ci).value = '四级主任科员';
    });
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const p = await preview(db, edited);
    expect(p.counts).toEqual({ new: 0, update: 1, same: 2, error: 0 });
    expect(p.rows.find((r) => r.status === 'update')).toMatchObject({ name: '甲', changes: ['职级'] });
    await applyRosterImport(db, p);
    expect((await db.people.toArray()).find((x: Person) => x.name === '甲')!.rankLevel).toBe('principalStaff4');
  });

  it('reads merged cells, the template, CSV in UTF-8 with BOM and in GBK', async () => {
    const db = await openTestDb();
    await seed(db);
    const merged = await preview(db, await xlsx([row('甲', 'A1', '某市财政局/预算管理科'), row('乙', 'A2', '某市财政局/预算管理科')], undefined, 'A3:B3'));
    expect(merged.rows[1]!.reasons[0]).toContain('有合并单元格(A3:B3)');
    // The template has every column and no person: importing it as it is says so.
    const t = await readRosterFile(await buildRosterTemplate('某市财政局'), '人员名册模板.xlsx');
    expect(t.header.map(String)).toEqual(ROSTER_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)));
    expect((await preview(db, await buildRosterTemplate('某市财政局'))).fileError).toContain('没有人员');
    const csv = '姓名,人员编号,单位,职位类别,职级\r\n"张,三",C1,某市财政局/预算管理科,综合管理类,一级科员\r\n';
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]);
    expect((await preview(db, bom, 'a.csv')).rows[0]).toMatchObject({ status: 'new', name: '张,三' });
    // GBK bytes of "姓名,人员编号,单位,职位类别,职级\n李四,C2,某市财政局,综合管理类,一级科员", as Excel saves 'CSV' on Chinese Windows.
    const gbkHex =
      'd0d5c3fb2cc8cbd4b1b1e0bac52cb5a5cebb2cd6b0cebbc0e0b1f02cd6b0bcb60ac0eecbc42c43322cc4b3cad0b2c6d5febed62cd7dbbacfb9dcc0edc0e02cd2bbbcb6bfc6d4b1';
    const gbk = Uint8Array.from(gbkHex.match(/../g)!.map((h) => parseInt(h, 16)));
    expect(decodeCsv(gbk)).toContain('李四');
    expect((await preview(db, gbk, 'b.csv')).rows[0]).toMatchObject({ status: 'new', name: '李四' });
  });

  it('refuses a .docx renamed .xlsx, an empty file, an old .xls and 50,000 rows, each in words', async () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    await expect(readRosterFile(docx, '名册.xlsx')).rejects.toThrow(/这不是Excel文件\(它是Word文档\)/);
    await expect(readRosterFile(new Uint8Array(0), '名册.xlsx')).rejects.toThrow(/是空的/);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(readRosterFile(xls, '名册.xls')).rejects.toThrow(/另存为/);
    await expect(readRosterFile(new TextEncoder().encode('hello'), '名册.xlsx')).rejects.toBeInstanceOf(RosterFileError);
    const big = 'x'.repeat(0) + ['姓名,人员编号,单位,职位类别,职级', ...Array.from({ length: 50_000 }, (_, i) => `人${i},N${i},某市财政局,综合管理类,一级科员`)].join('\n');
    await expect(readRosterFile(new TextEncoder().encode(big), 'big.csv')).rejects.toThrow(/约有50,001行,超过一次可导入的20,000人/);
  });

  it('refuses an .xlsx of 50,000 rows before building its cells', async () => {
    // The parts an .xlsx of 50,000 people has that the count reads (exceljs takes ~25 s to write one).
    const rows = Array.from({ length: 50_001 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>人${i}</t></is></c></row>`);
    const bytes = zipSync({
      'xl/workbook.xml': strToU8('<workbook/>'),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`),
    });
    await expect(readRosterFile(bytes, 'big.xlsx')).rejects.toThrow(/约有50,001行,超过一次可导入的20,000人/);
  });
});
