/**
 * 督促检查: who has handed in what, and when, for one year — the pure part of HR's tracking grid.
 *
 * Deadlines (报送时限) are configuration with a default, never buried in a screen:
 *   - 平时考核记实簿 of a month: by the 5th of the next month (December's: 5 January of the next year);
 *   - 季度个人工作小结: by the 10th of the month after the quarter;
 *   - 领导评鉴: by the 20th of the month after the quarter;
 *   - 平时考核备案登记表: by the 25th of the month after the quarter;
 *   - 个人年度工作计划: by 31 January of the year.
 * A deadline day counts in full (local time of this machine): a record sent on the 5th is on time.
 * Lateness is judged on the latest submission this device holds (a record returned and sent again
 * after the deadline counts as late).
 */
import { monthsOfQuarter, QUARTERS, type Quarter } from './calendar';
import { isWithinUnit } from './org';
import type { PlanState } from './plan';
import type { RecordState } from './record-book';
import type { SummaryState } from './summary';

// ---- Deadlines ----

export type TrackingRules = {
  /** Day of the next month by which a month's record book is due. */
  recordDueDay: number;
  /** Day of the month after the quarter by which the quarterly summary is due. */
  summaryDueDay: number;
  /** Day of the month after the quarter by which the supervisor's evaluation is due. */
  evaluationDueDay: number;
  /** Day of the month after the quarter by which the supervisor's filing register is due. */
  registerDueDay: number;
  /** The annual plan is due by this month and day of the year itself. */
  planDue: { month: number; day: number };
};

export const DEFAULT_TRACKING_RULES: Readonly<TrackingRules> = {
  recordDueDay: 5,
  summaryDueDay: 10,
  evaluationDueDay: 20,
  registerDueDay: 25,
  planDue: { month: 1, day: 31 },
};

/** The rules in words, for the screen and the printed list. */
export function describeTrackingRules(r: TrackingRules = DEFAULT_TRACKING_RULES): string {
  return (
    `报送时限:个人年度工作计划${r.planDue.month}月${r.planDue.day}日前;` +
    `记实簿次月${r.recordDueDay}日前;季度工作小结季度结束后次月${r.summaryDueDay}日前;` +
    `领导评鉴次月${r.evaluationDueDay}日前;备案登记表次月${r.registerDueDay}日前。` +
    '超过时限仍未收到的为“缺报”,超过时限才报送的为“逾期”(以本机收到的最近一次报送时间为准)。'
  );
}

/** A due day as a local date; days past the month's end fall on its last day. */
function dueDay(year: number, month: number, day: number): { year: number; month: number; day: number } {
  const first = new Date(year, month - 1, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  return { year: first.getFullYear(), month: first.getMonth() + 1, day: Math.min(Math.max(1, day), last) };
}

export type Deadline = {
  /** The last day, 'YYYY-MM-DD'. */
  date: string;
  /** The first moment after it (local midnight): anything at or after this is late. */
  end: Date;
};

function deadline(year: number, month: number, day: number): Deadline {
  const d = dueDay(year, month, day);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${d.year}-${pad(d.month)}-${pad(d.day)}`, end: new Date(d.year, d.month - 1, d.day + 1) };
}

export function recordDeadline(
  year: number,
  month: number,
  r: TrackingRules = DEFAULT_TRACKING_RULES,
): Deadline {
  return deadline(year, month + 1, r.recordDueDay);
}

type QuarterlyKind = 'summary' | 'evaluation' | 'register';
export function quarterDeadline(
  kind: QuarterlyKind,
  year: number,
  quarter: Quarter,
  r: TrackingRules = DEFAULT_TRACKING_RULES,
): Deadline {
  const day =
    kind === 'summary' ? r.summaryDueDay : kind === 'evaluation' ? r.evaluationDueDay : r.registerDueDay;
  return deadline(year, monthsOfQuarter(quarter)[2] + 1, day);
}

export function planDeadline(year: number, r: TrackingRules = DEFAULT_TRACKING_RULES): Deadline {
  return deadline(year, r.planDue.month, r.planDue.day);
}

// ---- Cells ----

/** What a cell of the grid says about one thing due from one person. */
export const CELL_STATES = ['submitted', 'late', 'missing', 'returned', 'pending', 'notApplicable'] as const;
export type CellState = (typeof CELL_STATES)[number];
export const cellStateLabels: Readonly<Record<CellState, string>> = {
  submitted: '已报送',
  late: '逾期',
  missing: '缺报',
  returned: '已退回',
  pending: '未到期',
  notApplicable: '不适用',
};

export type Cell = { state: CellState; due: string; at?: string };

/** The working row of a record book or summary, as far as tracking needs it. */
export type Submittable = {
  state: RecordState | SummaryState;
  version: number;
  submittedAt?: string | undefined;
};

/** A record book's or summary's cell: nothing received, returned, on time or late. */
export function submissionCell(row: Submittable | undefined, due: Deadline, now: Date): Cell {
  if (row && row.version >= 1) {
    // On HR's device a submitted version that is being revised again can only mean it was returned.
    if (row.state !== 'submitted')
      return { state: 'returned', due: due.date, ...(row.submittedAt ? { at: row.submittedAt } : {}) };
    const at = row.submittedAt;
    const late = at !== undefined && Date.parse(at) >= due.end.getTime();
    return { state: late ? 'late' : 'submitted', due: due.date, ...(at ? { at } : {}) };
  }
  return { state: now.getTime() >= due.end.getTime() ? 'missing' : 'pending', due: due.date };
}

/** A quarterly duty of the supervisor (evaluation, register): done, overdue, or not yet due. */
export function dutyCell(doneAt: string | undefined, due: Deadline, now: Date): Cell {
  if (doneAt !== undefined) {
    const late = Date.parse(doneAt) >= due.end.getTime();
    return { state: late ? 'late' : 'submitted', due: due.date, at: doneAt };
  }
  return { state: now.getTime() >= due.end.getTime() ? 'missing' : 'pending', due: due.date };
}

/** The plan column: 未报送 / 待核准 / 已退回 / 已核准 / 已备案. */
export const PLAN_CELL_STATES = ['none', 'overdue', 'submitted', 'returned', 'approved', 'filed'] as const;
export type PlanCellState = (typeof PLAN_CELL_STATES)[number];
export const planCellLabels: Readonly<Record<PlanCellState, string>> = {
  none: '未报送',
  overdue: '未报送(已超期)',
  submitted: '待核准',
  returned: '已退回',
  approved: '已核准',
  filed: '已备案',
};

export type PlanCell = { state: PlanCellState; due: string; filedAt?: string };

export function planCell(
  plan: { state: PlanState; version: number; filedAt?: string | undefined } | undefined,
  year: number,
  now: Date,
  r: TrackingRules = DEFAULT_TRACKING_RULES,
): PlanCell {
  const due = planDeadline(year, r);
  if (!plan || plan.version < 1 || plan.state === 'draft') {
    return { state: now.getTime() >= due.end.getTime() ? 'overdue' : 'none', due: due.date };
  }
  if (plan.state === 'filed')
    return { state: 'filed', due: due.date, ...(plan.filedAt ? { filedAt: plan.filedAt } : {}) };
  return { state: plan.state, due: due.date };
}

// ---- The grid ----

export type TrackedUnit = { id: string; name: string; path: string };
export type TrackedPerson = {
  id: string;
  name: string;
  unitId: string;
  supervisorId: string | null;
};

export type TrackingInput = {
  year: number;
  now: Date;
  rules?: TrackingRules;
  units: readonly TrackedUnit[];
  /** Everyone tracked, in display order; supervisors named by `supervisorId` should be among the roster names. */
  people: readonly TrackedPerson[];
  /** Names of every person on the roster (supervisors outside HR's scope included). */
  names: ReadonlyMap<string, string>;
  plans: readonly { personId: string; state: PlanState; version: number; filedAt?: string | undefined }[];
  records: readonly (Submittable & { personId: string; month: number })[];
  summaries: readonly (Submittable & { personId: string; quarter: Quarter })[];
  /** Signed evaluations (any version); the first signing counts for lateness. */
  evaluations: readonly { subject: string; quarter: Quarter; signedAt: string }[];
  /** Signed registers (any version). */
  registers: readonly {
    supervisorId: string;
    quarter: Quarter;
    version: number;
    signedAt: string;
    entries: readonly { personId: string }[];
  }[];
  spotChecks: readonly { personId: string; month: number | null; state: 'open' | 'corrected' | 'closed' }[];
};

export type TrackingRow = {
  personId: string;
  name: string;
  unitId: string;
  unitName: string;
  supervisorId: string | null;
  supervisorName: string;
  plan: PlanCell;
  months: Cell[];
  summaries: Cell[];
  /** The supervisor's evaluation of this person, per quarter. */
  evaluations: Cell[];
  /** Whether the supervisor's signed register of the quarter lists this person. */
  registers: Cell[];
  /** Spot checks of a month (1–12) or the whole year (0), by state. */
  spotChecks: { month: number; state: 'open' | 'corrected' | 'closed' }[];
};

function earliest(a: string | undefined, b: string): string {
  return a === undefined || b < a ? b : a;
}

export function buildTrackingRows(input: TrackingInput): TrackingRow[] {
  const rules = input.rules ?? DEFAULT_TRACKING_RULES;
  const { year, now } = input;
  const unitNames = new Map(input.units.map((u) => [u.id, u.name]));
  const plans = new Map(input.plans.map((p) => [p.personId, p]));
  const records = new Map(input.records.map((r) => [`${r.personId}/${r.month}`, r]));
  const summaries = new Map(input.summaries.map((s) => [`${s.personId}/${s.quarter}`, s]));
  const evaluated = new Map<string, string>();
  for (const e of input.evaluations) {
    const key = `${e.subject}/${e.quarter}`;
    evaluated.set(key, earliest(evaluated.get(key), e.signedAt));
  }
  // The register's first signing that lists the person.
  const registered = new Map<string, string>();
  const registerSigned = new Set<string>();
  for (const r of input.registers) {
    registerSigned.add(`${r.supervisorId}/${r.quarter}`);
    for (const e of r.entries) {
      const key = `${e.personId}/${r.quarter}`;
      registered.set(key, earliest(registered.get(key), r.signedAt));
    }
  }
  const spots = new Map<string, TrackingRow['spotChecks']>();
  for (const s of input.spotChecks) {
    const list = spots.get(s.personId);
    const spot = { month: s.month ?? 0, state: s.state };
    if (list) list.push(spot);
    else spots.set(s.personId, [spot]);
  }
  // The deadlines are the same for everyone: computed once, not once per person and cell.
  const monthDue = Array.from({ length: 12 }, (_, i) => recordDeadline(year, i + 1, rules));
  const summaryDue = QUARTERS.map((q) => quarterDeadline('summary', year, q, rules));
  const evaluationDue = QUARTERS.map((q) => quarterDeadline('evaluation', year, q, rules));
  const registerDue = QUARTERS.map((q) => quarterDeadline('register', year, q, rules));
  return input.people.map((p) => {
    const hasSupervisor = p.supervisorId !== null;
    const na = (due: Deadline): Cell => ({ state: 'notApplicable', due: due.date });
    return {
      personId: p.id,
      name: p.name,
      unitId: p.unitId,
      unitName: unitNames.get(p.unitId) ?? '',
      supervisorId: p.supervisorId,
      supervisorName: p.supervisorId ? (input.names.get(p.supervisorId) ?? p.supervisorId) : '',
      plan: planCell(plans.get(p.id), year, now, rules),
      months: monthDue.map((due, i) => submissionCell(records.get(`${p.id}/${i + 1}`), due, now)),
      summaries: QUARTERS.map((q, i) => submissionCell(summaries.get(`${p.id}/${q}`), summaryDue[i]!, now)),
      evaluations: QUARTERS.map((q, i) => {
        const due = evaluationDue[i]!;
        return hasSupervisor ? dutyCell(evaluated.get(`${p.id}/${q}`), due, now) : na(due);
      }),
      registers: QUARTERS.map((q, i) => {
        const due = registerDue[i]!;
        return hasSupervisor ? dutyCell(registered.get(`${p.id}/${q}`), due, now) : na(due);
      }),
      spotChecks: spots.get(p.id) ?? [],
    };
  });
}

// ---- Filters and counts ----

export type TrackingView = 'monthly' | 'quarterly';
export type StateFilter = 'all' | 'problems' | CellState | `plan:${PlanCellState}`;

/** The cells a view shows, besides the plan. */
export function cellsOf(row: TrackingRow, view: TrackingView): Cell[] {
  return view === 'monthly' ? row.months : [...row.summaries, ...row.evaluations, ...row.registers];
}

const PROBLEM_STATES: ReadonlySet<CellState> = new Set(['missing', 'late', 'returned']);

export function rowMatches(row: TrackingRow, view: TrackingView, filter: StateFilter): boolean {
  if (filter === 'all') return true;
  if (filter.startsWith('plan:')) return row.plan.state === filter.slice(5);
  const cells = cellsOf(row, view);
  if (filter === 'problems') {
    return (
      cells.some((c) => PROBLEM_STATES.has(c.state)) ||
      row.plan.state === 'overdue' ||
      row.plan.state === 'returned'
    );
  }
  return cells.some((c) => c.state === filter);
}

/** The people of a unit and everything below it (by the unit's path); null keeps everyone. */
export function filterRows(
  rows: readonly TrackingRow[],
  units: readonly TrackedUnit[],
  options: { unitId: string | null; view: TrackingView; filter: StateFilter },
): TrackingRow[] {
  const paths = new Map(units.map((u) => [u.id, u.path]));
  const scope = options.unitId === null ? null : paths.get(options.unitId);
  return rows.filter((r) => {
    if (options.unitId !== null) {
      const path = paths.get(r.unitId);
      if (!scope || path === undefined || !isWithinUnit(path, scope)) return false;
    }
    return rowMatches(r, options.view, options.filter);
  });
}

export type UnitCounts = {
  unitId: string;
  unitName: string;
  people: number;
  counts: Record<CellState, number>;
  planUnfiled: number;
};

/** Per unit (each person counted in their own unit), the cells of the view by state. */
export function countByUnit(rows: readonly TrackingRow[], view: TrackingView): UnitCounts[] {
  const out = new Map<string, UnitCounts>();
  for (const r of rows) {
    let u = out.get(r.unitId);
    if (!u) {
      const counts = Object.fromEntries(CELL_STATES.map((s) => [s, 0])) as Record<CellState, number>;
      u = { unitId: r.unitId, unitName: r.unitName, people: 0, counts, planUnfiled: 0 };
      out.set(r.unitId, u);
    }
    u.people += 1;
    for (const c of cellsOf(r, view)) u.counts[c.state] += 1;
    if (r.plan.state !== 'filed') u.planUnfiled += 1;
  }
  return [...out.values()];
}

// ---- 督促名单 ----

export type ReminderLine = {
  personId: string;
  name: string;
  /** What this person still owes, one phrase each: "3月记实簿(缺报)". */
  items: string[];
};

export type ReminderGroup = {
  unitId: string;
  unitName: string;
  supervisorId: string | null;
  /** '' for people with no supervisor on the roster. */
  supervisorName: string;
  lines: ReminderLine[];
};

const owed = (state: CellState) =>
  state === 'missing' ? '缺报' : state === 'returned' ? '已退回待重报' : null;

/**
 * Who is missing what, by unit and then by supervisor: officials for their plan, record books and
 * summaries; supervisors (under their own unit and supervisor) for the evaluations and the filing
 * register they owe. Late-but-received items are not owed and are left out.
 */
export function reminderList(rows: readonly TrackingRow[]): ReminderGroup[] {
  const byPerson = new Map(rows.map((r) => [r.personId, r]));
  const lines = new Map<string, ReminderLine>();
  const lineOf = (personId: string, name: string) => {
    let line = lines.get(personId);
    if (!line) {
      line = { personId, name, items: [] };
      lines.set(personId, line);
    }
    return line;
  };
  for (const r of rows) {
    const mine: string[] = [];
    if (r.plan.state === 'overdue') mine.push('个人年度工作计划(未报送)');
    if (r.plan.state === 'returned') mine.push('个人年度工作计划(已退回待重报)');
    r.months.forEach((c, i) => {
      const why = owed(c.state);
      if (why) mine.push(`${i + 1}月记实簿(${why})`);
    });
    r.summaries.forEach((c, i) => {
      const why = owed(c.state);
      if (why) mine.push(`第${i + 1}季度工作小结(${why})`);
    });
    if (mine.length > 0) lineOf(r.personId, r.name).items.push(...mine);
  }
  // The supervisors' duties, gathered per supervisor and quarter.
  const duties = new Map<
    string,
    { name: string; evaluations: Map<number, string[]>; registers: Map<number, string[]> }
  >();
  for (const r of rows) {
    const sid = r.supervisorId;
    if (!sid) continue;
    const d = duties.get(sid) ?? {
      name: r.supervisorName,
      evaluations: new Map<number, string[]>(),
      registers: new Map<number, string[]>(),
    };
    duties.set(sid, d);
    r.evaluations.forEach((c, i) => {
      if (c.state === 'missing') d.evaluations.set(i + 1, [...(d.evaluations.get(i + 1) ?? []), r.name]);
    });
    r.registers.forEach((c, i) => {
      if (c.state === 'missing') d.registers.set(i + 1, [...(d.registers.get(i + 1) ?? []), r.name]);
    });
  }
  for (const [supervisorId, d] of duties) {
    const items: string[] = [];
    for (const [q, names] of [...d.evaluations].sort((a, b) => a[0] - b[0]))
      items.push(`第${q}季度领导评鉴(未评鉴:${names.join('、')})`);
    for (const [q, names] of [...d.registers].sort((a, b) => a[0] - b[0]))
      items.push(`第${q}季度备案登记表(未登记:${names.join('、')})`);
    if (items.length > 0)
      lineOf(supervisorId, byPerson.get(supervisorId)?.name ?? d.name).items.push(...items);
  }
  // Group: a supervisor outside the rows (HR's scope) still gets a group, under the unit of their people.
  const groups = new Map<string, ReminderGroup>();
  const order: string[] = [];
  const unitOfAbsent = new Map<string, { unitId: string; unitName: string }>();
  for (const r of rows)
    if (r.supervisorId && !byPerson.has(r.supervisorId) && !unitOfAbsent.has(r.supervisorId))
      unitOfAbsent.set(r.supervisorId, r);
  const place = (line: ReminderLine) => {
    const row = byPerson.get(line.personId);
    const unit = row ?? unitOfAbsent.get(line.personId)!;
    const supervisorId = row ? row.supervisorId : null;
    const supervisorName = row ? row.supervisorName : '';
    const key = `${unit.unitId}\u0000${supervisorId ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { unitId: unit.unitId, unitName: unit.unitName, supervisorId, supervisorName, lines: [] };
      groups.set(key, g);
      order.push(key);
    }
    g.lines.push(line);
  };
  // Rows are in display order (unit, then name): keep it.
  for (const r of rows) {
    const line = lines.get(r.personId);
    if (line) place(line);
  }
  for (const [id, line] of lines) if (!byPerson.has(id)) place(line);
  return order.map((k) => groups.get(k)!);
}

/** The number of people and of items in a reminder list. */
export function reminderTotals(groups: readonly ReminderGroup[]): { people: number; items: number } {
  let people = 0;
  let items = 0;
  for (const g of groups) {
    people += g.lines.length;
    for (const l of g.lines) items += l.items.length;
  }
  return { people, items };
}

// ---- 抽查: drawing a sample ----

/** A small seeded generator (mulberry32): the same seed draws the same sample. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SampleSize = { count: number } | { percent: number };

/** How many to draw out of `total`: a count (capped), or a share rounded up (at least one when any). */
export function sampleCount(total: number, size: SampleSize): number {
  if (total <= 0) return 0;
  if ('count' in size) return Math.max(0, Math.min(total, Math.floor(size.count)));
  const pct = Math.max(0, Math.min(100, size.percent));
  return pct === 0 ? 0 : Math.min(total, Math.max(1, Math.ceil((total * pct) / 100)));
}

/** Draws without replacement (a partial Fisher–Yates shuffle), keeping the input's order in the result. */
export function drawSample<T>(items: readonly T[], size: SampleSize, seed: number): T[] {
  const n = sampleCount(items.length, size);
  const idx = items.map((_, i) => i);
  const rand = seededRandom(seed);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}
