import { describe, expect, it } from 'vitest';
import { DutyBookError, LockedError, NotFoundError, ValidationError } from '../../../shared/errors/errors';
import { canonicalJson, type MonthlyRecord, type WorkItem } from '../../../shared/domain';
import {
  carryOverWorkItems,
  getMonthlyRecord,
  listRecordVersions,
  listRecordsOfYear,
  newMonthlyRecord,
  returnRecord,
  saveRecordDraft,
  submitRecord,
  type DutyBookDb,
} from '../../../shared/store';
import { openTestDb, snapshot } from './helpers';

const P = 'PERSON1';
const at = (s: string) => new Date(`${s}T08:00:00.000Z`);

const work = (id: string, over: Partial<WorkItem> = {}): WorkItem => ({
  id,
  content: '起草季度工作简报',
  progress: '完成初稿',
  status: 'inProgress',
  percent: 50,
  ...over,
});

/** A complete March 2026 record book: 22 working days, one day of sick leave, one error. */
function march(): MonthlyRecord {
  const r = newMonthlyRecord(P, 2026, 3, undefined, at('2026-03-01'));
  return {
    ...r,
    workItems: [
      work('w1', { planItemId: 'p1' }),
      work('w2', { content: '整理会议纪要', status: 'completed', percent: 100 }),
    ],
    attendance: { ...r.attendance, present: 20.5, sickLeave: 1, personalLeave: 0.5, businessTrip: 2 },
    errors: [
      {
        id: 'e1',
        date: '2026-03-10',
        matter: '公文文号编错',
        cause: '未核对',
        correction: '已更正',
        severity: 'minor',
      },
    ],
  };
}

async function expectRefused(db: DutyBookDb, op: () => Promise<unknown>, cls: new (...a: never[]) => Error) {
  const before = await snapshot(db);
  const err = await op().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(cls);
  expect(await snapshot(db)).toEqual(before);
  return err;
}

describe('record book drafts', () => {
  it('starts a blank record book with the month’s working days, unsaved', async () => {
    const db = await openTestDb();
    const r = newMonthlyRecord(P, 2026, 3);
    expect(r).toMatchObject({
      personId: P,
      year: 2026,
      month: 3,
      state: 'editing',
      version: 0,
      workItems: [],
      errors: [],
    });
    expect(r.attendance).toEqual({
      due: 22,
      present: 22,
      personalLeave: 0,
      sickLeave: 0,
      annualLeave: 0,
      businessTrip: 0,
      absent: 0,
    });
    expect(await getMonthlyRecord(db, P, 2026, 3)).toBeUndefined();
    expect(() => newMonthlyRecord(P, 2026, 13)).toThrow(ValidationError);
    db.close();
  });

  it('saves and reads back a draft, setting completed work to 100 %', async () => {
    const db = await openTestDb();
    const draft = { ...march(), workItems: [work('w1', { status: 'completed', percent: 70 })] };
    const saved = await saveRecordDraft(db, draft, at('2026-03-20'));
    expect(saved.workItems[0]!.percent).toBe(100);
    expect(saved.updatedAt).toBe('2026-03-20T08:00:00.000Z');
    expect(await getMonthlyRecord(db, P, 2026, 3)).toEqual(saved);
    db.close();
  });

  it('keeps the workflow fields the store owns, whatever the caller sends', async () => {
    const db = await openTestDb();
    const saved = await saveRecordDraft(db, {
      ...march(),
      state: 'submitted',
      version: 7,
      submittedAt: '2026-03-01T00:00:00.000Z',
    });
    expect(saved).toMatchObject({ state: 'editing', version: 0 });
    expect(saved.submittedAt).toBeUndefined();
    db.close();
  });

  it('refuses a second record book for the same month, and moving one to another month', async () => {
    const db = await openTestDb();
    const first = await saveRecordDraft(db, march());
    await expectRefused(db, () => saveRecordDraft(db, { ...march(), id: 'OTHER' }), DutyBookError);
    await expectRefused(db, () => saveRecordDraft(db, { ...first, month: 4 }), DutyBookError);
    db.close();
  });

  it('saves an incomplete draft but refuses wrong types', async () => {
    const db = await openTestDb();
    await saveRecordDraft(db, { ...march(), workItems: [work('w1', { content: '' })] });
    const err = await expectRefused(
      db,
      () =>
        saveRecordDraft(db, {
          ...march(),
          attendance: { ...march().attendance, sickLeave: '1' as unknown as number },
        }),
      ValidationError,
    );
    expect((err as ValidationError).issues[0]).toEqual({
      path: 'attendance.sickLeave',
      message: '病假天数应为数字',
    });
    db.close();
  });
});

describe('submitting and returning a record book', () => {
  it('refuses an incomplete record book with every issue and changes nothing', async () => {
    const db = await openTestDb();
    const r = march();
    await saveRecordDraft(db, {
      ...r,
      workItems: [work('w1', { content: ' ' })],
      attendance: { ...r.attendance, present: 19, sickLeave: 1, personalLeave: 0.5 },
      errors: [{ ...r.errors[0]!, date: '2026-04-02' }],
    });
    const err = await expectRefused(db, () => submitRecord(db, P, 2026, 3), ValidationError);
    expect((err as ValidationError).issues).toEqual([
      { path: 'workItems.0.content', message: '第1项工作内容未填写' },
      { path: 'attendance', message: '出勤天数合计不符:应出勤 22 天,实出勤与各类请假、旷工合计 20.5 天' },
      { path: 'errors.0.date', message: '第1条差错登记日期不在2026年3月内(应为3月1日至3月31日)' },
    ]);
    db.close();
  });

  it('says there is nothing to submit for a month without a record book', async () => {
    const db = await openTestDb();
    await expect(submitRecord(db, P, 2026, 3)).rejects.toBeInstanceOf(NotFoundError);
    db.close();
  });

  it('submits version 1, then locks the record book against edits', async () => {
    const db = await openTestDb();
    await saveRecordDraft(db, march());
    const s = await submitRecord(db, P, 2026, 3, at('2026-04-01'));
    expect(s).toMatchObject({ state: 'submitted', version: 1, submittedAt: '2026-04-01T08:00:00.000Z' });
    const [v1] = await listRecordVersions(db, P, 2026, 3);
    expect(v1).toMatchObject({ recordId: s.id, personId: P, year: 2026, month: 3, version: 1 });
    expect(v1!.workItems).toEqual(march().workItems);
    expect(v1!.attendance).toEqual(march().attendance);
    await expectRefused(db, () => saveRecordDraft(db, { ...s, workItems: [] }), LockedError);
    await expectRefused(db, () => submitRecord(db, P, 2026, 3), LockedError);
    db.close();
  });

  it('returns with a reason; the official edits and resubmits; version 1 is unchanged', async () => {
    const db = await openTestDb();
    await saveRecordDraft(db, march());
    await submitRecord(db, P, 2026, 3, at('2026-04-01'));
    const v1 = canonicalJson((await listRecordVersions(db, P, 2026, 3))[0]);

    const returned = await returnRecord(db, P, 2026, 3, '病假天数与考勤表不一致', at('2026-04-02'));
    expect(returned).toMatchObject({ state: 'returned', returnReason: '病假天数与考勤表不一致' });
    const edited = await saveRecordDraft(db, {
      ...returned,
      attendance: { ...returned.attendance, present: 21, sickLeave: 0.5 },
    });
    // Still 已退回 (with its reason) until resubmitted.
    expect(edited).toMatchObject({ state: 'returned', returnReason: '病假天数与考勤表不一致' });
    const again = await submitRecord(db, P, 2026, 3, at('2026-04-03'));
    expect(again).toMatchObject({ state: 'submitted', version: 2 });
    expect(again.returnReason).toBeUndefined();

    const versions = await listRecordVersions(db, P, 2026, 3);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(canonicalJson(versions[0])).toBe(v1);
    expect(versions[1]!.attendance.sickLeave).toBe(0.5);
    db.close();
  });

  it('returns only a submitted record book, and wants a reason', async () => {
    const db = await openTestDb();
    await saveRecordDraft(db, march());
    const notYet = await expectRefused(db, () => returnRecord(db, P, 2026, 3, '请补充'), DutyBookError);
    expect((notYet as DutyBookError).details).toMatchObject({
      state: 'editing',
      reason: '记实簿尚未提交,不能退回',
    });
    await submitRecord(db, P, 2026, 3);
    await expectRefused(db, () => returnRecord(db, P, 2026, 3, '  '), ValidationError);
    await returnRecord(db, P, 2026, 3, '请补充');
    const twice = await expectRefused(db, () => returnRecord(db, P, 2026, 3, '请补充'), DutyBookError);
    expect((twice as DutyBookError).details.reason).toBe('记实簿已被退回,不能重复退回');
    db.close();
  });
});

describe('listing and carrying over', () => {
  it('lists the person’s record books of one year in month order', async () => {
    const db = await openTestDb();
    for (const [year, month] of [
      [2026, 5],
      [2026, 2],
      [2025, 12],
    ] as const) {
      await saveRecordDraft(db, newMonthlyRecord(P, year, month));
    }
    await saveRecordDraft(db, newMonthlyRecord('PERSON2', 2026, 3));
    expect((await listRecordsOfYear(db, P, 2026)).map((r) => r.month)).toEqual([2, 5]);
    expect(await listRecordsOfYear(db, P, 2024)).toEqual([]);
    db.close();
  });

  it('carries December’s unfinished work into January with new ids and empty progress', async () => {
    const db = await openTestDb();
    const dec = newMonthlyRecord(P, 2025, 12);
    await saveRecordDraft(db, {
      ...dec,
      workItems: [
        work('d1', {
          content: '档案扫描',
          status: 'inProgress',
          percent: 70,
          planItemId: 'p2',
          progress: '扫描至2019年',
        }),
        work('d2', { content: '年终总结', status: 'completed', percent: 100 }),
        work('d3', { content: '调研报告', status: 'delayed', percent: 20, fromJournal: true }),
        work('d4', { content: '培训', status: 'notStarted', percent: 0 }),
      ],
    });
    const before = await snapshot(db);
    let n = 0;
    const carried = await carryOverWorkItems(db, P, 2026, 1, () => `N${++n}`);
    expect(carried).toEqual([
      { id: 'N1', content: '档案扫描', progress: '', status: 'inProgress', percent: 70, planItemId: 'p2' },
      { id: 'N2', content: '调研报告', progress: '', status: 'delayed', percent: 20 },
      { id: 'N3', content: '培训', progress: '', status: 'notStarted', percent: 0 },
    ]);
    expect(await snapshot(db)).toEqual(before);
    expect(await carryOverWorkItems(db, P, 2026, 2)).toEqual([]);
    const fresh = await carryOverWorkItems(db, P, 2026, 1);
    expect(fresh.every((w) => /^[0-9A-Z]{26}$/.test(w.id))).toBe(true);
    db.close();
  });
});
