import { deleteEvaluationDraft, type DutyBookDb } from '../../../../shared/store';
import { removeMirror } from '../../../components/draftMirror';

/** The localStorage mirror of the evaluation form (see useAutosave). */
export const evaluationMirrorKey = (subject: string, year: number, quarter: number) =>
  `dutybook.draft.evaluation.${subject}.${year}-Q${quarter}`;

/**
 * Drops an unsigned correction draft and its localStorage mirror; the signed versions are untouched.
 */
export async function discardEvaluationDraft(
  db: DutyBookDb,
  subject: string,
  year: number,
  quarter: number,
): Promise<void> {
  await deleteEvaluationDraft(db, subject, year, quarter);
  removeMirror(evaluationMirrorKey(subject, year, quarter));
}
