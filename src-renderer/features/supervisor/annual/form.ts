/** The 评语和考核等次建议 form: its fields, its rules (checked as typed, again before signing). */
import {
  ANNUAL_GRADES,
  annualGradeLabels,
  latestOfYear,
  roundScore,
  type AnnualGrade,
  type SignedEvaluation,
} from '../../../../shared/domain';
import type { ValidationIssue } from '../../../../shared/errors/errors';
import { annualText as t } from './strings';

/** The 评语 goes into one box of the 登记表; the signed record takes up to this many characters. */
export const COMMENT_MAX = 1000;

export type Suggestion = AnnualGrade | 'ungraded';
export type CommentForm = { comment: string; suggestion: Suggestion | '' };

export const blankComment: CommentForm = { comment: '', suggestion: '' };

export const SUGGESTIONS: readonly Suggestion[] = [...ANNUAL_GRADES, 'ungraded'];

export function suggestionLabel(s: Suggestion): string {
  return s === 'ungraded' ? t.suggestionUngraded : annualGradeLabels[s];
}

/** Counted as a person reads it: one per character, not per UTF-16 unit. */
export const charCount = (s: string) => [...s].length;

export function commentIssues(form: CommentForm): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const text = form.comment.trim();
  if (text === '') issues.push({ path: 'comment', message: t.commentRequired });
  else if (charCount(text) > COMMENT_MAX)
    issues.push({ path: 'comment', message: t.commentTooLong(COMMENT_MAX, charCount(text)) });
  if (form.suggestion === '') issues.push({ path: 'suggestion', message: t.suggestionRequired });
  return issues;
}

export type QuarterResult = {
  quarter: 1 | 2 | 3 | 4;
  grade: SignedEvaluation['resultGrade'] | null;
  score: number | null;
  version: number | null;
};

/** The four quarters of the year as their latest signed versions say (a correction replaces). */
export function quarterResults(evaluations: readonly SignedEvaluation[], year: number): QuarterResult[] {
  const latest = latestOfYear(evaluations, year);
  return ([1, 2, 3, 4] as const).map((quarter) => {
    const e = latest.find((x) => x.quarter === quarter);
    return {
      quarter,
      grade: e?.resultGrade ?? null,
      score: typeof e?.resultScore === 'number' ? e.resultScore : null,
      version: e?.version ?? null,
    };
  });
}

/** Mean of the scored quarters, two decimals; null when none is scored. */
export function averageOf(results: readonly QuarterResult[]): number | null {
  const scores = results.flatMap((r) => (r.score === null ? [] : [r.score]));
  if (scores.length === 0) return null;
  return roundScore(scores.reduce((a, b) => a + b, 0) / scores.length);
}
