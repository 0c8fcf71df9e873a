/**
 * 年度考核 linkage: each person's four quarterly results (the latest signed version of each), the
 * quarterly results weighted into the annual quantified score, whether they can be an annual 优秀
 * candidate — with every reason they cannot, in words a clerk understands — and, per unit, the
 * 优秀 quota HR sets and who of the candidates falls within it.
 *
 * Pure: the store reads the roster, the rules and the evaluations; the page and the worksheet show this.
 */
import { ValidationError, type ValidationIssue } from '../errors/errors';
import type { AssessmentConfig } from './config';
import { describeLowRankThreshold, excellentEligibility, lowRankedIds } from './evaluation-rules';
import { roundScore } from './scoring';
import { QUARTER_GRADES, quarterGradeLabels, type QuarterGrade } from './vocabulary';
import { compareChinese } from './collate';

export const ANNUAL_QUARTERS = [1, 2, 3, 4] as const;

/** What the linkage reads of a signed evaluation. */
export type AnnualEvaluationInput = {
  subject: string;
  year: number;
  quarter: number;
  version: number;
  resultGrade: QuarterGrade;
  resultScore?: number | undefined;
};

export type AnnualPersonInput = {
  personId: string;
  name: string;
  unitId: string;
  /** 职务职级 as printed. */
  post: string;
};

export type AnnualUnitInput = { id: string; name: string };

export type AnnualQuarter = {
  quarter: 1 | 2 | 3 | 4;
  grade: QuarterGrade | null;
  /** 定量 only. */
  score: number | null;
  /** The signed version shown; a correction (version > 1) replaces the earlier ones. */
  version: number | null;
};

/** Where a candidate stands against the unit's 优秀 quota. */
export type QuotaStanding = 'within' | 'tie' | 'outside';

export type AnnualRow = AnnualPersonInput & {
  quarters: AnnualQuarter[];
  evaluatedCount: number;
  goodCount: number;
  /** Mean of the quarters that carry a score (定量), two decimals; null when none does. */
  averageScore: number | null;
  /** `averageScore` × quarterWeightInAnnual %: what the quarterly results bring to the annual score. */
  weightedScore: number | null;
  lowRanked: boolean;
  eligible: boolean;
  /** Every reason the person cannot be an 优秀 candidate; empty when eligible. */
  reasons: string[];
  /** Among the unit's eligible candidates, 1 = first; ties share a rank. Null when not eligible. */
  rank: number | null;
  standing: QuotaStanding | null;
  /** Why a tie at the quota's edge needs HR's decision. */
  standingNote?: string;
};

export type AnnualUnitResult = {
  unitId: string;
  unitName: string;
  headcount: number;
  eligibleCount: number;
  /** The quota in force: HR's number, else the default. */
  quota: number;
  /** Floor of `defaultQuotaPercent` of the headcount. */
  defaultQuota: number;
  /** Whether HR typed the quota. */
  quotaSet: boolean;
  rows: AnnualRow[];
  /** Plain notes for the unit: fewer candidates than places, a tie at the edge. */
  notes: string[];
};

export type AnnualLinkage = {
  year: number;
  quarterWeight: number;
  /** The rules applied, in words ("需“好”达半数且无一般、较差"; "本单位排名后10%…"). */
  ruleText: string[];
  units: AnnualUnitResult[];
};

const fmt = (n: number) => String(roundScore(n));

/** The latest signed version of each subject's quarter; older versions and other years are dropped. */
export function latestOfYear<E extends AnnualEvaluationInput>(evaluations: readonly E[], year: number): E[] {
  const latest = new Map<string, E>();
  for (const e of evaluations) {
    if (e.year !== year) continue;
    const k = `${e.subject}/${e.quarter}`;
    const seen = latest.get(k);
    if (!seen || e.version > seen.version) latest.set(k, e);
  }
  return [...latest.values()];
}

/** Floor of `percent` of `headcount` (20 % of 12 → 2). */
export function defaultExcellentQuota(headcount: number, percent: number): number {
  if (headcount <= 0 || percent <= 0) return 0;
  return Math.min(headcount, Math.floor((headcount * percent) / 100 + 1e-9));
}

/** Why a typed quota cannot be used (empty when it can): a whole number from 0 to the head count. */
export function quotaIssues(
  unitName: string,
  value: string | number,
  headcount: number,
  path = 'quota',
): ValidationIssue[] {
  const text = String(value).trim();
  if (text === '') return [{ path, message: `请填写${unitName}的优秀名额` }];
  const n = Number(text);
  if (!Number.isFinite(n) || !Number.isInteger(n)) {
    return [{ path, message: `${unitName}的优秀名额应为整数` }];
  }
  if (n < 0) return [{ path, message: `${unitName}的优秀名额不能小于0` }];
  if (n > headcount) {
    return [
      {
        path,
        message: `${unitName}的优秀名额不能超过本单位参加年度考核的人数(${headcount}人),填写了${n}`,
      },
    ];
  }
  return [];
}

/** The quota as a number; throws a ValidationError in Chinese when it cannot be used. */
export function parseQuota(unitName: string, value: string | number, headcount: number): number {
  const issues = quotaIssues(unitName, value, headcount);
  if (issues.length > 0) throw new ValidationError(issues);
  return Number(String(value).trim());
}

/** "第3、4季度" */
const quartersText = (qs: readonly number[]) => `第${qs.join('、')}季度`;

/**
 * Ranking of the eligible: more 好 first, then the higher average score (a person with no score after
 * those with one), then more 较好. Equal on all three is a tie: the two cannot be told apart.
 */
function compareCandidates(a: AnnualRow, b: AnnualRow): number {
  if (a.goodCount !== b.goodCount) return b.goodCount - a.goodCount;
  if (a.averageScore !== b.averageScore) {
    if (a.averageScore === null) return 1;
    if (b.averageScore === null) return -1;
    return b.averageScore - a.averageScore;
  }
  const fairly = (r: AnnualRow) => r.quarters.filter((q) => q.grade === 'fairlyGood').length;
  return fairly(b) - fairly(a);
}

function personRow(
  person: AnnualPersonInput,
  byQuarter: Map<number, AnnualEvaluationInput>,
  weight: number,
): AnnualRow {
  const quarters: AnnualQuarter[] = ANNUAL_QUARTERS.map((quarter) => {
    const e = byQuarter.get(quarter);
    return {
      quarter,
      grade: e?.resultGrade ?? null,
      score: typeof e?.resultScore === 'number' && Number.isFinite(e.resultScore) ? e.resultScore : null,
      version: e?.version ?? null,
    };
  });
  const scores = quarters.flatMap((q) => (q.score === null ? [] : [q.score]));
  const averageScore =
    scores.length > 0 ? roundScore(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
  return {
    ...person,
    quarters,
    evaluatedCount: quarters.filter((q) => q.grade !== null).length,
    goodCount: quarters.filter((q) => q.grade === 'good').length,
    averageScore,
    weightedScore: averageScore === null ? null : roundScore((averageScore * weight) / 100),
    lowRanked: false,
    eligible: false,
    reasons: [],
    rank: null,
    standing: null,
  };
}

/** 靠后 under the unit's threshold: by the year's average score, or by any quarter's grade. */
function lowRankReasons(
  rows: readonly AnnualRow[],
  threshold: NonNullable<AssessmentConfig['lowRankThreshold']>,
  year: number,
): Map<string, string> {
  const reasons = new Map<string, string>();
  const rule = describeLowRankThreshold(threshold);
  if (threshold.kind === 'grade') {
    for (const r of rows) {
      const hit = QUARTER_GRADES.filter((g) => threshold.grades.includes(g)).flatMap((g) => {
        const qs = r.quarters.filter((q) => q.grade === g).map((q) => q.quarter);
        return qs.length > 0 ? [`${quartersText(qs)}评鉴为“${quarterGradeLabels[g]}”`] : [];
      });
      if (hit.length > 0) {
        reasons.set(
          r.personId,
          `${r.name}${year}年${hit.join(',')},属平时考核结果靠后(${rule}),年度考核不能评为优秀`,
        );
      }
    }
    return reasons;
  }
  const ranked = rows.map((r) => ({
    personId: r.personId,
    score: r.averageScore ?? undefined,
    grade: r.quarters.find((q) => q.grade !== null)?.grade ?? 'good',
  }));
  const low = new Set(lowRankedIds({ threshold, scores: ranked }));
  for (const r of rows) {
    if (!low.has(r.personId) || r.averageScore === null) continue;
    reasons.set(
      r.personId,
      `${r.name}${year}年平时考核量化评鉴平均分${fmt(r.averageScore)}分,属分值靠后(${rule}),年度考核不能评为优秀`,
    );
  }
  return reasons;
}

/**
 * The year's linkage. `people` are those taking part in the annual assessment (active in the roster);
 * `evaluations` may hold every signed version of any year (the latest of each quarter counts, once).
 * `quotas`: HR's number per unit id; a unit without one gets `defaultQuotaPercent` of its head count.
 * Throws a ValidationError (Chinese) when a given quota is below zero or above the head count.
 */
export function annualLinkage(args: {
  config: Pick<AssessmentConfig, 'excellentRule' | 'lowRankThreshold' | 'quarterWeightInAnnual'>;
  year: number;
  units: readonly AnnualUnitInput[];
  people: readonly AnnualPersonInput[];
  evaluations: readonly AnnualEvaluationInput[];
  quotas?: Readonly<Record<string, number | undefined>>;
  defaultQuotaPercent: number;
}): AnnualLinkage {
  const { config, year } = args;
  const weight = config.quarterWeightInAnnual;
  const byPerson = new Map<string, Map<number, AnnualEvaluationInput>>();
  for (const e of latestOfYear(args.evaluations, year)) {
    const m = byPerson.get(e.subject) ?? new Map<number, AnnualEvaluationInput>();
    m.set(e.quarter, e);
    byPerson.set(e.subject, m);
  }
  const unitNames = new Map(args.units.map((u) => [u.id, u.name]));
  const unitOrder = new Map(args.units.map((u, i) => [u.id, i]));
  const grouped = new Map<string, AnnualRow[]>();
  for (const p of args.people) {
    const row = personRow(p, byPerson.get(p.personId) ?? new Map<number, AnnualEvaluationInput>(), weight);
    grouped.set(p.unitId, [...(grouped.get(p.unitId) ?? []), row]);
  }

  const issues: ValidationIssue[] = [];
  const units: AnnualUnitResult[] = [];
  const unitIds = [...grouped.keys()].sort(
    (a, b) => (unitOrder.get(a) ?? Infinity) - (unitOrder.get(b) ?? Infinity) || a.localeCompare(b),
  );
  for (const unitId of unitIds) {
    const rows = grouped.get(unitId)!;
    const unitName = unitNames.get(unitId) ?? '未知单位';
    const low = config.lowRankThreshold
      ? lowRankReasons(rows, config.lowRankThreshold, year)
      : new Map<string, string>();
    for (const r of rows) {
      const reasons: string[] = [];
      if (r.evaluatedCount === 0) {
        reasons.push(`${r.name}${year}年尚无季度评鉴结果,无法认定优秀人选`);
      } else {
        const missing = r.quarters.filter((q) => q.grade === null).map((q) => q.quarter);
        if (missing.length > 0) {
          reasons.push(
            `${r.name}${year}年${quartersText(missing)}尚无领导评鉴结果,四个季度评鉴齐全后才能认定优秀人选`,
          );
        }
        reasons.push(
          ...excellentEligibility({
            config,
            name: r.name,
            year,
            quarterGrades: r.quarters.map((q) => q.grade),
          }).reasons,
        );
      }
      const lowReason = low.get(r.personId);
      if (lowReason) {
        r.lowRanked = true;
        reasons.push(lowReason);
      }
      r.reasons = reasons;
      r.eligible = reasons.length === 0;
    }

    const headcount = rows.length;
    const defaultQuota = defaultExcellentQuota(headcount, args.defaultQuotaPercent);
    const typed = args.quotas?.[unitId];
    const quotaSet = typed !== undefined;
    if (quotaSet) issues.push(...quotaIssues(unitName, typed, headcount, `quotas.${unitId}`));
    const quota = quotaSet ? typed : defaultQuota;

    const candidates = rows.filter((r) => r.eligible).sort(compareCandidates);
    const notes: string[] = [];
    candidates.forEach((r, i) => {
      const prev = candidates[i - 1];
      r.rank = prev && compareCandidates(prev, r) === 0 ? prev.rank : i + 1;
    });
    for (const r of candidates) {
      const tied = candidates.filter((c) => c.rank === r.rank);
      const last = (r.rank ?? 0) + tied.length - 1;
      if (last <= quota) r.standing = 'within';
      else if ((r.rank ?? 0) <= quota) {
        r.standing = 'tie';
        const left = quota - (r.rank ?? 0) + 1;
        r.standingNote = `${tied.map((c) => c.name).join('、')}并列第${r.rank}名,剩余名额${left}个,请研究确定`;
      } else r.standing = 'outside';
    }
    const tie = candidates.find((r) => r.standing === 'tie');
    if (tie?.standingNote) notes.push(`${unitName}:${tie.standingNote}。`);
    if (candidates.length < quota) {
      notes.push(`${unitName}符合优秀人选条件的有${candidates.length}人,少于优秀名额${quota}个。`);
    }
    const ordered = [
      ...candidates,
      ...rows.filter((r) => !r.eligible).sort((a, b) => compareChinese(a.name, b.name)),
    ];
    units.push({
      unitId,
      unitName,
      headcount,
      eligibleCount: candidates.length,
      quota,
      defaultQuota,
      quotaSet,
      rows: ordered,
      notes,
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);

  const ruleText = [
    `平时考核结果按${fmt(weight)}%计入年度考核量化分值`,
    ...(config.excellentRule ? [`优秀人选条件:${describeExcellentRuleText(config.excellentRule)}`] : []),
    ...(config.lowRankThreshold
      ? [`分值靠后(${describeLowRankThreshold(config.lowRankThreshold)})的,年度考核不能评为优秀`]
      : []),
    '四个季度评鉴齐全方可认定优秀人选',
  ];
  return { year, quarterWeight: weight, ruleText, units };
}

function describeExcellentRuleText(rule: NonNullable<AssessmentConfig['excellentRule']>): string {
  const share = rule.minGoodPercent === 50 ? '半数' : `${fmt(rule.minGoodPercent)}%`;
  const forbidden = QUARTER_GRADES.filter((g) => rule.forbiddenGrades.includes(g)).map(
    (g) => `“${quarterGradeLabels[g]}”`,
  );
  return `季度评鉴“好”等次达${share}以上${forbidden.length > 0 ? `,且无${forbidden.join('、')}等次` : ''}`;
}

/** "好(92.5)", "较好", "—" for a quarter without a result. */
export function quarterResultText(q: Pick<AnnualQuarter, 'grade' | 'score'>): string {
  if (q.grade === null) return '—';
  const g = quarterGradeLabels[q.grade];
  return q.score === null ? g : `${g}(${fmt(q.score)})`;
}

/** "在名额内", "并列,待定", "名额外", "不符合条件". */
export function standingText(r: Pick<AnnualRow, 'eligible' | 'standing'>): string {
  if (!r.eligible) return '不符合条件';
  switch (r.standing) {
    case 'within':
      return '在名额内';
    case 'tie':
      return '并列,待研究确定';
    default:
      return '名额外';
  }
}

/** Candidates in ranked order: used by the 公示 list (those within the quota, ties included). */
export function excellentNominees(linkage: AnnualLinkage): AnnualRow[] {
  return linkage.units.flatMap((u) => u.rows.filter((r) => r.standing === 'within' || r.standing === 'tie'));
}
