/**
 * 季度个人工作小结 in the local database. The highlights are computed from the stored plan and the
 * quarter's **submitted** record books (a draft record book is not yet a fact to summarise; its month
 * shows as missing), refreshed on every draft save and frozen into the version on submission.
 */
import { z } from 'zod';
import { LockedError, NotFoundError, ValidationError } from '../errors/errors';
import {
  annualPlanSchema,
  jsonSnapshot,
  monthlyRecordSchema,
  newId,
  parseOrThrow,
  quarterHighlights,
  quarterSchema,
  quarterSummarySchema,
  quarterSummaryVersionSchema,
  summaryTextIssues,
  type Quarter,
  type QuarterHighlights,
  type QuarterSummary,
  type QuarterSummaryVersion,
} from '../domain';
import type { DutyBookDb } from './db';
import { appendVersionFact, ownFactTables, summaryVersionFact } from './fact-repo';
import { checkPersonYear, checkStoredRow } from './plan-repo';
import { noteWritten } from './status';
import { wrapStorageErrors } from './storage-errors';

function checkPersonQuarter(personId: string, year: number, quarter: Quarter): void {
  checkPersonYear(personId, year);
  parseOrThrow(z.object({ quarter: quarterSchema }), { quarter });
}

async function readSummary(
  db: DutyBookDb,
  personId: string,
  year: number,
  quarter: Quarter,
): Promise<QuarterSummary | undefined> {
  const row = await db.summaries.where('[personId+year+quarter]').equals([personId, year, quarter]).first();
  return row === undefined ? undefined : checkStoredRow(quarterSummarySchema, row, 'quarter summary');
}

/** Reads the plan and the year's record books inside the caller's transaction. */
async function highlightsFromStore(
  db: DutyBookDb,
  personId: string,
  year: number,
  quarter: Quarter,
): Promise<QuarterHighlights> {
  const planRow = await db.plans.where('[personId+year]').equals([personId, year]).first();
  const plan = planRow === undefined ? undefined : checkStoredRow(annualPlanSchema, planRow, 'plan');
  const rows = await db.monthlyRecords.where('[personId+year]').equals([personId, year]).toArray();
  const records = rows
    .map((r) => checkStoredRow(monthlyRecordSchema, r, 'monthly record'))
    .filter((r) => r.state === 'submitted');
  return quarterHighlights(plan, records, year, quarter);
}

export async function getSummary(
  db: DutyBookDb,
  personId: string,
  year: number,
  quarter: Quarter,
): Promise<QuarterSummary | undefined> {
  checkPersonQuarter(personId, year, quarter);
  return wrapStorageErrors('read quarter summary', () => readSummary(db, personId, year, quarter));
}

/** Saves the text (creating the summary on first save). LockedError once it is submitted. */
export async function saveSummaryDraft(
  db: DutyBookDb,
  personId: string,
  year: number,
  quarter: Quarter,
  text: string,
  now: Date = new Date(),
): Promise<QuarterSummary> {
  checkPersonQuarter(personId, year, quarter);
  parseOrThrow(quarterSummarySchema.shape.text, text);
  const at = now.toISOString();
  return wrapStorageErrors('save quarter summary', () =>
    db.transaction('rw', [db.summaries, db.plans, db.monthlyRecords], async () => {
      const current = await readSummary(db, personId, year, quarter);
      if (current?.state === 'submitted') throw new LockedError('quarterSummary', current.state);
      const highlights = await highlightsFromStore(db, personId, year, quarter);
      const next: QuarterSummary = jsonSnapshot(
        current
          ? { ...current, text, highlights, updatedAt: at }
          : {
              id: newId(now.getTime()),
              personId,
              year,
              quarter,
              state: 'editing',
              text,
              highlights,
              version: 0,
              updatedAt: at,
            },
      );
      await db.summaries.put(next);
      return next;
    }),
  );
}

/**
 * 提交: the text must be long enough (ValidationError); the highlights are recomputed from the store
 * at this moment and frozen, with the text, as the next version.
 */
export async function submitSummary(
  db: DutyBookDb,
  personId: string,
  year: number,
  quarter: Quarter,
  now: Date = new Date(),
): Promise<QuarterSummary> {
  checkPersonQuarter(personId, year, quarter);
  const at = now.toISOString();
  return wrapStorageErrors('submit quarter summary', () =>
    db.transaction('rw', [db.summaries, db.summaryVersions, db.plans, db.monthlyRecords, ...ownFactTables(db)], async () => {
      const current = await readSummary(db, personId, year, quarter);
      if (!current) throw new NotFoundError('quarterSummary', `${personId}/${year}-Q${quarter}`);
      if (current.state === 'submitted') throw new LockedError('quarterSummary', current.state);
      const issues = summaryTextIssues(current.text);
      if (issues.length > 0) throw new ValidationError(issues);
      const highlights = await highlightsFromStore(db, personId, year, quarter);
      const version: QuarterSummaryVersion = jsonSnapshot({
        id: newId(now.getTime()),
        summaryId: current.id,
        personId,
        year,
        quarter,
        version: current.version + 1,
        text: current.text,
        highlights,
        submittedAt: at,
      });
      const next: QuarterSummary = jsonSnapshot({
        ...current,
        state: 'submitted',
        highlights,
        version: version.version,
        updatedAt: at,
        submittedAt: at,
      });
      await db.summaryVersions.add(version);
      await appendVersionFact(db, summaryVersionFact(version));
      await db.summaries.put(next);
      await noteWritten(db, [{ table: 'summaries', rows: [next] }]);
      return next;
    }),
  );
}

/** The person's summaries of the year, first quarter first. */
export async function listSummariesOfYear(
  db: DutyBookDb,
  personId: string,
  year: number,
): Promise<QuarterSummary[]> {
  checkPersonYear(personId, year);
  const rows = await wrapStorageErrors('list quarter summaries', () =>
    db.summaries
      .where('[personId+year+quarter]')
      .between([personId, year, 1], [personId, year, 4], true, true)
      .toArray(),
  );
  return rows
    .map((r) => checkStoredRow(quarterSummarySchema, r, 'quarter summary'))
    .sort((a, b) => a.quarter - b.quarter);
}

/** Every submitted version of the quarter's summary, oldest first. */
export async function listSummaryVersions(
  db: DutyBookDb,
  personId: string,
  year: number,
  quarter: Quarter,
): Promise<QuarterSummaryVersion[]> {
  checkPersonQuarter(personId, year, quarter);
  return wrapStorageErrors('list summary versions', async () => {
    const summary = await readSummary(db, personId, year, quarter);
    if (!summary) return [];
    const rows = await db.summaryVersions.where('summaryId').equals(summary.id).toArray();
    return rows
      .map((r) => checkStoredRow(quarterSummaryVersionSchema, r, 'summary version'))
      .sort((a, b) => a.version - b.version);
  });
}
