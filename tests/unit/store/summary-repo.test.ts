import { describe, expect, it } from 'vitest';
import { LockedError, NotFoundError, ValidationError } from '../../../shared/errors/errors';
import { canonicalJson, type MonthlyRecord } from '../../../shared/domain';
import {
  getMonthlyRecord,
  getSummary,
  listSummariesOfYear,
  listSummaryVersions,
  newMonthlyRecord,
  returnRecord,
  saveRecordDraft,
  savePlanDraft,
  saveSummaryDraft,
  submitPlan,
  submitRecord,
  submitSummary,
  type DutyBookDb,
} from '../../../shared/store';
import { openTestDb, snapshot } from './helpers';

const P = 'PERSON1';
const at = (s: string) => new Date(`${s}T08:00:00.000Z`);
const TEXT = '本季度按照年度工作计划,完成了年度工作要点的起草和印发,档案数字化工作稳步推进。';

function month(m: number, percent: number): MonthlyRecord {
  return {
    ...newMonthlyRecord(P, 2026, m),
    workItems: [
      {
        id: `w${m}`,
        content: `第${m}月档案扫描`,
        progress: '',
        status: 'inProgress',
        percent,
        planItemId: 'p1',
      },
    ],
  };
}

/** A plan, January and February submitted, March only a draft. */
async function quarterOne(): Promise<DutyBookDb> {
  const db = await openTestDb();
  await savePlanDraft(db, P, 2026, [
    { id: 'p1', task: '推进档案数字化', target: '完成扫描', deadline: '2026-09-30', duty: '档案管理' },
  ]);
  await submitPlan(db, P, 2026);
  for (const m of [1, 2]) {
    await saveRecordDraft(db, month(m, m * 20));
    await submitRecord(db, P, 2026, m);
  }
  await saveRecordDraft(db, month(3, 90));
  return db;
}

describe('quarter summary drafts', () => {
  it('saves the text with highlights from the submitted record books only', async () => {
    const db = await quarterOne();
    expect(await getSummary(db, P, 2026, 1)).toBeUndefined();
    const s = await saveSummaryDraft(db, P, 2026, 1, '草稿', at('2026-04-01'));
    expect(s).toMatchObject({
      personId: P,
      year: 2026,
      quarter: 1,
      state: 'editing',
      text: '草稿',
      version: 0,
    });
    expect(s.highlights.planProgress).toEqual([{ planItemId: 'p1', task: '推进档案数字化', percent: 40 }]);
    expect(s.highlights.monthsMissing).toEqual([3]);
    expect(s.highlights.attendance.due).toBe(21 + 16);
    const again = await saveSummaryDraft(db, P, 2026, 1, TEXT);
    expect(again.id).toBe(s.id);
    expect(await getSummary(db, P, 2026, 1)).toEqual(again);
    db.close();
  });

  it('refuses a bad quarter', async () => {
    const db = await openTestDb();
    await expect(saveSummaryDraft(db, P, 2026, 5 as 1, TEXT)).rejects.toBeInstanceOf(ValidationError);
    db.close();
  });
});

describe('submitting a quarter summary', () => {
  it('refuses a text shorter than 20 characters, changing nothing', async () => {
    const db = await quarterOne();
    await saveSummaryDraft(db, P, 2026, 1, '本季度工作完成良好。');
    const before = await snapshot(db);
    const err = await submitSummary(db, P, 2026, 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues).toEqual([
      { path: 'text', message: '季度个人工作小结内容过短,请至少填写20个字' },
    ]);
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('says there is nothing to submit before a draft exists', async () => {
    const db = await openTestDb();
    await expect(submitSummary(db, P, 2026, 1)).rejects.toBeInstanceOf(NotFoundError);
    db.close();
  });

  it('freezes the highlights as of submission; later changes to the records do not touch the version', async () => {
    const db = await quarterOne();
    await saveSummaryDraft(db, P, 2026, 1, TEXT);
    await submitRecord(db, P, 2026, 3); // March is submitted after the draft was saved
    const s = await submitSummary(db, P, 2026, 1, at('2026-04-05'));
    expect(s).toMatchObject({ state: 'submitted', version: 1, submittedAt: '2026-04-05T08:00:00.000Z' });
    expect(s.highlights.monthsMissing).toEqual([]);
    expect(s.highlights.planProgress[0]!.percent).toBe(90);

    const [v1] = await listSummaryVersions(db, P, 2026, 1);
    expect(v1).toMatchObject({
      summaryId: s.id,
      personId: P,
      year: 2026,
      quarter: 1,
      version: 1,
      text: TEXT,
    });
    expect(v1!.highlights).toEqual(s.highlights);
    const frozen = canonicalJson(v1);

    await returnRecord(db, P, 2026, 3, '请补充');
    await saveRecordDraft(db, { ...(await getMonthlyRecord(db, P, 2026, 3))!, workItems: [] });
    expect(canonicalJson((await listSummaryVersions(db, P, 2026, 1))[0])).toBe(frozen);
    expect((await getSummary(db, P, 2026, 1))!.highlights).toEqual(v1!.highlights);
    db.close();
  });

  it('locks the summary once submitted', async () => {
    const db = await quarterOne();
    await saveSummaryDraft(db, P, 2026, 1, TEXT);
    await submitSummary(db, P, 2026, 1);
    const before = await snapshot(db);
    await expect(saveSummaryDraft(db, P, 2026, 1, TEXT + '补充')).rejects.toBeInstanceOf(LockedError);
    await expect(submitSummary(db, P, 2026, 1)).rejects.toBeInstanceOf(LockedError);
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('lists the year’s summaries by quarter', async () => {
    const db = await openTestDb();
    await saveSummaryDraft(db, P, 2026, 3, TEXT);
    await saveSummaryDraft(db, P, 2026, 1, TEXT);
    await saveSummaryDraft(db, P, 2025, 4, TEXT);
    await saveSummaryDraft(db, 'PERSON2', 2026, 2, TEXT);
    expect((await listSummariesOfYear(db, P, 2026)).map((s) => s.quarter)).toEqual([1, 3]);
    expect(await listSummaryVersions(db, P, 2026, 2)).toEqual([]);
    db.close();
  });
});
