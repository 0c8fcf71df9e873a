/**
 * The supervisor's team at a glance (团队概览): for each direct report and one year, what has
 * arrived (plan, record books, summaries), what is missing, what the supervisor has decided
 * (evaluations, feedback, the quarter's register), and the list of what awaits the supervisor's
 * action, most urgent first.
 *
 * "Missing" follows the official's own overview (overview.ts): a month's record book once the month
 * has ended, a quarter's summary once the quarter has ended. What the supervisor must do:
 *
 *   1 核准计划        a plan version is 已提交核准
 *   2 审阅记实簿      a record book is 已提交 (not returned) in the current or the last quarter;
 *                     whether it was read is not tracked, so older ones are simply "received"
 *   3 领导评鉴        the quarter has ended, or its three record books and its summary are in,
 *                     and there is no signed evaluation
 *   4 评鉴结果反馈    evaluated, and no 会议点评 / 个人谈话 recorded for the quarter
 *   5 签署备案登记表  every report is evaluated for the quarter, and no signed register shows the
 *                     current evaluation of each (none signed yet, or an evaluation was corrected since)
 */
import { QUARTERS, monthsOfQuarter, quarterOfMonth, type Quarter } from './calendar';
import { daysInMonth, isoDate, parseIsoDate, type IsoDate } from './dates';
import type { AnnualPlan, PlanState } from './plan';
import type { MonthlyRecord } from './record-book';
import type { QuarterSummary } from './summary';
import type { FeedbackKind, FeedbackRow, Register, SignedEvaluation } from './supervision';
import type { EvaluationMethod, QuarterGrade } from './vocabulary';
import { compareChinese } from './collate';

// ---- Input ----

/** One report's year as the supervisor's device holds it (the store's PersonYear fits). */
export type TeamMemberYear = {
  plan?: Pick<AnnualPlan, 'state' | 'version' | 'year'>;
  records: readonly Pick<MonthlyRecord, 'year' | 'month' | 'state' | 'version' | 'returnReason'>[];
  summaries: readonly Pick<QuarterSummary, 'year' | 'quarter' | 'state' | 'version'>[];
  evaluations: readonly Pick<
    SignedEvaluation,
    'year' | 'quarter' | 'version' | 'method' | 'resultGrade' | 'resultScore'
  >[];
  feedback: readonly (Pick<FeedbackRow, 'year' | 'quarter' | 'kind' | 'date'> & { ack?: unknown })[];
};

export type TeamOverviewInput = {
  year: number;
  /** Today, 'YYYY-MM-DD' (the machine's local day). */
  today: IsoDate;
  /** The direct reports, in any order. */
  people: readonly { id: string; name: string }[];
  /** What this device holds of each report's `year`, by person id; a person without an entry has nothing. */
  data: Readonly<Record<string, TeamMemberYear | undefined>>;
  /** The supervisor's own signed registers (any version) of the year. */
  registers?: readonly Pick<Register, 'year' | 'quarter' | 'version' | 'entries'>[];
};

// ---- Output ----

export type TeamPlanState = PlanState | 'missing';
export const teamPlanStateLabels: Readonly<Record<TeamPlanState, string>> = {
  missing: '未收到',
  draft: '未收到',
  submitted: '待核准',
  returned: '已退回',
  approved: '已核准',
  filed: '已备案',
};

export type TeamMonthState = 'submitted' | 'returned' | 'missing' | 'notYetDue';
export const teamMonthStateLabels: Readonly<Record<TeamMonthState, string>> = {
  submitted: '已提交',
  returned: '已退回',
  missing: '未收到',
  notYetDue: '未到期',
};

export type TeamQuarterState = 'notYetDue' | 'collecting' | 'awaitingEvaluation' | 'evaluated' | 'fedBack';
export const teamQuarterStateLabels: Readonly<Record<TeamQuarterState, string>> = {
  notYetDue: '未到期',
  collecting: '材料收集中',
  awaitingEvaluation: '待评鉴',
  evaluated: '已评鉴',
  fedBack: '已反馈',
};

export type TeamPlanCell = { state: TeamPlanState; version: number };

export type TeamMonthCell = {
  month: number;
  state: TeamMonthState;
  /** The version received; 0 when none. */
  version: number;
  returnReason?: string;
};

export type TeamQuarterCell = {
  quarter: Quarter;
  /** Today is after the quarter's last day. */
  ended: boolean;
  state: TeamQuarterState;
  summary: 'submitted' | 'missing' | 'notYetDue';
  /** How many of the quarter's three record books are in (已提交, not returned). */
  recordsIn: number;
  /** The current (latest) signed evaluation. */
  evaluation: {
    version: number;
    method: EvaluationMethod;
    grade: QuarterGrade;
    score?: number;
  } | null;
  feedbackCount: number;
  /** Feedback the official has signed (签署意见). */
  acknowledgedCount: number;
  lastFeedback: { kind: FeedbackKind; date: IsoDate } | null;
};

export const TEAM_ACTION_KINDS = [
  'approvePlan',
  'reviewRecord',
  'evaluate',
  'feedback',
  'signRegister',
] as const;
export type TeamActionKind = (typeof TEAM_ACTION_KINDS)[number];
export const teamActionLabels: Readonly<Record<TeamActionKind, string>> = {
  approvePlan: '核准计划',
  reviewRecord: '审阅记实簿',
  evaluate: '领导评鉴',
  feedback: '评鉴结果反馈',
  signRegister: '签署备案登记表',
};
/** 1 is the most urgent. */
export const teamActionPriority: Readonly<Record<TeamActionKind, number>> = {
  approvePlan: 1,
  reviewRecord: 2,
  evaluate: 3,
  feedback: 4,
  signRegister: 5,
};

export type TeamAction = {
  kind: TeamActionKind;
  priority: number;
  /** The report concerned; null for the team's register. */
  personId: string | null;
  name: string | null;
  year: number;
  quarter?: Quarter;
  month?: number;
  /** What to do, in one line: '张三 2026年度个人工作计划(第2版)待核准'. */
  text: string;
  /** What else to know before doing it (materials not yet in, a corrected evaluation). */
  detail?: string;
};

export type TeamPersonOverview = {
  personId: string;
  name: string;
  plan: TeamPlanCell;
  months: TeamMonthCell[];
  quarters: TeamQuarterCell[];
  /** This person's pending actions, most urgent first. */
  actions: TeamAction[];
};

export type TeamOverview = {
  year: number;
  /** Sorted by each person's most urgent action, then by name; people with nothing to do last. */
  people: TeamPersonOverview[];
  /** Every pending action of the team, most urgent first (the 待办 list). */
  actions: TeamAction[];
  /** Per quarter: evaluated reports out of all, and whether a register covering them is signed. */
  registers: {
    quarter: Quarter;
    evaluated: number;
    total: number;
    signedVersion: number | null;
    upToDate: boolean;
  }[];
};

// ---- The rules ----

const lastDayOfMonth = (year: number, month: number): IsoDate =>
  isoDate(year, month, daysInMonth(year, month));

const byName = (a: string, b: string) => compareChinese(a, b);

/** Orders actions: priority, then period (year, month or quarter), then name. */
export function compareTeamActions(a: TeamAction, b: TeamAction): number {
  const period = (x: TeamAction) =>
    x.year * 100 + (x.month ?? (x.quarter ? monthsOfQuarter(x.quarter)[2] : 0));
  return (
    a.priority - b.priority ||
    period(a) - period(b) ||
    byName(a.name ?? '', b.name ?? '') ||
    (a.personId ?? '').localeCompare(b.personId ?? '')
  );
}

/** The latest signed version of each quarter's evaluation. */
function latestEvaluations(rows: TeamMemberYear['evaluations'], year: number) {
  const out = new Map<number, TeamMemberYear['evaluations'][number]>();
  for (const e of rows) {
    if (e.year !== year) continue;
    const seen = out.get(e.quarter);
    if (!seen || e.version > seen.version) out.set(e.quarter, e);
  }
  return out;
}

function personOverview(
  person: { id: string; name: string },
  data: TeamMemberYear,
  year: number,
  today: IsoDate,
): TeamPersonOverview {
  const { id: personId, name } = person;
  const actions: TeamAction[] = [];
  const act = (a: Omit<TeamAction, 'priority' | 'personId' | 'name' | 'year'>) =>
    actions.push({ ...a, priority: teamActionPriority[a.kind], personId, name, year });

  // The plan.
  const plan = data.plan && data.plan.year === year && data.plan.version >= 1 ? data.plan : undefined;
  const planCell: TeamPlanCell = plan
    ? { state: plan.state, version: plan.version }
    : { state: 'missing', version: 0 };
  if (plan?.state === 'submitted') {
    act({
      kind: 'approvePlan',
      text: `${name} ${year}年度个人工作计划${plan.version > 1 ? `(第${plan.version}版)` : ''}待核准`,
    });
  }

  // The record books.
  const [todayYear, todayQuarter] = (() => {
    const d = parseIsoDate(today)!;
    return [d.year, quarterOfMonth(d.month)];
  })();
  const todayIndex = todayYear * 4 + todayQuarter - 1;
  const records = new Map(
    data.records.filter((r) => r.year === year && r.version >= 1).map((r) => [r.month, r]),
  );
  const months: TeamMonthCell[] = [];
  for (let month = 1; month <= 12; month++) {
    const r = records.get(month);
    const ended = today > lastDayOfMonth(year, month);
    if (!r) {
      months.push({ month, state: ended ? 'missing' : 'notYetDue', version: 0 });
      continue;
    }
    const state: TeamMonthState = r.state === 'returned' ? 'returned' : 'submitted';
    months.push({
      month,
      state,
      version: r.version,
      ...(state === 'returned' && r.returnReason ? { returnReason: r.returnReason } : {}),
    });
    const index = year * 4 + quarterOfMonth(month) - 1;
    if (state === 'submitted' && index >= todayIndex - 1) {
      act({
        kind: 'reviewRecord',
        month,
        quarter: quarterOfMonth(month),
        text: `${name} ${year}年${month}月记实簿${r.version > 1 ? `(第${r.version}版)` : ''}已提交,待审阅`,
      });
    }
  }

  // The quarters.
  const summaries = new Map(
    data.summaries.filter((s) => s.year === year && s.version >= 1).map((s) => [s.quarter, s]),
  );
  const evaluations = latestEvaluations(data.evaluations, year);
  const quarters: TeamQuarterCell[] = QUARTERS.map((quarter) => {
    const qMonths = monthsOfQuarter(quarter);
    const ended = today > lastDayOfMonth(year, qMonths[2]);
    const summaryIn = summaries.get(quarter)?.state === 'submitted';
    const summary = summaryIn ? 'submitted' : ended ? 'missing' : 'notYetDue';
    const recordsIn = qMonths.filter((m) => months[m - 1]!.state === 'submitted').length;
    const e = evaluations.get(quarter);
    const feedback = data.feedback
      .filter((f) => f.year === year && f.quarter === quarter)
      .slice()
      .sort((a, b) => a.date.localeCompare(b.date));
    const last = feedback[feedback.length - 1];
    const ready = ended || (recordsIn === 3 && summaryIn);
    const started = today >= isoDate(year, qMonths[0], 1);
    const state: TeamQuarterState = e
      ? feedback.length > 0
        ? 'fedBack'
        : 'evaluated'
      : ready
        ? 'awaitingEvaluation'
        : started || recordsIn > 0 || summaryIn
          ? 'collecting'
          : 'notYetDue';
    if (state === 'awaitingEvaluation') {
      const lacking = [
        ...qMonths.filter((m) => months[m - 1]!.state !== 'submitted').map((m) => `${m}月记实簿`),
        ...(summaryIn ? [] : ['季度个人工作小结']),
      ];
      act({
        kind: 'evaluate',
        quarter,
        text: `${name} ${year}年第${quarter}季度待领导评鉴`,
        ...(lacking.length > 0 ? { detail: `尚未收到${lacking.join('、')}` } : {}),
      });
    } else if (state === 'evaluated') {
      act({ kind: 'feedback', quarter, text: `${name} ${year}年第${quarter}季度评鉴结果尚未反馈` });
    }
    return {
      quarter,
      ended,
      state,
      summary,
      recordsIn,
      evaluation: e
        ? {
            version: e.version,
            method: e.method,
            grade: e.resultGrade,
            ...(e.resultScore !== undefined ? { score: e.resultScore } : {}),
          }
        : null,
      feedbackCount: feedback.length,
      acknowledgedCount: feedback.filter((f) => f.ack !== undefined && f.ack !== null).length,
      lastFeedback: last ? { kind: last.kind, date: last.date } : null,
    };
  });

  actions.sort(compareTeamActions);
  return { personId, name, plan: planCell, months, quarters, actions };
}

const EMPTY: TeamMemberYear = { records: [], summaries: [], evaluations: [], feedback: [] };

export function teamOverview(input: TeamOverviewInput): TeamOverview {
  const { year, today } = input;
  if (!parseIsoDate(today)) throw new RangeError(`not a date: ${today}`);
  const people = input.people.map((p) => personOverview(p, input.data[p.id] ?? EMPTY, year, today));

  // The quarter's 平时考核备案登记表: once every report is evaluated, until a signed version shows
  // each report's current evaluation.
  const teamActions: TeamAction[] = [];
  const registers = QUARTERS.map((quarter) => {
    const total = people.length;
    const evaluated = people.filter((p) => p.quarters[quarter - 1]!.evaluation !== null);
    const latest = (input.registers ?? [])
      .filter((r) => r.year === year && r.quarter === quarter)
      .reduce<Pick<Register, 'version' | 'entries'> | null>(
        (a, r) => (!a || r.version > a.version ? r : a),
        null,
      );
    const upToDate =
      latest !== null &&
      people.every((p) => {
        const e = p.quarters[quarter - 1]!.evaluation;
        const row = latest.entries.find((x) => x.personId === p.personId);
        return e !== null && row !== undefined && row.evaluationVersion === e.version;
      });
    if (total > 0 && evaluated.length === total && !upToDate) {
      teamActions.push({
        kind: 'signRegister',
        priority: teamActionPriority.signRegister,
        personId: null,
        name: null,
        year,
        quarter,
        text: `${year}年第${quarter}季度平时考核备案登记表待审核签署`,
        ...(latest
          ? { detail: `第${latest.version}版签署后有评鉴更正或人员变动,需签署第${latest.version + 1}版` }
          : {}),
      });
    }
    return { quarter, evaluated: evaluated.length, total, signedVersion: latest?.version ?? null, upToDate };
  });

  const urgency = (p: TeamPersonOverview) => p.actions[0]?.priority ?? Number.POSITIVE_INFINITY;
  people.sort(
    (a, b) => urgency(a) - urgency(b) || byName(a.name, b.name) || a.personId.localeCompare(b.personId),
  );
  const actions = [...people.flatMap((p) => p.actions), ...teamActions].sort(compareTeamActions);
  return { year, people, actions, registers };
}
