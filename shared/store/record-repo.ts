/**
 * 平时考核记实簿 in the local database: one working row per person and month, plus an immutable
 * MonthlyRecordVersion per submission. Drafts are saved as typed; submission checks everything.
 * Workflow fields (state, version, submission and return) are the store's: a draft save keeps the
 * stored ones whatever the caller sends.
 */
import { z } from 'zod';
import { DutyBookError, LockedError, NotFoundError, ValidationError } from '../errors/errors';
import {
  defaultAttendance,
  jsonSnapshot,
  monthSchema,
  monthlyRecordIssues,
  monthlyRecordSchema,
  monthlyRecordVersionSchema,
  newId,
  normaliseWorkItem,
  parseOrThrow,
  type HolidayCalendar,
  type HolidayIndex,
  type MonthlyRecord,
  type MonthlyRecordVersion,
  type WorkItem,
} from '../domain';
import type { DutyBookDb } from './db';
import { appendVersionFact, ownFactTables, recordVersionFact } from './fact-repo';
import { checkPersonYear, checkStoredRow } from './plan-repo';
import { noteWritten } from './status';
import { wrapStorageErrors } from './storage-errors';

function checkPersonMonth(personId: string, year: number, month: number): void {
  checkPersonYear(personId, year);
  parseOrThrow(z.object({ month: monthSchema }), { month });
}

/**
 * The stored record book of the month, read without a transaction of its own (so other repositories
 * can call it inside theirs).
 */
export async function readMonthlyRecord(
  db: DutyBookDb,
  personId: string,
  year: number,
  month: number,
): Promise<MonthlyRecord | undefined> {
  const row = await db.monthlyRecords.where('[personId+year+month]').equals([personId, year, month]).first();
  return row === undefined ? undefined : checkStoredRow(monthlyRecordSchema, row, 'monthly record');
}

async function requireRecord(
  db: DutyBookDb,
  personId: string,
  year: number,
  month: number,
): Promise<MonthlyRecord> {
  const r = await readMonthlyRecord(db, personId, year, month);
  if (!r) throw new NotFoundError('monthlyRecord', `${personId}/${year}-${month}`);
  return r;
}

export async function getMonthlyRecord(
  db: DutyBookDb,
  personId: string,
  year: number,
  month: number,
): Promise<MonthlyRecord | undefined> {
  checkPersonMonth(personId, year, month);
  return wrapStorageErrors('read monthly record', () => readMonthlyRecord(db, personId, year, month));
}

/** A blank record book for the month (not stored): 应出勤 from the working days, all of them present. */
export function newMonthlyRecord(
  personId: string,
  year: number,
  month: number,
  calendars?: readonly HolidayCalendar[] | HolidayIndex,
  now: Date = new Date(),
): MonthlyRecord {
  checkPersonMonth(personId, year, month);
  return {
    id: newId(now.getTime()),
    personId,
    year,
    month,
    state: 'editing',
    workItems: [],
    attendance: defaultAttendance(year, month, calendars),
    errors: [],
    version: 0,
    updatedAt: now.toISOString(),
  };
}

/**
 * Writes a draft inside the caller's read-write transaction on monthlyRecords: refuses a submitted
 * record (LockedError) and a record whose id belongs to another month or person ('conflict').
 */
export async function writeRecordDraft(
  db: DutyBookDb,
  record: MonthlyRecord,
  at: string,
): Promise<MonthlyRecord> {
  const { personId, year, month } = record;
  const stored = await readMonthlyRecord(db, personId, year, month);
  const sameId = await db.monthlyRecords.get(record.id);
  if (
    (stored && stored.id !== record.id) ||
    (sameId && (sameId.personId !== personId || sameId.year !== year || sameId.month !== month))
  ) {
    throw new DutyBookError('conflict', `monthly record ${record.id} does not match the stored one`, {
      what: 'monthlyRecord',
      reason: '该月记实簿已有另一份记录,请刷新后再修改',
    });
  }
  if (stored?.state === 'submitted') throw new LockedError('monthlyRecord', stored.state);
  const next: MonthlyRecord = jsonSnapshot({
    ...record,
    workItems: record.workItems.map(normaliseWorkItem),
    state: stored?.state ?? 'editing',
    version: stored?.version ?? 0,
    returnReason: stored?.returnReason,
    updatedAt: at,
    submittedAt: stored?.submittedAt,
    returnedAt: stored?.returnedAt,
  });
  await db.monthlyRecords.put(next);
  return next;
}

/** Saves the draft (work items marked 已完成 are set to 100 %). LockedError while it is submitted. */
export async function saveRecordDraft(
  db: DutyBookDb,
  record: MonthlyRecord,
  now: Date = new Date(),
): Promise<MonthlyRecord> {
  const checked = parseOrThrow(monthlyRecordSchema, record);
  return wrapStorageErrors('save monthly record', () =>
    db.transaction('rw', db.monthlyRecords, () => writeRecordDraft(db, checked, now.toISOString())),
  );
}

/** 提交: checks everything (ValidationError listing every issue) and freezes the next version. */
export async function submitRecord(
  db: DutyBookDb,
  personId: string,
  year: number,
  month: number,
  now: Date = new Date(),
): Promise<MonthlyRecord> {
  checkPersonMonth(personId, year, month);
  const at = now.toISOString();
  return wrapStorageErrors('submit monthly record', () =>
    db.transaction('rw', [db.monthlyRecords, db.recordVersions, ...ownFactTables(db)], async () => {
      const current = await requireRecord(db, personId, year, month);
      if (current.state === 'submitted') throw new LockedError('monthlyRecord', current.state);
      const issues = monthlyRecordIssues(current);
      if (issues.length > 0) throw new ValidationError(issues);
      const version: MonthlyRecordVersion = jsonSnapshot({
        id: newId(now.getTime()),
        recordId: current.id,
        personId,
        year,
        month,
        version: current.version + 1,
        workItems: current.workItems,
        attendance: current.attendance,
        errors: current.errors,
        submittedAt: at,
      });
      const next: MonthlyRecord = jsonSnapshot({
        ...current,
        state: 'submitted',
        version: version.version,
        returnReason: undefined,
        updatedAt: at,
        submittedAt: at,
      });
      await db.recordVersions.add(version);
      await appendVersionFact(db, recordVersionFact(version));
      await db.monthlyRecords.put(next);
      await noteWritten(db, [{ table: 'monthlyRecords', rows: [next] }]);
      return next;
    }),
  );
}

/** 退回: the supervisor sends a submitted record book back; it becomes editable again. */
export async function returnRecord(
  db: DutyBookDb,
  personId: string,
  year: number,
  month: number,
  reason: string,
  now: Date = new Date(),
): Promise<MonthlyRecord> {
  checkPersonMonth(personId, year, month);
  const text = parseOrThrow(
    z
      .string({ error: '请填写退回原因' })
      .trim()
      .min(1, { error: '请填写退回原因' })
      .max(500, { error: '退回原因不能超过500个字' }),
    reason,
  );
  const at = now.toISOString();
  return wrapStorageErrors('return monthly record', () =>
    db.transaction('rw', db.monthlyRecords, async () => {
      const current = await requireRecord(db, personId, year, month);
      if (current.state !== 'submitted') {
        throw new DutyBookError('conflict', `monthly record: cannot return in state ${current.state}`, {
          what: 'monthlyRecord',
          state: current.state,
          action: 'return',
          reason: current.state === 'returned' ? '记实簿已被退回,不能重复退回' : '记实簿尚未提交,不能退回',
        });
      }
      const next: MonthlyRecord = jsonSnapshot({
        ...current,
        state: 'returned',
        returnReason: text,
        updatedAt: at,
        returnedAt: at,
      });
      await db.monthlyRecords.put(next);
      return next;
    }),
  );
}

/** The person's record books of the year, January first. */
export async function listRecordsOfYear(
  db: DutyBookDb,
  personId: string,
  year: number,
): Promise<MonthlyRecord[]> {
  checkPersonYear(personId, year);
  const rows = await wrapStorageErrors('list monthly records', () =>
    db.monthlyRecords.where('[personId+year]').equals([personId, year]).toArray(),
  );
  return rows
    .map((r) => checkStoredRow(monthlyRecordSchema, r, 'monthly record'))
    .sort((a, b) => a.month - b.month);
}

/** Every submitted version of the month's record book, oldest first. */
export async function listRecordVersions(
  db: DutyBookDb,
  personId: string,
  year: number,
  month: number,
): Promise<MonthlyRecordVersion[]> {
  checkPersonMonth(personId, year, month);
  const rows = await wrapStorageErrors('list record versions', () =>
    db.recordVersions.where('[personId+year+month]').equals([personId, year, month]).toArray(),
  );
  return rows
    .map((r) => checkStoredRow(monthlyRecordVersionSchema, r, 'record version'))
    .sort((a, b) => a.version - b.version);
}

/** The month before: December of the previous year for January. */
export function previousMonth(year: number, month: number): { year: number; month: number } {
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

/**
 * The previous month's unfinished work, for the official to append to this month's record book:
 * every item not 已完成, with a new id, the same content, plan link, status and percent, and an
 * empty 工作进度 (this month's progress is still to write). Nothing is written.
 */
export async function carryOverWorkItems(
  db: DutyBookDb,
  personId: string,
  year: number,
  month: number,
  makeId: () => string = () => newId(),
): Promise<WorkItem[]> {
  checkPersonMonth(personId, year, month);
  const prev = previousMonth(year, month);
  const record = await wrapStorageErrors('read monthly record', () =>
    readMonthlyRecord(db, personId, prev.year, prev.month),
  );
  return (record?.workItems ?? [])
    .filter((w) => w.status !== 'completed')
    .map((w) => {
      const item: WorkItem = {
        id: makeId(),
        content: w.content,
        progress: '',
        status: w.status,
        percent: w.percent,
      };
      if (w.planItemId !== undefined) item.planItemId = w.planItemId;
      return item;
    });
}
