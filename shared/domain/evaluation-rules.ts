/**
 * Unit-level rules around the quarterly evaluations. They warn (never block) before the supervisor
 * signs or HR files, and each warning says in plain words which rule, whom, and by how much.
 */
import type { AssessmentConfig, LowRankThreshold } from './config';
import { QUARTER_GRADES, quarterGradeLabels, type QuarterGrade } from './vocabulary';

/** 41.666… → '41.7', 50 → '50'. */
function percentText(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The latest version of each subject's evaluation: a correction replaces what it corrects. */
function latestPerSubject<E extends { subject: string; version: number }>(evaluations: readonly E[]): E[] {
  const latest = new Map<string, E>();
  for (const e of evaluations) {
    const seen = latest.get(e.subject);
    if (!seen || e.version > seen.version) latest.set(e.subject, e);
  }
  return [...latest.values()];
}

/**
 * 好 capped at `goodCapPercent` of those assessed in the unit in the quarter. `evaluations` are the
 * unit's for that quarter (several versions of one subject's evaluation count once, the latest);
 * `basis` names where the rule comes from, e.g. '全国通行做法'. None when the unit sets no cap.
 */
export function goodCapWarnings(args: {
  config: Pick<AssessmentConfig, 'goodCapPercent'>;
  unitName: string;
  year: number;
  quarter: number;
  evaluations: readonly {
    subject: string;
    version: number;
    year: number;
    quarter: number;
    resultGrade: QuarterGrade;
  }[];
  assessedCount: number;
  basis?: string;
}): string[] {
  const cap = args.config.goodCapPercent;
  if (cap === null || args.assessedCount <= 0) return [];
  const ofQuarter = args.evaluations.filter((e) => e.year === args.year && e.quarter === args.quarter);
  const good = latestPerSubject(ofQuarter).filter((e) => e.resultGrade === 'good').length;
  const share = (good / args.assessedCount) * 100;
  if (share <= cap) return [];
  const basis = args.basis ? `(${args.basis})` : '';
  return [
    `${args.unitName}${args.year}年第${args.quarter}季度评为“好”的有${good}人,` +
      `占参加平时考核人数${args.assessedCount}人的${percentText(share)}%,超过${percentText(cap)}%的比例上限${basis}。`,
  ];
}

/** '需“好”达半数且无一般、较差', the condition in the words of the unit's rule. */
export function describeExcellentRule(rule: NonNullable<AssessmentConfig['excellentRule']>): string {
  const share = rule.minGoodPercent === 50 ? '半数' : `${percentText(rule.minGoodPercent)}%`;
  const forbidden = QUARTER_GRADES.filter((g) => rule.forbiddenGrades.includes(g)).map(
    (g) => quarterGradeLabels[g],
  );
  if (rule.minGoodPercent <= 0) return forbidden.length > 0 ? `需无${forbidden.join('、')}` : '不设条件';
  return `需“好”达${share}${forbidden.length > 0 ? `且无${forbidden.join('、')}` : ''}`;
}

export type ExcellentEligibility = { eligible: boolean; reasons: string[] };

/**
 * Whether an official can be an annual 优秀 candidate, with every reason they cannot.
 * `quarterGrades[i]` is quarter i+1's result, null when not evaluated (e.g. joined mid-year). The
 * share of 好 is taken over the quarters evaluated, so a transfer is judged on the quarters served;
 * run it once the year's evaluations are in. `lowRanked`: 平时考核量化评鉴分值靠后 (lowRankedIds).
 */
export function excellentEligibility(args: {
  config: Pick<AssessmentConfig, 'excellentRule'>;
  name: string;
  year: number;
  quarterGrades: readonly (QuarterGrade | null)[];
  lowRanked?: boolean;
}): ExcellentEligibility {
  const { name, year, quarterGrades } = args;
  const rule = args.config.excellentRule;
  const reasons: string[] = [];
  if (rule) {
    const condition = `不符合优秀人选条件(${describeExcellentRule(rule)})`;
    const evaluated = quarterGrades.filter((g): g is QuarterGrade => g !== null);
    if (evaluated.length === 0) {
      reasons.push(`${name}${year}年尚无季度评鉴结果,无法认定优秀人选`);
    } else {
      const parts = QUARTER_GRADES.filter((g) => rule.forbiddenGrades.includes(g)).flatMap((g) => {
        const quarters = quarterGrades.flatMap((q, i) => (q === g ? [i + 1] : []));
        return quarters.length > 0 ? [`第${quarters.join('、')}季度为“${quarterGradeLabels[g]}”`] : [];
      });
      if (parts.length > 0) reasons.push(`${name}${year}年${parts.join(',')},${condition}`);
      const good = evaluated.filter((g) => g === 'good').length;
      const needed = Math.ceil((evaluated.length * rule.minGoodPercent) / 100 - 1e-9);
      if (good < needed) {
        reasons.push(
          `${name}${year}年评鉴的${evaluated.length}个季度中“好”仅${good}个,需至少${needed}个,${condition}`,
        );
      }
    }
  }
  if (args.lowRanked) {
    reasons.push(`${name}${year}年平时考核量化评鉴分值靠后,年度考核不能评为优秀`);
  }
  return { eligible: reasons.length === 0, reasons };
}

export type RankedScore = { personId: string; score?: number | undefined; grade: QuarterGrade };

/**
 * How many count as 靠后 among `count` ranked: bottomN → n; bottomPercent → the percent of
 * `count` rounded down, but at least 1 (10 % of 12 → 1, of 25 → 2, of 5 → 1). Never more than `count`.
 */
export function lowRankCount(
  threshold: Extract<LowRankThreshold, { kind: 'bottomN' | 'bottomPercent' }>,
  count: number,
): number {
  if (count <= 0) return 0;
  const n =
    threshold.kind === 'bottomN'
      ? threshold.n
      : Math.max(1, Math.floor((count * threshold.percent) / 100 + 1e-9));
  return Math.min(n, count);
}

/**
 * The people 靠后 under the unit's threshold. Ranking kinds (bottomN, bottomPercent, belowScore) use
 * scores only; a person with no score (定性) is not ranked. Ties at the boundary are all included: two
 * equal scores cannot be told apart, so neither is spared. Lowest score first; by grade, input order.
 */
export function lowRankedIds(args: {
  threshold: LowRankThreshold;
  scores: readonly RankedScore[];
}): string[] {
  const { threshold, scores } = args;
  if (threshold.kind === 'grade') {
    return scores.filter((s) => threshold.grades.includes(s.grade)).map((s) => s.personId);
  }
  const ranked = scores
    .filter(
      (s): s is RankedScore & { score: number } => typeof s.score === 'number' && Number.isFinite(s.score),
    )
    .sort((a, b) => a.score - b.score);
  if (threshold.kind === 'belowScore') {
    return ranked.filter((s) => s.score < threshold.score).map((s) => s.personId);
  }
  const n = lowRankCount(threshold, ranked.length);
  if (n === 0) return [];
  const boundary = ranked[n - 1]!.score;
  return ranked.filter((s) => s.score <= boundary).map((s) => s.personId);
}

/** The threshold in words, for the annual linkage screen: '本单位排名后10%(至少1人)'. */
export function describeLowRankThreshold(threshold: LowRankThreshold): string {
  switch (threshold.kind) {
    case 'bottomN':
      return `本单位排名后${threshold.n}名`;
    case 'bottomPercent':
      return `本单位排名后${percentText(threshold.percent)}%(按人数向下取整,至少1人)`;
    case 'belowScore':
      return `量化评鉴分值低于${threshold.score}分`;
    case 'grade':
      return `季度评鉴为${QUARTER_GRADES.filter((g) => threshold.grades.includes(g))
        .map((g) => `“${quarterGradeLabels[g]}”`)
        .join('或')}`;
  }
}
