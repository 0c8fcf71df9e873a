/**
 * 领导评鉴: the supervisor's quarterly evaluation of one official, "定性或定量评鉴", made from the
 * plan, the record books, the quarterly summary, colleagues' opinions (群众意见) and service-recipient
 * and public feedback (服务对象和社会反映), with the unit's bonus factors (加分要素).
 *
 * Pure rules only: the store signs an `Evaluation` (its derived result included) and sync carries it.
 * A correction is a new version naming the one it corrects; a signed version is never edited.
 */
import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/errors';
import type { AssessmentConfig, BonusFactor } from './config';
import { indicatorTreeIssues, leafIndicators, type IndicatorTemplate } from './indicators';
import { entityIdSchema } from './org';
import { monthSchema, versionNumberSchema, yearSchema } from './plan';
import { gradeForScore, roundScore, weightedScore } from './scoring';
import { quarterSchema } from './summary';
import { lineField, textField } from './text';
import {
  evaluationMethodLabels,
  evaluationMethodSchema,
  quarterGradeLabels,
  quarterGradeSchema,
  type QuarterGrade,
} from './vocabulary';

export const bonusAwardSchema = z.object({
  factorId: z.string({ error: '请选择加分要素' }),
  points: z.number({ error: '加分应为数字' }),
  reason: textField('加分理由', 500),
});
export type BonusAward = z.output<typeof bonusAwardSchema>;

/** 群众意见: how many colleagues were asked, who (e.g. 本科室同事), and what they said. */
export const peerOpinionSchema = z.object({
  consulted: z
    .number({ error: '征求意见人数应为数字' })
    .int({ error: '征求意见人数应为整数' })
    .min(0, { error: '征求意见人数不能为负数' }),
  scope: lineField('征求意见范围', 200),
  gist: textField('群众意见要点', 2000),
});
export type PeerOpinion = z.output<typeof peerOpinionSchema>;

/** 服务对象和社会反映; null when there was none this quarter. */
export const publicFeedbackSchema = z.object({
  source: lineField('反映来源', 200),
  gist: textField('反映内容', 2000),
});
export type PublicFeedback = z.output<typeof publicFeedbackSchema>;

/** The frozen versions the supervisor judged from (see plan.ts on versions). */
export const evaluationEvidenceSchema = z.object({
  planVersion: versionNumberSchema.min(1).optional(),
  recordVersions: z.array(z.object({ month: monthSchema, version: versionNumberSchema.min(1) })),
  summaryVersion: versionNumberSchema.min(1).optional(),
});
export type EvaluationEvidence = z.output<typeof evaluationEvidenceSchema>;

const evaluationFields = {
  id: entityIdSchema,
  /** The official evaluated (personId). */
  subject: entityIdSchema,
  /** The supervisor (personId). */
  evaluator: entityIdSchema,
  year: yearSchema,
  quarter: quarterSchema,
  method: evaluationMethodSchema,
  /** 定性: the grade chosen; 定量: optional, and then it must agree with the score band. */
  grade: quarterGradeSchema.optional(),
  /** 定量: leaf indicator id → 0–100. Ranges are checked by `evaluationIssues`, with the leaf's name. */
  leafScores: z.record(z.string(), z.number({ error: '得分应为数字' })).optional(),
  templateId: z.string().optional(),
  bonuses: z.array(bonusAwardSchema).max(50, { error: '加分项不能超过50项' }).default([]),
  peerOpinion: peerOpinionSchema,
  publicFeedback: publicFeedbackSchema.nullable(),
  /** 评鉴意见 */
  opinion: textField('评鉴意见', 2000),
  evidence: evaluationEvidenceSchema,
  version: versionNumberSchema.min(1),
  correctionOf: z
    .object({ version: versionNumberSchema.min(1), reason: textField('更正原因', 500) })
    .optional(),
};

/** What the supervisor fills in: an evaluation before its result is derived. */
export const evaluationInputSchema = z.object(evaluationFields, { error: '评鉴格式不正确' });
export type EvaluationInput = z.output<typeof evaluationInputSchema>;

/** A signed evaluation: the input plus its derived result (see `computeResult`). */
export const evaluationSchema = z.object(
  {
    ...evaluationFields,
    resultGrade: quarterGradeSchema,
    /** 定量 only: the weighted score plus the bonuses counted, at most 100. */
    resultScore: z.number().optional(),
  },
  { error: '评鉴格式不正确' },
);
export type Evaluation = z.output<typeof evaluationSchema>;

export type EvaluationResult = { score?: number; grade: QuarterGrade };

const fmt = (n: number) => String(roundScore(n));

/** The points a factor may give, in words: '最多加3分' or '固定加1分'. */
export function describeBonusFactor(f: BonusFactor): string {
  return f.fixedPoints !== undefined ? `固定加${fmt(f.fixedPoints)}分` : `最多加${fmt(f.maxPoints ?? 0)}分`;
}

/** Leaf names as a clerk sees them: the name alone, or the trail when two leaves share a name. */
function leafNames(template: IndicatorTemplate): Map<string, string> {
  const leaves = leafIndicators(template.indicators);
  const count = new Map<string, number>();
  for (const { node } of leaves) count.set(node.name, (count.get(node.name) ?? 0) + 1);
  return new Map(
    leaves.map(({ node, trail }) => [node.id, count.get(node.name)! > 1 ? trail.join(' / ') : node.name]),
  );
}

function bonusIssues(evaluation: EvaluationInput, config: AssessmentConfig): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const catalogue = new Map(config.bonusFactors.map((f) => [f.id, f]));
  const seen = new Set<string>();
  let total = 0;
  evaluation.bonuses.forEach((b, i) => {
    const p = `bonuses.${i}`;
    const f = catalogue.get(b.factorId);
    if (!f) {
      issues.push({
        path: `${p}.factorId`,
        message: `加分要素“${b.factorId}”不在本单位考核办法设定的加分要素中`,
      });
      return;
    }
    if (seen.has(f.id)) {
      issues.push({ path: `${p}.factorId`, message: `加分要素“${f.name}”填写了多次,请合并为一项` });
    }
    seen.add(f.id);
    if (!Number.isFinite(b.points) || b.points <= 0) {
      issues.push({ path: `${p}.points`, message: `“${f.name}”的加分应大于0` });
    } else if (f.fixedPoints !== undefined && b.points !== f.fixedPoints) {
      issues.push({
        path: `${p}.points`,
        message: `“${f.name}”固定加${fmt(f.fixedPoints)}分,不能填写${fmt(b.points)}分`,
      });
    } else if (f.maxPoints !== undefined && b.points > f.maxPoints) {
      issues.push({
        path: `${p}.points`,
        message: `“${f.name}”最多加${fmt(f.maxPoints)}分,填写了${fmt(b.points)}分`,
      });
    }
    if (Number.isFinite(b.points) && b.points > 0) total += b.points;
    if (b.reason.trim() === '') issues.push({ path: `${p}.reason`, message: `请填写“${f.name}”的加分理由` });
  });
  if (config.bonusCapPoints !== null && total > config.bonusCapPoints) {
    issues.push({
      path: 'bonuses',
      message: `加分合计${fmt(total)}分,超过每次评鉴最多加${fmt(config.bonusCapPoints)}分的上限`,
    });
  }
  return issues;
}

function scoreIssues(
  evaluation: EvaluationInput,
  template: IndicatorTemplate | undefined,
): ValidationIssue[] {
  if (!template) return [{ path: 'templateId', message: '未找到适用的指标模板,无法进行定量评鉴' }];
  const issues: ValidationIssue[] = [];
  if (evaluation.templateId !== undefined && evaluation.templateId !== template.id) {
    issues.push({
      path: 'templateId',
      message: `评鉴所用指标模板“${evaluation.templateId}”与适用的指标模板“${template.name}”不一致`,
    });
  }
  issues.push(...indicatorTreeIssues(template.indicators, 'template.indicators', template.name));
  const names = leafNames(template);
  const scores = evaluation.leafScores ?? {};
  for (const [id, name] of names) {
    const v = scores[id];
    const path = `leafScores.${id}`;
    if (v === undefined) issues.push({ path, message: `“${name}”尚未评分` });
    else if (!Number.isFinite(v) || v < 0 || v > 100)
      issues.push({ path, message: `“${name}”得分应在0至100之间` });
  }
  for (const id of Object.keys(scores)) {
    if (!names.has(id)) {
      issues.push({
        path: `leafScores.${id}`,
        message: `指标“${id}”不是指标模板“${template.name}”中的评分指标`,
      });
    }
  }
  return issues;
}

/** What must be written down before the supervisor can sign: opinions heard and the 评鉴意见. */
function signOffIssues(evaluation: EvaluationInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { peerOpinion, publicFeedback, correctionOf } = evaluation;
  if (peerOpinion.consulted < 1) {
    issues.push({ path: 'peerOpinion.consulted', message: '请征求群众意见,征求意见人数至少为1人' });
  }
  if (peerOpinion.gist.trim() === '')
    issues.push({ path: 'peerOpinion.gist', message: '请填写群众意见要点' });
  if (publicFeedback) {
    if (publicFeedback.source.trim() === '')
      issues.push({ path: 'publicFeedback.source', message: '请填写服务对象和社会反映的来源' });
    if (publicFeedback.gist.trim() === '')
      issues.push({ path: 'publicFeedback.gist', message: '请填写服务对象和社会反映的内容' });
  }
  if (evaluation.opinion.trim() === '') issues.push({ path: 'opinion', message: '请填写评鉴意见' });
  if (correctionOf) {
    if (correctionOf.version >= evaluation.version) {
      issues.push({ path: 'correctionOf.version', message: '更正的应是此前的评鉴版本' });
    }
    if (correctionOf.reason.trim() === '')
      issues.push({ path: 'correctionOf.reason', message: '请填写更正原因' });
  }
  return issues;
}

/**
 * Every problem that keeps an evaluation from being signed, each naming its field in Chinese. When
 * the evaluation already carries a derived result, that result must be the one `computeResult` gives.
 * `template` is the indicator template that applies to the subject (templateFor); needed for 定量.
 */
export function evaluationIssues(
  evaluation: EvaluationInput | Evaluation,
  config: AssessmentConfig,
  template: IndicatorTemplate | undefined,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { method } = evaluation;
  if (config.evaluationMethod !== 'either' && config.evaluationMethod !== method) {
    issues.push({
      path: 'method',
      message: `本单位考核办法规定采用${evaluationMethodLabels[config.evaluationMethod]}评鉴,不能采用${evaluationMethodLabels[method]}评鉴`,
    });
  }
  if (method === 'grade') {
    if (evaluation.grade === undefined) issues.push({ path: 'grade', message: '定性评鉴请选择评鉴等次' });
    if (evaluation.leafScores && Object.keys(evaluation.leafScores).length > 0) {
      issues.push({ path: 'leafScores', message: '定性评鉴不逐项评分;需要评分的,请改为定量评鉴' });
    }
    if (evaluation.bonuses.length > 0) {
      issues.push({
        path: 'bonuses',
        message: '加分要素计入量化评鉴分值,定性评鉴不能加分;需要加分的,请改为定量评鉴',
      });
    }
  } else {
    const own = scoreIssues(evaluation, template);
    const bonus = bonusIssues(evaluation, config);
    issues.push(...own, ...bonus);
    if (own.length === 0 && bonus.length === 0 && evaluation.grade !== undefined && template) {
      const r = computeResult(evaluation, config, template);
      if (r.grade !== evaluation.grade) {
        issues.push({
          path: 'grade',
          message: `得分${fmt(r.score!)}分对应“${quarterGradeLabels[r.grade]}”,与所选等次“${quarterGradeLabels[evaluation.grade]}”不一致`,
        });
      }
    }
  }
  issues.push(...signOffIssues(evaluation));
  if (issues.length === 0 && 'resultGrade' in evaluation) {
    const r = computeResult(evaluation, config, template);
    if (r.grade !== evaluation.resultGrade || r.score !== evaluation.resultScore) {
      issues.push({ path: 'resultGrade', message: '评鉴结果与评分、等次不一致,请重新计算' });
    }
  }
  return issues;
}

/** The bonus points that count: each held to its factor's limit, the total to `bonusCapPoints`. */
export function countedBonusPoints(bonuses: readonly BonusAward[], config: AssessmentConfig): number {
  const catalogue = new Map(config.bonusFactors.map((f) => [f.id, f]));
  let total = 0;
  for (const b of bonuses) {
    const f = catalogue.get(b.factorId);
    if (!f)
      throw new ValidationError([
        { path: 'bonuses', message: `加分要素“${b.factorId}”不在本单位考核办法设定的加分要素中` },
      ]);
    if (!Number.isFinite(b.points) || b.points <= 0) continue;
    total += f.fixedPoints ?? Math.min(b.points, f.maxPoints ?? 0);
  }
  return config.bonusCapPoints === null ? total : Math.min(total, config.bonusCapPoints);
}

/**
 * The result of an evaluation. 定性: the chosen grade. 定量: the weighted score of the leaves plus
 * the bonus points that count (never past a factor's limit or the cap; `evaluationIssues` reports any
 * excess), at most 100, and the grade of that score's band. Throws a ValidationError when the result
 * cannot be known (no grade, leaves unscored or out of range, no template, an unknown bonus factor).
 */
export function computeResult(
  evaluation: EvaluationInput | Evaluation,
  config: AssessmentConfig,
  template: IndicatorTemplate | undefined,
): EvaluationResult {
  if (evaluation.method === 'grade') {
    if (evaluation.grade === undefined) {
      throw new ValidationError([{ path: 'grade', message: '定性评鉴请选择评鉴等次' }]);
    }
    return { grade: evaluation.grade };
  }
  if (!template) throw new ValidationError(scoreIssues(evaluation, template));
  const base = weightedScore(template.indicators, evaluation.leafScores ?? {});
  const score = roundScore(Math.min(100, base + countedBonusPoints(evaluation.bonuses, config)));
  return { score, grade: gradeForScore(score, config.scoreBands) };
}

/** The evaluation with its result, ready to sign; throws a ValidationError listing every problem. */
export function finalizeEvaluation(
  input: EvaluationInput,
  config: AssessmentConfig,
  template: IndicatorTemplate | undefined,
): Evaluation {
  const issues = evaluationIssues(input, config, template);
  if (issues.length > 0) throw new ValidationError(issues);
  const r = computeResult(input, config, template);
  return {
    ...input,
    ...(input.method === 'score' && template ? { templateId: template.id } : {}),
    resultGrade: r.grade,
    ...(r.score !== undefined ? { resultScore: r.score } : {}),
  };
}
