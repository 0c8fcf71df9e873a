/**
 * What the supervisor (主管领导) decides and records, as the signed records sync carries: 核准 or 退回
 * of a plan version, 退回 of a record book version, 评鉴结果反馈 (会议点评 / 个人谈话) with the
 * official's 签署意见, and the quarter's 平时考核备案登记表. (The evaluation itself is evaluation.ts.)
 *
 * Every decision names the version it judges: a decision about version 1 says nothing about the
 * version 2 the official resubmitted, whatever order the two arrive in.
 */
import { z } from 'zod';
import type { ValidationIssue } from '../errors/errors';
import { isoDateSchema } from './dates';
import { evaluationSchema } from './evaluation';
import { evaluationMethodSchema, quarterGradeSchema } from './vocabulary';
import { entityIdSchema } from './org';
import {
  monthSchema,
  planReturnReasonSchema,
  timestampSchema,
  versionNumberSchema,
  yearSchema,
} from './plan';
import { quarterSchema } from './summary';
import { lineField, textField } from './text';

const text = (what: string, max = 2000) => textField(what, max);
const line = (what: string, max: number) => lineField(what, max);

/** 核准 or 退回 of one submitted plan version. */
export const planDecisionSchema = z.object({
  id: entityIdSchema,
  personId: entityIdSchema,
  year: yearSchema,
  /** The plan version judged. */
  version: versionNumberSchema.min(1),
  decision: z.enum(['approve', 'return']),
  /** The supervisor's name as signed. */
  by: line('核准人', 40),
  /** 核准意见 (approve). */
  opinion: text('核准意见', 500),
  /** 退回原因, per item or for the whole plan (return). */
  reasons: z.array(planReturnReasonSchema),
  decidedAt: timestampSchema,
});
export type PlanDecision = z.output<typeof planDecisionSchema>;

/** 退回 of one submitted record book version. */
export const recordReturnSchema = z.object({
  id: entityIdSchema,
  personId: entityIdSchema,
  year: yearSchema,
  month: monthSchema,
  version: versionNumberSchema.min(1),
  by: line('退回人', 40),
  reason: text('退回原因', 500),
  returnedAt: timestampSchema,
});
export type RecordReturn = z.output<typeof recordReturnSchema>;

// ---- 评鉴结果反馈 ----

export const FEEDBACK_KINDS = ['meeting', 'talk'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const feedbackKindLabels: Readonly<Record<FeedbackKind, string>> = {
  meeting: '会议点评',
  talk: '个人谈话',
};

export const feedbackSchema = z.object({
  id: entityIdSchema,
  /** The official the feedback is about. */
  personId: entityIdSchema,
  year: yearSchema,
  quarter: quarterSchema,
  kind: z.enum(FEEDBACK_KINDS, { error: '请选择反馈方式' }),
  date: isoDateSchema,
  place: line('地点', 100),
  participants: text('参加人员', 500),
  content: text('反馈内容'),
  /** 需要改进的方面 */
  improvements: text('改进意见'),
  by: line('反馈人', 40),
  recordedAt: timestampSchema,
});
export type Feedback = z.output<typeof feedbackSchema>;

/** The official's 签署意见 on a feedback. */
export const feedbackAckSchema = z.object({
  feedbackId: entityIdSchema,
  personId: entityIdSchema,
  text: text('签署意见', 1000),
  at: timestampSchema,
});
export type FeedbackAck = z.output<typeof feedbackAckSchema>;

/** A feedback as the screens read it: the record plus the official's acknowledgement, if any. */
export type FeedbackRow = Feedback & { ack?: FeedbackAck };

/** Everything a feedback needs before it is recorded. */
export function feedbackIssues(
  f: Pick<Feedback, 'date' | 'place' | 'participants' | 'content' | 'improvements'>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (f.date.trim() === '') issues.push({ path: 'date', message: '请填写反馈日期' });
  if (f.place.trim() === '') issues.push({ path: 'place', message: '请填写反馈地点' });
  if (f.participants.trim() === '') issues.push({ path: 'participants', message: '请填写参加人员' });
  if (f.content.trim() === '') issues.push({ path: 'content', message: '请填写反馈内容' });
  if (f.improvements.trim() === '') issues.push({ path: 'improvements', message: '请填写需要改进的方面' });
  return issues;
}

// ---- 平时考核备案登记表 ----

export const registerEntrySchema = z.object({
  personId: entityIdSchema,
  name: line('姓名', 50),
  post: line('职务职级', 100),
  method: evaluationMethodSchema,
  score: z.number().optional(),
  grade: quarterGradeSchema,
  bonus: z.number().optional(),
  /** The evaluation version the row reports. */
  evaluationVersion: versionNumberSchema.min(1),
  feedbackWay: line('反馈方式', 100),
  feedbackDate: isoDateSchema.optional(),
  remark: text('备注', 500).optional(),
});
export type RegisterEntry = z.output<typeof registerEntrySchema>;

/** One signed version of a supervisor's quarterly register. */
export const registerSchema = z.object({
  id: entityIdSchema,
  /** The supervisor who reviewed and signed it (the record's subject and author). */
  supervisorId: entityIdSchema,
  supervisorName: line('主管领导姓名', 50),
  unitName: line('单位名称', 100),
  year: yearSchema,
  quarter: quarterSchema,
  version: versionNumberSchema.min(1),
  entries: z.array(registerEntrySchema).max(1000, { error: '备案登记表不能超过1000人' }),
  /** 主管领导审核意见 */
  opinion: text('审核意见', 1000),
  signedAt: timestampSchema,
  correctionOf: z.object({ version: versionNumberSchema.min(1), reason: text('更正原因', 500) }).optional(),
});
export type Register = z.output<typeof registerSchema>;

// ---- The signed evaluation ----

/** An evaluation as signed and carried: the evaluation, who signed it (by name) and when. */
export const signedEvaluationSchema = evaluationSchema.extend({
  evaluatorName: line('评鉴人', 50),
  signedAt: timestampSchema,
});
export type SignedEvaluation = z.output<typeof signedEvaluationSchema>;

/**
 * The supervisor's unsigned evaluation form, kept on this device only (never a fact): the form's own
 * state as typed, which may be incomplete or wrong — nothing typed is lost before signing.
 */
export const evaluationDraftSchema = z.object({
  /** `${subject}/${year}-Q${quarter}` */
  id: z.string(),
  evaluator: entityIdSchema,
  subject: entityIdSchema,
  year: yearSchema,
  quarter: quarterSchema,
  form: z.record(z.string(), z.unknown()),
  updatedAt: timestampSchema,
});
export type EvaluationDraft = z.output<typeof evaluationDraftSchema>;

export const evaluationDraftId = (subject: string, year: number, quarter: number) =>
  `${subject}/${year}-Q${quarter}`;
