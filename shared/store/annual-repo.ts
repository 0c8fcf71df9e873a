/**
 * The 年度考核's signed records on this device (domain/annual-records.ts says what each is):
 *
 * - the official's 年度个人总结: a draft kept as typed (pre-filled from the year's plan and quarterly
 *   summaries), submitted like the quarterly summary; reopened to resubmit (the next version) until
 *   the unit's decision is known;
 * - the 主管领导's 评语和考核等次建议, for a person they supervised on some day of the year;
 * - HR's decision, checked against the annual linkage (`decisionProblems`; the caller passes the
 *   person's linkage row and the quota's count) and its correction as the next version;
 * - the official's 本人意见 on the decision in force, refused after the unit's deadline.
 *
 * Every signature goes through acting.ts (the roster decides who acts; the fact is shown at once, as
 * every other device will show it) and appends its audit entry in the same transaction. The readers
 * are plain async functions for `useLiveQuery`.
 */
import type { Table } from 'dexie';
import { ValidationError, type ValidationIssue } from '../errors/errors';
import {
  annualCommentRecordSchema,
  annualDecisionRecordSchema,
  annualOpinionRecordSchema,
  annualSummaryDraftText,
  annualSummaryIssues,
  annualSummaryRecordSchema,
  annualSummaryRowId,
  annualSummaryRowSchema,
  asksReview,
  decisionProblems,
  jsonSnapshot,
  localIsoDate,
  newId,
  opinionLateProblem,
  parseOrThrow,
  rangeOfPeriodKey,
  type AnnualCommentBody,
  type AnnualCommentRow,
  type AnnualDecisionBody,
  type AnnualDecisionContext,
  type AnnualDecisionRow,
  type AnnualDecisionRowInput,
  type AnnualSummaryRecord,
  type AnnualSummaryRow,
} from '../domain';
import { recordKeys } from '../ledger/facts';
import { findPerson } from '../ledger/roster';
import { hrCoversDuring, supervisedDuring } from '../ledger/roster-periods';
import { actingContext, forbidden, inTransaction, signAndShow } from './acting';
import type { DutyBookDb } from './db';
import { annualSummaryVersionFact, appendVersionFact } from './fact-repo';
import { checkPersonYear, checkStoredRow, getPlan } from './plan-repo';
import { wrapStorageErrors } from './storage-errors';
import { listSummariesOfYear } from './summary-repo';

const yearRange = (year: number) => rangeOfPeriodKey(String(year))!;

// ---- 年度个人总结 (the official) ----

async function readAnnualSummary(db: DutyBookDb, personId: string, year: number): Promise<AnnualSummaryRow | undefined> {
  const row = await db.annualSummaries.get(annualSummaryRowId(personId, year));
  return row === undefined ? undefined : checkStoredRow(annualSummaryRowSchema, row, 'annual summary');
}

export async function getAnnualSummary(db: DutyBookDb, personId: string, year: number): Promise<AnnualSummaryRow | undefined> {
  checkPersonYear(personId, year);
  return wrapStorageErrors('read annual summary', () => readAnnualSummary(db, personId, year));
}

/** The first draft of the 年度个人总结: the year's plan and its submitted quarterly summaries' highlights. */
export async function annualSummaryDraftFromStore(db: DutyBookDb, personId: string, year: number): Promise<string> {
  const [plan, summaries] = await Promise.all([getPlan(db, personId, year), listSummariesOfYear(db, personId, year)]);
  return annualSummaryDraftText(year, plan, summaries);
}

/** Saves the text as typed (creating the row on first save); LockedError-like refusal once submitted. */
export async function saveAnnualSummaryDraft(
  db: DutyBookDb,
  personId: string,
  year: number,
  text: string,
  now: Date = new Date(),
): Promise<AnnualSummaryRow> {
  checkPersonYear(personId, year);
  const clean = parseOrThrow(annualSummaryRowSchema.shape.text, text);
  const at = now.toISOString();
  return wrapStorageErrors('save annual summary', () =>
    db.transaction('rw', db.annualSummaries, async () => {
      const current = await readAnnualSummary(db, personId, year);
      if (current?.state === 'submitted') {
        throw forbidden(`${year}年度个人总结已提交。如需修改,请先点“修改并重新提交”。`);
      }
      const next: AnnualSummaryRow = current
        ? { ...current, text: clean, updatedAt: at }
        : { id: annualSummaryRowId(personId, year), personId, year, state: 'editing', text: clean, version: 0, updatedAt: at };
      await db.annualSummaries.put(next);
      return next;
    }),
  );
}

/** 提交: the text must be long enough; it becomes the next version, signed when this device has keys. */
export async function submitAnnualSummary(
  db: DutyBookDb,
  personId: string,
  year: number,
  now: Date = new Date(),
): Promise<AnnualSummaryRow> {
  checkPersonYear(personId, year);
  const at = now.toISOString();
  return inTransaction(db, 'submit annual summary', async () => {
    const current = await readAnnualSummary(db, personId, year);
    if (!current) throw new ValidationError([{ path: 'text', message: '年度个人总结未填写' }]);
    if (current.state === 'submitted') throw forbidden(`${year}年度个人总结第${current.version}版已提交,无需重复提交。`);
    const issues = annualSummaryIssues(current.text);
    if (issues.length > 0) throw new ValidationError(issues);
    const version: AnnualSummaryRecord = parseOrThrow(annualSummaryRecordSchema, {
      id: newId(now.getTime()),
      personId,
      year,
      version: current.version + 1,
      text: current.text,
      submittedOn: localIsoDate(now),
      submittedAt: at,
    });
    await appendVersionFact(db, annualSummaryVersionFact(jsonSnapshot(version)));
    const next: AnnualSummaryRow = {
      ...current,
      state: 'submitted',
      version: version.version,
      updatedAt: at,
      versionId: version.id,
      submittedOn: version.submittedOn,
      submittedAt: at,
    };
    await db.annualSummaries.put(next);
    return next;
  });
}

/**
 * 修改并重新提交: the submitted text becomes a draft again (the submitted version stays in force for
 * the 主管领导 and HR until the next one is submitted). Refused once the unit's decision is known.
 */
export async function reopenAnnualSummary(
  db: DutyBookDb,
  personId: string,
  year: number,
  now: Date = new Date(),
): Promise<AnnualSummaryRow> {
  checkPersonYear(personId, year);
  return inTransaction(db, 'reopen annual summary', async () => {
    const current = await readAnnualSummary(db, personId, year);
    if (!current || current.state !== 'submitted') throw forbidden(`${year}年度个人总结尚未提交,可以直接修改。`);
    if (await db.annualDecisions.where('[personId+year]').equals([personId, year]).first()) {
      throw forbidden(`${year}年度考核结果已确定,个人总结不能再修改。如有异议,请在“本人意见”中写明。`);
    }
    const next: AnnualSummaryRow = { ...current, state: 'editing', updatedAt: now.toISOString() };
    await db.annualSummaries.put(next);
    return next;
  });
}

// ---- 评语和考核等次建议 (the 主管领导) ----

export type AnnualCommentInput = Pick<AnnualCommentBody, 'comment' | 'suggestion'> & { personId: string; year: number };

/** Signs (or replaces with the next version) the 评语和考核等次建议 for a person supervised in the year. */
export async function signAnnualComment(
  db: DutyBookDb,
  input: AnnualCommentInput,
  now: Date = new Date(),
): Promise<AnnualCommentRow> {
  checkPersonYear(input.personId, input.year);
  const at = now.toISOString();
  return inTransaction(db, 'sign annual comment', async () => {
    const ctx = await actingContext(db);
    const subject = findPerson(ctx.roster, input.personId);
    if (!subject) throw forbidden('人员名册中没有此人,不能填写评语和考核等次建议。');
    if (!supervisedDuring(ctx.roster, ctx.person.id, subject.id, yearRange(input.year))) {
      throw forbidden(
        `“${subject.name}”${input.year}年度不是您的下属(人员名册中您在该年度任何一天都不是其主管领导),不能填写评语和考核等次建议。`,
      );
    }
    const held = await db.annualComments.where('[personId+year]').equals([input.personId, input.year]).first();
    const body = parseOrThrow(annualCommentRecordSchema, {
      id: newId(now.getTime()),
      personId: input.personId,
      year: input.year,
      version: (held?.version ?? 0) + 1,
      supervisorId: ctx.person.id,
      supervisorName: ctx.person.name,
      comment: input.comment,
      suggestion: input.suggestion,
      signedOn: localIsoDate(now),
      signedAt: at,
    });
    await signAndShow(ctx, {
      type: 'annual.comment',
      subject: input.personId,
      recordKey: recordKeys.annualComment(input.personId, input.year),
      body: jsonSnapshot(body),
      createdAt: at,
      parents: held ? [held.factId] : [],
    });
    return (await db.annualComments.where('[personId+year]').equals([input.personId, input.year]).first())!;
  });
}

// ---- 年度考核结果 (HR) ----

export type AnnualDecisionInput = Pick<AnnualDecisionBody, 'outcome' | 'committeeOpinion' | 'tieNote' | 'opinionDueOn'> & {
  personId: string;
  year: number;
};

/** What HR's screen knows of the person from the annual linkage (domain/annual.ts), for the check. */
export type AnnualDecisionLinkage = { row: AnnualDecisionRowInput; context: AnnualDecisionContext };

/**
 * Signs HR's decision for a person (the next version when one exists: a correction replaces it). Every
 * problem — of the form (a missing reason) or against the linkage (优秀 for someone the rules exclude,
 * beyond the quota, a tie without the committee's opinion, a 等次 for someone not taking part) — is
 * refused together as a ValidationError in Chinese, and nothing is signed.
 */
export async function signAnnualDecision(
  db: DutyBookDb,
  input: AnnualDecisionInput,
  linkage: AnnualDecisionLinkage,
  now: Date = new Date(),
): Promise<AnnualDecisionRow> {
  checkPersonYear(input.personId, input.year);
  const at = now.toISOString();
  const today = localIsoDate(now);
  const issues: ValidationIssue[] = decisionProblems(input, linkage.row, linkage.context).map((message) => ({
    path: 'outcome',
    message,
  }));
  if (input.opinionDueOn < today) {
    issues.push({ path: 'opinionDueOn', message: '本人意见的签署期限不能早于今天' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return inTransaction(db, 'sign annual decision', async () => {
    const ctx = await actingContext(db);
    const subject = findPerson(ctx.roster, input.personId);
    if (!subject) throw forbidden('人员名册中没有此人,不能确定年度考核结果。');
    if (!ctx.person.roles.includes('hr') || !hrCoversDuring(ctx.roster, ctx.person, subject, yearRange(input.year))) {
      throw forbidden(`您不是负责“${subject.name}”${input.year}年度考核的人事部门,不能确定其年度考核结果。`);
    }
    const held = await db.annualDecisions.where('[personId+year]').equals([input.personId, input.year]).first();
    const body = parseOrThrow(annualDecisionRecordSchema, {
      id: newId(now.getTime()),
      personId: input.personId,
      year: input.year,
      version: (held?.version ?? 0) + 1,
      outcome: input.outcome,
      committeeOpinion: input.committeeOpinion,
      ...(input.tieNote !== undefined && input.tieNote.trim() !== '' ? { tieNote: input.tieNote } : {}),
      opinionDueOn: input.opinionDueOn,
      decidedOn: today,
      hrId: ctx.person.id,
      hrName: ctx.person.name,
      decidedAt: at,
    });
    await signAndShow(ctx, {
      type: 'annual.decision',
      subject: input.personId,
      recordKey: recordKeys.annualDecision(input.personId, input.year),
      body: jsonSnapshot(body),
      createdAt: at,
      parents: held ? [held.factId] : [],
    });
    return (await db.annualDecisions.where('[personId+year]').equals([input.personId, input.year]).first())!;
  });
}

// ---- 本人意见 (the official) ----

/**
 * The official's 本人意见 on the decision in force about their year: 同意, or 有异议 with their words
 * (HR sees it as a 复核 request). Refused after the deadline the unit set, with the rule in words; a
 * later opinion before the deadline replaces an earlier one.
 */
export async function signAnnualOpinion(
  db: DutyBookDb,
  year: number,
  opinion: { agree: boolean; text: string },
  now: Date = new Date(),
): Promise<AnnualDecisionRow> {
  const at = now.toISOString();
  return inTransaction(db, 'sign annual opinion', async () => {
    const ctx = await actingContext(db);
    const personId = ctx.person.id;
    checkPersonYear(personId, year);
    const decision = await db.annualDecisions.where('[personId+year]').equals([personId, year]).first();
    if (!decision) throw forbidden(`尚未收到${year}年度考核结果,暂不能签署本人意见。请在收到人事部门的数据包后再签署。`);
    const late = opinionLateProblem(decision.opinionDueOn, localIsoDate(now));
    if (late) throw new ValidationError([{ path: 'deadline', message: late }]);
    const body = parseOrThrow(annualOpinionRecordSchema, {
      id: newId(now.getTime()),
      personId,
      year,
      decisionFactId: decision.factId,
      agree: opinion.agree,
      text: opinion.text,
      signedOn: localIsoDate(now),
      signedAt: at,
    });
    await signAndShow(ctx, {
      type: 'annual.opinion',
      subject: personId,
      recordKey: recordKeys.annualDecision(personId, year),
      body: jsonSnapshot(body),
      createdAt: at,
    });
    return (await db.annualDecisions.where('[personId+year]').equals([personId, year]).first())!;
  });
}

// ---- Readers (for useLiveQuery) ----

const byPersonYear = <T extends { personId: string; year: number }>(
  read: (db: DutyBookDb) => Table<T, string>,
  what: string,
) =>
  (db: DutyBookDb, personId: string, year: number): Promise<T | undefined> =>
    wrapStorageErrors(what, () => read(db).where('[personId+year]').equals([personId, year]).first());

/** A person's comment in force for the year (the official's, the supervisor's and HR's screens). */
export const getAnnualComment = byPersonYear((db) => db.annualComments, 'read annual comment');
/** A person's decision in force for the year, with their latest 本人意见. */
export const getAnnualDecision = byPersonYear((db) => db.annualDecisions, 'read annual decision');

/** The comments in force that this supervisor signed for the year. */
export function listAnnualCommentsBy(db: DutyBookDb, supervisorId: string, year: number): Promise<AnnualCommentRow[]> {
  return wrapStorageErrors('list annual comments', () =>
    db.annualComments.where('[supervisorId+year]').equals([supervisorId, year]).toArray(),
  );
}

/** Every row of the year this device holds, per table (HR's lists; a supervisor's device holds their reports'). */
export function listAnnualSummaries(db: DutyBookDb, year: number): Promise<AnnualSummaryRow[]> {
  return wrapStorageErrors('list annual summaries', () => db.annualSummaries.where('year').equals(year).toArray());
}
export function listAnnualComments(db: DutyBookDb, year: number): Promise<AnnualCommentRow[]> {
  return wrapStorageErrors('list annual comments', () => db.annualComments.where('year').equals(year).toArray());
}
/** Every decision of the year with the opinions on them (有异议 on the version in force = a 复核 request). */
export function listAnnualDecisions(db: DutyBookDb, year: number): Promise<AnnualDecisionRow[]> {
  return wrapStorageErrors('list annual decisions', () => db.annualDecisions.where('year').equals(year).toArray());
}

/** The 复核 requests of the year: 有异议 on the decision in force, earliest first. */
export async function listReviewRequests(db: DutyBookDb, year: number): Promise<AnnualDecisionRow[]> {
  const rows = await listAnnualDecisions(db, year);
  return rows
    .filter(asksReview)
    .sort((a, b) => (a.opinion!.signedAt < b.opinion!.signedAt ? -1 : a.opinion!.signedAt > b.opinion!.signedAt ? 1 : 0));
}
