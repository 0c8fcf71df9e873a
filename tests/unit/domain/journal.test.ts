import { describe, expect, it } from 'vitest';
import {
  journalDateLabel,
  journalEntryInputSchema,
  rollUpJournal,
  type JournalEntry,
  type WorkItem,
} from '../../../shared/domain';

let seq = 0;
const entry = (date: string, content: string, over: Partial<JournalEntry> = {}): JournalEntry => {
  seq += 1;
  return {
    id: `J${String(seq).padStart(3, '0')}`,
    personId: 'P1',
    date,
    kind: 'daily',
    content,
    createdAt: `${date}T09:00:00.000Z`,
    ...over,
  };
};

const entries: JournalEntry[] = [
  entry('2026-03-09', '修改年度工作要点第二稿', { planItemId: 'p1', percent: 60 }),
  entry('2026-03-05', '参加全省财政工作会议'),
  entry('2026-03-02', '起草年度工作要点初稿', { planItemId: 'p1', status: 'inProgress', percent: 30 }),
  entry('2026-03-16', '完成档案数字化扫描', { kind: 'weekly', status: 'completed' }),
  entry('2026-03-12', ' 参加全省财政工作会议 '),
  entry('2026-02-27', '二月的日记', { planItemId: 'p1', percent: 10 }),
  entry('2026-04-01', '四月的日记'),
];

const withoutIds = (items: WorkItem[]) => items.map(({ id: _id, ...rest }) => rest);

describe('rollUpJournal', () => {
  it('groups the month’s entries by plan item and by identical content, in date order', () => {
    const items = rollUpJournal(entries, 2026, 3);
    expect(withoutIds(items)).toEqual([
      {
        content: '起草年度工作要点初稿',
        progress: '3月2日:起草年度工作要点初稿;3月9日:修改年度工作要点第二稿',
        status: 'inProgress',
        percent: 60,
        planItemId: 'p1',
        fromJournal: true,
      },
      {
        content: '参加全省财政工作会议',
        progress: '3月5日:参加全省财政工作会议;3月12日:参加全省财政工作会议',
        status: 'inProgress',
        percent: 0,
        fromJournal: true,
      },
      {
        content: '完成档案数字化扫描',
        progress: '3月16日当周:完成档案数字化扫描',
        status: 'completed',
        percent: 100,
        fromJournal: true,
      },
    ]);
  });

  it('is deterministic: the order entries come in does not matter', () => {
    let n = 0;
    const ids = () => `W${++n}`;
    const a = rollUpJournal(entries, 2026, 3, ids);
    n = 0;
    const b = rollUpJournal([...entries].reverse(), 2026, 3, ids);
    expect(b).toEqual(a);
    expect(a.map((w) => w.id)).toEqual(['W1', 'W2', 'W3']);
  });

  it('takes status and percent from the latest entry that gives them', () => {
    const items = rollUpJournal(
      [
        entry('2026-05-04', '调研', { planItemId: 'p2', status: 'delayed', percent: 20 }),
        entry('2026-05-11', '调研', { planItemId: 'p2', percent: 45 }),
      ],
      2026,
      5,
    );
    expect(items[0]).toMatchObject({ status: 'delayed', percent: 45 });
  });

  it('gives nothing for a month without entries', () => {
    expect(rollUpJournal(entries, 2026, 6)).toEqual([]);
  });
});

describe('journal entries', () => {
  it('labels daily and weekly entries by their day', () => {
    expect(journalDateLabel({ date: '2026-03-02', kind: 'daily' })).toBe('3月2日');
    expect(journalDateLabel({ date: '2026-03-16', kind: 'weekly' })).toBe('3月16日当周');
  });

  it('checks what the official types, in Chinese', () => {
    const r = journalEntryInputSchema.safeParse({
      personId: 'P1',
      date: '2026-02-30',
      kind: 'daily',
      content: ' ',
      percent: 120,
    });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['date', '记实日期不是有效日期'],
      ['content', '记实内容未填写'],
      ['percent', '完成进度应在0至100之间'],
    ]);
  });
});
