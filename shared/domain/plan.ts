/**
 * 个人年度工作计划: the official writes it "按照岗位职责规范和能力席位标准,根据单位年度工作任务",
 * the supervisor approves it (核准) or returns it (退回), HR files it (备案).
 *
 * Each submission freezes the items as a `PlanVersion`: an immutable snapshot with a version number
 * and its author, holding JSON values only, so that sync can later sign `canonicalJson(version)` and
 * carry it in a bundle. The working `AnnualPlan` row is the author's current draft plus the workflow
 * state; approvals and filings will later be separate signed facts that reference a version.
 */
import { z } from 'zod';
import { DutyBookError, LockedError, type ValidationIssue } from '../errors/errors';
import { invalidDateReason, parseIsoDate, type IsoDate } from './dates';
import { entityIdSchema } from './org';
import { lineField, textField } from './text';

// ---- Shared by every record an official writes ----

export const timestampSchema = z.iso.datetime({ error: '时间格式不正确' });
export const yearSchema = z
  .number({ error: '年度应为数字' })
  .int({ error: '年度应为整数' })
  .min(2000, { error: '年度不正确' })
  .max(2100, { error: '年度不正确' });
export const monthSchema = z
  .number({ error: '月份应为数字' })
  .int({ error: '月份应为整数' })
  .min(1, { error: '月份应在1至12之间' })
  .max(12, { error: '月份应在1至12之间' });
export const versionNumberSchema = z.number().int().min(0);

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, members whose value is
 * `undefined` left out, numbers as ECMAScript writes them (the rules of RFC 8785 for the values we
 * store). Two equal snapshots always give the same bytes, whatever order their keys were built in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a JSON number: ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v: unknown) => canonicalJson(v ?? null)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`not a JSON value: ${typeof value}`);
}

/** A deep copy holding JSON values only (no `undefined` members, no shared references). */
export function jsonSnapshot<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}

// ---- Items ----

export const planItemSchema = z.object(
  {
    id: entityIdSchema,
    /** 工作任务 */
    task: textField('工作任务', 500),
    /** 目标要求 */
    target: textField('目标要求', 500),
    /** 完成时限, 'YYYY-MM-DD'; a draft may leave it empty. */
    deadline: lineField('完成时限', 40),
    /** 对应岗位职责/能力席位标准 */
    duty: textField('对应岗位职责/能力席位标准', 500),
    /** 权重, in per cent of the plan; all items have one or none has. */
    weight: z.number({ error: '权重应为数字' }).optional(),
  },
  { error: '计划事项格式不正确' },
);
export type PlanItem = z.output<typeof planItemSchema>;

/** More items than a year's plan holds on paper many times over: a bound, not a rule of the policy. */
export const MAX_PLAN_ITEMS = 100;

/** The items' types only: a draft may be incomplete, but item ids must stay unique (work items link to them). */
export const planItemsSchema = z
  .array(planItemSchema, { error: '计划事项格式不正确' })
  .max(MAX_PLAN_ITEMS, { error: `个人年度工作计划不能超过${MAX_PLAN_ITEMS}项工作任务` })
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `第${i + 1}项工作任务编号重复` });
      seen.add(item.id);
    });
  });

const blank = (s: string) => s.trim().length === 0;

/** Everything that keeps a plan from being submitted for 核准, one issue per field at fault. */
export function planItemIssues(items: readonly PlanItem[], year: number): ValidationIssue[] {
  if (items.length === 0) return [{ path: 'items', message: '个人年度工作计划至少应填写一项工作任务' }];
  const issues: ValidationIssue[] = [];
  const at = (i: number, field: string, message: string) =>
    issues.push({ path: `items.${i}.${field}`, message: `第${i + 1}项${message}` });
  items.forEach((item, i) => {
    if (blank(item.task)) at(i, 'task', '工作任务未填写');
    if (blank(item.target)) at(i, 'target', '目标要求未填写');
    if (blank(item.deadline)) at(i, 'deadline', '完成时限未填写');
    else {
      const d = parseIsoDate(item.deadline.trim());
      if (!d) at(i, 'deadline', `完成时限不是有效日期:${invalidDateReason(item.deadline.trim())}`);
      else if (d.year !== year) at(i, 'deadline', `完成时限不在${year}年内`);
    }
    if (blank(item.duty)) at(i, 'duty', '对应岗位职责/能力席位标准未填写');
  });
  const weighted = items.filter((item) => item.weight !== undefined);
  if (weighted.length > 0 && weighted.length < items.length) {
    const missing = items.flatMap((item, i) => (item.weight === undefined ? [i + 1] : []));
    issues.push({ path: 'items', message: `权重应全部填写或全部不填,第${missing.join('、')}项未填写权重` });
  } else if (weighted.length > 0) {
    items.forEach((item, i) => {
      if (!Number.isFinite(item.weight) || item.weight! <= 0) at(i, 'weight', '权重应大于0');
    });
    const sum = Math.round(items.reduce((s, item) => s + (item.weight ?? 0), 0) * 100) / 100;
    if (sum !== 100) issues.push({ path: 'items', message: `各项权重合计应为100,现为${sum}` });
  }
  return issues;
}

// ---- States and transitions ----

export const PLAN_STATES = ['draft', 'submitted', 'returned', 'approved', 'filed'] as const;
export type PlanState = (typeof PLAN_STATES)[number];
export const planStateLabels: Readonly<Record<PlanState, string>> = {
  draft: '草稿',
  submitted: '已提交核准',
  returned: '已退回',
  approved: '已核准',
  filed: '已备案',
};
export const planStateSchema = z.enum(PLAN_STATES, { error: '计划状态不正确' });

export const PLAN_ACTIONS = ['submit', 'return', 'approve', 'file'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];
export const planActionLabels: Readonly<Record<PlanAction, string>> = {
  submit: '提交核准',
  return: '退回',
  approve: '核准',
  file: '备案',
};

const PLAN_TRANSITIONS: Readonly<Record<PlanAction, Partial<Record<PlanState, PlanState>>>> = {
  submit: { draft: 'submitted', returned: 'submitted' },
  return: { submitted: 'returned' },
  approve: { submitted: 'approved' },
  file: { approved: 'filed' },
};

/** The official may change the items only before submitting, or after the supervisor returned them. */
export function canEditPlan(state: PlanState): boolean {
  return state === 'draft' || state === 'returned';
}

/** Why `action` is not possible in `state`, in words for the clerk; null when it is possible. */
export function planTransitionProblem(state: PlanState, action: PlanAction): string | null {
  if (PLAN_TRANSITIONS[action][state]) return null;
  const act = planActionLabels[action];
  switch (state) {
    case 'draft':
      return action === 'file' ? '计划尚未经主管领导核准,不能备案' : `计划尚未提交核准,不能${act}`;
    case 'returned':
      return action === 'file'
        ? '计划尚未经主管领导核准,不能备案'
        : `计划已被退回,尚未重新提交核准,不能${act}`;
    case 'submitted':
      return action === 'submit'
        ? '计划已提交核准,正等待主管领导核准,不能重复提交'
        : '计划尚未经主管领导核准,不能备案';
    case 'approved':
      return action === 'approve' ? '计划已核准,不能重复核准' : `计划已核准,不能再${act}`;
    case 'filed':
      return `计划已备案,不能再${act}`;
  }
}

/**
 * The state after `action`. A move that would reopen or resubmit a plan that is final for the one
 * acting (submitting while submitted, approved or filed; returning after approval) throws
 * LockedError; any other move that does not fit the state (approving a draft, filing before
 * approval) throws a 'conflict' DutyBookError. Both carry the state; `planTransitionProblem` words it.
 */
export function nextPlanState(state: PlanState, action: PlanAction): PlanState {
  const next = PLAN_TRANSITIONS[action][state];
  if (next) return next;
  const locked =
    (action === 'submit' && !canEditPlan(state)) ||
    (action === 'return' && (state === 'approved' || state === 'filed'));
  if (locked) throw new LockedError('plan', state);
  throw new DutyBookError('conflict', `plan: cannot ${action} in state ${state}`, {
    what: 'plan',
    state,
    action,
    reason: planTransitionProblem(state, action),
  });
}

// ---- The plan and its versions ----

export const planReturnReasonSchema = z.object({
  /** The item the reason is about; null for the plan as a whole. */
  itemId: entityIdSchema.nullable(),
  reason: textField('退回原因', 500),
});
export type PlanReturnReason = z.output<typeof planReturnReasonSchema>;

export const annualPlanSchema = z.object({
  id: entityIdSchema,
  personId: entityIdSchema,
  year: yearSchema,
  state: planStateSchema,
  items: planItemsSchema,
  /** How many versions have been submitted; 0 before the first submission. */
  version: versionNumberSchema,
  /** The supervisor's reasons when the plan was last returned; cleared on the next submission. */
  returnReasons: z.array(planReturnReasonSchema),
  updatedAt: timestampSchema,
  submittedAt: timestampSchema.optional(),
  returnedAt: timestampSchema.optional(),
  approvedAt: timestampSchema.optional(),
  /** Who approved (the supervisor's person id or name). */
  approvedBy: lineField('核准人', 64).optional(),
  /** 主管领导核准意见 */
  approvalOpinion: textField('核准意见', 500).optional(),
  filedAt: timestampSchema.optional(),
  /**
   * Set when the plan is 已退回 because HR refused to file the approved version (不予备案,
   * domain/filing-refusal.ts): HR's reason, date and 经办人; cleared on the next submission.
   */
  filingRefusal: z
    .object({ reason: textField('不予备案的原因', 500), refusedAt: timestampSchema, clerk: lineField('经办人', 40) })
    .optional(),
});
export type AnnualPlan = z.output<typeof annualPlanSchema>;

/** One submitted version of a plan: never changed once written. `personId` is its author. */
export const planVersionSchema = z.object({
  id: entityIdSchema,
  planId: entityIdSchema,
  personId: entityIdSchema,
  year: yearSchema,
  version: versionNumberSchema.min(1),
  items: planItemsSchema,
  submittedAt: timestampSchema,
});
export type PlanVersion = z.output<typeof planVersionSchema>;

/** An item's deadline as a date, or undefined while the draft has none (or a bad one). */
export function planItemDeadline(item: PlanItem): IsoDate | undefined {
  return parseIsoDate(item.deadline.trim()) ? item.deadline.trim() : undefined;
}
