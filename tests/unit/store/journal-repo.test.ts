import { describe, expect, it } from 'vitest';
import { DutyBookError, LockedError, NotFoundError, ValidationError } from '../../../shared/errors/errors';
import { rollUpJournal, type WorkItem } from '../../../shared/domain';
import {
  addJournalEntry,
  applyJournalRollUp,
  deleteJournalEntry,
  getMonthlyRecord,
  listJournalEntries,
  newMonthlyRecord,
  restoreJournalEntry,
  saveRecordDraft,
  submitRecord,
  updateJournalEntry,
  type DutyBookDb,
} from '../../../shared/store';
import { openTestDb, snapshot } from './helpers';

const P = 'PERSON1';
const at = (s: string) => new Date(`${s}T08:00:00.000Z`);

async function expectRefused(db: DutyBookDb, op: () => Promise<unknown>, cls: new (...a: never[]) => Error) {
  const before = await snapshot(db);
  const err = await op().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(cls);
  expect(await snapshot(db)).toEqual(before);
  return err;
}

async function withEntries(): Promise<DutyBookDb> {
  const db = await openTestDb();
  await addJournalEntry(
    db,
    {
      personId: P,
      date: '2026-03-09',
      kind: 'daily',
      content: '修改工作要点',
      planItemId: 'p1',
      percent: 60,
    },
    at('2026-03-09'),
  );
  await addJournalEntry(
    db,
    {
      personId: P,
      date: '2026-03-02',
      kind: 'daily',
      content: '起草工作要点',
      planItemId: 'p1',
      percent: 30,
    },
    at('2026-03-02'),
  );
  await addJournalEntry(
    db,
    { personId: P, date: '2026-03-16', kind: 'weekly', content: '参加业务培训' },
    at('2026-03-20'),
  );
  await addJournalEntry(
    db,
    { personId: P, date: '2026-04-01', kind: 'daily', content: '四月' },
    at('2026-04-01'),
  );
  await addJournalEntry(
    db,
    { personId: P, date: '2026-02-28', kind: 'daily', content: '二月' },
    at('2026-02-28'),
  );
  await addJournalEntry(db, {
    personId: 'PERSON2',
    date: '2026-03-03',
    kind: 'daily',
    content: '别人的日记',
  });
  return db;
}

describe('journal entries', () => {
  it('adds entries and lists one person’s month in date order', async () => {
    const db = await withEntries();
    const march = await listJournalEntries(db, P, 2026, 3);
    expect(march.map((e) => [e.date, e.content])).toEqual([
      ['2026-03-02', '起草工作要点'],
      ['2026-03-09', '修改工作要点'],
      ['2026-03-16', '参加业务培训'],
    ]);
    expect(march[0]).toMatchObject({
      personId: P,
      kind: 'daily',
      planItemId: 'p1',
      percent: 30,
      createdAt: '2026-03-02T08:00:00.000Z',
    });
    expect(await listJournalEntries(db, P, 2026, 5)).toEqual([]);
    db.close();
  });

  it('refuses an entry without content or with a bad date, writing nothing', async () => {
    const db = await openTestDb();
    const err = await expectRefused(
      db,
      () => addJournalEntry(db, { personId: P, date: '2026-02-30', kind: 'daily', content: '  ' }),
      ValidationError,
    );
    expect((err as ValidationError).issues).toEqual([
      { path: 'date', message: '记实日期不是有效日期' },
      { path: 'content', message: '记实内容未填写' },
    ]);
    db.close();
  });

  it('updates an entry, keeping its author and creation time', async () => {
    const db = await withEntries();
    const [first] = await listJournalEntries(db, P, 2026, 3);
    const updated = await updateJournalEntry(
      db,
      first!.id,
      { content: '起草并修改工作要点', planItemId: undefined, personId: 'X' } as never,
      at('2026-03-03'),
    );
    expect(updated).toMatchObject({
      id: first!.id,
      personId: P,
      content: '起草并修改工作要点',
      createdAt: first!.createdAt,
      updatedAt: '2026-03-03T08:00:00.000Z',
    });
    expect(updated.planItemId).toBeUndefined();
    await expectRefused(db, () => updateJournalEntry(db, first!.id, { percent: 101 }), ValidationError);
    await expectRefused(db, () => updateJournalEntry(db, 'missing', { content: 'x' }), NotFoundError);
    db.close();
  });

  it('deletes an entry and hands it back, so 撤销 puts it back exactly', async () => {
    const db = await withEntries();
    const before = await snapshot(db);
    const [first] = await listJournalEntries(db, P, 2026, 3);
    const deleted = await deleteJournalEntry(db, first!.id);
    expect(deleted).toEqual(first);
    expect(await listJournalEntries(db, P, 2026, 3)).toHaveLength(2);
    await expect(deleteJournalEntry(db, first!.id)).rejects.toBeInstanceOf(NotFoundError);
    await restoreJournalEntry(db, deleted);
    expect(await snapshot(db)).toEqual(before);
    await expectRefused(db, () => restoreJournalEntry(db, deleted), DutyBookError);
    db.close();
  });
});

describe('applyJournalRollUp', () => {
  const manual: WorkItem = {
    id: 'M1',
    content: '手工填写的工作',
    progress: '进行中',
    status: 'inProgress',
    percent: 40,
  };

  it('creates the month’s draft from the roll-up when there is none', async () => {
    const db = await withEntries();
    const items = rollUpJournal(await listJournalEntries(db, P, 2026, 3), 2026, 3);
    const r = await applyJournalRollUp(db, P, 2026, 3, items, at('2026-03-31'));
    expect(r).toMatchObject({ personId: P, year: 2026, month: 3, state: 'editing', version: 0 });
    expect(r.attendance.due).toBe(22);
    expect(r.workItems).toEqual(items);
    expect(await getMonthlyRecord(db, P, 2026, 3)).toEqual(r);
    db.close();
  });

  it('replaces an earlier roll-up and keeps the official’s own items', async () => {
    const db = await withEntries();
    await saveRecordDraft(db, { ...newMonthlyRecord(P, 2026, 3), workItems: [manual] });
    const first = rollUpJournal(await listJournalEntries(db, P, 2026, 3), 2026, 3);
    await applyJournalRollUp(db, P, 2026, 3, first);
    await addJournalEntry(db, {
      personId: P,
      date: '2026-03-23',
      kind: 'daily',
      content: '印发工作要点',
      planItemId: 'p1',
      status: 'completed',
    });
    const second = rollUpJournal(await listJournalEntries(db, P, 2026, 3), 2026, 3);
    const r = await applyJournalRollUp(db, P, 2026, 3, second);
    expect(r.workItems).toEqual([manual, ...second]);
    expect(r.workItems.filter((w) => w.fromJournal)).toHaveLength(2);
    expect(r.workItems[1]).toMatchObject({ planItemId: 'p1', status: 'completed', percent: 100 });
    db.close();
  });

  it('marks the items it puts in as coming from the journal', async () => {
    const db = await openTestDb();
    const r = await applyJournalRollUp(db, P, 2026, 3, [{ ...manual, id: 'X1' }]);
    expect(r.workItems[0]!.fromJournal).toBe(true);
    db.close();
  });

  it('is refused while the record book is submitted, changing nothing', async () => {
    const db = await withEntries();
    await saveRecordDraft(db, { ...newMonthlyRecord(P, 2026, 3), workItems: [manual] });
    await submitRecord(db, P, 2026, 3);
    const items = rollUpJournal(await listJournalEntries(db, P, 2026, 3), 2026, 3);
    await expectRefused(db, () => applyJournalRollUp(db, P, 2026, 3, items), LockedError);
    db.close();
  });
});
