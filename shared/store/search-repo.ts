/**
 * 搜索: the official's own plans, record books (work and 差错登记), journal and summaries, read only
 * through the indexes that start with personId (and year), so another person's rows on a shared
 * device are never read. Hits come newest first.
 */
import Dexie from 'dexie';
import {
  annualPlanSchema,
  journalEntrySchema,
  journalKindLabels,
  monthlyRecordSchema,
  normaliseQuery,
  parseIsoDate,
  quarterSummarySchema,
  recordTitle,
  searchText,
  summaryTitle,
  type Haystack,
  type SearchHit,
} from '../domain';
import type { DutyBookDb } from './db';
import { checkPersonYear, checkStoredRow } from './plan-repo';
import { wrapStorageErrors } from './storage-errors';

export type SearchOptions = { year?: number };

type Ranked = SearchHit & { at: number };

function hitsOf(
  haystacks: Haystack[],
  query: string,
  base: Omit<SearchHit, 'field' | 'snippet' | 'itemId'>,
  at: number,
): Ranked[] {
  return searchText(haystacks, query).map((m) => ({ ...base, ...m, at }));
}

/** Every place the query occurs in the person's own writing (of one year, when given). */
export async function searchMyRecords(
  db: DutyBookDb,
  personId: string,
  query: string,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  const { year } = options;
  checkPersonYear(personId, year ?? 2000);
  const q = normaliseQuery(query);
  if (q === '') return [];
  // Years and quarters are numbers: ±Infinity bound them. (Dexie.maxKey is one shared array object;
  // a key holding it twice is a cycle to IndexedDB's key conversion and is refused.)
  const lo = year ?? -Infinity;
  const hi = year ?? Infinity;
  const rows = await wrapStorageErrors('search', () =>
    db.transaction('r', [db.plans, db.monthlyRecords, db.journalEntries, db.summaries], async () => ({
      plans: await db.plans
        .where('[personId+year]')
        .between([personId, lo], [personId, hi], true, true)
        .toArray(),
      records: await db.monthlyRecords
        .where('[personId+year]')
        .between([personId, lo], [personId, hi], true, true)
        .toArray(),
      journal: await db.journalEntries
        .where('[personId+date]')
        .between(
          [personId, year === undefined ? Dexie.minKey : `${year}-01-01`],
          [personId, year === undefined ? Dexie.maxKey : `${year}-12-31`],
          true,
          true,
        )
        .toArray(),
      summaries: await db.summaries
        .where('[personId+year+quarter]')
        .between([personId, lo, -Infinity], [personId, hi, Infinity], true, true)
        .toArray(),
    })),
  );

  const hits: Ranked[] = [];
  for (const row of rows.plans) {
    const p = checkStoredRow(annualPlanSchema, row, 'plan');
    const haystacks = p.items.flatMap((item): Haystack[] => [
      { field: '工作任务', text: item.task, itemId: item.id },
      { field: '目标要求', text: item.target, itemId: item.id },
      { field: '对应岗位职责/能力席位标准', text: item.duty, itemId: item.id },
    ]);
    hits.push(
      ...hitsOf(
        haystacks,
        q,
        { kind: 'plan', year: p.year, title: `${p.year}年个人年度工作计划`, refId: p.id },
        p.year * 10_000,
      ),
    );
  }
  for (const row of rows.records) {
    const r = checkStoredRow(monthlyRecordSchema, row, 'monthly record');
    const base = { year: r.year, month: r.month, title: recordTitle(r.year, r.month), refId: r.id };
    const at = r.year * 10_000 + r.month * 100 + 32;
    const work = r.workItems.flatMap((w): Haystack[] => [
      { field: '工作内容', text: w.content, itemId: w.id },
      { field: '工作进度', text: w.progress, itemId: w.id },
    ]);
    hits.push(...hitsOf(work, q, { kind: 'record', ...base }, at));
    const errors = r.errors.flatMap((e): Haystack[] => [
      { field: '差错事项', text: e.matter, itemId: e.id },
      { field: '差错原因', text: e.cause, itemId: e.id },
      { field: '纠正情况', text: e.correction, itemId: e.id },
    ]);
    hits.push(...hitsOf(errors, q, { kind: 'error', ...base }, at));
  }
  for (const row of rows.journal) {
    const e = checkStoredRow(journalEntrySchema, row, 'journal entry');
    const d = parseIsoDate(e.date)!;
    const base = {
      kind: 'journal' as const,
      year: d.year,
      month: d.month,
      title: `${d.year}年${d.month}月${d.day}日${journalKindLabels[e.kind]}`,
      refId: e.id,
    };
    hits.push(
      ...hitsOf([{ field: '记实内容', text: e.content }], q, base, d.year * 10_000 + d.month * 100 + d.day),
    );
  }
  for (const row of rows.summaries) {
    const s = checkStoredRow(quarterSummarySchema, row, 'quarter summary');
    const base = {
      kind: 'summary' as const,
      year: s.year,
      quarter: s.quarter,
      title: summaryTitle(s.year, s.quarter),
      refId: s.id,
    };
    hits.push(
      ...hitsOf([{ field: '小结内容', text: s.text }], q, base, s.year * 10_000 + s.quarter * 300 + 33),
    );
  }
  // Newest first; the sort is stable, so hits about the same moment keep the order of the form.
  return hits.sort((a, b) => b.at - a.at).map(({ at: _at, ...hit }) => hit);
}
