/**
 * The official's year at a glance: which record books and summaries are due, what was returned,
 * which plan items are past their 完成时限, and a list of what to do next in plain Chinese.
 *
 * "Due" is simple on purpose: a month's record book once the month has ended (today is after its
 * last day), a quarter's summary once the quarter has ended. A unit's own grace period (e.g. "每月
 * 5日前提交") would be configuration; it is not in the presets yet.
 *
 * Only what the person owes is ever due: given their year's duties from the roster's dated periods
 * (tracking-duties.ts), a month before their start or after their leaving is 不需填报, with the reason,
 * never overdue.
 */
import { QUARTERS, monthsOfQuarter, type Quarter } from './calendar';
import { daysInMonth, isoDate, parseIsoDate, type IsoDate } from './dates';
import type { HolidayCalendar, HolidayIndex } from './holidays';
import { planItemDeadline, type AnnualPlan } from './plan';
import { planProgress, type MonthlyRecord, type RecordState } from './record-book';
import type { QuarterSummary, SummaryState } from './summary';
import type { NotOwedKind, YearDuties } from './tracking-duties';

/** Something the person does not owe, and why (tracking-duties.ts). */
export type NotOwed = { kind: NotOwedKind; reason: string };

export type MonthOverview = {
  month: number;
  state: RecordState | 'missing' | 'notYetDue' | 'notRequired';
  /** Due (the month has ended) and not submitted. */
  overdue: boolean;
  /** notRequired: why. */
  notOwed?: NotOwed;
};

export type QuarterOverview = {
  quarter: Quarter;
  state: SummaryState | 'missing' | 'notYetDue' | 'notRequired';
  /** Due (the quarter has ended) and not submitted. */
  overdue: boolean;
  notOwed?: NotOwed;
};

export type PlanItemOverview = {
  id: string;
  task: string;
  deadline: IsoDate;
  percent: number;
  /** Past its 完成时限 and not at 100 %. */
  overdue: boolean;
};

export type YearOverview = {
  months: MonthOverview[];
  quarters: QuarterOverview[];
  planItems: PlanItemOverview[];
  /** What to do next, most urgent first. */
  dueNext: string[];
};

export type YearOverviewInput = {
  year: number;
  today: IsoDate;
  plan: AnnualPlan | undefined;
  /** The person's record books (other years are ignored). */
  records: readonly MonthlyRecord[];
  summaries: readonly QuarterSummary[];
  /** Accepted for a later unit-specific deadline counted in working days; not used by the rule above. */
  calendars?: readonly HolidayCalendar[] | HolidayIndex;
  /** What the person owes this year (from the roster's periods); absent: every month and quarter. */
  duties?: Pick<YearDuties, 'months' | 'quarters'>;
};

function lastDayOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

function planReturnText(plan: AnnualPlan): string {
  const reasons = plan.returnReasons
    .map((r) => {
      const i = r.itemId === null ? -1 : plan.items.findIndex((item) => item.id === r.itemId);
      const task = plan.items[i]?.task.trim();
      return i < 0 ? r.reason.trim() : `第${i + 1}项“${task || '(未填写)'}”:${r.reason.trim()}`;
    })
    .filter((s) => s !== '');
  return reasons.length > 0 ? `:${reasons.join(';')}` : '';
}

export function yearOverview(input: YearOverviewInput): YearOverview {
  const { year, today, plan } = input;
  if (!parseIsoDate(today)) throw new RangeError(`not a date: ${today}`);
  const records = new Map(input.records.filter((r) => r.year === year).map((r) => [r.month, r]));
  const summaries = new Map(input.summaries.filter((s) => s.year === year).map((s) => [s.quarter, s]));

  const months: MonthOverview[] = [];
  const notOwed = (d: YearDuties['months'][number] | undefined): NotOwed | undefined =>
    d && !d.owed ? { kind: d.kind, reason: d.reason } : undefined;
  for (let month = 1; month <= 12; month++) {
    const ended = today > lastDayOfMonth(year, month);
    const r = records.get(month);
    const not = notOwed(input.duties?.months[month - 1]);
    // A record book written anyway (before the roster said otherwise) still shows as written.
    if (not && !r) {
      months.push({ month, state: 'notRequired', overdue: false, notOwed: not });
      continue;
    }
    const state = r?.state ?? (ended ? 'missing' : 'notYetDue');
    months.push({ month, state, overdue: !not && ended && state !== 'submitted' });
  }

  const quarters: QuarterOverview[] = QUARTERS.map((quarter) => {
    const ended = today > lastDayOfMonth(year, monthsOfQuarter(quarter)[2]);
    const s = summaries.get(quarter);
    const not = notOwed(input.duties?.quarters[quarter - 1]);
    if (not && !s) return { quarter, state: 'notRequired', overdue: false, notOwed: not };
    const state = s?.state ?? (ended ? 'missing' : 'notYetDue');
    return { quarter, state, overdue: !not && ended && state !== 'submitted' };
  });

  const progress = plan ? planProgress(plan, [...records.values()]) : new Map<string, { percent: number }>();
  const planItems: PlanItemOverview[] = (plan && plan.year === year ? plan.items : []).map((item) => {
    const percent = progress.get(item.id)?.percent ?? 0;
    const deadline = planItemDeadline(item);
    return {
      id: item.id,
      task: item.task,
      deadline: item.deadline,
      percent,
      overdue: deadline !== undefined && today > deadline && percent < 100,
    };
  });

  // Most urgent first: the plan everything else hangs on, then what the supervisor sent back, then
  // record books and summaries past due (oldest first), then plan items past their deadline.
  const dueNext: string[] = [];
  if (!plan || plan.state === 'draft') dueNext.push(`${year}年个人年度工作计划尚未提交核准`);
  else if (plan.state === 'returned')
    dueNext.push(`${year}年个人年度工作计划已被退回${planReturnText(plan)}`);
  for (const m of months) {
    const r = records.get(m.month);
    if (r?.state === 'returned') {
      const reason = r.returnReason?.trim();
      dueNext.push(`${m.month}月记实簿已被退回${reason ? `:${reason}` : ''}`);
    }
  }
  for (const m of months) if (m.overdue && m.state !== 'returned') dueNext.push(`${m.month}月记实簿尚未提交`);
  for (const q of quarters) if (q.overdue) dueNext.push(`第${q.quarter}季度个人工作小结尚未提交`);
  for (const p of planItems) {
    if (p.overdue) dueNext.push(`计划事项“${p.task.trim()}”已过完成时限,完成进度${p.percent}%`);
  }
  return { months, quarters, planItems, dueNext };
}
