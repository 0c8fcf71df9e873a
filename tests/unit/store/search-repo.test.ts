import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/errors/errors';
import {
  addJournalEntry,
  newMonthlyRecord,
  saveRecordDraft,
  savePlanDraft,
  saveSummaryDraft,
  searchMyRecords,
  type DutyBookDb,
} from '../../../shared/store';
import { openTestDb } from './helpers';

const P = 'PERSON1';

async function seeded(): Promise<DutyBookDb> {
  const db = await openTestDb();
  await savePlanDraft(db, P, 2026, [
    {
      id: 'p1',
      task: '推进档案数字化',
      target: '完成2020年以来档案扫描',
      deadline: '2026-09-30',
      duty: '档案管理',
    },
    { id: 'p2', task: '组织业务培训', target: '全年2次', deadline: '2026-11-30', duty: '教育培训' },
  ]);
  await saveRecordDraft(db, {
    ...newMonthlyRecord(P, 2026, 3),
    id: 'R2603',
    workItems: [
      {
        id: 'w1',
        content: '档案扫描',
        progress: '使用OCR识别扫描件,完成1200卷',
        status: 'inProgress',
        percent: 40,
      },
      { id: 'w2', content: '会议纪要', progress: '', status: 'completed', percent: 100 },
    ],
    errors: [
      {
        id: 'e1',
        date: '2026-03-10',
        matter: '档案编号错误',
        cause: '录入疏忽',
        correction: '已更正',
        severity: 'minor',
      },
    ],
  });
  await saveRecordDraft(db, {
    ...newMonthlyRecord(P, 2025, 11),
    workItems: [{ id: 'w9', content: '去年的档案整理', progress: '', status: 'completed', percent: 100 }],
  });
  await addJournalEntry(db, {
    personId: P,
    date: '2026-03-05',
    kind: 'daily',
    content: '到市档案馆学习数字化经验',
  });
  await addJournalEntry(db, { personId: P, date: '2026-04-13', kind: 'weekly', content: '本周参加培训' });
  await saveSummaryDraft(db, P, 2026, 1, '本季度档案数字化工作稳步推进,完成扫描1200卷。');
  // Someone else's writing on the same device is never searched.
  await savePlanDraft(db, 'PERSON2', 2026, [
    { id: 'x1', task: '档案管理', target: '档案', deadline: '2026-12-31', duty: '档案' },
  ]);
  await addJournalEntry(db, { personId: 'PERSON2', date: '2026-03-05', kind: 'daily', content: '档案' });
  return db;
}

describe('searchMyRecords', () => {
  it('finds the query in every kind of record, newest first, naming the place and the field', async () => {
    const db = await seeded();
    const hits = await searchMyRecords(db, P, '档案');
    expect(hits.map((h) => [h.kind, h.title, h.field, h.snippet])).toEqual([
      ['summary', '2026年第1季度个人工作小结', '小结内容', '本季度档案数字化工作稳步推进,完成扫描1200卷。'],
      ['record', '2026年3月记实簿', '工作内容', '档案扫描'],
      ['error', '2026年3月记实簿', '差错事项', '档案编号错误'],
      ['journal', '2026年3月5日日记', '记实内容', '到市档案馆学习数字化经验'],
      ['plan', '2026年个人年度工作计划', '工作任务', '推进档案数字化'],
      ['plan', '2026年个人年度工作计划', '目标要求', '完成2020年以来档案扫描'],
      ['plan', '2026年个人年度工作计划', '对应岗位职责/能力席位标准', '档案管理'],
      ['record', '2025年11月记实簿', '工作内容', '去年的档案整理'],
    ]);
    expect(hits[0]).toMatchObject({ year: 2026, quarter: 1 });
    expect(hits[1]).toMatchObject({ year: 2026, month: 3, refId: 'R2603', itemId: 'w1' });
    expect(hits[2]).toMatchObject({ kind: 'error', itemId: 'e1' });
    expect(hits[4]).toMatchObject({ itemId: 'p1' });
    db.close();
  });

  it('limits the search to one year when asked', async () => {
    const db = await seeded();
    const hits = await searchMyRecords(db, P, '档案', { year: 2025 });
    expect(hits).toEqual([
      expect.objectContaining({
        kind: 'record',
        year: 2025,
        month: 11,
        title: '2025年11月记实簿',
        snippet: '去年的档案整理',
      }),
    ]);
    expect((await searchMyRecords(db, P, '培训', { year: 2026 })).map((h) => h.title)).toEqual([
      '2026年4月13日周记',
      '2026年个人年度工作计划',
      '2026年个人年度工作计划',
    ]);
    db.close();
  });

  it('ignores case in Latin letters and returns nothing for an empty query', async () => {
    const db = await seeded();
    const hits = await searchMyRecords(db, P, 'ocr');
    expect(hits.map((h) => [h.field, h.snippet])).toEqual([['工作进度', '使用OCR识别扫描件,完成1200卷']]);
    expect(await searchMyRecords(db, P, '   ')).toEqual([]);
    expect(await searchMyRecords(db, P, '不存在的词')).toEqual([]);
    db.close();
  });

  it('never shows another person’s writing', async () => {
    const db = await seeded();
    expect(await searchMyRecords(db, 'PERSON3', '档案')).toEqual([]);
    const theirs = await searchMyRecords(db, 'PERSON2', '档案');
    expect(theirs.map((h) => h.kind)).toEqual(['journal', 'plan', 'plan', 'plan']);
    db.close();
  });

  it('refuses a bad person id or year', async () => {
    const db = await openTestDb();
    await expect(searchMyRecords(db, '', '档案')).rejects.toBeInstanceOf(ValidationError);
    await expect(searchMyRecords(db, P, '档案', { year: 1 })).rejects.toBeInstanceOf(ValidationError);
    db.close();
  });
});
