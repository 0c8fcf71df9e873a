/**
 * The assessment configuration (考核办法): every cadence, scale and rule the policy leaves to the
 * unit. Presets (presets.ts) are values of this schema; nothing here is a constant of the code.
 * Here: the schema and the rules a schema alone cannot say (validateConfig, parseConfig). What the
 * editor of 考核办法 shows of a configuration being edited is in config-issues.ts; the one-line
 * account of what changed between two versions, in config-changes.ts.
 */
import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/errors';
import { holidayCalendarSchema } from './holidays';
import { indicatorTemplateSchema, indicatorTemplatesIssues } from './indicators';
import { issuesOf } from './validation';
import { QUARTER_GRADES, quarterGradeLabels, quarterGradeSchema, recordModeSchema } from './vocabulary';

export const CONFIG_SCHEMA_VERSION = 1;

const percent = (what: string) =>
  z
    .number({ error: `${what}应为数字` })
    .min(0, { error: `${what}应在0至100之间` })
    .max(100, { error: `${what}应在0至100之间` });

const label = (empty: string) =>
  z.string({ error: empty }).trim().min(1, { error: empty }).max(100, { error: '名称不能超过100个字' });

/** 'either': the supervisor picks 定性 or 定量 for each evaluation (the seed's “定性或定量评鉴”). */
export const EVALUATION_METHOD_CHOICES = ['grade', 'score', 'either'] as const;
export type EvaluationMethodChoice = (typeof EVALUATION_METHOD_CHOICES)[number];
export const evaluationMethodChoiceLabels: Readonly<Record<EvaluationMethodChoice, string>> = {
  grade: '定性评鉴',
  score: '定量评鉴',
  either: '定性或定量评鉴(由主管领导选择)',
};

/** A score from `min` (included) up to `max` (excluded) earns `grade`; the band ending at 100 includes 100. */
export const scoreBandSchema = z.object({
  grade: quarterGradeSchema,
  min: percent('分数段下限'),
  max: percent('分数段上限'),
});
export type ScoreBand = z.output<typeof scoreBandSchema>;

/** Who may be an annual 优秀 candidate, judged from the year's quarterly grades. */
export const excellentRuleSchema = z.object({
  /** Share of the year's quarters that must be 好, in percent (50: at least half). */
  minGoodPercent: percent('“好”等次季度所占比例'),
  /** Any quarter with one of these grades rules the official out. */
  forbiddenGrades: z.array(quarterGradeSchema),
});
export type ExcellentRule = z.output<typeof excellentRuleSchema>;

/** “平时考核量化评鉴分值靠后的,年度考核不能评为优秀”: what counts as 靠后 in this unit. */
export const lowRankThresholdSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('bottomN'),
      n: z.number({ error: '名次应为整数' }).int({ error: '名次应为整数' }).min(1, { error: '名次至少为1' }),
    }),
    z.object({
      kind: z.literal('bottomPercent'),
      percent: percent('靠后比例').refine((p) => p > 0, { error: '靠后比例应大于0' }),
    }),
    z.object({ kind: z.literal('belowScore'), score: percent('靠后分数线') }),
    z.object({
      kind: z.literal('grade'),
      grades: z.array(quarterGradeSchema).min(1, { error: '请至少选择一个等次' }),
    }),
  ],
  { error: '请选择“分值靠后”的认定方式' },
);
export type LowRankThreshold = z.output<typeof lowRankThresholdSchema>;

/**
 * 年度考核 as the unit's 办法 runs it: who takes part, when Q4 is judged, how the 优秀 quota is counted,
 * how the ranking for 分值靠后 is done. Configurations saved before these existed read the defaults.
 */
export const Q4_TIMINGS = ['folded', 'awaited'] as const;
export type Q4Timing = (typeof Q4_TIMINGS)[number];
export const q4TimingLabels: Readonly<Record<Q4Timing, string>> = {
  folded: '第四季度平时考核与年度考核结合进行(年度考核时只需第一至三季度评鉴结果)',
  awaited: '第四季度评鉴结果出来后再认定优秀人选(需四个季度评鉴结果)',
};
export const QUOTA_SCOPES = ['unit', 'organisation'] as const;
export type QuotaScope = (typeof QUOTA_SCOPES)[number];
export const quotaScopeLabels: Readonly<Record<QuotaScope, string>> = {
  unit: '按内设机构(科室)分别核定优秀名额、分别排序',
  organisation: '全机关统一核定优秀名额、统一排序',
};
export const QUOTA_ROUNDINGS = ['floor', 'round', 'ceil'] as const;
export type QuotaRounding = (typeof QUOTA_ROUNDINGS)[number];
export const quotaRoundingLabels: Readonly<Record<QuotaRounding, string>> = {
  floor: '向下取整',
  round: '四舍五入',
  ceil: '向上取整',
};
/** How everyone evaluated in a group is put in one order (the only rule so far; named so it can be shown). */
export const RANKING_RULES = ['gradesThenScore'] as const;
export type RankingRule = (typeof RANKING_RULES)[number];
export const rankingRuleLabels: Readonly<Record<RankingRule, string>> = {
  gradesThenScore:
    '定性、定量评鉴的人员一并排序:先比季度评鉴“好”等次所占比例,再依次比“较好”“一般”所占比例(“较差”越多越靠后);' +
    '等次相同的,都有量化评鉴分值时再比平均分,其中有人只有定性评鉴(没有分值)时并列;仍相同的为并列',
};

export const DEFAULT_ANNUAL_ASSESSMENT = {
  probationUngraded: true,
  minMonthsToTakePart: null,
  q4: 'folded',
  quota: { scope: 'unit', percent: 20, rounding: 'floor' },
  lowRankMinGroup: 5,
  ranking: 'gradesThenScore',
} as const satisfies {
  probationUngraded: boolean;
  minMonthsToTakePart: number | null;
  q4: Q4Timing;
  quota: { scope: QuotaScope; percent: number; rounding: QuotaRounding };
  lowRankMinGroup: number;
  ranking: RankingRule;
};

export const annualQuotaRuleSchema = z.object({
  scope: z.enum(QUOTA_SCOPES, { error: '请选择优秀名额的核定范围' }).default('unit'),
  /** 优秀 places as a percent of those graded (参加年度考核并确定等次的人数). */
  percent: percent('优秀名额比例').default(20),
  rounding: z.enum(QUOTA_ROUNDINGS, { error: '请选择名额的取整方式' }).default('floor'),
});
export type AnnualQuotaRule = z.output<typeof annualQuotaRuleSchema>;

export const annualAssessmentSchema = z.object({
  /** 新录用公务员在试用期内参加年度考核,只写评语,不确定等次. */
  probationUngraded: z.boolean({ error: '请选择试用期人员是否确定等次' }).default(true),
  /** Fewer months as 公务员 in the year than this: 不参加 (null: no such rule — the national practice). */
  minMonthsToTakePart: z
    .number({ error: '月数应为整数' })
    .int({ error: '月数应为整数' })
    .min(1, { error: '月数应在1至12之间' })
    .max(12, { error: '月数应在1至12之间' })
    .nullable()
    .default(null),
  q4: z.enum(Q4_TIMINGS, { error: '请选择第四季度平时考核的安排' }).default('folded'),
  quota: annualQuotaRuleSchema.default({ ...DEFAULT_ANNUAL_ASSESSMENT.quota }),
  /** A group with fewer people ranked than this marks no one 分值靠后 (“参加排序人数不足”). */
  lowRankMinGroup: z
    .number({ error: '人数应为整数' })
    .int({ error: '人数应为整数' })
    .min(1, { error: '参加排序的最少人数至少为1' })
    .max(1000, { error: '参加排序的最少人数不能超过1000' })
    .default(5),
  ranking: z.enum(RANKING_RULES, { error: '请选择排序规则' }).default('gradesThenScore'),
});
export type AnnualAssessmentRules = z.output<typeof annualAssessmentSchema>;

/** A fresh copy of the defaults (the national practice), safe to edit. */
export function defaultAnnualAssessment(): AnnualAssessmentRules {
  return { ...DEFAULT_ANNUAL_ASSESSMENT, quota: { ...DEFAULT_ANNUAL_ASSESSMENT.quota } };
}

/** 加分要素: either up to `maxPoints` at the supervisor's judgement, or exactly `fixedPoints`. */
export const bonusFactorSchema = z
  .object({
    id: z.string({ error: '缺少编号' }).regex(/^[^/\s]+$/, { error: '编号不能为空,也不能含有“/”或空格' }),
    name: label('请填写加分要素名称'),
    description: z.string().optional(),
    maxPoints: z
      .number({ error: '分值应为数字' })
      .gt(0, { error: '分值应大于0' })
      .max(100, { error: '分值不能超过100' })
      .optional(),
    fixedPoints: z
      .number({ error: '分值应为数字' })
      .gt(0, { error: '分值应大于0' })
      .max(100, { error: '分值不能超过100' })
      .optional(),
  })
  .refine((f) => (f.maxPoints === undefined) !== (f.fixedPoints === undefined), {
    path: ['maxPoints'],
    error: '加分要素应设定最高加分或固定加分,二者选其一',
  });
export type BonusFactor = z.output<typeof bonusFactorSchema>;

export const assessmentConfigSchema = z.object(
  {
    schemaVersion: z.literal(CONFIG_SCHEMA_VERSION, { error: '考核办法的版本不受支持' }),
    /** 个人记实 form: 日记 / 周记 / 月记 / 季度记, rolled up into the monthly record book. */
    recordMode: recordModeSchema,
    evaluationMethod: z.enum(EVALUATION_METHOD_CHOICES, { error: '请选择评鉴方式' }),
    scoreBands: z.array(scoreBandSchema).min(1, { error: '请设置分数段' }),
    /** Most 好 grades per unit per quarter, as a percent of those assessed; null: no cap. */
    goodCapPercent: percent('“好”等次比例上限').nullable(),
    /** null: no quarterly condition for an annual 优秀 candidate. */
    excellentRule: excellentRuleSchema.nullable(),
    /** null: the unit does not apply the 靠后 rule. */
    lowRankThreshold: lowRankThresholdSchema.nullable(),
    /** Weight of the quarterly results in a quantified annual assessment, in percent. */
    quarterWeightInAnnual: percent('平时考核结果在年度考核中的权重'),
    bonusFactors: z.array(bonusFactorSchema),
    /** Most bonus points one evaluation can add up; null: only each factor's own limit. */
    bonusCapPoints: z
      .number({ error: '加分上限应为数字' })
      .gt(0, { error: '加分上限应大于0' })
      .max(100, { error: '加分上限不能超过100' })
      .nullable(),
    indicatorTemplates: z.array(indicatorTemplateSchema).min(1, { error: '请至少设置一个指标模板' }),
    /** The unit's own holiday schedules; a year here replaces the shipped schedule of that year. */
    holidayCalendars: z.array(holidayCalendarSchema).default([]),
    /** 年度考核: participation, Q4 timing, quota, ranking (defaults for configurations saved before). */
    annualAssessment: annualAssessmentSchema.default(defaultAnnualAssessment),
  },
  { error: '考核办法格式不正确' },
);
export type AssessmentConfig = z.output<typeof assessmentConfigSchema>;
export type AssessmentConfigInput = z.input<typeof assessmentConfigSchema>;

const gradeRank = (g: (typeof QUARTER_GRADES)[number]) => QUARTER_GRADES.indexOf(g);

/** Bands cover 0–100 with no gap and no overlap, one band per grade, better grades above worse. */
export function scoreBandIssues(bands: readonly ScoreBand[], path = 'scoreBands'): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  bands.forEach((b, i) => {
    if (b.min >= b.max)
      issues.push({
        path: `${path}.${i}.max`,
        message: `“${quarterGradeLabels[b.grade]}”的分数段上限应高于下限`,
      });
    if (seen.has(b.grade))
      issues.push({
        path: `${path}.${i}.grade`,
        message: `“${quarterGradeLabels[b.grade]}”等次对应了多个分数段`,
      });
    seen.add(b.grade);
  });
  if (issues.length > 0) return issues;
  const order = bands.map((b, i) => ({ b, i })).sort((x, y) => x.b.min - y.b.min);
  const first = order[0];
  const last = order[order.length - 1];
  if (first && first.b.min > 0)
    issues.push({
      path: `${path}.${first.i}.min`,
      message: `0分至${first.b.min}分未归入任何等次,分数段应从0分开始`,
    });
  if (last && last.b.max < 100)
    issues.push({
      path: `${path}.${last.i}.max`,
      message: `${last.b.max}分至100分未归入任何等次,分数段应到100分为止`,
    });
  for (let k = 1; k < order.length; k++) {
    const lo = order[k - 1]!;
    const hi = order[k]!;
    const names = `“${quarterGradeLabels[lo.b.grade]}”与“${quarterGradeLabels[hi.b.grade]}”`;
    if (hi.b.min > lo.b.max) {
      issues.push({
        path: `${path}.${hi.i}.min`,
        message: `${lo.b.max}分至${hi.b.min}分未归入任何等次,${names}的分数段之间不能有空档`,
      });
    } else if (hi.b.min < lo.b.max) {
      issues.push({
        path: `${path}.${hi.i}.min`,
        message: `${names}的分数段在${hi.b.min}分至${lo.b.max}分重叠`,
      });
    }
    if (gradeRank(hi.b.grade) >= gradeRank(lo.b.grade)) {
      issues.push({
        path: `${path}.${hi.i}.grade`,
        message: `分数较高的分数段应对应较好的等次:${names}的顺序颠倒了`,
      });
    }
  }
  return issues;
}

/** The rules a schema alone cannot say, each in words a clerk understands. */
export function configRuleIssues(config: AssessmentConfig): ValidationIssue[] {
  const issues: ValidationIssue[] = [...scoreBandIssues(config.scoreBands)];
  if (config.goodCapPercent !== null && config.goodCapPercent <= 0) {
    issues.push({ path: 'goodCapPercent', message: '“好”等次比例上限应大于0;不设上限时请选择“不限”' });
  }
  if (config.excellentRule?.forbiddenGrades.includes('good')) {
    issues.push({ path: 'excellentRule.forbiddenGrades', message: '“好”等次不能列为不得评为优秀的等次' });
  }
  const t = config.lowRankThreshold;
  if (t && t.kind !== 'grade' && config.evaluationMethod === 'grade') {
    issues.push({
      path: 'lowRankThreshold',
      message: '评鉴方式为定性评鉴时没有分值,“分值靠后”只能按等次认定',
    });
  }
  if (t?.kind === 'grade' && t.grades.includes('good')) {
    issues.push({ path: 'lowRankThreshold.grades', message: '“好”等次不能认定为靠后' });
  }
  const bonusIds = new Set<string>();
  config.bonusFactors.forEach((f, i) => {
    if (bonusIds.has(f.id))
      issues.push({ path: `bonusFactors.${i}.id`, message: `加分要素编号“${f.id}”重复` });
    bonusIds.add(f.id);
  });
  issues.push(...indicatorTemplatesIssues(config.indicatorTemplates));
  const years = new Set<number>();
  config.holidayCalendars.forEach((c, i) => {
    if (years.has(c.year))
      issues.push({ path: `holidayCalendars.${i}.year`, message: `${c.year}年的节假日安排重复` });
    years.add(c.year);
  });
  return issues;
}

/** Every problem with a configuration (empty when it can be used), with paths and Chinese messages. */
export function validateConfig(input: unknown): ValidationIssue[] {
  const r = assessmentConfigSchema.safeParse(input);
  return r.success ? configRuleIssues(r.data) : issuesOf(r.error);
}

/** The configuration, checked; throws a ValidationError listing every problem. */
export function parseConfig(input: unknown): AssessmentConfig {
  const r = assessmentConfigSchema.safeParse(input);
  if (!r.success) throw new ValidationError(issuesOf(r.error));
  const issues = configRuleIssues(r.data);
  if (issues.length > 0) throw new ValidationError(issues);
  return r.data;
}
