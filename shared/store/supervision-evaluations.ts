/**
 * 领导评鉴: the supervisor's unsigned drafts (kept as typed), the signed versions, and signing — a
 * signed version is final; a correction is the next version with its reason.
 */
import { ValidationError } from '../errors/errors';
import {
  evaluationDraftId,
  evaluationDraftSchema,
  evaluationInputSchema,
  finalizeEvaluation,
  jsonSnapshot,
  newId,
  parseOrThrow,
  type EvaluationDraft,
  type EvaluationInput,
  type SignedEvaluation,
} from '../domain';
import { recordKeys, shownHead } from '../ledger/facts';
import { actingContext, inTransaction, requireReport, signAndShow } from './acting';
import type { DutyBookDb } from './db';
import { readFactsOfRecord } from './fact-repo';
import { wrapStorageErrors } from './storage-errors';
import { rulesFor } from './supervision-team';

// ---- 领导评鉴 ----

export async function getEvaluationDraft(
  db: DutyBookDb,
  subject: string,
  year: number,
  quarter: number,
): Promise<EvaluationDraft | undefined> {
  return wrapStorageErrors('read evaluation draft', () =>
    db.evaluationDrafts.get(evaluationDraftId(subject, year, quarter)),
  );
}

/** Keeps the form as typed (incomplete or wrong is fine): nothing is lost before signing. */
export async function saveEvaluationDraft(
  db: DutyBookDb,
  input: {
    evaluator: string;
    subject: string;
    year: number;
    quarter: 1 | 2 | 3 | 4;
    form: Record<string, unknown>;
  },
  now: Date = new Date(),
): Promise<EvaluationDraft> {
  const row = parseOrThrow(evaluationDraftSchema, {
    ...input,
    id: evaluationDraftId(input.subject, input.year, input.quarter),
    form: jsonSnapshot(input.form),
    updatedAt: now.toISOString(),
  });
  await wrapStorageErrors('save evaluation draft', () => db.evaluationDrafts.put(row));
  return row;
}

/** Drops an unsigned draft (e.g. a correction abandoned); signed versions are never touched. */
export async function deleteEvaluationDraft(
  db: DutyBookDb,
  subject: string,
  year: number,
  quarter: number,
): Promise<void> {
  await wrapStorageErrors('delete evaluation draft', () =>
    db.evaluationDrafts.delete(evaluationDraftId(subject, year, quarter)),
  );
}

/** Every signed version of a person's evaluation for the quarter, oldest first. */
export async function listEvaluationVersions(
  db: DutyBookDb,
  subject: string,
  year: number,
  quarter: number,
): Promise<SignedEvaluation[]> {
  const rows = await wrapStorageErrors('list evaluations', () =>
    db.evaluations.where('[subject+year+quarter]').equals([subject, year, quarter]).toArray(),
  );
  return rows.sort((a, b) => a.version - b.version);
}

/** The latest signed version of each evaluation (a correction replaces what it corrects). */
export function currentEvaluations(rows: readonly SignedEvaluation[]): SignedEvaluation[] {
  const latest = new Map<string, SignedEvaluation>();
  for (const e of rows) {
    const k = `${e.subject}/${e.year}/${e.quarter}`;
    const seen = latest.get(k);
    if (!seen || e.version > seen.version) latest.set(k, e);
  }
  return [...latest.values()];
}

/** What the supervisor fills in; identity, version and the correction link are the repository's. */
export type EvaluationFormInput = Omit<EvaluationInput, 'id' | 'evaluator' | 'version' | 'correctionOf'> & {
  /** Required when a signed version exists: why it is corrected. */
  correctionReason?: string;
};

/**
 * Signs a 领导评鉴: checks everything (ValidationError listing each problem in Chinese), derives the
 * result, and appends it as version n+1 — a correction of a signed version must give its reason.
 * The draft is removed only when the signature is written.
 */
export async function signEvaluation(
  db: DutyBookDb,
  input: EvaluationFormInput,
  now: Date = new Date(),
): Promise<SignedEvaluation> {
  const at = now.toISOString();
  const { correctionReason, ...form } = input;
  return inTransaction(db, 'sign evaluation', async () => {
    const ctx = await actingContext(db);
    const subject = requireReport(ctx, form.subject, '对其作出领导评鉴');
    const { config, template } = await rulesFor(db, subject);
    const versions = await db.evaluations
      .where('[subject+year+quarter]')
      .equals([form.subject, form.year, form.quarter])
      .toArray();
    const last = versions.reduce((n, e) => Math.max(n, e.version), 0);
    if (last > 0 && (correctionReason ?? '').trim() === '') {
      throw new ValidationError([
        {
          path: 'correctionOf.reason',
          message: `第${last}版评鉴已签署,不能修改;如需更正,请填写更正原因,作为第${last + 1}版签署`,
        },
      ]);
    }
    const candidate = parseOrThrow(evaluationInputSchema, {
      ...form,
      id: newId(now.getTime()),
      evaluator: ctx.person.id,
      version: last + 1,
      ...(last > 0 ? { correctionOf: { version: last, reason: (correctionReason ?? '').trim() } } : {}),
    });
    const evaluation = finalizeEvaluation(candidate, config, template);
    const signed: SignedEvaluation = jsonSnapshot({
      ...evaluation,
      evaluatorName: ctx.person.name,
      signedAt: at,
    });
    const previous = shownHead(
      await readFactsOfRecord(db, recordKeys.evaluation(form.subject, form.year, form.quarter)),
    );
    await signAndShow(ctx, {
      type: 'evaluation',
      subject: form.subject,
      recordKey: recordKeys.evaluation(form.subject, form.year, form.quarter),
      body: signed,
      createdAt: at,
      parents: previous ? [previous.id] : [],
    });
    await db.evaluationDrafts.delete(evaluationDraftId(form.subject, form.year, form.quarter));
    return signed;
  });
}
