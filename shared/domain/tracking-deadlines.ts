/**
 * 督促检查's deadlines (报送时限): configuration with a default, never buried in a screen:
 *   - 平时考核记实簿 of a month: by the 5th of the next month (December's: 5 January of the next year);
 *   - 季度个人工作小结: by the 10th of the month after the quarter;
 *   - 领导评鉴: by the 20th of the month after the quarter;
 *   - 平时考核备案登记表: by the 25th of the month after the quarter;
 *   - 个人年度工作计划: by 31 January of the year; for someone who starts later in the year (入职、调入 or
 *     becomes a 公务员 then), by the same day of the month after the month they start.
 * A deadline day counts in full (local time of this machine): a record sent on the 5th is on time.
 */
import { monthsOfQuarter, type Quarter } from './calendar';

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
    `领导评鉴次月${r.evaluationDueDay}日前;备案登记表次月${r.registerDueDay}日前;` +
    `年度中间入职(调入)的,个人年度工作计划于入职次月${r.planDue.day}日前报送。` +
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

let planCache: { year: number; rules: TrackingRules; due: Deadline } | undefined;

export function planDeadline(year: number, r: TrackingRules = DEFAULT_TRACKING_RULES): Deadline {
  // Asked once per person by the grid: the last answer is kept (rules are not changed in place).
  if (planCache?.year === year && planCache.rules === r) return planCache.due;
  const due = deadline(year, r.planDue.month, r.planDue.day);
  planCache = { year, rules: r, due };
  return due;
}

/**
 * The plan's deadline for someone whose first day as 公务员 in the unit is `start` (null: since
 * before the year): the year's deadline, or — starting later than the year's first day — the same
 * day of the month after the start month, whichever is later.
 */
export function planDeadlineFor(
  year: number,
  start: string | null,
  r: TrackingRules = DEFAULT_TRACKING_RULES,
): Deadline {
  const base = planDeadline(year, r);
  const first = `${String(year).padStart(4, '0')}-01-01`;
  if (start === null || start <= first || !/^\d{4}-\d{2}-\d{2}$/.test(start)) return base;
  const later = deadline(Number(start.slice(0, 4)), Number(start.slice(5, 7)) + 1, r.planDue.day);
  return later.date > base.date ? later : base;
}
