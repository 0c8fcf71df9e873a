/** HR's decision form: what is typed, where it starts from, and the checks of its own fields. */
import { ANNUAL_GRADES, invalidDateReason, type AnnualGrade } from '../../../../shared/domain';
import type { ValidationIssue } from '../../../../shared/errors/errors';
import type { DeskRow, Outcome } from './rows';
import { decisionText as t } from './strings';

export type OutcomeChoice = AnnualGrade | 'ungraded' | 'notParticipating';
export const OUTCOME_CHOICES: readonly OutcomeChoice[] = [...ANNUAL_GRADES, 'ungraded', 'notParticipating'];

export type DecisionForm = {
  outcome: OutcomeChoice | '';
  reason: string;
  committeeOpinion: string;
  tieNote: string;
  opinionDueOn: string;
};

const choiceOf = (o: Outcome): OutcomeChoice => (o.kind === 'graded' ? o.grade : o.kind);

/**
 * Where the form starts: the current decision when there is one (a correction), else what the rules
 * say of the person's taking part (不定等次 / 不参加 with its reason), the tie's note, and `due`.
 */
export function initialForm(r: DeskRow, due: string): DecisionForm {
  const d = r.decision;
  if (d) {
    return {
      outcome: choiceOf(d.outcome),
      reason: d.outcome.kind === 'graded' ? '' : d.outcome.reason,
      committeeOpinion: d.committeeOpinion,
      tieNote: d.tieNote ?? '',
      opinionDueOn: d.opinionDueOn,
    };
  }
  const p = r.row.participation;
  return {
    outcome: p.kind !== 'graded' ? p.kind : '',
    reason: p.kind !== 'graded' ? p.reason : '',
    committeeOpinion: '',
    tieNote: r.row.standing === 'tie' ? (r.row.standingNote ?? '') : '',
    opinionDueOn: due,
  };
}

/** The outcome as the record holds it; null until one is chosen. */
export function outcomeOf(f: DecisionForm): Outcome | null {
  if (f.outcome === '') return null;
  if (f.outcome === 'ungraded' || f.outcome === 'notParticipating') {
    return { kind: f.outcome, reason: f.reason.trim() };
  }
  return { kind: 'graded', grade: f.outcome };
}

/** The form's own checks (the policy's rules are decisionProblems'): a choice and a usable deadline. */
export function formIssues(f: DecisionForm, today: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (f.outcome === '') issues.push({ path: 'outcome', message: t.outcomeRequired });
  const due = f.opinionDueOn.trim();
  const bad = invalidDateReason(due);
  if (bad !== null) issues.push({ path: 'opinionDueOn', message: `${t.due}${bad}` });
  else if (due < today) issues.push({ path: 'opinionDueOn', message: t.duePast });
  return issues;
}

/** A week after `today` (ISO dates), the deadline proposed until HR types another. */
export function weekAfter(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 7));
  return next.toISOString().slice(0, 10);
}
