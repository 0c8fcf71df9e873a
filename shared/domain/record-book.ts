/**
 * 平时考核记实簿: one per person per month, "主要记载工作内容、工作进度、工作完成情况、出勤情况和出差错
 * 情况". The official keeps it as a draft during the month and submits it; the supervisor may return
 * it with a reason. Each submission freezes a `MonthlyRecordVersion` (see plan.ts on versions).
 */
import { z } from 'zod';
import type { ValidationIssue } from '../errors/errors';
import { workingDays } from './calendar';
import { daysInMonth, invalidDateReason, parseIsoDate, type IsoDate } from './dates';
import type { HolidayCalendar, HolidayIndex } from './holidays';
import { entityIdSchema } from './org';
import { monthSchema, timestampSchema, versionNumberSchema, yearSchema, type AnnualPlan } from './plan';
import { lineField, textField } from './text';
import { prefixIssues } from './validation';

// ---- 工作内容、工作进度、完成情况 ----

export const WORK_STATUSES = ['notStarted', 'inProgress', 'completed', 'delayed'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];
export const workStatusLabels: Readonly<Record<WorkStatus, string>> = {
  notStarted: '未开始',
  inProgress: '进行中',
  completed: '已完成',
  delayed: '已延期',
};
export const workStatusSchema = z.enum(WORK_STATUSES, { error: '请选择完成情况' });

export const workItemSchema = z.object(
  {
    id: entityIdSchema,
    /** 工作内容 */
    content: textField('工作内容', 2000),
    /** 工作进度: what was done this month, in words (a roll-up of the month's journal runs long). */
    progress: textField('工作进度', 5000),
    status: workStatusSchema,
    /** 完成进度, 0–100 per cent. */
    percent: z.number({ error: '完成进度应为数字' }),
    /** The 计划事项 this work advances. */
    planItemId: entityIdSchema.optional(),
    /** Made by rolling up the journal (日记、周记); a later roll-up replaces it. */
    fromJournal: z.boolean().optional(),
  },
  { error: '工作事项格式不正确' },
);
export type WorkItem = z.output<typeof workItemSchema>;

/** A work item marked 已完成 is at 100 per cent, whatever was typed. */
export function normaliseWorkItem(item: WorkItem): WorkItem {
  return item.status === 'completed' && item.percent !== 100 ? { ...item, percent: 100 } : item;
}

// ---- 出勤情况 ----

const days = (label: string) => z.number({ error: `${label}天数应为数字` });

/**
 * Attendance in days; half days are allowed. The rule (the same as the printed forms'):
 *
 *   应出勤 = 实出勤 + 事假 + 病假 + 年休假 + 旷工
 *
 * 公差 (official travel) is work, so travel days are counted INSIDE 实出勤 and shown again in the
 * 公差 column; they are not added to the sum, and there cannot be more of them than 实出勤.
 */
export const attendanceSchema = z.object(
  {
    /** 应出勤 */
    due: days('应出勤'),
    /** 实出勤 (includes 公差) */
    present: days('实出勤'),
    /** 事假 */
    personalLeave: days('事假'),
    /** 病假 */
    sickLeave: days('病假'),
    /** 年休假 */
    annualLeave: days('年休假'),
    /** 公差 (already inside 实出勤) */
    businessTrip: days('公差'),
    /** 旷工 */
    absent: days('旷工'),
  },
  { error: '出勤情况格式不正确' },
);
export type Attendance = z.output<typeof attendanceSchema>;

export const attendanceLabels: Readonly<Record<keyof Attendance, string>> = {
  due: '应出勤',
  present: '实出勤',
  personalLeave: '事假',
  sickLeave: '病假',
  annualLeave: '年休假',
  businessTrip: '公差',
  absent: '旷工',
};
const ATTENDANCE_KEYS = Object.keys(attendanceLabels) as (keyof Attendance)[];

/** Days as a clerk writes them: 21, 20.5. */
export function formatDays(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** 事假 + 病假 + 年休假. */
export function leaveDays(a: Attendance): number {
  return a.personalLeave + a.sickLeave + a.annualLeave;
}

/** Paths are the attendance's own fields ('sickLeave'); '' for the sum. */
export function attendanceIssues(a: Attendance): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const key of ATTENDANCE_KEYS) {
    const v = a[key];
    const label = attendanceLabels[key];
    if (!Number.isFinite(v)) issues.push({ path: key, message: `${label}天数应为数字` });
    else if (v < 0) issues.push({ path: key, message: `${label}天数不能为负数` });
    else if (!Number.isInteger(v * 2))
      issues.push({ path: key, message: `${label}天数应以半天(0.5天)为单位` });
  }
  if (issues.length > 0) return issues;
  const sum = a.present + leaveDays(a) + a.absent;
  if (sum !== a.due) {
    issues.push({
      path: '',
      message: `出勤天数合计不符:应出勤 ${formatDays(a.due)} 天,实出勤与各类请假、旷工合计 ${formatDays(sum)} 天`,
    });
  }
  if (a.businessTrip > a.present) {
    issues.push({
      path: 'businessTrip',
      message: `公差天数不能多于实出勤天数(公差计入实出勤):公差 ${formatDays(a.businessTrip)} 天,实出勤 ${formatDays(a.present)} 天`,
    });
  }
  return issues;
}

/** 应出勤 = the month's working days under the holiday schedule; all of them 实出勤. */
export function defaultAttendance(
  year: number,
  month: number,
  calendars?: readonly HolidayCalendar[] | HolidayIndex,
): Attendance {
  const due = workingDays(year, month, calendars).days;
  return { due, present: due, personalLeave: 0, sickLeave: 0, annualLeave: 0, businessTrip: 0, absent: 0 };
}

/** The sum of several months' attendance (a quarter's, a year's). */
export function sumAttendance(list: readonly Attendance[]): Attendance {
  const total: Attendance = {
    due: 0,
    present: 0,
    personalLeave: 0,
    sickLeave: 0,
    annualLeave: 0,
    businessTrip: 0,
    absent: 0,
  };
  for (const a of list) for (const key of ATTENDANCE_KEYS) total[key] += a[key];
  return total;
}

// ---- 差错登记 ----

export const ERROR_SEVERITIES = ['minor', 'general', 'serious'] as const;
export type ErrorSeverity = (typeof ERROR_SEVERITIES)[number];
export const errorSeverityLabels: Readonly<Record<ErrorSeverity, string>> = {
  minor: '轻微',
  general: '一般',
  serious: '严重',
};
export const errorSeveritySchema = z.enum(ERROR_SEVERITIES, { error: '请选择差错程度' });

export const errorEntrySchema = z.object(
  {
    id: entityIdSchema,
    date: lineField('差错日期', 40),
    /** 事项 */
    matter: textField('差错事项', 500),
    /** 原因 */
    cause: textField('差错原因', 500),
    /** 纠正情况 */
    correction: textField('纠正情况', 500),
    severity: errorSeveritySchema,
  },
  { error: '差错登记格式不正确' },
);
export type ErrorEntry = z.output<typeof errorEntrySchema>;

// ---- The record book ----

export const RECORD_STATES = ['editing', 'submitted', 'returned'] as const;
export type RecordState = (typeof RECORD_STATES)[number];
export const recordStateLabels: Readonly<Record<RecordState, string>> = {
  editing: '填写中',
  submitted: '已提交',
  returned: '已退回',
};
export const recordStateSchema = z.enum(RECORD_STATES, { error: '记实簿状态不正确' });

const uniqueIds =
  (what: string) =>
  (list: readonly { id: string }[], ctx: z.RefinementCtx): void => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `第${i + 1}${what}编号重复` });
      seen.add(x.id);
    });
  };

/** Bounds far above a month's paper form, so that no record can grow without end. */
export const MAX_WORK_ITEMS = 200;
export const MAX_ERROR_ENTRIES = 100;
const workItemsSchema = z
  .array(workItemSchema)
  .max(MAX_WORK_ITEMS, { error: `本月工作内容不能超过${MAX_WORK_ITEMS}项` });
const errorEntriesSchema = z
  .array(errorEntrySchema)
  .max(MAX_ERROR_ENTRIES, { error: `本月差错登记不能超过${MAX_ERROR_ENTRIES}条` });

export const monthlyRecordSchema = z.object({
  id: entityIdSchema,
  personId: entityIdSchema,
  year: yearSchema,
  month: monthSchema,
  state: recordStateSchema,
  workItems: workItemsSchema.superRefine(uniqueIds('项工作')),
  attendance: attendanceSchema,
  errors: errorEntriesSchema.superRefine(uniqueIds('条差错登记')),
  /** The supervisor's reason when the record was last returned; cleared on the next submission. */
  returnReason: textField('退回原因', 500).optional(),
  /** How many versions have been submitted; 0 before the first submission. */
  version: versionNumberSchema,
  updatedAt: timestampSchema,
  submittedAt: timestampSchema.optional(),
  returnedAt: timestampSchema.optional(),
});
export type MonthlyRecord = z.output<typeof monthlyRecordSchema>;

/** One submitted version of a record book: never changed once written. `personId` is its author. */
export const monthlyRecordVersionSchema = z.object({
  id: entityIdSchema,
  recordId: entityIdSchema,
  personId: entityIdSchema,
  year: yearSchema,
  month: monthSchema,
  version: versionNumberSchema.min(1),
  workItems: workItemsSchema,
  attendance: attendanceSchema,
  errors: errorEntriesSchema,
  submittedAt: timestampSchema,
});
export type MonthlyRecordVersion = z.output<typeof monthlyRecordVersionSchema>;

/** Everything that keeps a record book from being submitted, each issue naming its field. */
export function monthlyRecordIssues(
  record: Pick<MonthlyRecord, 'year' | 'month' | 'workItems' | 'attendance' | 'errors'>,
): ValidationIssue[] {
  const { year, month } = record;
  const issues: ValidationIssue[] = [];
  if (record.workItems.length === 0)
    issues.push({ path: 'workItems', message: '本月工作内容至少应填写一项' });
  record.workItems.forEach((w, i) => {
    const at = (field: string, message: string) =>
      issues.push({ path: `workItems.${i}.${field}`, message: `第${i + 1}项${message}` });
    if (w.content.trim() === '') at('content', '工作内容未填写');
    if (!Number.isFinite(w.percent) || w.percent < 0 || w.percent > 100)
      at('percent', '完成进度应在0至100之间');
    else if (w.status === 'completed' && w.percent !== 100) at('percent', '已完成的工作,完成进度应为100%');
  });
  issues.push(...prefixIssues('attendance', attendanceIssues(record.attendance)));
  const last = daysInMonth(year, month);
  record.errors.forEach((e, i) => {
    const at = (field: string, message: string) =>
      issues.push({ path: `errors.${i}.${field}`, message: `第${i + 1}条差错登记${message}` });
    const d = parseIsoDate(e.date.trim());
    if (e.date.trim() === '') at('date', '日期未填写');
    else if (!d) at('date', `日期不是有效日期:${invalidDateReason(e.date.trim())}`);
    else if (d.year !== year || d.month !== month)
      at('date', `日期不在${year}年${month}月内(应为${month}月1日至${month}月${last}日)`);
    if (e.matter.trim() === '') at('matter', '事项未填写');
  });
  return issues;
}

// ---- Progress of the plan ----

export type PlanItemProgress = {
  /** The highest 完成进度 of the work items linked to the plan item in its latest month. */
  percent: number;
  /** That month (1–12). */
  lastMonth: number;
  /** The status of the work item that gave the percent. */
  status: WorkStatus;
};

/**
 * How far each plan item has come: the latest month of `plan.year` with a work item linked to it,
 * and the highest percent among that month's linked items. Plan items no record mentions are absent.
 */
export function planProgress(
  plan: Pick<AnnualPlan, 'year' | 'items'>,
  records: readonly Pick<MonthlyRecord, 'year' | 'month' | 'workItems'>[],
): Map<string, PlanItemProgress> {
  const ids = new Set(plan.items.map((i) => i.id));
  const out = new Map<string, PlanItemProgress>();
  const ordered = records.filter((r) => r.year === plan.year).sort((a, b) => a.month - b.month);
  for (const r of ordered) {
    const best = new Map<string, WorkItem>();
    for (const w of r.workItems) {
      if (w.planItemId === undefined || !ids.has(w.planItemId)) continue;
      const prev = best.get(w.planItemId);
      if (!prev || w.percent > prev.percent) best.set(w.planItemId, w);
    }
    for (const [id, w] of best) out.set(id, { percent: w.percent, lastMonth: r.month, status: w.status });
  }
  return out;
}

/** '2026年3月记实簿' */
export function recordTitle(year: number, month: number): string {
  return `${year}年${month}月记实簿`;
}

/** Whether a date lies in the given month. */
export function isInMonth(date: IsoDate, year: number, month: number): boolean {
  const d = parseIsoDate(date);
  return d !== null && d.year === year && d.month === month;
}
