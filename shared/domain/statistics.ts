/**
 * 统计分析 for HR: the grade distribution by unit and quarter, the trend over the year's quarters, and
 * how far the work has come in (plans submitted and approved, record books submitted per month,
 * evaluations signed per quarter). Pure: counts from rows the store reads; the latest version of each
 * evaluation counts, once.
 */
import { roundScore } from './scoring';
import {
  DEFAULT_TRACKING_RULES,
  quarterDeadline,
  recordDeadline,
  type TrackingRules,
} from './tracking-deadlines';
import type { QuarterGrade } from './vocabulary';

export type StatsPerson = {
  personId: string;
  name: string;
  /** The unit the person's year counts in: the last they were in as 公务员 that year (transfers: the new one). */
  unitId: string;
  /**
   * The unit each month (January first) and quarter counts in, or null when the person did not owe
   * it — before their start, after their leaving, not a 公务员 then (tracking-duties.ts). Absent:
   * every month and quarter, in `unitId`.
   */
  months?: readonly (string | null)[];
  quarters?: readonly (string | null)[];
};
export type StatsUnit = { id: string; name: string };
export type StatsEvaluation = {
  subject: string;
  year: number;
  quarter: number;
  version: number;
  resultGrade: QuarterGrade;
  resultScore?: number | undefined;
};
export type StatsPlan = { personId: string; year: number; state: string; version: number };
export type StatsRecord = { personId: string; year: number; month: number; version: number };

/**
 * done of total, and the share in percent (one decimal); null when there is no one to count.
 * `notYetDue`: the period's 报送时限 (tracking-deadlines.ts) has not passed on the day the figures were
 * taken — its share is not a shortfall yet, and is said as 未到期, never as 0 %.
 */
export type Rate = { done: number; total: number; percent: number | null; notYetDue?: true };

export type GradeCounts = Record<QuarterGrade, number>;

export type DistributionRow = {
  unitId: string;
  unitName: string;
  quarter: number;
  /** People who owed the quarter in this unit (公务员 in it on some day of the quarter, and there at its end). */
  assessed: number;
  evaluated: number;
  counts: GradeCounts;
  /** Share of 好 among those evaluated. */
  goodPercent: number | null;
  /** The quarter's 领导评鉴 is not yet due (see Rate). */
  notYetDue?: true;
};

export type TrendRow = {
  quarter: number;
  evaluated: number;
  counts: GradeCounts;
  /** Mean of the scored (定量) results of the quarter. */
  averageScore: number | null;
  /** People who owed the quarter (the bar's full height: evaluated, and the rest not yet). */
  assessed: number;
  /** The quarter's 领导评鉴 is not yet due (see Rate). */
  notYetDue?: true;
};

export type UnitCompletion = {
  unitId: string;
  unitName: string;
  people: number;
  plansSubmitted: Rate;
  plansApproved: Rate;
  evaluationsSigned: Rate;
};

export type YearStatistics = {
  year: number;
  people: number;
  distribution: DistributionRow[];
  trend: TrendRow[];
  completion: {
    byUnit: UnitCompletion[];
    plansSubmitted: Rate;
    plansApproved: Rate;
    /** Index 0 is January. */
    recordsByMonth: Rate[];
    /** Index 0 is the first quarter. */
    evaluationsByQuarter: Rate[];
  };
};

export function rate(done: number, total: number): Rate {
  return { done, total, percent: total > 0 ? Math.round((done / total) * 1000) / 10 : null };
}

/** "8/12(66.7%)", or "—" when there is no one to count. */
export function rateText(r: Rate): string {
  return r.percent === null ? '—' : `${r.done}/${r.total}(${r.percent}%)`;
}

const emptyCounts = (): GradeCounts => ({ good: 0, fairlyGood: 0, average: 0, poor: 0 });

/** Plans count as submitted from version 1 on; approved once approved or filed. */
const isApproved = (p: StatsPlan) => p.state === 'approved' || p.state === 'filed';

/** The items under each key, in their order. */
function groupBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string | undefined,
): Map<string | undefined, T[]> {
  const out = new Map<string | undefined, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * The year's statistics over `people` (those taking part: the year's 公务员, each with the months
 * and quarters they owed and the unit each counts in), grouped by unit in `units` order. Every
 * denominator counts only who owed that month or quarter, in the unit they were in: a person who
 * joined in December is in December's, not January's; a transfer counts in each unit for its part.
 * Rows of people not in `people` and of other years are ignored.
 */
export function yearStatistics(args: {
  year: number;
  units: readonly StatsUnit[];
  people: readonly StatsPerson[];
  evaluations: readonly StatsEvaluation[];
  plans: readonly StatsPlan[];
  records: readonly StatsRecord[];
  /**
   * The moment the figures are taken: a month or quarter whose 报送时限 has not passed then is
   * 未到期. Absent: every period counts as due (a past year, an example).
   */
  asOf?: Date;
  rules?: TrackingRules;
}): YearStatistics {
  const { year } = args;
  const rules = args.rules ?? DEFAULT_TRACKING_RULES;
  const asOf = args.asOf?.getTime();
  const quarterDue = [1, 2, 3, 4].map(
    (q) =>
      asOf === undefined ||
      asOf >= quarterDeadline('evaluation', year, q as 1 | 2 | 3 | 4, rules).end.getTime(),
  );
  const monthDue = Array.from(
    { length: 12 },
    (_, i) => asOf === undefined || asOf >= recordDeadline(year, i + 1, rules).end.getTime(),
  );
  const notDue = (due: boolean | undefined) => (due === false ? { notYetDue: true as const } : {});
  const ids = new Set(args.people.map((p) => p.personId));
  const monthUnit = (p: StatsPerson, month: number) => (p.months ? (p.months[month - 1] ?? null) : p.unitId);
  const quarterUnit = (p: StatsPerson, q: number) => (p.quarters ? (p.quarters[q - 1] ?? null) : p.unitId);
  const byId = new Map(args.people.map((p) => [p.personId, p]));

  // The latest version of each evaluation, of a quarter the person owed (one of a quarter they did
  // not owe — a role changed since — counts nowhere, as it is in no denominator).
  const latest = new Map<string, StatsEvaluation>();
  for (const e of args.evaluations) {
    if (e.year !== year || !ids.has(e.subject)) continue;
    if (quarterUnit(byId.get(e.subject)!, e.quarter) === null) continue;
    const k = `${e.subject}/${e.quarter}`;
    const seen = latest.get(k);
    if (!seen || e.version > seen.version) latest.set(k, e);
  }
  const current = [...latest.values()];

  const unitOrder = new Map(args.units.map((u, i) => [u.id, i]));
  const unitNames = new Map(args.units.map((u) => [u.id, u.name]));
  const unitIds = [
    ...new Set(
      args.people.flatMap((p) => [
        p.unitId,
        ...[1, 2, 3, 4].flatMap((q) => {
          const u = quarterUnit(p, q);
          return u === null ? [] : [u];
        }),
      ]),
    ),
  ].sort((a, b) => (unitOrder.get(a) ?? Infinity) - (unitOrder.get(b) ?? Infinity) || a.localeCompare(b));
  // Grouped once by unit: filtering everyone for every unit grew as units × people (at 20,000 people
  // in 161 units, 1.9 s of the 统计分析 screen's 2.3 s).
  const membersOf = groupBy(args.people, (p) => p.unitId);
  // Per unit and quarter, who owed it there, and their evaluations.
  const owedIn = new Map<string, number>();
  for (const p of args.people)
    for (const q of [1, 2, 3, 4]) {
      const u = quarterUnit(p, q);
      if (u !== null) owedIn.set(`${u}/${q}`, (owedIn.get(`${u}/${q}`) ?? 0) + 1);
    }
  const currentOf = groupBy(current, (e) => quarterUnit(byId.get(e.subject)!, e.quarter) ?? undefined);

  const distribution: DistributionRow[] = [];
  for (const unitId of unitIds) {
    const unitCurrent = currentOf.get(unitId) ?? [];
    for (const quarter of [1, 2, 3, 4]) {
      const counts = emptyCounts();
      const of = unitCurrent.filter((e) => e.quarter === quarter);
      for (const e of of) counts[e.resultGrade] += 1;
      distribution.push({
        unitId,
        unitName: unitNames.get(unitId) ?? '未知单位',
        quarter,
        assessed: owedIn.get(`${unitId}/${quarter}`) ?? 0,
        evaluated: of.length,
        counts,
        goodPercent: rate(counts.good, of.length).percent,
        ...notDue(quarterDue[quarter - 1]),
      });
    }
  }

  const trend: TrendRow[] = [1, 2, 3, 4].map((quarter) => {
    const of = current.filter((e) => e.quarter === quarter);
    const counts = emptyCounts();
    for (const e of of) counts[e.resultGrade] += 1;
    const scores = of.flatMap((e) =>
      typeof e.resultScore === 'number' && Number.isFinite(e.resultScore) ? [e.resultScore] : [],
    );
    return {
      quarter,
      evaluated: of.length,
      counts,
      averageScore: scores.length > 0 ? roundScore(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
      assessed: args.people.filter((p) => quarterUnit(p, quarter) !== null).length,
      ...notDue(quarterDue[quarter - 1]),
    };
  });

  const plans = args.plans.filter((p) => p.year === year && ids.has(p.personId));
  const submittedPlans = new Set(plans.filter((p) => p.version >= 1).map((p) => p.personId));
  const approvedPlans = new Set(plans.filter(isApproved).map((p) => p.personId));
  const total = args.people.length;

  const submittedRecords = new Set(
    args.records
      .filter((r) => r.year === year && r.version >= 1 && ids.has(r.personId))
      .map((r) => `${r.personId}/${r.month}`),
  );
  // Each month's denominator: who owed that month's 记实簿.
  const recordsByMonth = Array.from({ length: 12 }, (_, i) => {
    const owing = args.people.filter((p) => monthUnit(p, i + 1) !== null);
    return {
      ...rate(owing.filter((p) => submittedRecords.has(`${p.personId}/${i + 1}`)).length, owing.length),
      ...notDue(monthDue[i]),
    };
  });
  const evaluationsByQuarter = [1, 2, 3, 4].map((q) => ({
    ...rate(
      current.filter((e) => e.quarter === q).length,
      args.people.filter((p) => quarterUnit(p, q) !== null).length,
    ),
    ...notDue(quarterDue[q - 1]),
  }));

  const byUnit: UnitCompletion[] = unitIds.map((unitId) => {
    const members = membersOf.get(unitId) ?? [];
    const n = members.length;
    // Only quarters already due count: one not yet due is no shortfall (and what came in early waits).
    const dueQuarters = [1, 2, 3, 4].filter((q) => quarterDue[q - 1]);
    const signed = (currentOf.get(unitId) ?? []).filter((e) => quarterDue[e.quarter - 1]).length;
    const slots = dueQuarters.reduce((sum, q) => sum + (owedIn.get(`${unitId}/${q}`) ?? 0), 0);
    return {
      unitId,
      unitName: unitNames.get(unitId) ?? '未知单位',
      people: n,
      plansSubmitted: rate(members.filter((p) => submittedPlans.has(p.personId)).length, n),
      plansApproved: rate(members.filter((p) => approvedPlans.has(p.personId)).length, n),
      evaluationsSigned: rate(signed, slots),
    };
  });

  return {
    year,
    people: total,
    distribution,
    trend,
    completion: {
      byUnit,
      plansSubmitted: rate(submittedPlans.size, total),
      plansApproved: rate(approvedPlans.size, total),
      recordsByMonth,
      evaluationsByQuarter,
    },
  };
}

/** A table of figures as text, for the screen, Word and Excel alike (see documents' ReportTable). */
export type StatsTable = {
  id: 'distribution' | 'trend' | 'completionUnits' | 'records' | 'evaluations';
  title: string;
  columns: { header: string; weight: number; align?: 'left' | 'center' }[];
  rows: string[][];
  note?: string;
};

const pct = (p: number | null) => (p === null ? '—' : `${p}%`);
/** A rate's share; a period not yet due says so (with what came in early), never "0%". */
const ratePct = (r: Rate) =>
  r.notYetDue ? (r.done > 0 && r.percent !== null ? `未到期(已${r.percent}%)` : '未到期') : pct(r.percent);

export const GRADE_HEADERS = [
  ['good', '好'],
  ['fairlyGood', '较好'],
  ['average', '一般'],
  ['poor', '较差'],
] as const;

/** The statistics as the tables the page shows under its charts and the exports write. */
export function statisticsTables(s: YearStatistics): StatsTable[] {
  const c = s.completion;
  const centre = (header: string, weight = 1) => ({ header, weight, align: 'center' as const });
  return [
    {
      id: 'distribution',
      title: `${s.year}年平时考核等次分布(按单位和季度)`,
      columns: [
        { header: '单位', weight: 3 },
        centre('季度'),
        centre('参加\n人数'),
        centre('已评鉴'),
        ...GRADE_HEADERS.map(([, h]) => centre(h)),
        centre('“好”\n占比', 1.3),
      ],
      rows: s.distribution.map((d) => [
        d.unitName,
        `第${d.quarter}季度`,
        String(d.assessed),
        String(d.evaluated),
        ...GRADE_HEADERS.map(([g]) => String(d.counts[g])),
        d.notYetDue && d.evaluated === 0 ? '未到期' : pct(d.goodPercent),
      ]),
      note: '参加人数为该季度担任公务员(被考核人)角色、季度末在该单位的人员;“好”占比按已评鉴人数计算;同一季度的评鉴如有更正,按最新版本计一次。',
    },
    {
      id: 'trend',
      title: `${s.year}年各季度等次变化`,
      columns: [
        centre('季度'),
        centre('已评鉴'),
        ...GRADE_HEADERS.map(([, h]) => centre(h)),
        centre('定量评鉴\n平均分', 1.5),
      ],
      rows: s.trend.map((t) => [
        `第${t.quarter}季度`,
        String(t.evaluated),
        ...GRADE_HEADERS.map(([g]) => String(t.counts[g])),
        t.averageScore === null
          ? t.notYetDue && t.evaluated === 0
            ? '未到期'
            : '—'
          : String(t.averageScore),
      ]),
    },
    {
      id: 'completionUnits',
      title: `${s.year}年工作计划和领导评鉴完成情况(按单位)`,
      columns: [
        { header: '单位', weight: 3 },
        centre('人数'),
        centre('计划已提交', 2),
        centre('计划已核准', 2),
        centre('评鉴已签署\n(人次)', 2),
      ],
      rows: [
        ...c.byUnit.map((u) => [
          u.unitName,
          String(u.people),
          rateText(u.plansSubmitted),
          rateText(u.plansApproved),
          rateText(u.evaluationsSigned),
        ]),
        ['合计', String(s.people), rateText(c.plansSubmitted), rateText(c.plansApproved), '—'],
      ],
      note: '评鉴按每人应评鉴且已到期的季度计算应签署人次(入职前、离职后和未担任公务员角色的季度不计,领导评鉴报送时限未到的季度不计;年度中间调动的,各季度计入季度末所在单位)。人数按年度末(或离职时)所在单位计。',
    },
    {
      id: 'records',
      title: `${s.year}年平时考核记实簿提交情况(按月)`,
      columns: [centre('月份'), centre('已提交'), centre('应提交'), centre('提交率')],
      rows: c.recordsByMonth.map((r, i) => [`${i + 1}月`, String(r.done), String(r.total), ratePct(r)]),
      note: '应提交为当月担任公务员(被考核人)角色的人数:入职(调入)前、离职(调出)后的月份不计。',
    },
    {
      id: 'evaluations',
      title: `${s.year}年领导评鉴签署情况(按季度)`,
      columns: [centre('季度'), centre('已签署'), centre('应评鉴'), centre('签署率')],
      rows: c.evaluationsByQuarter.map((r, i) => [
        `第${i + 1}季度`,
        String(r.done),
        String(r.total),
        ratePct(r),
      ]),
      note: '应评鉴为该季度担任公务员(被考核人)角色的人数:入职(调入)前、离职(调出)后的季度不计。',
    },
  ];
}
