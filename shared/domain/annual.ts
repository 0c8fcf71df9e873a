/**
 * 年度考核 linkage: who takes part and how (annual-participation.ts), each person's quarterly results
 * (the latest signed version of each) for the quarters they served, the results weighted into the
 * annual quantified score, one ranking of everyone evaluated in the group — 定性 and 定量 together —
 * for 分值靠后, whether they can be an annual 优秀 candidate (with every reason they cannot, in words a
 * clerk understands), and per group (a unit, or the whole 机关) the 优秀 quota and who of the
 * candidates falls within it. Ties at either boundary are shown as ties and wait for a decision.
 *
 * Pure: the store reads the roster, the rules and the evaluations; the pages and the worksheet show this.
 */
import { ValidationError, type ValidationIssue } from '../errors/errors';
import {
  defaultAnnualAssessment,
  q4TimingLabels,
  quotaRoundingLabels,
  quotaScopeLabels,
  rankingRuleLabels,
  type AnnualAssessmentRules,
  type AssessmentConfig,
  type LowRankThreshold,
  type QuotaRounding,
} from './config';
import {
  annualParticipation,
  type AnnualParticipation,
  type ParticipationMarking,
} from './annual-participation';
import type { IsoDate } from './dates';
import { describeLowRankThreshold, excellentEligibility, lowRankCount } from './evaluation-rules';
import { chineseDay, type PersonPeriod } from './periods';
import { roundScore } from './scoring';
import { QUARTER_GRADES, quarterGradeLabels, type QuarterGrade } from './vocabulary';
import { compareChinese } from './collate';

export const ANNUAL_QUARTERS = [1, 2, 3, 4] as const;

/** The group id of a 机关-wide quota and ranking (`annualAssessment.quota.scope === 'organisation'`). */
export const ORGANISATION_GROUP_ID = '*';

/** What the linkage reads of a signed evaluation. */
export type AnnualEvaluationInput = {
  subject: string;
  year: number;
  quarter: number;
  version: number;
  resultGrade: QuarterGrade;
  resultScore?: number | undefined;
};

export type AnnualPersonBase = {
  personId: string;
  name: string;
  /** The unit the person is ranked in (their last as 公务员 in the year, when periods are given). */
  unitId: string;
  /** 职务职级 as printed. */
  post: string;
};

export type AnnualPersonInput = AnnualPersonBase & {
  /** The roster's dated periods; without them the person counts as a 公务员 all year. */
  periods?: readonly PersonPeriod[] | undefined;
  joinedOn?: IsoDate | undefined;
  probationEnd?: IsoDate | undefined;
};

export type AnnualUnitInput = { id: string; name: string };

export type AnnualQuarter = {
  quarter: 1 | 2 | 3 | 4;
  grade: QuarterGrade | null;
  /** 定量 only. */
  score: number | null;
  /** The signed version shown; a correction (version > 1) replaces the earlier ones. */
  version: number | null;
  /** Whether the person was a 公务员 on some day of the quarter (before joining nothing is missing). */
  served: boolean;
};

/** Where a candidate stands against the unit's 优秀 quota. */
export type QuotaStanding = 'within' | 'tie' | 'outside';

export type AnnualRow = AnnualPersonBase & {
  quarters: AnnualQuarter[];
  evaluatedCount: number;
  goodCount: number;
  /** Mean of the quarters that carry a score (定量), two decimals; null when none does. */
  averageScore: number | null;
  /** `averageScore` × quarterWeightInAnnual %: what the quarterly results bring to the annual score. */
  weightedScore: number | null;
  lowRanked: boolean;
  eligible: boolean;
  /** Every reason the person cannot be an 优秀 candidate (their participation's reason included); empty when eligible. */
  reasons: string[];
  /** Among the group's eligible candidates, 1 = first; ties share a rank. Null when not eligible. */
  rank: number | null;
  standing: QuotaStanding | null;
  /** Why a tie at the quota's edge (or at the 靠后 line) needs a recorded decision. */
  standingNote?: string;
  participation: AnnualParticipation;
  /** Days of the year the person belonged (as 公务员) — for "joined in July" etc. */
  memberFrom: IsoDate;
  memberTo: IsoDate;
  /** The quarters whose 评鉴 the annual assessment needs (served, and Q4 only when awaited). */
  requiredQuarters: number[];
  /** Place in the ranking of everyone evaluated in the group (定性 and 定量 together); null: not ranked. */
  groupRank: number | null;
  /** Tied with others across the 靠后 line: neither marked nor cleared, waiting for a decision. */
  lowRankTie: boolean;
  /** Plain remarks: joined on…, moved from 预算科 on…, 不满半年. */
  participationNotes: string[];
};

/** What each rounding gives for the group (shown so HR sees what “20 % of 4” means). */
export type QuotaOptions = Readonly<Record<QuotaRounding, number>>;

export type AnnualUnitResult = {
  /** The unit, or ORGANISATION_GROUP_ID for a 机关-wide group. */
  unitId: string;
  unitName: string;
  /** Those taking part with a 等次 to decide (the base of the quota). */
  headcount: number;
  /** Everyone on the roster in the year in the group, those not taking part included. */
  memberCount: number;
  /** Those ranked together (graded, with at least one 评鉴). */
  rankedCount: number;
  eligibleCount: number;
  /** The quota in force: HR's saved number, else the configured percent and rounding. */
  quota: number;
  /** The configured percent of `headcount`, rounded as configured. */
  defaultQuota: number;
  quotaOptions: QuotaOptions;
  /** Whether HR saved the quota. */
  quotaSet: boolean;
  rows: AnnualRow[];
  /** Plain notes for the group: too few to rank, ties at an edge, fewer candidates than places. */
  notes: string[];
};

export type AnnualLinkage = {
  year: number;
  quarterWeight: number;
  /** The rules applied, in words ("需“好”达半数且无一般、较差"; "本单位排名后10%…"). */
  ruleText: string[];
  /** Rule problems the unit should look at (no 优秀 condition set …). */
  ruleWarnings: string[];
  annual: AnnualAssessmentRules;
  units: AnnualUnitResult[];
};

export type AnnualRules = Pick<
  AssessmentConfig,
  'excellentRule' | 'lowRankThreshold' | 'quarterWeightInAnnual'
> &
  Partial<Pick<AssessmentConfig, 'annualAssessment'>>;

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

/** `percent` of `headcount`, rounded as the 办法 says (20 % of 12, floor → 2), never above the head count. */
export function defaultExcellentQuota(
  headcount: number,
  percent: number,
  rounding: QuotaRounding = 'floor',
): number {
  if (headcount <= 0 || percent <= 0) return 0;
  const exact = (headcount * percent) / 100;
  const n =
    rounding === 'floor'
      ? Math.floor(exact + 1e-9)
      : rounding === 'ceil'
        ? Math.ceil(exact - 1e-9)
        : Math.floor(exact + 0.5 + 1e-9);
  return Math.min(headcount, n);
}

/** What floor, round and ceil each give: 20 % of 4 → 0 / 1 / 1. */
export function quotaOptions(headcount: number, percent: number): QuotaOptions {
  return {
    floor: defaultExcellentQuota(headcount, percent, 'floor'),
    round: defaultExcellentQuota(headcount, percent, 'round'),
    ceil: defaultExcellentQuota(headcount, percent, 'ceil'),
  };
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
    return [{ path, message: `${unitName}的优秀名额应为整数,填写了“${text}”,请改为0或正整数` }];
  }
  if (n < 0) return [{ path, message: `${unitName}的优秀名额不能小于0,请改为0或正整数` }];
  if (n > headcount) {
    return [
      {
        path,
        message: `${unitName}的优秀名额不能超过参加年度考核并确定等次的人数(${headcount}人),填写了${n}`,
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

type Working = AnnualRow & { gradeShares: number[] };

function personRow(
  person: AnnualPersonBase,
  byQuarter: Map<number, AnnualEvaluationInput>,
  weight: number,
  served: readonly number[],
): Working {
  const quarters: AnnualQuarter[] = ANNUAL_QUARTERS.map((quarter) => {
    const e = byQuarter.get(quarter);
    return {
      quarter,
      grade: e?.resultGrade ?? null,
      score: typeof e?.resultScore === 'number' && Number.isFinite(e.resultScore) ? e.resultScore : null,
      version: e?.version ?? null,
      served: served.includes(quarter),
    };
  });
  const scores = quarters.flatMap((q) => (q.score === null ? [] : [q.score]));
  const averageScore =
    scores.length > 0 ? roundScore(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
  const graded = quarters.filter((q) => q.grade !== null);
  return {
    ...person,
    quarters,
    evaluatedCount: graded.length,
    goodCount: quarters.filter((q) => q.grade === 'good').length,
    averageScore,
    weightedScore: averageScore === null ? null : roundScore((averageScore * weight) / 100),
    lowRanked: false,
    eligible: false,
    reasons: [],
    rank: null,
    standing: null,
    participation: { kind: 'graded' },
    memberFrom: '',
    memberTo: '',
    requiredQuarters: [],
    groupRank: null,
    lowRankTie: false,
    participationNotes: [],
    gradeShares: QUARTER_GRADES.map((g) =>
      graded.length === 0 ? 0 : graded.filter((q) => q.grade === g).length / graded.length,
    ),
  };
}

/** By grade: more 好 (as a share of the quarters evaluated) first, then 较好, then 一般. 0: same grades. */
function compareGrades(a: Working, b: Working): number {
  for (let i = 0; i < QUARTER_GRADES.length - 1; i += 1) {
    const d = b.gradeShares[i]! - a.gradeShares[i]!;
    if (Math.abs(d) > 1e-9) return d;
  }
  return 0;
}

/**
 * The one ranking of the group (rule 'gradesThenScore'): by grades; within the same grades by the
 * average score when everyone there has one, else all of them tie. Sets `groupRank` (ties share it)
 * and returns the rows best first.
 */
function rankGroup(rows: Working[]): Working[] {
  const sorted = [...rows].sort((a, b) => compareGrades(a, b) || compareChinese(a.name, b.name));
  const blocks: Working[][] = [];
  for (const r of sorted) {
    const last = blocks.at(-1);
    if (last && compareGrades(last[0]!, r) === 0) last.push(r);
    else blocks.push([r]);
  }
  const out: Working[] = [];
  for (const block of blocks) {
    const start = out.length + 1;
    if (block.every((r) => r.averageScore !== null)) {
      block.sort((a, b) => b.averageScore! - a.averageScore! || compareChinese(a.name, b.name));
      block.forEach((r, i) => {
        const prev = block[i - 1];
        r.groupRank = prev && prev.averageScore === r.averageScore ? prev.groupRank : start + i;
      });
    } else {
      for (const r of block) r.groupRank = start;
    }
    out.push(...block);
  }
  return out;
}

type LowRankOutcome = { low: Map<string, string>; tie: Working[]; note: string | null };

/** 靠后 in the ranked group under the unit's threshold; ties across the line are neither marked nor cleared. */
function lowRankOf(
  ranked: readonly Working[],
  all: readonly Working[],
  threshold: LowRankThreshold,
  minGroup: number,
  year: number,
  groupName: string,
): LowRankOutcome {
  const low = new Map<string, string>();
  const rule = describeLowRankThreshold(threshold);
  if (threshold.kind === 'grade') {
    for (const r of all) {
      if (r.participation.kind !== 'graded') continue;
      const hit = QUARTER_GRADES.filter((g) => threshold.grades.includes(g)).flatMap((g) => {
        const qs = r.quarters.filter((q) => q.grade === g).map((q) => q.quarter);
        return qs.length > 0 ? [`${quartersText(qs)}评鉴为“${quarterGradeLabels[g]}”`] : [];
      });
      if (hit.length > 0) {
        low.set(
          r.personId,
          `${r.name}${year}年${hit.join(',')},属平时考核结果靠后(${rule}),年度考核不能评为优秀`,
        );
      }
    }
    return { low, tie: [], note: null };
  }
  if (threshold.kind === 'belowScore') {
    for (const r of ranked) {
      if (r.averageScore !== null && r.averageScore < threshold.score)
        low.set(
          r.personId,
          `${r.name}${year}年平时考核量化评鉴平均分${fmt(r.averageScore)}分,属分值靠后(${rule}),年度考核不能评为优秀`,
        );
    }
    return { low, tie: [], note: null };
  }
  if (ranked.length < minGroup) {
    return {
      low,
      tie: [],
      note:
        ranked.length === 0
          ? null
          : `${groupName}参加排序人数不足(${ranked.length}人,本单位考核办法规定至少${minGroup}人),未认定分值靠后。`,
    };
  }
  const lowText = (r: Working) =>
    r.averageScore !== null
      ? `${r.name}${year}年平时考核量化评鉴平均分${fmt(r.averageScore)}分,排第${r.groupRank}名(共${ranked.length}人),属分值靠后(${rule}),年度考核不能评为优秀`
      : `${r.name}${year}年季度评鉴等次排第${r.groupRank}名(共${ranked.length}人),属分值靠后(${rule}),年度考核不能评为优秀`;
  const n = lowRankCount(threshold, ranked.length);
  if (n === 0) return { low, tie: [], note: null };
  const cut = ranked.length - n; // index of the first place counted 靠后
  const boundaryRank = ranked[cut]!.groupRank;
  const block = ranked.filter((r) => r.groupRank === boundaryRank);
  const blockStart = ranked.indexOf(block[0]!);
  if (blockStart === 0 && block.length === ranked.length) {
    return {
      low,
      tie: [],
      note: `${groupName}参加排序的${ranked.length}人排序并列,无人排在他人之后,未认定分值靠后。`,
    };
  }
  const spans = blockStart < cut;
  for (const r of ranked.slice(spans ? blockStart + block.length : cut)) low.set(r.personId, lowText(r));
  if (!spans) return { low, tie: [], note: null };
  const left = n - (ranked.length - blockStart - block.length);
  const note =
    `${block.map((r) => r.name).join('、')}并列第${boundaryRank}名,跨越分值靠后的界线(${rule},共${n}人,` +
    `并列者中应认定${left}人),未认定分值靠后,请研究确定`;
  return { low, tie: block, note };
}

/**
 * The year's linkage. `people`: everyone on the roster who belonged on some day of the year, with
 * their periods and profile (participation is read from them; without periods, a 公务员 all year).
 * `evaluations` may hold every signed version of any year (the latest of each quarter counts, once).
 * `quotas`: HR's saved number per group id (a unit's id, or ORGANISATION_GROUP_ID); a group without
 * one gets the configured percent and rounding. `markings`: HR's per-person marking (long leave …).
 * `defaultQuotaPercent` overrides the configured percent (older callers).
 * Throws a ValidationError (Chinese) when a given quota is below zero or above the head count.
 */
export function annualLinkage(args: {
  config: AnnualRules;
  year: number;
  units: readonly AnnualUnitInput[];
  people: readonly AnnualPersonInput[];
  evaluations: readonly AnnualEvaluationInput[];
  quotas?: Readonly<Record<string, number | undefined>>;
  markings?: Readonly<Record<string, ParticipationMarking | undefined>>;
  defaultQuotaPercent?: number;
  /** The 机关's name for a 机关-wide group. */
  organisationName?: string;
}): AnnualLinkage {
  const { config, year } = args;
  const annual = config.annualAssessment ?? defaultAnnualAssessment();
  const percent = args.defaultQuotaPercent ?? annual.quota.percent;
  const rounding = annual.quota.rounding;
  const weight = config.quarterWeightInAnnual;
  const byPerson = new Map<string, Map<number, AnnualEvaluationInput>>();
  for (const e of latestOfYear(args.evaluations, year)) {
    const m = byPerson.get(e.subject) ?? new Map<number, AnnualEvaluationInput>();
    m.set(e.quarter, e);
    byPerson.set(e.subject, m);
  }
  const unitNames = new Map(args.units.map((u) => [u.id, u.name]));
  const unitName = (id: string) => unitNames.get(id) ?? '未知单位';
  const unitOrder = new Map(args.units.map((u, i) => [u.id, i]));
  const orgWide = annual.quota.scope === 'organisation';
  const grouped = new Map<string, Working[]>();
  for (const p of args.people) {
    const m = annualParticipation(
      {
        name: p.name,
        periods: p.periods,
        joinedOn: p.joinedOn,
        probationEnd: p.probationEnd,
        marking: args.markings?.[p.personId],
      },
      year,
      annual,
    );
    if (!m) continue;
    const unitId = m.unitId ?? p.unitId;
    const row = personRow(
      { personId: p.personId, name: p.name, unitId, post: p.post },
      byPerson.get(p.personId) ?? new Map<number, AnnualEvaluationInput>(),
      weight,
      m.quarters,
    );
    row.participation = m.participation;
    row.memberFrom = m.memberFrom;
    row.memberTo = m.memberTo;
    row.requiredQuarters =
      m.participation.kind === 'graded' ? m.quarters.filter((q) => q !== 4 || annual.q4 === 'awaited') : [];
    row.participationNotes = [
      ...m.notes,
      ...m.moves.map((mv) => `${chineseDay(mv.on)}由${unitName(mv.fromUnitId)}调至${unitName(mv.toUnitId)}`),
    ];
    const g = orgWide ? ORGANISATION_GROUP_ID : unitId;
    grouped.set(g, [...(grouped.get(g) ?? []), row]);
  }

  const issues: ValidationIssue[] = [];
  const units: AnnualUnitResult[] = [];
  const groupIds = [...grouped.keys()].sort(
    (a, b) => (unitOrder.get(a) ?? Infinity) - (unitOrder.get(b) ?? Infinity) || a.localeCompare(b),
  );
  for (const groupId of groupIds) {
    const rows = grouped.get(groupId)!;
    const groupName =
      groupId === ORGANISATION_GROUP_ID ? (args.organisationName ?? '本机关') : unitName(groupId);
    const notes: string[] = [];
    const graded = rows.filter((r) => r.participation.kind === 'graded');
    const ranked = rankGroup(graded.filter((r) => r.evaluatedCount > 0));
    const lowRank = config.lowRankThreshold
      ? lowRankOf(ranked, rows, config.lowRankThreshold, annual.lowRankMinGroup, year, groupName)
      : { low: new Map<string, string>(), tie: [], note: null };
    if (lowRank.note) notes.push(lowRank.note.endsWith('。') ? lowRank.note : `${lowRank.note}。`);
    for (const r of lowRank.tie) {
      r.lowRankTie = true;
      r.standingNote = lowRank.note ?? undefined;
    }

    for (const r of rows) {
      const reasons: string[] = [];
      if (r.participation.kind !== 'graded') {
        reasons.push(r.participation.reason);
      } else if (r.evaluatedCount === 0) {
        reasons.push(
          r.requiredQuarters.length > 0
            ? `${r.name}${year}年尚无季度评鉴结果,无法认定优秀人选`
            : `${r.name}${year}年在本机关期间没有需要评鉴的季度,无法依平时考核结果认定优秀人选`,
        );
      } else {
        const missing = r.requiredQuarters.filter((q) => r.quarters[q - 1]!.grade === null);
        if (missing.length > 0) {
          reasons.push(
            `${r.name}${year}年${quartersText(missing)}尚无领导评鉴结果,应有的季度评鉴齐全后才能认定优秀人选`,
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
      const lowReason = lowRank.low.get(r.personId);
      if (lowReason && r.participation.kind === 'graded') {
        r.lowRanked = true;
        reasons.push(lowReason);
      }
      r.reasons = reasons;
      r.eligible = reasons.length === 0;
    }

    const headcount = graded.length;
    const options = quotaOptions(headcount, percent);
    const defaultQuota = options[rounding];
    const typed = args.quotas?.[groupId];
    const quotaSet = typed !== undefined;
    if (quotaSet) issues.push(...quotaIssues(groupName, typed, headcount, `quotas.${groupId}`));
    const quota = quotaSet ? typed : defaultQuota;

    // Candidates in the order of the group's ranking; their rank counts only candidates.
    const candidates = ranked.filter((r) => r.eligible);
    candidates.forEach((r, i) => {
      const prev = candidates[i - 1];
      r.rank = prev && prev.groupRank === r.groupRank ? prev.rank : i + 1;
    });
    for (const r of candidates) {
      const tied = candidates.filter((c) => c.rank === r.rank);
      const last = (r.rank ?? 0) + tied.length - 1;
      if (last <= quota) r.standing = 'within';
      else if ((r.rank ?? 0) <= quota) {
        r.standing = 'tie';
        const left = quota - (r.rank ?? 0) + 1;
        const note = `${tied.map((c) => c.name).join('、')}并列第${r.rank}名,剩余名额${left}个,请研究确定`;
        r.standingNote = r.standingNote ? `${r.standingNote};${note}` : note;
      } else r.standing = 'outside';
    }
    const tie = candidates.find((r) => r.standing === 'tie');
    if (tie) {
      const tied = candidates.filter((c) => c.rank === tie.rank);
      notes.push(
        `${groupName}:${tied.map((c) => c.name).join('、')}并列第${tie.rank}名,剩余名额${quota - tie.rank! + 1}个,请研究确定。`,
      );
    }
    if (candidates.length < quota) {
      notes.push(`${groupName}符合优秀人选条件的有${candidates.length}人,少于优秀名额${quota}个。`);
    }
    const participationOrder = { graded: 0, ungraded: 1, notParticipating: 2 } as const;
    const ordered = [
      ...candidates,
      ...rows
        .filter((r) => !r.eligible)
        .sort(
          (a, b) =>
            participationOrder[a.participation.kind] - participationOrder[b.participation.kind] ||
            (a.groupRank ?? Infinity) - (b.groupRank ?? Infinity) ||
            compareChinese(a.name, b.name),
        ),
    ].map(({ gradeShares: _unused, ...row }) => row as AnnualRow);
    units.push({
      unitId: groupId,
      unitName: groupName,
      headcount,
      memberCount: rows.length,
      rankedCount: ranked.length,
      eligibleCount: candidates.length,
      quota,
      defaultQuota,
      quotaOptions: options,
      quotaSet,
      rows: ordered,
      notes,
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);

  const ruleWarnings: string[] = [];
  if (!config.excellentRule) {
    ruleWarnings.push(
      '本单位考核办法未设置优秀人选的季度等次条件:季度评鉴为“一般”“较差”的人员,只有在分值靠后时才不能评为优秀。请在“考核办法”中确认。',
    );
  }
  return {
    year,
    quarterWeight: weight,
    ruleText: annualRuleText(config, annual, percent),
    ruleWarnings,
    annual,
    units,
  };
}

/** The rules the linkage applies, one sentence each, for the page, the worksheet and the help. */
export function annualRuleText(
  config: AnnualRules,
  annual: AnnualAssessmentRules = config.annualAssessment ?? defaultAnnualAssessment(),
  percent = annual.quota.percent,
): string[] {
  const t = config.lowRankThreshold;
  return [
    `平时考核结果按${fmt(config.quarterWeightInAnnual)}%计入年度考核量化分值`,
    `参加人员:担任“公务员”角色、年末仍在本机关的人员参加年度考核;年内离职(调出)或未担任“公务员”角色的不参加` +
      (annual.minMonthsToTakePart !== null
        ? `;年内任公务员不足${annual.minMonthsToTakePart}个月的不参加`
        : '') +
      (annual.probationUngraded ? ';新录用公务员在试用期内参加年度考核,只写评语,不确定等次' : '') +
      ';病、事假超过规定等情形由人事部门逐人标记并写明原因',
    `排序规则:${rankingRuleLabels[annual.ranking]}`,
    ...(t
      ? [
          `分值靠后(${describeLowRankThreshold(t)})的,年度考核不能评为优秀` +
            (t.kind === 'grade' || t.kind === 'belowScore'
              ? ''
              : `;参加排序人数少于${annual.lowRankMinGroup}人的,不认定分值靠后;并列跨越靠后界线的,列为并列,待研究确定`),
        ]
      : []),
    ...(config.excellentRule ? [`优秀人选条件:${describeExcellentRuleText(config.excellentRule)}`] : []),
    q4TimingLabels[annual.q4],
    `优秀名额:按参加年度考核并确定等次人数的${fmt(percent)}%核定,${quotaRoundingLabels[annual.quota.rounding]};` +
      `${quotaScopeLabels[annual.quota.scope]};人事部门可按年度另行确定并保存`,
  ];
}

function describeExcellentRuleText(rule: NonNullable<AssessmentConfig['excellentRule']>): string {
  const share = rule.minGoodPercent === 50 ? '半数' : `${fmt(rule.minGoodPercent)}%`;
  const forbidden = QUARTER_GRADES.filter((g) => rule.forbiddenGrades.includes(g)).map(
    (g) => `“${quarterGradeLabels[g]}”`,
  );
  const none = forbidden.length > 0 ? `季度评鉴为${forbidden.join('、')}等次的,不能作为优秀人选` : '';
  if (rule.minGoodPercent <= 0) return none || '不设季度等次条件';
  return `季度评鉴“好”等次达${share}以上${none ? `;${none}` : ''}`;
}

/** "好(92.5)", "较好", "—" for a quarter without a result. */
export function quarterResultText(q: Pick<AnnualQuarter, 'grade' | 'score'>): string {
  if (q.grade === null) return '—';
  const g = quarterGradeLabels[q.grade];
  return q.score === null ? g : `${g}(${fmt(q.score)})`;
}

/** "在名额内", "并列,待研究确定", "名额外", "不符合条件", "不定等次", "不参加". */
export function standingText(
  r: Pick<AnnualRow, 'eligible' | 'standing'> & Partial<Pick<AnnualRow, 'participation' | 'lowRankTie'>>,
): string {
  if (r.participation?.kind === 'notParticipating') return '不参加年度考核';
  if (r.participation?.kind === 'ungraded') return '参加考核,不定等次';
  if (!r.eligible) return '不符合条件';
  if (r.lowRankTie) return '靠后界线并列,待研究确定';
  switch (r.standing) {
    case 'within':
      return '在名额内';
    case 'tie':
      return '并列,待研究确定';
    default:
      return '名额外';
  }
}

/**
 * Candidates in ranked order: those within the quota, ties included (a tie at the quota or at the 靠后
 * line waits for a recorded decision before anyone is listed in a 公示).
 */
export function excellentNominees(linkage: AnnualLinkage): AnnualRow[] {
  return linkage.units.flatMap((u) => u.rows.filter((r) => r.standing === 'within' || r.standing === 'tie'));
}
