/**
 * The supervisor's 评语和考核等次建议 as typed, before it is signed: a draft on this device only (it is
 * never a fact and never travels), one per person and year, kept in the settings table like HR's quotas.
 * Signing goes through annual-repo.ts; the screen drops the draft once the signed version is shown.
 */
import { z } from 'zod';
import { ANNUAL_GRADES, parseOrThrow } from '../domain';
import type { DutyBookDb } from './db';
import { wrapStorageErrors } from './storage-errors';

const draftKey = (personId: string, year: number) => `supervisor.annualCommentDraft.${personId}.${year}`;

export const annualCommentDraftSchema = z.object({
  comment: z.string().max(20_000),
  suggestion: z.enum([...ANNUAL_GRADES, 'ungraded', '']),
});
export type AnnualCommentDraftForm = z.output<typeof annualCommentDraftSchema>;
export type AnnualCommentDraft = { form: AnnualCommentDraftForm; updatedAt: string };

/** The draft of the person's year, if one is kept (an unreadable one counts as none: it was a draft). */
export async function getAnnualCommentDraft(
  db: DutyBookDb,
  personId: string,
  year: number,
): Promise<AnnualCommentDraft | undefined> {
  const row = await wrapStorageErrors('read annual comment draft', () =>
    db.settings.get(draftKey(personId, year)),
  );
  if (!row) return undefined;
  const form = annualCommentDraftSchema.safeParse(row.value);
  return form.success ? { form: form.data, updatedAt: row.updatedAt } : undefined;
}

export async function saveAnnualCommentDraft(
  db: DutyBookDb,
  personId: string,
  year: number,
  form: AnnualCommentDraftForm,
  now: Date = new Date(),
): Promise<void> {
  const value = parseOrThrow(annualCommentDraftSchema, form);
  await wrapStorageErrors('save annual comment draft', () =>
    db.settings.put({ key: draftKey(personId, year), value, updatedAt: now.toISOString() }),
  );
}

export async function deleteAnnualCommentDraft(
  db: DutyBookDb,
  personId: string,
  year: number,
): Promise<void> {
  await wrapStorageErrors('delete annual comment draft', () => db.settings.delete(draftKey(personId, year)));
}
