/**
 * 日记、周记: "个人记实也可采取日记、周记、月记、季度记等形式进行". Entries are kept as they are
 * written and rolled up into the month's record book when the official asks for it; the roll-up
 * is a proposal the official confirms, never a silent rewrite.
 */
import { z } from 'zod';
import { parseIsoDate, type IsoDate } from './dates';
import { newId } from './ids';
import { entityIdSchema } from './org';
import { timestampSchema } from './plan';
import { workStatusSchema, type WorkItem, type WorkStatus } from './record-book';
import { cleanText } from './text';

export const JOURNAL_KINDS = ['daily', 'weekly'] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];
export const journalKindLabels: Readonly<Record<JournalKind, string>> = { daily: '日记', weekly: '周记' };
export const journalKindSchema = z.enum(JOURNAL_KINDS, { error: '请选择记实形式(日记或周记)' });

const percentSchema = z
  .number({ error: '完成进度应为数字' })
  .min(0, { error: '完成进度应在0至100之间' })
  .max(100, { error: '完成进度应在0至100之间' });

/** What the official types; the store adds the id and the times. */
export const journalEntryInputSchema = z.object(
  {
    personId: entityIdSchema,
    /** The day written about; for a 周记, the first day of the week. */
    date: z
      .string({ error: '记实日期未填写' })
      .trim()
      .min(1, { error: '记实日期未填写' })
      .refine((s) => parseIsoDate(s) !== null, { error: '记实日期不是有效日期' }),
    kind: journalKindSchema,
    content: z
      .string({ error: '记实内容未填写' })
      .overwrite(cleanText)
      .trim()
      .min(1, { error: '记实内容未填写' })
      .max(2000, { error: '记实内容不能超过2000个字' }),
    planItemId: entityIdSchema.optional(),
    status: workStatusSchema.optional(),
    percent: percentSchema.optional(),
  },
  { error: '记实内容格式不正确' },
);
export type JournalEntryInput = z.input<typeof journalEntryInputSchema>;

export const journalEntrySchema = journalEntryInputSchema.extend({
  id: entityIdSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema.optional(),
});
export type JournalEntry = z.output<typeof journalEntrySchema>;

/** '3月2日' for a 日记, '3月2日当周' for a 周记. */
export function journalDateLabel(entry: Pick<JournalEntry, 'date' | 'kind'>): string {
  const d = parseIsoDate(entry.date);
  const day = d ? `${d.month}月${d.day}日` : entry.date;
  return entry.kind === 'weekly' ? `${day}当周` : day;
}

function isIn(date: IsoDate, year: number, month: number): boolean {
  const d = parseIsoDate(date);
  return d !== null && d.year === year && d.month === month;
}

const byTime = (a: JournalEntry, b: JournalEntry) =>
  a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * The month's entries as work items for the record book. Entries linked to a plan item form one
 * work item per plan item; unlinked entries with the same (trimmed) content form one item. The
 * content is the first entry's; the progress lists every entry in date order ('3月2日:…;3月9日:…');
 * status and percent come from the latest entry that gives them (in progress at 0 % otherwise,
 * and 已完成 always means 100 %). Items come in the order of their first entry.
 *
 * Pure: the same entries give the same items, apart from the ids `makeId` hands out.
 */
export function rollUpJournal(
  entries: readonly JournalEntry[],
  year: number,
  month: number,
  makeId: () => string = () => newId(),
): WorkItem[] {
  const groups = new Map<string, JournalEntry[]>();
  for (const e of entries.filter((x) => isIn(x.date, year, month)).sort(byTime)) {
    const key = e.planItemId !== undefined ? `plan:${e.planItemId}` : `text:${e.content.trim()}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const items: WorkItem[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    let status: WorkStatus = 'inProgress';
    let percent = 0;
    for (const e of group) {
      if (e.status !== undefined) status = e.status;
      if (e.percent !== undefined) percent = e.percent;
    }
    if (status === 'completed') percent = 100;
    const item: WorkItem = {
      id: makeId(),
      content: first.content.trim(),
      progress: group.map((e) => `${journalDateLabel(e)}:${e.content.trim()}`).join(';'),
      status,
      percent,
      fromJournal: true,
    };
    if (first.planItemId !== undefined) item.planItemId = first.planItemId;
    items.push(item);
  }
  return items;
}
