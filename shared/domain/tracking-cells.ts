/**
 * One cell of 督促检查's grid: what it says about one thing due from one person — received on time,
 * late, missing, returned, not yet due — and the plan's own column (未报送 … 已备案). Lateness is
 * judged on the latest submission this device holds (a record returned and sent again after the
 * deadline counts as late).
 */
import type { PlanState } from './plan';
import type { RecordState } from './record-book';
import type { SummaryState } from './summary';
import type { NotOwedKind } from './tracking-duties';
import {
  planDeadline,
  type Deadline,
  type TrackingRules,
  DEFAULT_TRACKING_RULES,
} from './tracking-deadlines';

/** What a cell of the grid says about one thing due from one person. */
export const CELL_STATES = [
  'submitted',
  'late',
  'missing',
  'returned',
  'pending',
  'notApplicable',
  'notRequired',
] as const;
export type CellState = (typeof CELL_STATES)[number];
export const cellStateLabels: Readonly<Record<CellState, string>> = {
  submitted: '已报送',
  late: '逾期',
  missing: '缺报',
  returned: '已退回',
  pending: '未到期',
  notApplicable: '不适用',
  notRequired: '不需报送',
};

export type Cell = {
  state: CellState;
  due: string;
  at?: string;
  /** notRequired: why (入职前, 离职后 …), in words and as a kind for the cell's short label. */
  reason?: string;
  kind?: NotOwedKind;
  /** An evaluation or register cell: the 主管领导 who owes it, and their name. */
  by?: string;
  byName?: string;
};

/** A cell for something the person does not owe (tracking-duties.ts says why). */
export function notRequiredCell(due: string, why: { kind: NotOwedKind; reason: string }): Cell {
  return { state: 'notRequired', due, kind: why.kind, reason: why.reason };
}

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
export const PLAN_CELL_STATES = [
  'none',
  'overdue',
  'submitted',
  'returned',
  'approved',
  'filed',
  'notRequired',
] as const;
export type PlanCellState = (typeof PLAN_CELL_STATES)[number];
export const planCellLabels: Readonly<Record<PlanCellState, string>> = {
  none: '未报送',
  overdue: '未报送(已超期)',
  submitted: '待核准',
  returned: '已退回',
  approved: '已核准',
  filed: '已备案',
  notRequired: '不需报送',
};

export type PlanCell = {
  state: PlanCellState;
  due: string;
  filedAt?: string;
  /** notRequired: why. */
  reason?: string;
  kind?: NotOwedKind;
};

export function planCell(
  plan: { state: PlanState; version: number; filedAt?: string | undefined } | undefined,
  year: number,
  now: Date,
  r: TrackingRules = DEFAULT_TRACKING_RULES,
  /** The person's own deadline (a mid-year starter's: tracking-deadlines.ts planDeadlineFor). */
  due: Deadline = planDeadline(year, r),
): PlanCell {
  if (!plan || plan.version < 1 || plan.state === 'draft') {
    return { state: now.getTime() >= due.end.getTime() ? 'overdue' : 'none', due: due.date };
  }
  if (plan.state === 'filed')
    return { state: 'filed', due: due.date, ...(plan.filedAt ? { filedAt: plan.filedAt } : {}) };
  return { state: plan.state, due: due.date };
}
