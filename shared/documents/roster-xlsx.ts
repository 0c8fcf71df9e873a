/**
 * The roster as a spreadsheet (exceljs): the template 人员名册模板.xlsx, the export of the roster (or
 * of one unit's people) in the same columns, and the reader that turns a picked .xlsx or .csv into
 * the sheet the import previews (shared/domain/roster-import.ts). Runs in Node, the window and a
 * worker alike.
 *
 * The template: sheet “人员名册” (the header row, bold and frozen, required columns marked “*”; drop-
 * down lists for 职位类别, 职级, 性别 and 角色 on the first 5,000 rows; text cells for 人员编号 and the
 * dates, so Excel does not turn “0012” into 12 or “1985.10” into 1985.1), sheet “填写说明” (each
 * column: required or not, what to write, an example) and a hidden sheet “选项” holding the lists.
 * Every sheet prints on A4, landscape, one page wide, the header row repeated.
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import {
  POSITION_CATEGORIES,
  RANK_LEVELS,
  ROLES,
  ROSTER_COLUMNS,
  ROSTER_IMPORT_MAX_ROWS,
  genderLabels,
  mapHeader,
  positionCategoryLabels,
  rankLevelLabel,
  roleLabels,
  type OrgUnit,
  type Person,
  type RosterSheet,
  type SheetCell,
  type SheetRow,
} from '../domain';

export const ROSTER_TEMPLATE_NAME = '人员名册模板.xlsx';
/** Rows of the template that carry the drop-down lists. */
const VALIDATED_ROWS = 5000;

type Ws = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
};

function a4(ws: ExcelJS.Worksheet, header = true): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(header ? { printTitlesRow: '1:1' } : {}),
  };
  ws.headerFooter = { oddFooter: '第 &P 页,共 &N 页' };
}

const colLetter = (i: number): string => {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

const TEXT_FIELDS = new Set(['staffNo', 'birthMonth', 'rankSince', 'joinedOn', 'probationEnd', 'idNumber', 'supervisor']);

/** The 人员名册 sheet: header, widths, text formats; rows added by the caller. */
function rosterSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = ROSTER_COLUMNS.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.field,
    width: c.width,
    ...(TEXT_FIELDS.has(c.field) ? { style: { numFmt: '@' } } : {}),
  }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.height = 22;
  ROSTER_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFDE9D9' : 'FFEFEFEF' } };
    cell.border = { bottom: { style: 'thin' } };
    cell.note = c.note;
  });
  a4(ws);
  return ws;
}

/** The template: the header with its lists, and 填写说明 (examples there, not in rows that could be imported by mistake). */
export async function buildRosterTemplate(orgName = '某市财政局'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '履责记实';
  wb.created = new Date(0);
  const ws = rosterSheet(wb, '人员名册') as Ws;

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'h', width: 18 },
    { header: '是否必填', key: 'r', width: 10 },
    { header: '填写要求', key: 'n', width: 70 },
    { header: '示例', key: 'e', width: 24 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of ROSTER_COLUMNS) {
    const example = c.field === 'unitPath' ? `${orgName}/办公室` : c.example;
    const row = help.addRow({ h: c.header, r: c.required ? '必填' : '选填', n: c.note, e: example });
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  help.addRow({});
  for (const line of [
    '1. 在“人员名册”表中每人一行,从第2行起填写(示例见本表“示例”列);不要合并单元格,不要改动第一行的列名。',
    '2. 再次导入时按“人员编号”对应同一人:编号已在名册中的行更新该人员,其他行新增人员。',
    '3. 删除某一列表示导入时不改动该项;保留该列而单元格留空,表示清空该项(必填项除外)。',
    '4. 导入前会逐行显示“新增、更新、不变、有误”,确认后才写入名册;有误的行可先改正,也可只导入无误的行。',
    `5. 一次最多导入${ROSTER_IMPORT_MAX_ROWS.toLocaleString('en-US')}人。导入后请在“单位和人员”中签发人员名册。`,
  ]) {
    const row = help.addRow({ h: line });
    help.mergeCells(`A${row.number}:D${row.number}`);
    row.alignment = { wrapText: true };
  }
  a4(help);
  help.pageSetup.orientation = 'portrait';

  // The lists, on a hidden sheet (a list typed into the validation may hold at most 255 characters).
  const lists = wb.addWorksheet('选项', { state: 'hidden' });
  const columns: [string, string[]][] = [
    ['职位类别', POSITION_CATEGORIES.map((c) => positionCategoryLabels[c])],
    ['职级', RANK_LEVELS.map((r) => r.label)],
    ['性别', Object.values(genderLabels)],
    ['角色', [...ROLES.map((r) => roleLabels[r]), '公务员、主管领导', '公务员、人事部门', '公务员、主管领导、人事部门']],
  ];
  columns.forEach(([title, values], i) => {
    lists.getCell(1, i + 1).value = title;
    values.forEach((v, j) => (lists.getCell(j + 2, i + 1).value = v));
  });
  const fieldIndex = mapHeader(ROSTER_COLUMNS.map((c) => c.header));
  const validate = (field: 'positionCategory' | 'rankLevel' | 'gender' | 'roles', listCol: number, count: number, strict: boolean) => {
    const letter = colLetter(fieldIndex.get(field)!);
    const l = colLetter(listCol);
    ws.dataValidations.add(`${letter}2:${letter}${VALIDATED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`选项!$${l}$2:$${l}$${count + 1}`],
      showErrorMessage: strict,
      errorStyle: strict ? 'stop' : 'information',
      errorTitle: '请从下拉列表选择',
      error: '请从下拉列表中选择。',
    });
  };
  validate('positionCategory', 0, columns[0]![1].length, true);
  validate('rankLevel', 1, columns[1]![1].length, true);
  validate('gender', 2, columns[2]![1].length, true);
  // Roles may be combined in other ways than the list's: a hint, not a stop.
  validate('roles', 3, columns[3]![1].length, false);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Unit names from the top down, as the 单位 column writes them. */
export function unitPathText(unitId: string, units: readonly OrgUnit[]): string {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: string[] = [];
  for (let u = byId.get(unitId); u; u = u.parentId ? byId.get(u.parentId) : undefined) out.unshift(u.name);
  return out.join('/');
}

/** One person as a row of the template. */
export function rosterRow(p: Person, units: readonly OrgUnit[], byId: ReadonlyMap<string, Person>): Record<string, string> {
  const sup = p.supervisorId ? byId.get(p.supervisorId) : undefined;
  return {
    name: p.name,
    staffNo: p.staffNo ?? '',
    unitPath: unitPathText(p.unitId, units),
    title: p.title ?? '',
    positionCategory: positionCategoryLabels[p.positionCategory],
    rankLevel: rankLevelLabel(p.rankLevel),
    supervisor: sup ? (sup.staffNo ?? sup.name) : '',
    roles: p.roles.map((r) => roleLabels[r]).join('、'),
    gender: p.gender ? genderLabels[p.gender] : '',
    birthMonth: p.birthMonth ?? '',
    ethnicity: p.ethnicity ?? '',
    politicalStatus: p.politicalStatus ?? '',
    education: p.education ?? '',
    rankSince: p.rankSince ?? '',
    duties: p.duties ?? '',
    joinedOn: p.joinedOn ?? '',
    probationEnd: p.probationEnd ?? '',
  };
}

/**
 * The roster (or a unit's people) in the template's columns, so it can be edited and imported again.
 * `people` are written in the order given; `everyone` finds supervisors outside them. The 身份证号
 * column is left out: the file leaves HR's computer more easily than the database, and a re-import
 * without the column keeps the numbers stored.
 */
export async function buildRosterExport(
  people: readonly Person[],
  units: readonly OrgUnit[],
  everyone: readonly Person[] = people,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '履责记实';
  const ws = rosterSheet(wb, '人员名册');
  ws.spliceColumns(ROSTER_COLUMNS.findIndex((c) => c.field === 'idNumber') + 1, 1);
  const byId = new Map(everyone.map((p) => [p.id, p]));
  for (const p of people) {
    const row: Record<string, string> = rosterRow(p, units, byId);
    ws.addRow(ROSTER_COLUMNS.filter((c) => c.field !== 'idNumber').map((c) => row[c.field] ?? ''));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---- Reading a picked file ----

/** Why a file is not a roster sheet at all, in words for the clerk. */
export class RosterFileError extends Error {
  override name = 'RosterFileError';
}

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The zip's entry names, without inflating any of them; null when it is not a readable zip. */
function zipNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

/** The most rows any worksheet of the zip holds, counted from its XML without building cells. */
function largestSheetRows(bytes: Uint8Array): number {
  let most = 0;
  const sheets = unzipSync(bytes, { filter: (f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name) });
  const dec = new TextDecoder();
  for (const data of Object.values(sheets)) {
    const xml = dec.decode(data);
    let n = 0;
    for (let i = xml.indexOf('<row '); i !== -1; i = xml.indexOf('<row ', i + 5)) n++;
    most = Math.max(most, n);
  }
  return most;
}

function tooMany(n: number): RosterFileError {
  return new RosterFileError(
    `文件约有${n.toLocaleString('en-US')}行,超过一次可导入的${ROSTER_IMPORT_MAX_ROWS.toLocaleString('en-US')}人。未读取任何人员;请把名册分成几个文件,分几次导入。`,
  );
}

/** A cell value of exceljs as text, number, date or flag. */
function plain(v: ExcelJS.CellValue): SheetCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return plain((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return null;
  }
  return null;
}

/** The header row: the first of the first ten rows whose cells name a 姓名 column. */
function findHeader(rows: { rowNumber: number; cells: SheetCell[] }[]): number {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    if (mapHeader(rows[i]!.cells).has('name')) return i;
  }
  return -1;
}

function toSheet(rows: { rowNumber: number; cells: SheetCell[] }[], merges: { top: number; bottom: number; range: string }[]): RosterSheet | null {
  const h = findHeader(rows);
  if (h === -1) return null;
  const headerRow = rows[h]!.rowNumber;
  const data: SheetRow[] = rows.slice(h + 1).map((r) => {
    const m = merges.find((x) => x.top <= r.rowNumber && x.bottom >= r.rowNumber && x.bottom > headerRow);
    return m ? { ...r, merged: m.range } : r;
  });
  return { header: rows[h]!.cells, headerRow, rows: data };
}

async function readXlsx(bytes: Uint8Array): Promise<RosterSheet> {
  const rows = largestSheetRows(bytes);
  if (rows > ROSTER_IMPORT_MAX_ROWS + 10) throw tooMany(rows);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new RosterFileError('这个Excel文件已损坏或不完整,无法读取。请在Excel中打开并“另存为”.xlsx后重新导入。');
  }
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible' && ws.name === '选项') continue;
    const read: { rowNumber: number; cells: SheetCell[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as ExcelJS.CellValue[];
      const cells: SheetCell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(plain(values[i] ?? null));
      read.push({ rowNumber, cells });
    });
    const merges = Object.values((ws as unknown as { _merges: Record<string, { top: number; bottom: number; range: string }> })._merges ?? {}).map(
      (m) => ({ top: m.top, bottom: m.bottom, range: m.range }),
    );
    const sheet = toSheet(read, merges);
    if (sheet) return sheet;
  }
  throw new RosterFileError(
    '文件中找不到人员名册:没有哪一张工作表的前几行有“姓名”列。请使用“下载模板”得到的表格填写后导入。',
  );
}

/** The text of a .csv: UTF-8 (with or without BOM), or GB18030/GBK as Excel saves “CSV” on a Chinese Windows. */
export function decodeCsv(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Excel's “CSV (逗号分隔)” on a Chinese system writes the ANSI code page, GBK.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 fields: commas (or tabs, when the first line has more tabs than commas), quotes, CR LF. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const sep = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readCsv(bytes: Uint8Array): RosterSheet {
  const text = decodeCsv(bytes);
  if (text.includes('\u0000')) throw new RosterFileError('这不是CSV文本文件。请选择Excel文件(.xlsx)或CSV文件(.csv)。');
  const lines = parseCsv(text);
  if (lines.length > ROSTER_IMPORT_MAX_ROWS + 10) throw tooMany(lines.length);
  const rows = lines.map((cells, i) => ({ rowNumber: i + 1, cells: cells }));
  const sheet = toSheet(rows, []);
  if (!sheet) {
    throw new RosterFileError('文件中找不到人员名册:前几行没有“姓名”列。请使用“下载模板”得到的表格填写后导入。');
  }
  return sheet;
}

/**
 * A picked file as a roster sheet: an .xlsx by its content (a zip holding xl/workbook.xml), else a
 * .csv by its name. Throws RosterFileError with what is wrong and what to do.
 */
export async function readRosterFile(bytes: Uint8Array, fileName: string): Promise<RosterSheet> {
  const lower = fileName.toLowerCase();
  if (bytes.byteLength === 0) throw new RosterFileError(`文件“${fileName}”是空的(0字节)。请选择填好的人员名册。`);
  if (startsWith(bytes, ZIP)) {
    const names = zipNames(bytes);
    if (names?.includes('xl/workbook.xml')) return readXlsx(bytes);
    const what = names?.some((n) => n.startsWith('word/'))
      ? '(它是Word文档)'
      : names?.some((n) => n.startsWith('ppt/'))
        ? '(它是PowerPoint演示文稿)'
        : '';
    throw new RosterFileError(
      `这不是Excel文件${what}:“${fileName}”的内容不是电子表格,改扩展名不能把它变成Excel文件。请选择用“下载模板”填写的.xlsx文件。`,
    );
  }
  if (startsWith(bytes, OLE)) {
    throw new RosterFileError(
      `“${fileName}”是旧版Office格式(.xls或.doc),不能直接导入。请在Excel或WPS中打开它,“另存为”Excel工作簿(.xlsx)后再导入。`,
    );
  }
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm') || lower.endsWith('.xls')) {
    throw new RosterFileError(`这不是Excel文件:“${fileName}”的内容不是电子表格。请选择用“下载模板”填写的.xlsx文件。`);
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(bytes);
  throw new RosterFileError(`不能导入“${fileName}”:请选择Excel文件(.xlsx)或CSV文件(.csv)。`);
}
