/**
 * The supervisor's decisions on what a direct report submits: 核准 or 退回 of an annual plan, 退回 of
 * a month's record book. Each is a signed fact that names the version it judges.
 */
import { z } from 'zod';
import { DutyBookError, ValidationError } from '../errors/errors';
import {
  jsonSnapshot,
  newId,
  parseOrThrow,
  planReturnReasonSchema,
  type AnnualPlan,
  type MonthlyRecord,
  type PlanDecision,
  type PlanReturnReason,
  type RecordReturn,
} from '../domain';
import { recordKeys } from '../ledger/facts';
import { actingContext, forbidden, inTransaction, requireReport, signAndShow, versionFactId } from './acting';
import type { DutyBookDb } from './db';
import { returnReasonIssues } from './plan-repo';

// ---- 核准 / 退回 of a plan ----

export type PlanDecisionInput =
  | { personId: string; year: number; version: number; decision: 'approve'; opinion: string }
  | { personId: string; year: number; version: number; decision: 'return'; reasons: PlanReturnReason[] };

const opinionSchema = z
  .string({ error: '核准意见应为文字' })
  .trim()
  .max(500, { error: '核准意见不能超过500个字' });

/** 核准 or 退回 the submitted plan version `version` of a direct report. */
export async function decidePlan(
  db: DutyBookDb,
  input: PlanDecisionInput,
  now: Date = new Date(),
): Promise<AnnualPlan> {
  const at = now.toISOString();
  const what = input.decision === 'approve' ? '核准其工作计划' : '退回其工作计划';
  return inTransaction(db, `${input.decision} plan`, async () => {
    const ctx = await actingContext(db);
    requireReport(ctx, input.personId, what);
    const plan = await db.plans.where('[personId+year]').equals([input.personId, input.year]).first();
    if (!plan || plan.version < 1) throw forbidden('尚未收到此人提交的工作计划。');
    if (plan.version !== input.version) {
      throw new DutyBookError('conflict', 'plan version changed', {
        reason: `此人已提交第${plan.version}版计划,请查看最新版本后再${input.decision === 'approve' ? '核准' : '退回'}。`,
      });
    }
    if (plan.state !== 'submitted') {
      throw new DutyBookError('conflict', `plan is ${plan.state}`, {
        reason:
          plan.state === 'approved' || plan.state === 'filed'
            ? '该计划已核准,不能再次核准或退回。'
            : '该计划已退回,等待本人修改后重新提交。',
      });
    }
    let body: PlanDecision;
    if (input.decision === 'approve') {
      const opinion = parseOrThrow(opinionSchema, input.opinion);
      body = {
        id: newId(now.getTime()),
        personId: input.personId,
        year: input.year,
        version: input.version,
        decision: 'approve',
        by: ctx.person.name,
        opinion,
        reasons: [],
        decidedAt: at,
      };
    } else {
      const reasons = parseOrThrow(
        z.array(planReturnReasonSchema, { error: '请填写退回原因' }),
        input.reasons,
      );
      const issues = returnReasonIssues(reasons, plan);
      if (issues.length > 0) throw new ValidationError(issues);
      body = {
        id: newId(now.getTime()),
        personId: input.personId,
        year: input.year,
        version: input.version,
        decision: 'return',
        by: ctx.person.name,
        opinion: '',
        reasons: reasons.map((r) => ({ itemId: r.itemId, reason: r.reason.trim() })),
        decidedAt: at,
      };
    }
    await signAndShow(ctx, {
      type: input.decision === 'approve' ? 'plan.approval' : 'plan.return',
      subject: input.personId,
      recordKey: recordKeys.planDecision(input.personId, input.year),
      body: jsonSnapshot(body),
      createdAt: at,
      parents: await versionFactId(db, recordKeys.plan(input.personId, input.year), 'plan.version'),
    });
    return (await db.plans.where('[personId+year]').equals([input.personId, input.year]).first())!;
  });
}

// ---- 退回 of a record book ----

const recordReasonSchema = z
  .string({ error: '请填写退回原因' })
  .trim()
  .min(1, { error: '请填写退回原因' })
  .max(500, { error: '退回原因不能超过500个字' });

/** 退回 the submitted record book version `version` of a direct report, with the reason. */
export async function returnRecordBook(
  db: DutyBookDb,
  input: { personId: string; year: number; month: number; version: number; reason: string },
  now: Date = new Date(),
): Promise<MonthlyRecord> {
  const at = now.toISOString();
  const reason = parseOrThrow(recordReasonSchema, input.reason);
  return inTransaction(db, 'return record', async () => {
    const ctx = await actingContext(db);
    requireReport(ctx, input.personId, '退回其记实簿');
    const key = [input.personId, input.year, input.month];
    const record = await db.monthlyRecords.where('[personId+year+month]').equals(key).first();
    if (!record || record.version < 1) throw forbidden(`尚未收到此人${input.month}月的记实簿。`);
    if (record.version !== input.version || record.state !== 'submitted') {
      throw new DutyBookError('conflict', `record is ${record.state} v${record.version}`, {
        reason:
          record.state === 'returned'
            ? `${input.month}月记实簿已退回,等待本人修改后重新提交。`
            : `${input.month}月记实簿已有新的版本,请查看后再退回。`,
      });
    }
    const body: RecordReturn = {
      id: newId(now.getTime()),
      personId: input.personId,
      year: input.year,
      month: input.month,
      version: input.version,
      by: ctx.person.name,
      reason,
      returnedAt: at,
    };
    await signAndShow(ctx, {
      type: 'record.return',
      subject: input.personId,
      recordKey: recordKeys.recordDecision(input.personId, input.year, input.month),
      body,
      createdAt: at,
      parents: await versionFactId(
        db,
        recordKeys.record(input.personId, input.year, input.month),
        'record.version',
      ),
    });
    return (await db.monthlyRecords.where('[personId+year+month]').equals(key).first())!;
  });
}
