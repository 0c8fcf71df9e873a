/**
 * 评鉴结果反馈: the supervisor records a 会议点评 or 个人谈话 with a direct report, and the official
 * answers with a 签署意见 — signed by the official's own key, shown at once like any decision.
 */
import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/errors';
import {
  feedbackIssues,
  feedbackSchema,
  jsonSnapshot,
  newId,
  parseOrThrow,
  type Feedback,
  type FeedbackAck,
  type FeedbackRow,
} from '../domain';
import { recordKeys } from '../ledger/facts';
import { actingContext, forbidden, inTransaction, readRoster, requireReport, signAndShow } from './acting';
import type { DutyBookDb } from './db';
import { appendOwnFact, readSelfIdentity } from './fact-repo';
import { materialiseOwn } from './materialise';

export type FeedbackInput = Omit<Feedback, 'id' | 'by' | 'recordedAt'>;

/** Records a 会议点评 or 个人谈话 with a direct report (checked whole first). */
export async function recordFeedback(
  db: DutyBookDb,
  input: FeedbackInput,
  now: Date = new Date(),
): Promise<FeedbackRow> {
  const at = now.toISOString();
  const issues: ValidationIssue[] = feedbackIssues(input);
  if (issues.length > 0) throw new ValidationError(issues);
  return inTransaction(db, 'record feedback', async () => {
    const ctx = await actingContext(db);
    requireReport(ctx, input.personId, '记录评鉴结果反馈');
    const body = parseOrThrow(feedbackSchema, {
      ...input,
      id: newId(now.getTime()),
      by: ctx.person.name,
      recordedAt: at,
    });
    await signAndShow(ctx, {
      type: 'feedback',
      subject: input.personId,
      recordKey: recordKeys.feedback(input.personId, body.id),
      body: jsonSnapshot(body),
      createdAt: at,
    });
    return (await db.feedback.get(body.id))!;
  });
}

const ackTextSchema = z
  .string({ error: '请填写签署意见' })
  .trim()
  .min(1, { error: '请填写签署意见' })
  .max(1000, { error: '签署意见不能超过1000个字' });

/** The official's 签署意见 on feedback about themselves (a later one replaces an earlier one). */
export async function acknowledgeFeedback(
  db: DutyBookDb,
  feedbackId: string,
  text: string,
  now: Date = new Date(),
): Promise<FeedbackRow> {
  const at = now.toISOString();
  const checked = parseOrThrow(ackTextSchema, text);
  return inTransaction(db, 'acknowledge feedback', async () => {
    const me = await readSelfIdentity(db);
    if (!me) throw forbidden('本机尚未生成密钥。请先到“同步”页生成密钥并向人事部门登记,签署意见才能送达。');
    const roster = await readRoster(db);
    if (!roster) throw forbidden('尚未收到人事部门签发的人员名册。');
    const row = await db.feedback.get(feedbackId);
    if (!row) throw forbidden('没有找到这条评鉴结果反馈。');
    if (row.personId !== me.personId) throw forbidden('只能对关于本人的评鉴结果反馈签署意见。');
    const body: FeedbackAck = { feedbackId, personId: me.personId, text: checked, at };
    const fact = await appendOwnFact(db, {
      type: 'feedback.ack',
      subject: me.personId,
      recordKey: recordKeys.feedback(me.personId, feedbackId),
      body,
      createdAt: at,
    });
    if (!fact) throw forbidden('本机尚未生成密钥,不能签名。');
    await materialiseOwn({ db, me, roster }, [fact]);
    return (await db.feedback.get(feedbackId))!;
  });
}
