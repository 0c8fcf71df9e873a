/**
 * 季度个人工作小结: "每季度要进行个人工作小结". The official writes the text; the highlights of the
 * quarter's record books (completed work, plan progress, attendance, errors) are computed from the
 * records and frozen into each submitted version, so the supervisor judges what the official saw.
 */
import { z } from 'zod';
import type { ValidationIssue } from '../errors/errors';
import { monthsOfQuarter, type Quarter } from './calendar';
import { entityIdSchema } from './org';
import { timestampSchema, versionNumberSchema, yearSchema, type AnnualPlan } from './plan';
import { lineField, textField } from './text';
import {
  attendanceSchema,
  errorSeveritySchema,
  formatDays,
  leaveDays,
  planProgress,
  sumAttendance,
  type Attendance,
  type MonthlyRecord,
  type PlanItemProgress,
} from './record-book';

export const quarterSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: '季度应为1至4',
});

export const SUMMARY_STATES = ['editing', 'submitted'] as const;
export type SummaryState = (typeof SUMMARY_STATES)[number];
export const summaryStateLabels: Readonly<Record<SummaryState, string>> = {
  editing: '填写中',
  submitted: '已提交',
};
export const summaryStateSchema = z.enum(SUMMARY_STATES, { error: '小结状态不正确' });

export const quarterHighlightsSchema = z.object({
  /** 完成事项: the quarter's work items marked 已完成. */
  completedItems: z
    .array(z.object({ content: textField('完成事项', 2000), month: z.number().int() }))
    .max(600),
  /** 年度计划推进情况 at the end of the quarter. */
  planProgress: z
    .array(z.object({ planItemId: entityIdSchema, task: textField('工作任务', 500), percent: z.number() }))
    .max(100),
  /** The sums over the quarter's record books. */
  attendance: attendanceSchema,
  errors: z
    .array(
      z.object({
        date: lineField('差错日期', 40),
        matter: textField('差错事项', 500),
        severity: errorSeveritySchema,
      }),
    )
    .max(300),
  /** Months of the quarter with no record book among those given. */
  monthsMissing: z.array(z.number().int()),
});
export type QuarterHighlights = z.output<typeof quarterHighlightsSchema>;

const summaryTextSchema = textField('季度个人工作小结', 20_000);

export const quarterSummarySchema = z.object({
  id: entityIdSchema,
  personId: entityIdSchema,
  year: yearSchema,
  quarter: quarterSchema,
  state: summaryStateSchema,
  text: summaryTextSchema,
  /** For a draft: as of the last save; for a submitted summary: as frozen at submission. */
  highlights: quarterHighlightsSchema,
  version: versionNumberSchema,
  updatedAt: timestampSchema,
  submittedAt: timestampSchema.optional(),
});
export type QuarterSummary = z.output<typeof quarterSummarySchema>;

/** One submitted version of a summary: never changed once written. `personId` is its author. */
export const quarterSummaryVersionSchema = z.object({
  id: entityIdSchema,
  summaryId: entityIdSchema,
  personId: entityIdSchema,
  year: yearSchema,
  quarter: quarterSchema,
  version: versionNumberSchema.min(1),
  text: summaryTextSchema,
  highlights: quarterHighlightsSchema,
  submittedAt: timestampSchema,
});
export type QuarterSummaryVersion = z.output<typeof quarterSummaryVersionSchema>;

export const SUMMARY_MIN_LENGTH = 20;

/** What keeps the text from being submitted. Length counts characters (a Chinese character is one). */
export function summaryTextIssues(text: string): ValidationIssue[] {
  const length = [...text.trim()].length;
  if (length === 0) return [{ path: 'text', message: '季度个人工作小结未填写' }];
  if (length < SUMMARY_MIN_LENGTH)
    return [{ path: 'text', message: `季度个人工作小结内容过短,请至少填写${SUMMARY_MIN_LENGTH}个字` }];
  return [];
}

/** '2026年第1季度个人工作小结' */
export function summaryTitle(year: number, quarter: Quarter): string {
  return `${year}年第${quarter}季度个人工作小结`;
}

type RecordLike = Pick<MonthlyRecord, 'year' | 'month' | 'workItems' | 'attendance' | 'errors'>;

/**
 * The quarter's highlights from its record books. `records` may hold other months too: the
 * quarter's months give the lists and sums, and plan progress counts every month of the year up to
 * the quarter's end (an item advanced in March and untouched since is still at March's percent).
 * Every plan item is listed, at 0 % when no record mentions it.
 */
export function quarterHighlights(
  plan: Pick<AnnualPlan, 'year' | 'items'> | undefined,
  records: readonly RecordLike[],
  year: number,
  quarter: Quarter,
): QuarterHighlights {
  const months = monthsOfQuarter(quarter);
  const inQuarter = records
    .filter((r) => r.year === year && months.includes(r.month))
    .sort((a, b) => a.month - b.month);
  const progress = plan
    ? planProgress(
        plan,
        records.filter((r) => r.year === year && r.month <= months[2]),
      )
    : new Map<string, PlanItemProgress>();
  return {
    completedItems: inQuarter.flatMap((r) =>
      r.workItems
        .filter((w) => w.status === 'completed')
        .map((w) => ({ content: w.content, month: r.month })),
    ),
    planProgress: (plan && plan.year === year ? plan.items : []).map((item) => ({
      planItemId: item.id,
      task: item.task,
      percent: progress.get(item.id)?.percent ?? 0,
    })),
    attendance: sumAttendance(inQuarter.map((r) => r.attendance)),
    errors: inQuarter
      .flatMap((r) => r.errors.map((e) => ({ date: e.date, matter: e.matter, severity: e.severity })))
      .sort((a, b) => a.date.localeCompare(b.date)),
    monthsMissing: months.filter((m) => !inQuarter.some((r) => r.month === m)),
  };
}

function leaveText(a: Attendance): string {
  const parts = (
    [
      ['事假', a.personalLeave],
      ['病假', a.sickLeave],
      ['年休假', a.annualLeave],
    ] as const
  ).filter(([, n]) => n > 0);
  const total = leaveDays(a);
  if (total === 0) return '无请假';
  return `请假${formatDays(total)}天(${parts.map(([k, n]) => `${k}${formatDays(n)}天`).join('、')})`;
}

/**
 * A first draft of the summary for the official to edit, e.g.
 * '本季度共完成工作3项:……。年度计划推进情况:……。本季度应出勤61天,实出勤60天,请假1天(病假1天),
 * 公差2天;差错登记1次。'
 */
export function summaryDraftText(h: QuarterHighlights): string {
  const sentences: string[] = [];
  const done = h.completedItems.map((c) => c.content.trim()).filter((c) => c !== '');
  sentences.push(
    done.length > 0 ? `本季度共完成工作${done.length}项:${done.join(';')}。` : '本季度暂无已完成的工作事项。',
  );
  if (h.planProgress.length > 0) {
    sentences.push(
      `年度计划推进情况:${h.planProgress.map((p) => `“${p.task.trim()}”完成${p.percent}%`).join(',')}。`,
    );
  }
  const a = h.attendance;
  const attendance = [
    `本季度应出勤${formatDays(a.due)}天,实出勤${formatDays(a.present)}天`,
    leaveText(a),
    ...(a.businessTrip > 0 ? [`公差${formatDays(a.businessTrip)}天`] : []),
    ...(a.absent > 0 ? [`旷工${formatDays(a.absent)}天`] : []),
  ].join(',');
  const errors = h.errors.length > 0 ? `差错登记${h.errors.length}次` : '无差错登记';
  sentences.push(`${attendance};${errors}。`);
  if (h.monthsMissing.length > 0) {
    sentences.push(`(${h.monthsMissing.map((m) => `${m}月`).join('、')}记实簿尚未提交,以上情况未含该月。)`);
  }
  return sentences.join('');
}
