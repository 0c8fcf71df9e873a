/**
 * Scores and grades: reading a score as a quarterly grade, and the weighted score of an indicator
 * tree. Evaluations (later) build on these; here they prove the preset data can be used.
 */
import { ValidationError, type ValidationIssue } from '../errors/errors';
import type { ScoreBand } from './config';
import { leafIndicators, type IndicatorNode } from './indicators';
import { quarterGradeLabels, type QuarterGrade } from './vocabulary';

/** Scores are kept to two decimals, as they are written on the forms. */
export function roundScore(score: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round((score + Number.EPSILON) * f) / f;
}

/**
 * The grade a score earns under `bands`. Bonus points (加分要素) can lift a score past 100 and it
 * still reads as the top band; a negative score reads as the bottom band.
 */
export function gradeForScore(score: number, bands: readonly ScoreBand[]): QuarterGrade {
  if (!Number.isFinite(score)) throw new RangeError(`not a score: ${score}`);
  const s = Math.min(100, Math.max(0, score));
  const band = bands.find((b) => (b.min <= s && s < b.max) || (s === 100 && b.max === 100 && b.min < 100));
  if (!band) {
    throw new ValidationError([{ path: 'scoreBands', message: `${s}分未归入任何等次,请检查分数段设置` }]);
  }
  return band.grade;
}

/** 'X分以上不满Y分为较好', for help text next to a score field. */
export function describeScoreBand(band: ScoreBand): string {
  const grade = quarterGradeLabels[band.grade];
  if (band.max === 100) return band.min === 0 ? `0至100分为${grade}` : `${band.min}分以上为${grade}`;
  if (band.min === 0) return `不满${band.max}分为${grade}`;
  return `${band.min}分以上不满${band.max}分为${grade}`;
}

/** Leaves that have no usable score yet, with the names from the top of the tree down. */
export function leafScoreIssues(
  nodes: readonly IndicatorNode[],
  leafScores: Readonly<Record<string, number>>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const { node, trail } of leafIndicators(nodes)) {
    const name = trail.join(' / ');
    const v = leafScores[node.id];
    if (v === undefined) issues.push({ path: `leafScores.${node.id}`, message: `“${name}”尚未评分` });
    else if (!Number.isFinite(v) || v < 0 || v > 100) {
      issues.push({ path: `leafScores.${node.id}`, message: `“${name}”的得分应在0至100之间` });
    }
  }
  return issues;
}

/**
 * The score of a tree whose leaves are scored 0–100: each level is the weighted mean of its children
 * (weights are percents summing to 100). Throws a ValidationError naming every leaf that is missing
 * or out of range.
 */
export function weightedScore(
  nodes: readonly IndicatorNode[],
  leafScores: Readonly<Record<string, number>>,
): number {
  const issues = leafScoreIssues(nodes, leafScores);
  if (issues.length > 0) throw new ValidationError(issues);
  const level = (list: readonly IndicatorNode[]): number =>
    list.reduce(
      (sum, n) => sum + (n.weight / 100) * (n.children.length === 0 ? leafScores[n.id]! : level(n.children)),
      0,
    );
  return roundScore(level(nodes));
}
