/**
 * What 督促检查's list shows of the year's grid (tracking-grid.ts), as its query says — pure, so the
 * page only renders: the columns of the period (a year: the twelve months, or the quarters' 小结 ·
 * 评鉴 · 登记表; a quarter: its three months and its 小结, 评鉴 and 登记表; a month: that month), the rows
 * a name, a unit (with or without the units below it) and a state keep, sorted by any column.
 *
 * The address's `status` is a state of the cells shown (`missing`, `late`, `done`, `notdue`,
 * `returned`), `problems` (缺报, 逾期 or 退回), or the plan's (`plan:approved` …): a link from a chart bar
 * — `?unit=…&sub=1&period=2026-Q2&status=missing` — opens the people with a 缺报 in that quarter.
 */
import {
  cellStateLabels,
  notOwedLabels,
  planCellLabels,
  type Cell,
  type CellState,
  type PlanCellState,
  type TrackedUnit,
  type TrackingRow,
} from '../../../../shared/domain';
import { isWithinUnit } from '../../../../shared/domain/org';
import { compareChinese } from '../../../../shared/domain/collate';

export type TrackingView = 'monthly' | 'quarterly';

/** One column of cells: which cell of a row it shows, its heading, and what it is in words. */
export type CellColumn = {
  key: string;
  /** Short heading ("3月", "小结Q2"). */
  label: string;
  /** What a cell of it is, in words ("3月记实簿", "第2季度领导评鉴"). */
  what: string;
  kind: 'record' | 'summary' | 'evaluation' | 'register';
  /** The month (1–12) of a record book, or the quarter (1–4) of the others. */
  month?: number;
  quarter?: number;
  labels: Readonly<Record<CellState, string>>;
  cell: (row: TrackingRow) => Cell;
};

export const EVALUATED_LABELS: Readonly<Record<CellState, string>> = {
  submitted: '已评鉴',
  late: '已评鉴(逾期)',
  missing: '未评鉴',
  pending: '未到期',
  notApplicable: '—',
  returned: '已退回',
  notRequired: '不需评鉴',
};
export const REGISTERED_LABELS: Readonly<Record<CellState, string>> = {
  submitted: '已登记',
  late: '已登记(逾期)',
  missing: '未登记',
  pending: '未到期',
  notApplicable: '—',
  returned: '已退回',
  notRequired: '不需登记',
};

/** A period of the address: the year, a quarter or a month of it; null: the whole year. */
export type Period = { year: number; quarter?: number; month?: number };

/** '2026' | '2026-Q2' | '2026-03' → the period; anything else → null. */
export function parsePeriod(key: string | null | undefined): Period | null {
  if (!key) return null;
  let m = /^(\d{4})$/.exec(key);
  if (m) return { year: Number(m[1]) };
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return { year: Number(m[1]), quarter: Number(m[2]) };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  return null;
}

export const periodKey = (p: Period): string =>
  p.month !== undefined
    ? `${p.year}-${String(p.month).padStart(2, '0')}`
    : p.quarter !== undefined
      ? `${p.year}-Q${p.quarter}`
      : String(p.year);

/** The periods to choose from in a year, in words: 全年, each quarter, each month. */
export function periodOptions(year: number): { value: string; label: string }[] {
  return [
    { value: String(year), label: `${year}年全年` },
    ...[1, 2, 3, 4].map((q) => ({ value: `${year}-Q${q}`, label: `${year}年第${q}季度` })),
    ...Array.from({ length: 12 }, (_, i) => ({
      value: `${year}-${String(i + 1).padStart(2, '0')}`,
      label: `${year}年${i + 1}月`,
    })),
  ];
}

const monthColumn = (m: number): CellColumn => ({
  key: `m${m}`,
  label: `${m}月`,
  what: `${m}月记实簿`,
  kind: 'record',
  month: m,
  labels: cellStateLabels,
  cell: (r) => r.months[m - 1]!,
});
const quarterColumns = (q: number): CellColumn[] => [
  {
    key: `s${q}`,
    label: `小结Q${q}`,
    what: `第${q}季度工作小结`,
    kind: 'summary',
    quarter: q,
    labels: cellStateLabels,
    cell: (r) => r.summaries[q - 1]!,
  },
  {
    key: `e${q}`,
    label: `评鉴Q${q}`,
    what: `第${q}季度领导评鉴`,
    kind: 'evaluation',
    quarter: q,
    labels: EVALUATED_LABELS,
    cell: (r) => r.evaluations[q - 1]!,
  },
  {
    key: `r${q}`,
    label: `登记Q${q}`,
    what: `第${q}季度备案登记表`,
    kind: 'register',
    quarter: q,
    labels: REGISTERED_LABELS,
    cell: (r) => r.registers[q - 1]!,
  },
];

/** The cell columns a period (and, for a whole year, a view) shows. */
export function cellColumns(period: Period | null, view: TrackingView): CellColumn[] {
  if (period?.month !== undefined) return [monthColumn(period.month)];
  if (period?.quarter !== undefined) {
    const q = period.quarter;
    return [...[q * 3 - 2, q * 3 - 1, q * 3].map(monthColumn), ...quarterColumns(q)];
  }
  if (view === 'monthly') return Array.from({ length: 12 }, (_, i) => monthColumn(i + 1));
  const byKind = [1, 2, 3, 4].map(quarterColumns);
  // Grouped by what they are: the four 小结, then the four 评鉴, then the four 登记表.
  return [0, 1, 2].flatMap((k) => byKind.map((cols) => cols[k]!));
}

/** The words a cell shows: its state, or why it is not owed. */
export function cellText(cell: Cell, labels: Readonly<Record<CellState, string>>): string {
  return cell.state === 'notRequired' && cell.kind ? notOwedLabels[cell.kind] : labels[cell.state];
}

export const planText = (row: TrackingRow): string =>
  planCellLabels[row.plan.state] + (row.plan.filedAt ? `(${row.plan.filedAt.slice(0, 10)})` : '');

/** The address's `status`: a state of the cells shown, all problems, or the plan's state. */
export const STATUS_OPTIONS: { value: string; label: string }[] = [
  { value: 'problems', label: '有缺报、逾期或退回的' },
  { value: 'missing', label: '有缺报的' },
  { value: 'late', label: '有逾期的' },
  { value: 'returned', label: '有退回的' },
  { value: 'notdue', label: '有未到期的' },
  { value: 'done', label: '均已报送的' },
  { value: 'plan:none', label: '计划未报送' },
  { value: 'plan:overdue', label: '计划超期未报送' },
  { value: 'plan:submitted', label: '计划待核准' },
  { value: 'plan:approved', label: '计划已核准未备案' },
  { value: 'plan:filed', label: '计划已备案' },
];

const STATE_OF: Readonly<Record<string, CellState>> = {
  missing: 'missing',
  late: 'late',
  returned: 'returned',
  notdue: 'pending',
  pending: 'pending',
  done: 'submitted',
  submitted: 'submitted',
};
const PROBLEMS: ReadonlySet<CellState> = new Set(['missing', 'late', 'returned']);
/** Owed and in: what `done` asks of every owed cell. */
const IN: ReadonlySet<CellState> = new Set(['submitted', 'late']);
const OWED_ELSEWHERE: ReadonlySet<CellState> = new Set(['notRequired', 'notApplicable']);

/** Whether a row's shown cells (and plan) are in the state the address asks for. */
export function statusMatches(row: TrackingRow, columns: readonly CellColumn[], status: string | null): boolean {
  if (!status) return true;
  if (status.startsWith('plan:')) return row.plan.state === status.slice(5);
  const cells = columns.map((c) => c.cell(row));
  if (status === 'problems')
    return (
      cells.some((c) => PROBLEMS.has(c.state)) || row.plan.state === 'overdue' || row.plan.state === 'returned'
    );
  if (status === 'done') {
    const owed = cells.filter((c) => !OWED_ELSEWHERE.has(c.state));
    return owed.length > 0 && owed.every((c) => IN.has(c.state));
  }
  const state = STATE_OF[status];
  return state !== undefined && cells.some((c) => c.state === state);
}

/** The filter of the query bar: a name or 人员编号, a unit (with the units below it, or not), a state. */
export type TrackingQuery = {
  q: string;
  unit: string | null;
  sub: boolean;
  status: string | null;
};

export function filterTrackingRows(
  rows: readonly TrackingRow[],
  units: readonly TrackedUnit[],
  columns: readonly CellColumn[],
  query: TrackingQuery,
): TrackingRow[] {
  const paths = new Map(units.map((u) => [u.id, u.path]));
  const scope = query.unit === null ? null : (paths.get(query.unit) ?? '\u0000');
  const needle = query.q.trim().toLowerCase();
  return rows.filter((r) => {
    if (query.unit !== null) {
      if (query.sub) {
        const path = paths.get(r.unitId);
        if (scope === null || path === undefined || !isWithinUnit(path, scope)) return false;
      } else if (r.unitId !== query.unit) return false;
    }
    if (needle && !r.name.toLowerCase().includes(needle) && !r.personId.toLowerCase().includes(needle))
      return false;
    return statusMatches(r, columns, query.status);
  });
}

/** The order of states when a column is sorted: what needs chasing first. */
const CELL_RANK: Readonly<Record<CellState, number>> = {
  missing: 0,
  returned: 1,
  late: 2,
  pending: 3,
  submitted: 4,
  notApplicable: 5,
  notRequired: 6,
};
const PLAN_RANK: Readonly<Record<PlanCellState, number>> = {
  overdue: 0,
  returned: 1,
  none: 2,
  submitted: 3,
  approved: 4,
  filed: 5,
  notRequired: 6,
};

/** 'unit', 'name', 'supervisor', 'plan' or a cell column's key. */
export type SortKey = string;
export type Sort = { key: SortKey; direction: 'asc' | 'desc' };

/**
 * The rows sorted by a column: 单位 in the unit tree's order, names by the Chinese collation, the plan
 * and each cell by how much they need chasing (缺报 first); ties keep the grid's order (unit, name).
 */
export function sortTrackingRows(
  rows: readonly TrackingRow[],
  columns: readonly CellColumn[],
  sort: Sort | null,
): readonly TrackingRow[] {
  if (!sort) return rows;
  const index = new Map(rows.map((r, i) => [r, i]));
  const sign = sort.direction === 'asc' ? 1 : -1;
  const column = columns.find((c) => c.key === sort.key);
  let compare: (a: TrackingRow, b: TrackingRow) => number;
  if (sort.key === 'unit') compare = () => 0; // the grid's order is the unit tree's
  else if (sort.key === 'name') compare = (a, b) => compareChinese(a.name, b.name);
  else if (sort.key === 'supervisor') compare = (a, b) => compareChinese(a.supervisorName, b.supervisorName);
  else if (sort.key === 'plan') compare = (a, b) => PLAN_RANK[a.plan.state] - PLAN_RANK[b.plan.state];
  else if (column) compare = (a, b) => CELL_RANK[column.cell(a).state] - CELL_RANK[column.cell(b).state];
  else return rows;
  const out = [...rows];
  if (sort.key === 'unit')
    out.sort((a, b) => sign * (index.get(a)! - index.get(b)!));
  else out.sort((a, b) => sign * compare(a, b) || index.get(a)! - index.get(b)!);
  return out;
}
