/**
 * The roster from a spreadsheet (人员名册模板.xlsx, or a .csv of the same columns): the columns, how a
 * cell's text becomes a field of the person record, and the preview of an import — each row 新增 /
 * 更新 / 不变 / 有误 (with the reason and the Excel row number), matched by 人员编号.
 *
 * Pure: the sheet (already read from the file: shared/documents/roster-xlsx.ts) and the roster as it
 * stands go in, the preview comes out; nothing is written. What a confirmed preview writes is
 * shared/store/roster-import-repo.ts, through the same checks as a person saved by hand.
 *
 * Rules a clerk can rely on:
 * - 人员编号 is the key: a row whose 人员编号 is in the roster updates that person; otherwise it adds one.
 * - A column left out of the file leaves that field as it is; a blank cell in a column that is there
 *   clears an optional field (so an exported roster, edited and re-imported, says what it shows).
 * - 单位 is the path of unit names from the top ("某市财政局/预算管理科"); units not yet in the roster
 *   are created, unless the name is one or two characters away from an existing one (a typo, then the
 *   row is refused with the nearest name suggested).
 * - 主管领导 is a 人员编号 (in the file or the roster) or a name, when only one person has it.
 */
import type { z } from 'zod';
import type { OrgUnit, Person } from './org';
import { personInputSchema } from './org';
import { compareChinese } from './collate';
import { isValidYmd } from './dates';
import { cleanLine } from './text';
import {
  POSITION_CATEGORIES,
  RANK_LEVELS,
  ROLES,
  findRankLevel,
  positionCategoryLabels,
  roleLabels,
  type PositionCategory,
  type Role,
} from './vocabulary';

// ---- The columns ----

export type RosterField =
  | 'name'
  | 'staffNo'
  | 'unitPath'
  | 'title'
  | 'positionCategory'
  | 'rankLevel'
  | 'supervisor'
  | 'roles'
  | 'gender'
  | 'birthMonth'
  | 'ethnicity'
  | 'politicalStatus'
  | 'education'
  | 'idNumber'
  | 'rankSince'
  | 'duties'
  | 'joinedOn'
  | 'probationEnd';

export type RosterColumn = {
  field: RosterField;
  /** The header as the template writes it. */
  header: string;
  required: boolean;
  /** Other headers read as this column (older lists, other systems). */
  aliases: readonly string[];
  /** What the 填写说明 sheet says of it. */
  note: string;
  example: string;
  /** Width in Excel's characters. */
  width: number;
};

const col = (
  field: RosterField,
  header: string,
  required: boolean,
  aliases: readonly string[],
  note: string,
  example: string,
  width: number,
): RosterColumn => ({ field, header, required, aliases, note, example, width });

/** The template's columns, in order. */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  col('name', '姓名', true, ['人员姓名'], '必填。不超过50个字。', '张伟', 10),
  col('staffNo', '人员编号', true, ['编号', '工号', '人员代码'], '必填,本单位内不重复,不含空格。再次导入时按人员编号更新同一人。', 'CZ0001', 12),
  col('unitPath', '单位', true, ['所在单位', '单位路径', '部门', '处室'], '必填。从本机关起逐级填写单位名称,用“/”隔开;名册中没有的下级单位会在导入时新建。', '某市财政局/预算管理科', 28),
  col('title', '职务', false, ['现任职务'], '选填,不超过50个字。', '科长', 12),
  col('positionCategory', '职位类别', true, [], `必填:${POSITION_CATEGORIES.map((c) => positionCategoryLabels[c]).join('、')}。`, '综合管理类', 12),
  col('rankLevel', '职级', true, ['职务职级', '职务层次', '职级层次'], '必填,从下拉列表选择;须与职位类别相符(如“一级主任科员”属综合管理类)。', '一级主任科员', 14),
  col('supervisor', '主管领导', false, ['主管领导人员编号', '主管领导编号'], '选填。填主管领导的人员编号(本文件中或名册中的);姓名唯一时也可填姓名。主管领导须具有“主管领导”角色。', 'CZ0002', 12),
  col('roles', '角色', false, [], `选填,可填多个,用“、”隔开:${ROLES.map((r) => roleLabels[r]).join('、')}。新增人员不填时为“公务员”。`, '公务员、主管领导', 16),
  col('gender', '性别', false, [], '选填:男、女。', '男', 6),
  col('birthMonth', '出生年月', false, ['出生日期', '出生年月日'], '选填,如1985-03、1985年3月、1985.03。', '1985-03', 10),
  col('ethnicity', '民族', false, [], '选填。', '汉族', 8),
  col('politicalStatus', '政治面貌', false, [], '选填,如中共党员、群众。', '中共党员', 10),
  col('education', '学历', false, [], '选填,如大学本科、研究生。', '大学本科', 10),
  col('idNumber', '身份证号', false, ['身份证号码', '公民身份号码'], '选填,18位。只保存在人事部门本机,不随名册发给他人。', '', 20),
  col('rankSince', '任现职务职级时间', false, ['任现职级时间', '任现职时间'], '选填,年-月-日,如2020-07-01、2020年7月1日。', '2020-07-01', 14),
  col('duties', '从事或分管工作', false, ['分管工作', '从事工作'], '选填,不超过200个字。', '预算编制', 20),
  col('joinedOn', '入职(调入)日期', false, ['入职日期', '调入日期', '入职(调入)时间', '入职时间'], '选填,年-月-日。不填表示在考核记录开始之前已在本单位。', '2012-09-01', 14),
  col('probationEnd', '试用期满日期', false, ['试用期满', '试用期满时间'], '选填,年-月-日,不早于入职(调入)日期。', '', 14),
];

const columnByField = new Map(ROSTER_COLUMNS.map((c) => [c.field, c]));
export const rosterColumn = (f: RosterField): RosterColumn => columnByField.get(f)!;

/** Headers compared without spaces, asterisks, full-width brackets or notes in brackets. */
function headerKey(h: string): string {
  return cleanLine(h)
    .replace(/[\s*＊]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/\((必填|选填)\)$/, '')
    .trim();
}

const headerLookup = new Map<string, RosterField>();
for (const c of ROSTER_COLUMNS) {
  headerLookup.set(headerKey(c.header), c.field);
  for (const a of c.aliases) headerLookup.set(headerKey(a), c.field);
}

/** Which column of the sheet holds which field; headers not known are ignored. */
export function mapHeader(header: readonly unknown[]): Map<RosterField, number> {
  const out = new Map<RosterField, number>();
  header.forEach((h, i) => {
    const field = headerLookup.get(headerKey(cellText(h)));
    if (field && !out.has(field)) out.set(field, i);
  });
  return out;
}

// ---- Caps ----

/**
 * The most data rows one import takes: the 20,000 people the largest benchmark scale holds (a file
 * over it is refused before its cells are built, and says to split it).
 */
export const ROSTER_IMPORT_MAX_ROWS = 20_000;
/**
 * The largest roster file read, checked from its size before a byte is read (as shared/host/
 * file-limits.ts does for every file the app reads): an exported roster of 5,000 people is about
 * 0.3 MB, so 20,000 rows with long cells stay far below it.
 */
export const ROSTER_FILE_MAX_BYTES = 32 * 1024 * 1024;

// ---- The sheet as read from a file ----

/** A cell as a reader gives it: text, a number, a date (exceljs gives a UTC-midnight Date), a flag. */
export type SheetCell = string | number | boolean | Date | null;

export type SheetRow = {
  /** The row's number in Excel (1-based), said in every message. */
  rowNumber: number;
  cells: SheetCell[];
  /** A merged range that touches this row ("A5:B5"), if any. */
  merged?: string;
};

export type RosterSheet = {
  /** The header row's cells and its row number. */
  header: SheetCell[];
  headerRow: number;
  rows: SheetRow[];
};

/** A cell's text, cleaned of control characters and surrounding spaces. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return typeof v === 'string' ? cleanLine(v).trim() : '';
}

// ---- Dates ----

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Excel's day 1 is 1900-01-01, with the 1900 leap-day bug: day 60 is 1900-02-29, serial 61 is 1900-03-01. */
function serialToYmd(serial: number): { y: number; m: number; d: number } | null {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2958465) return null;
  const ms = Date.UTC(1899, 11, 30) + serial * 86_400_000;
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

type DateResult = { ok: true; value: string } | { ok: false; reason: string };

const plausibleYear = (y: number) => y >= 1900 && y <= 2100;

/**
 * A day: a real date, an Excel date serial, or text as clerks type it — 2012-09-01, 2012/9/1,
 * 2012.9.1, 2012年9月1日, 20120901. A month alone is refused (the day is needed).
 */
export function parseDay(v: SheetCell, what: string): DateResult | null {
  if (v === null || v === '') return null;
  let y: number, m: number, d: number;
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return { ok: false, reason: `${what}不是有效日期` };
    y = v.getUTCFullYear();
    m = v.getUTCMonth() + 1;
    d = v.getUTCDate();
  } else if (typeof v === 'number') {
    const fromYmd = /^(\d{4})(\d{2})(\d{2})$/.exec(String(v));
    const s = fromYmd ? null : serialToYmd(v);
    if (fromYmd) [y, m, d] = [Number(fromYmd[1]), Number(fromYmd[2]), Number(fromYmd[3])];
    else if (s) ({ y, m, d } = s);
    else return { ok: false, reason: `${what}“${v}”不是日期,请按“年-月-日”填写,如2012-09-01` };
  } else {
    const t = cellText(v).replace(/\s/g, '');
    if (t === '') return null;
    const a =
      /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
    if (!a) {
      if (/^(\d{4})[-/.年](\d{1,2})月?$/.test(t))
        return { ok: false, reason: `${what}“${t}”只写到月,请写到日,如2012-09-01` };
      return { ok: false, reason: `${what}“${t}”不是日期,请按“年-月-日”填写,如2012-09-01` };
    }
    [y, m, d] = [Number(a[1]), Number(a[2]), Number(a[3])];
  }
  if (!plausibleYear(y) || !isValidYmd(y, m, d))
    return { ok: false, reason: `${what}“${cellText(v)}”不是有效日期,请按“年-月-日”填写,如2012-09-01` };
  return { ok: true, value: `${y}-${pad2(m)}-${pad2(d)}` };
}

/**
 * A month (出生年月): a date or serial (its month), or text — 1985-03, 1985/3, 1985.3, 1985.03,
 * 1985年3月, 198503, or a full day. A number such as 1985.1 is refused: Excel made it from 1985.1 or
 * from 1985.10, and which one cannot be told.
 */
export function parseMonth(v: SheetCell, what: string): DateResult | null {
  if (v === null || v === '') return null;
  const bad = (t: string): DateResult => ({
    ok: false,
    reason: `${what}“${t}”不是年月,请按“年-月”填写,如1985-03`,
  });
  let y: number, m: number;
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return bad('');
    y = v.getUTCFullYear();
    m = v.getUTCMonth() + 1;
  } else if (typeof v === 'number') {
    const t = String(v);
    const dec = /^(\d{4})\.(\d{1,2})$/.exec(t);
    const ym = /^(\d{4})(\d{2})$/.exec(t);
    if (dec) {
      if (dec[2] === '1') {
        return {
          ok: false,
          reason: `${what}“${t}”不明确(1月还是10月?),请写成${dec[1]}-01或${dec[1]}-10,或把单元格设为文本后再填`,
        };
      }
      [y, m] = [Number(dec[1]), Number(dec[2])];
    } else if (ym) [y, m] = [Number(ym[1]), Number(ym[2])];
    else if (/^\d{4}$/.test(t)) return { ok: false, reason: `${what}“${t}”只有年份,请写到月,如${t}-03` };
    else {
      const s = serialToYmd(v);
      if (!s) return bad(t);
      ({ y, m } = s);
    }
  } else {
    const t = cellText(v).replace(/\s/g, '');
    if (t === '') return null;
    const a =
      /^(\d{4})[-/.年](\d{1,2})(?:月|[-/.月](\d{1,2})日?)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})?$/.exec(t);
    if (!a) {
      if (/^\d{4}年?$/.test(t)) return { ok: false, reason: `${what}“${t}”只有年份,请写到月,如${t.slice(0, 4)}-03` };
      return bad(t);
    }
    [y, m] = [Number(a[1]), Number(a[2])];
    if (a[3] !== undefined && !isValidYmd(y, m, Number(a[3]))) return bad(t);
  }
  if (!plausibleYear(y) || m < 1 || m > 12) return bad(cellText(v));
  return { ok: true, value: `${y}-${pad2(m)}` };
}

// ---- Vocabulary read from text ----

const categoryByLabel = new Map<string, PositionCategory>();
for (const c of POSITION_CATEGORIES) {
  const label = positionCategoryLabels[c];
  categoryByLabel.set(label, c);
  categoryByLabel.set(label.replace(/类$/, ''), c);
}
const rankByLabel = new Map(RANK_LEVELS.map((r) => [r.label, r.id]));
const roleByLabel = new Map<string, Role>([
  ...ROLES.map((r) => [roleLabels[r], r] as [string, Role]),
  ['人事', 'hr'],
  ['人事干部', 'hr'],
  ['被考核人', 'official'],
]);

// ---- Edit distance, for a unit name with a typo ----

function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/** The existing name nearest `name`, when it is close enough to be a typo of it. */
export function nearestName(name: string, names: readonly string[]): string | null {
  const len = [...name].length;
  const limit = len <= 3 ? 1 : 2;
  let best: string | null = null;
  let bestD = Infinity;
  for (const n of names) {
    const d = distance(name, n);
    if (d > 0 && d <= limit && d < bestD) {
      best = n;
      bestD = d;
    }
  }
  return best;
}

// ---- The preview ----

export type RowStatus = 'new' | 'update' | 'same' | 'error';
export const rowStatusLabels: Readonly<Record<RowStatus, string>> = {
  new: '新增',
  update: '更新',
  same: '不变',
  error: '有误',
};

/** Who a row's 主管领导 is: a person in the roster, or a row of the file (by its 人员编号). */
export type SupervisorRef = { personId: string } | { staffNo: string } | null;

/** A row's person as it will be saved, with its unit and supervisor still by path and reference. */
export type ImportedPerson = {
  /** The roster person this row updates; absent for a new person. */
  id?: string;
  name: string;
  staffNo: string;
  /** Unit names from the top-level unit down. */
  unitPath: string[];
  positionCategory: PositionCategory;
  rankLevel: string;
  title?: string;
  roles: Role[];
  supervisor: SupervisorRef;
  gender?: 'male' | 'female';
  birthMonth?: string;
  ethnicity?: string;
  politicalStatus?: string;
  education?: string;
  idNumber?: string;
  rankSince?: string;
  duties?: string;
  joinedOn?: string;
  probationEnd?: string;
};

export type PreviewRow = {
  rowNumber: number;
  status: RowStatus;
  /** Why the row is 有误, each in Chinese. */
  reasons: string[];
  /** For 更新: what changes, in words ("职级、主管领导"). */
  changes: string[];
  name: string;
  staffNo: string;
  unit: string;
  person?: ImportedPerson;
};

export type RosterPreview = {
  /** A problem with the whole file (no row can be read): said instead of rows. */
  fileError?: string;
  rows: PreviewRow[];
  counts: Record<RowStatus, number>;
  /** Unit paths ("某市财政局/综合科") the good rows would create. */
  newUnits: string[];
};

export type RosterContext = {
  units: readonly OrgUnit[];
  /** Every person in the roster (active or not). */
  people: readonly Person[];
};

const emptyCounts = (): Record<RowStatus, number> => ({ new: 0, update: 0, same: 0, error: 0 });

export function fileErrorPreview(message: string): RosterPreview {
  return { fileError: message, rows: [], counts: emptyCounts(), newUnits: [] };
}

const OPTIONAL_TEXT: readonly RosterField[] = ['title', 'ethnicity', 'politicalStatus', 'education', 'duties'];
const OPTIONAL_DAY: readonly RosterField[] = ['rankSince', 'joinedOn', 'probationEnd'];

/** The labels of the fields an update compares, in the template's order. */
const COMPARED: readonly (keyof ImportedPerson)[] = [
  'name',
  'title',
  'positionCategory',
  'rankLevel',
  'roles',
  'gender',
  'birthMonth',
  'ethnicity',
  'politicalStatus',
  'education',
  'idNumber',
  'rankSince',
  'duties',
  'joinedOn',
  'probationEnd',
];
const fieldLabel: Partial<Record<keyof ImportedPerson, string>> = {
  name: '姓名',
  title: '职务',
  positionCategory: '职位类别',
  rankLevel: '职级',
  roles: '角色',
  gender: '性别',
  birthMonth: '出生年月',
  ethnicity: '民族',
  politicalStatus: '政治面貌',
  education: '学历',
  idNumber: '身份证号',
  rankSince: '任现职务职级时间',
  duties: '从事或分管工作',
  joinedOn: '入职(调入)日期',
  probationEnd: '试用期满日期',
};

/** Headers missing from the sheet, in words; null when every required column is there. */
export function missingColumns(header: readonly SheetCell[]): string | null {
  const map = mapHeader(header);
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !map.has(c.field)).map((c) => `“${c.header}”`);
  if (missing.length === 0) return null;
  return `文件缺少必填的列:${missing.join('、')}。请使用“下载模板”得到的表格,或在第一行补上这些列名后重新导入。`;
}

type Draft = {
  row: SheetRow;
  reasons: string[];
  person: Partial<ImportedPerson> & { name: string; staffNo: string };
  supervisorText: string;
  unitText: string;
  existing?: Person;
};

/**
 * The preview of importing `sheet` into the roster `ctx`: one row each, in the file's order. Never
 * throws for what a file holds; a file that cannot be read at all comes back with `fileError`.
 */
export function previewRosterImport(sheet: RosterSheet, ctx: RosterContext): RosterPreview {
  const missing = missingColumns(sheet.header);
  if (missing) return fileErrorPreview(missing);
  const rows = sheet.rows.filter((r) => r.cells.some((c) => cellText(c) !== ''));
  if (rows.length === 0) return fileErrorPreview('文件中没有人员:表头下面没有填写任何一行。请填写后重新导入。');
  if (rows.length > ROSTER_IMPORT_MAX_ROWS) {
    return fileErrorPreview(
      `文件有${rows.length.toLocaleString('en-US')}行人员,超过一次可导入的${ROSTER_IMPORT_MAX_ROWS.toLocaleString('en-US')}行。未读取任何人员;请把名册分成几个文件,分几次导入。`,
    );
  }
  const map = mapHeader(sheet.header);
  const has = (f: RosterField) => map.has(f);
  const get = (r: SheetRow, f: RosterField): SheetCell => {
    const i = map.get(f);
    return i === undefined ? null : (r.cells[i] ?? null);
  };

  // The roster as it stands.
  const unitsById = new Map(ctx.units.map((u) => [u.id, u]));
  const top = ctx.units.filter((u) => u.parentId === null);
  const childrenOf = new Map<string | null, OrgUnit[]>();
  for (const u of ctx.units) {
    const k = u.parentId !== null && unitsById.has(u.parentId) ? u.parentId : null;
    childrenOf.set(k, [...(childrenOf.get(k) ?? []), u]);
  }
  const byStaffNo = new Map<string, Person>();
  for (const p of ctx.people) if (p.staffNo) byStaffNo.set(p.staffNo, p);

  // ---- 1. Each row's own cells ----
  const drafts: Draft[] = rows.map((row) => {
    const reasons: string[] = [];
    if (row.merged) reasons.push(`有合并单元格(${row.merged}),请取消合并,每格各填一项`);
    const name = cellText(get(row, 'name'));
    const staffNo = cellText(get(row, 'staffNo'));
    const person: Draft['person'] = { name, staffNo };
    const existing = staffNo ? byStaffNo.get(staffNo) : undefined;
    if (existing) person.id = existing.id;
    if (!name) reasons.push('缺少姓名');
    if (!staffNo) reasons.push('缺少人员编号');
    else if (/\s/.test(staffNo)) reasons.push(`人员编号“${staffNo}”含有空格`);
    else if ([...staffNo].length > 30) reasons.push('人员编号不能超过30个字');

    const catText = cellText(get(row, 'positionCategory'));
    const category = categoryByLabel.get(catText);
    if (!catText) reasons.push('缺少职位类别');
    else if (!category) reasons.push(`职位类别“${catText}”不正确,应为综合管理类、专业技术类或行政执法类`);
    else person.positionCategory = category;

    const rankText = cellText(get(row, 'rankLevel'));
    const rank = rankByLabel.get(rankText);
    if (!rankText) reasons.push('缺少职级');
    else if (!rank) reasons.push(`职级“${rankText}”不在职务职级序列中,请从下拉列表选择`);
    else {
      person.rankLevel = rank;
      const level = findRankLevel(rank)!;
      if (category && !level.categories.includes(category))
        reasons.push(`“${rankText}”不是${positionCategoryLabels[category]}公务员的职级`);
    }

    if (has('roles')) {
      const t = cellText(get(row, 'roles'));
      const parts = t.split(/[、,，;；/\s]+/).filter((s) => s.length > 0);
      const roles = new Set<Role>();
      const unknown: string[] = [];
      for (const p of parts) {
        const r = roleByLabel.get(p);
        if (r) roles.add(r);
        else unknown.push(p);
      }
      if (unknown.length > 0)
        reasons.push(`角色“${unknown.join('、')}”不正确,应为${ROLES.map((r) => roleLabels[r]).join('、')}`);
      person.roles = roles.size > 0 ? ROLES.filter((r) => roles.has(r)) : existing ? [...existing.roles] : ['official'];
    } else person.roles = existing ? [...existing.roles] : ['official'];

    if (has('gender')) {
      const g = cellText(get(row, 'gender'));
      if (g === '男' || g === '男性') person.gender = 'male';
      else if (g === '女' || g === '女性') person.gender = 'female';
      else if (g) reasons.push(`性别“${g}”不正确,应为男或女`);
    } else if (existing?.gender) person.gender = existing.gender;

    const setText = (f: RosterField) => {
      if (!has(f)) {
        const v = existing?.[f as keyof Person];
        if (typeof v === 'string') (person as Record<string, unknown>)[f] = v;
        return;
      }
      const t = cellText(get(row, f));
      if (t) (person as Record<string, unknown>)[f] = t;
    };
    for (const f of OPTIONAL_TEXT) setText(f);
    setText('idNumber');
    if (person.idNumber) person.idNumber = person.idNumber.toUpperCase();

    if (has('birthMonth')) {
      const r = parseMonth(get(row, 'birthMonth'), '出生年月');
      if (r?.ok) person.birthMonth = r.value;
      else if (r) reasons.push(r.reason);
    } else if (existing?.birthMonth) person.birthMonth = existing.birthMonth;
    for (const f of OPTIONAL_DAY) {
      const what = rosterColumn(f).header;
      if (has(f)) {
        const r = parseDay(get(row, f), what);
        if (r?.ok) (person as Record<string, unknown>)[f] = r.value;
        else if (r) reasons.push(r.reason);
      } else {
        const v = existing?.[f as keyof Person];
        if (typeof v === 'string') (person as Record<string, unknown>)[f] = v;
      }
    }
    return {
      row,
      reasons,
      person,
      supervisorText: has('supervisor') ? cellText(get(row, 'supervisor')) : '',
      unitText: cellText(get(row, 'unitPath')),
      ...(existing ? { existing } : {}),
    };
  });

  // ---- 2. 人员编号 repeated within the file ----
  const rowsOfStaffNo = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (!d.person.staffNo) continue;
    rowsOfStaffNo.set(d.person.staffNo, [...(rowsOfStaffNo.get(d.person.staffNo) ?? []), d]);
  }
  for (const [no, ds] of rowsOfStaffNo) {
    if (ds.length < 2) continue;
    for (const d of ds) {
      const others = ds.filter((x) => x !== d).map((x) => `第${x.row.rowNumber}行`);
      d.reasons.push(`人员编号“${no}”在文件中重复(另见${others.join('、')}),每人只能填一行`);
    }
  }

  // ---- 3. Units from their paths ----
  const newUnitPaths = new Map<string, Draft[]>();
  const orgName = top.length === 1 ? top[0]!.name : null;
  for (const d of drafts) {
    const segments = d.unitText.split(/\s*[/／\\]\s*/).filter((s) => s.length > 0);
    if (segments.length === 0) {
      d.reasons.push('缺少单位');
      continue;
    }
    if (top.length === 0) {
      d.reasons.push('本机还没有建立单位,请先在“单位和人员”中建立本机关');
      continue;
    }
    // A path may leave out the top-level unit ("预算管理科" for "某市财政局/预算管理科").
    if (orgName !== null && segments[0] !== orgName && !top.some((u) => u.name === segments[0])) {
      const near = nearestName(segments[0]!, top.map((u) => u.name));
      if (near) {
        d.reasons.push(`单位“${d.unitText}”中的“${segments[0]}”不存在,是否应为“${near}”?`);
        continue;
      }
      segments.unshift(orgName);
    }
    let parent: OrgUnit | undefined = top.find((u) => u.name === segments[0]);
    let bad = false;
    let created = false;
    for (let i = 1; i < segments.length && !bad; i++) {
      const seg = segments[i]!;
      if ([...seg].length > 100) {
        d.reasons.push('单位名称不能超过100个字');
        bad = true;
        break;
      }
      const siblings = created || !parent ? [] : (childrenOf.get(parent.id) ?? []);
      const found = siblings.find((u) => u.name === seg);
      if (found) {
        parent = found;
        continue;
      }
      const near = nearestName(seg, siblings.map((u) => u.name));
      if (near) {
        d.reasons.push(`单位“${segments.slice(0, i + 1).join('/')}”不存在,是否应为“${segments.slice(0, i).join('/')}/${near}”?`);
        bad = true;
      }
      created = true;
    }
    if (bad) continue;
    d.person.unitPath = segments;
    if (created) {
      const key = segments.join('/');
      newUnitPaths.set(key, [...(newUnitPaths.get(key) ?? []), d]);
    }
  }

  // ---- 4. The 主管领导 ----
  const fileByStaffNo = new Map<string, Draft>();
  for (const [no, ds] of rowsOfStaffNo) if (ds.length === 1) fileByStaffNo.set(no, ds[0]!);
  const namesInFile = new Map<string, Draft[]>();
  for (const d of drafts) if (d.person.name) namesInFile.set(d.person.name, [...(namesInFile.get(d.person.name) ?? []), d]);
  const fileStaffNos = new Set(fileByStaffNo.keys());
  const namesInRoster = new Map<string, Person[]>();
  for (const p of ctx.people) {
    // Someone the file re-lists is found through the file.
    if (!p.active || (p.staffNo && fileStaffNos.has(p.staffNo))) continue;
    namesInRoster.set(p.name, [...(namesInRoster.get(p.name) ?? []), p]);
  }
  /** Supervisor of each draft, resolved: a draft (in the file) or a roster person. */
  const supOf = new Map<Draft, Draft | Person | null>();
  for (const d of drafts) {
    const t = d.supervisorText;
    if (!t) {
      supOf.set(d, null);
      continue;
    }
    let target: Draft | Person | undefined = fileByStaffNo.get(t) ?? byStaffNo.get(t);
    if (!target) {
      const candidates: (Draft | Person)[] = [...(namesInFile.get(t) ?? []), ...(namesInRoster.get(t) ?? [])];
      if (candidates.length > 1) {
        d.reasons.push(`主管领导“${t}”有${candidates.length}人同名,请改填其人员编号`);
        continue;
      }
      target = candidates[0];
    }
    if (!target) {
      d.reasons.push(`主管领导“${t}”既不在本文件中,也不在人员名册中,请填写主管领导的人员编号`);
      continue;
    }
    if (target === d || ('id' in target && target.id === d.person.id)) {
      d.reasons.push('主管领导不能是本人');
      continue;
    }
    const targetRoles = 'row' in target ? (target.person.roles ?? []) : target.roles;
    const targetName = 'row' in target ? target.person.name : target.name;
    if ('row' in target === false && !(target).active) {
      d.reasons.push(`主管领导“${targetName}”已离职(调出),请另选`);
      continue;
    }
    if (!targetRoles.includes('supervisor')) {
      d.reasons.push(`“${targetName}”没有“主管领导”角色,请在其所在行的“角色”中加上“主管领导”`);
      continue;
    }
    supOf.set(d, target);
  }
  // For an update that leaves the 主管领导 column out, the supervisor stays.
  for (const d of drafts) {
    if (has('supervisor') || !d.existing) continue;
    const sid = d.existing.supervisorId;
    const p = sid ? ctx.people.find((x) => x.id === sid) : undefined;
    const inFile = p?.staffNo ? fileByStaffNo.get(p.staffNo) : undefined;
    supOf.set(d, inFile ?? p ?? null);
  }

  // A loop of 主管领导 (甲 → 乙 → 甲), through the file and the roster.
  const draftOfPersonId = new Map<string, Draft>();
  for (const d of drafts) if (d.person.id) draftOfPersonId.set(d.person.id, d);
  const peopleById = new Map(ctx.people.map((p) => [p.id, p]));
  const next = (x: Draft | Person): Draft | Person | null => {
    if ('row' in x) return supOf.get(x) ?? null;
    const asDraft = draftOfPersonId.get(x.id);
    if (asDraft) return supOf.get(asDraft) ?? null;
    return x.supervisorId ? (peopleById.get(x.supervisorId) ?? null) : null;
  };
  for (const d of drafts) {
    const seen = new Set<Draft | Person>([d]);
    for (let x = next(d); x; x = next(x)) {
      const norm = 'row' in x ? x : (draftOfPersonId.get(x.id) ?? x);
      if (norm === d) {
        d.reasons.push(`主管领导关系成环(${d.person.name}的主管领导链又回到本人),请核对`);
        break;
      }
      if (seen.has(norm)) break;
      seen.add(norm);
    }
  }
  // Someone who drops the 主管领导 role while people still report to them.
  const reportsOf = new Map<Draft | string, number>();
  for (const x of drafts) {
    const s = supOf.get(x);
    if (s && 'row' in s) reportsOf.set(s, (reportsOf.get(s) ?? 0) + 1);
  }
  for (const p of ctx.people) {
    if (p.active && p.supervisorId && !draftOfPersonId.has(p.id)) reportsOf.set(p.supervisorId, (reportsOf.get(p.supervisorId) ?? 0) + 1);
  }
  for (const d of drafts) {
    if (!d.person.roles || d.person.roles.includes('supervisor')) continue;
    const reports = (reportsOf.get(d) ?? 0) + (d.person.id ? (reportsOf.get(d.person.id) ?? 0) : 0);
    if (reports > 0) d.reasons.push(`仍是${reports}人的主管领导,角色中须保留“主管领导”`);
  }

  // ---- 5. The whole record, through the same schema as a person saved by hand ----
  for (const d of drafts) {
    if (d.reasons.length > 0) continue;
    const p = d.person;
    const check = personInputSchema.safeParse({
      name: p.name,
      unitId: 'x',
      positionCategory: p.positionCategory,
      rankLevel: p.rankLevel,
      roles: p.roles,
      staffNo: p.staffNo,
      ...Object.fromEntries(
        (['title', 'ethnicity', 'politicalStatus', 'education', 'idNumber', 'rankSince', 'duties', 'joinedOn', 'probationEnd', 'birthMonth', 'gender'] as const)
          .filter((k) => p[k] !== undefined)
          .map((k) => [k, p[k]]),
      ),
    });
    if (!check.success) d.reasons.push(...uniqueMessages(check.error));
  }

  // ---- 6. Rows whose 主管领导 is a bad row fail with it (so "only the good rows" stays whole) ----
  let changed = true;
  while (changed) {
    changed = false;
    for (const d of drafts) {
      const s = supOf.get(d);
      if (d.reasons.length === 0 && s && 'row' in s && s.reasons.length > 0) {
        d.reasons.push(`主管领导“${s.person.name}”所在的第${s.row.rowNumber}行有误,请先改正该行`);
        changed = true;
      }
    }
  }

  // ---- 7. Status per row ----
  const counts = emptyCounts();
  const out: PreviewRow[] = drafts.map((d) => {
    const base = { rowNumber: d.row.rowNumber, name: d.person.name, staffNo: d.person.staffNo, unit: d.unitText };
    if (d.reasons.length > 0) {
      counts.error++;
      return { ...base, status: 'error', reasons: d.reasons, changes: [] };
    }
    const s = supOf.get(d) ?? null;
    const supervisor: SupervisorRef =
      s === null ? null : 'row' in s ? { staffNo: s.person.staffNo } : { personId: s.id };
    const person = { ...(d.person as ImportedPerson), supervisor };
    if (!d.existing) {
      counts.new++;
      return { ...base, status: 'new', reasons: [], changes: [], person };
    }
    const changes = changesOf(d.existing, person, ctx, s);
    const status: RowStatus = changes.length > 0 ? 'update' : 'same';
    counts[status]++;
    return { ...base, status, reasons: [], changes, person };
  });
  const newUnits = [...newUnitPaths.entries()]
    .filter(([, ds]) => ds.some((d) => d.reasons.length === 0))
    .map(([k]) => k)
    .sort(compareChinese);
  return { rows: out, counts, newUnits };
}

function uniqueMessages(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((i) => i.message))];
}

function unitPathOf(unitId: string, units: readonly OrgUnit[]): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: string[] = [];
  for (let u = byId.get(unitId); u; u = u.parentId ? byId.get(u.parentId) : undefined) out.unshift(u.name);
  return out;
}

/** What an update changes, in the template's words. */
function changesOf(
  before: Person,
  after: ImportedPerson,
  ctx: RosterContext,
  sup: Draft | Person | null,
): string[] {
  const out: string[] = [];
  for (const k of COMPARED) {
    const a = after[k];
    const b = (before as Record<string, unknown>)[k];
    const same = Array.isArray(a) && Array.isArray(b) ? a.join() === b.join() : (a ?? '') === (b ?? '');
    if (!same) out.push(fieldLabel[k]!);
  }
  if (unitPathOf(before.unitId, ctx.units).join('/') !== after.unitPath.join('/')) out.splice(out[0] === '姓名' ? 1 : 0, 0, '单位');
  const supId = sup === null ? null : 'row' in sup ? (sup.person.id ?? '(新增)') : sup.id;
  if (supId !== before.supervisorId) out.push('主管领导');
  if (!before.active) out.push('恢复在职');
  return out;
}

/** The rows a confirmed import writes: 新增 and 更新 (不变 rows need nothing, 有误 rows are left out). */
export function rowsToApply(preview: RosterPreview): PreviewRow[] {
  return preview.rows.filter((r) => r.status === 'new' || r.status === 'update');
}
