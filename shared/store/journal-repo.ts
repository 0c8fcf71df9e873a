/**
 * 日记、周记 in the local database, and their roll-up into the month's record book. A deleted entry
 * is handed back so the UI can offer 撤销 (restoreJournalEntry puts it back as it was).
 */
import { z } from 'zod';
import { DutyBookError, LockedError, NotFoundError } from '../errors/errors';
import {
  daysInMonth,
  isoDate,
  journalEntryInputSchema,
  journalEntrySchema,
  jsonSnapshot,
  monthSchema,
  monthlyRecordSchema,
  newId,
  parseOrThrow,
  workItemSchema,
  type HolidayCalendar,
  type HolidayIndex,
  type JournalEntry,
  type JournalEntryInput,
  type MonthlyRecord,
  type WorkItem,
} from '../domain';
import type { DutyBookDb } from './db';
import { checkPersonYear, checkStoredRow } from './plan-repo';
import { newMonthlyRecord, readMonthlyRecord, writeRecordDraft } from './record-repo';
import { wrapStorageErrors } from './storage-errors';

const readEntry = async (db: DutyBookDb, id: string): Promise<JournalEntry | undefined> => {
  const row = await db.journalEntries.get(id);
  return row === undefined ? undefined : checkStoredRow(journalEntrySchema, row, 'journal entry');
};

/** Adds an entry (ValidationError for a missing date or content, a bad percent). */
export async function addJournalEntry(
  db: DutyBookDb,
  input: JournalEntryInput,
  now: Date = new Date(),
): Promise<JournalEntry> {
  const fields = parseOrThrow(journalEntryInputSchema, input);
  const entry: JournalEntry = jsonSnapshot({
    ...fields,
    id: newId(now.getTime()),
    createdAt: now.toISOString(),
  });
  await wrapStorageErrors('add journal entry', () => db.journalEntries.add(entry));
  return entry;
}

/** Changes an entry's date, kind, content, plan link, status or percent; the author stays. */
export async function updateJournalEntry(
  db: DutyBookDb,
  id: string,
  patch: Partial<Omit<JournalEntryInput, 'personId'>>,
  now: Date = new Date(),
): Promise<JournalEntry> {
  return wrapStorageErrors('update journal entry', () =>
    db.transaction('rw', db.journalEntries, async () => {
      const current = await readEntry(db, id);
      if (!current) throw new NotFoundError('journalEntry', id);
      const fields = parseOrThrow(journalEntryInputSchema, {
        personId: current.personId,
        date: current.date,
        kind: current.kind,
        content: current.content,
        planItemId: current.planItemId,
        status: current.status,
        percent: current.percent,
        ...patch,
      });
      const next: JournalEntry = jsonSnapshot({
        ...fields,
        personId: current.personId,
        id,
        createdAt: current.createdAt,
        updatedAt: now.toISOString(),
      });
      await db.journalEntries.put(next);
      return next;
    }),
  );
}

/** Deletes an entry and returns it, for 撤销. */
export async function deleteJournalEntry(db: DutyBookDb, id: string): Promise<JournalEntry> {
  return wrapStorageErrors('delete journal entry', () =>
    db.transaction('rw', db.journalEntries, async () => {
      const current = await readEntry(db, id);
      if (!current) throw new NotFoundError('journalEntry', id);
      await db.journalEntries.delete(id);
      return current;
    }),
  );
}

/** Puts a deleted entry back as it was ('conflict' if an entry with its id exists again). */
export async function restoreJournalEntry(db: DutyBookDb, entry: JournalEntry): Promise<JournalEntry> {
  const checked = jsonSnapshot(parseOrThrow(journalEntrySchema, entry));
  return wrapStorageErrors('restore journal entry', () =>
    db.transaction('rw', db.journalEntries, async () => {
      if (await db.journalEntries.get(checked.id)) {
        throw new DutyBookError('conflict', `journal entry ${checked.id} exists`, { what: 'journalEntry' });
      }
      await db.journalEntries.add(checked);
      return checked;
    }),
  );
}

/** The person's entries of the month, in date order (then in the order they were written). */
export async function listJournalEntries(
  db: DutyBookDb,
  personId: string,
  year: number,
  month: number,
): Promise<JournalEntry[]> {
  checkPersonYear(personId, year);
  parseOrThrow(z.object({ month: monthSchema }), { month });
  const from = isoDate(year, month, 1);
  const to = isoDate(year, month, daysInMonth(year, month));
  const rows = await wrapStorageErrors('list journal entries', () =>
    db.journalEntries
      .where('[personId+date]')
      .between([personId, from], [personId, to], true, true)
      .toArray(),
  );
  return rows
    .map((r) => checkStoredRow(journalEntrySchema, r, 'journal entry'))
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );
}

/**
 * Puts the confirmed roll-up into the month's record book (creating the draft when there is none):
 * the work items an earlier roll-up made (`fromJournal`) are replaced, the official's own kept.
 * LockedError while the record book is submitted.
 */
export async function applyJournalRollUp(
  db: DutyBookDb,
  personId: string,
  year: number,
  month: number,
  items: WorkItem[],
  now: Date = new Date(),
  calendars?: readonly HolidayCalendar[] | HolidayIndex,
): Promise<MonthlyRecord> {
  checkPersonYear(personId, year);
  parseOrThrow(z.object({ month: monthSchema }), { month });
  const rolled = parseOrThrow(z.array(workItemSchema), items).map((w) => ({ ...w, fromJournal: true }));
  const blank = newMonthlyRecord(personId, year, month, calendars, now);
  return wrapStorageErrors('apply journal roll-up', () =>
    db.transaction('rw', db.monthlyRecords, async () => {
      const current = (await readMonthlyRecord(db, personId, year, month)) ?? blank;
      if (current.state === 'submitted') throw new LockedError('monthlyRecord', current.state);
      const kept = current.workItems.filter((w) => w.fromJournal !== true);
      const merged = parseOrThrow(monthlyRecordSchema, { ...current, workItems: [...kept, ...rolled] });
      return writeRecordDraft(db, merged, now.toISOString());
    }),
  );
}
