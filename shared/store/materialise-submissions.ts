/**
 * What an official submits, as it shows: the annual plan (with 核准/退回 and 备案), the month's
 * record book (with 退回) and the quarter's summary — each a `VersionKind` for materialise-versioned.ts.
 */
import type { z } from 'zod';
import {
  canEditPlan,
  filingReceiptSchema,
  filingRefusalSchema,
  monthlyRecordVersionSchema,
  planDecisionSchema,
  planVersionSchema,
  quarterSummaryVersionSchema,
  recordReturnSchema,
  type AnnualPlan,
  type FilingReceipt,
  type FilingRefusal,
  type MonthlyRecord,
  type PlanDecision,
  type QuarterSummary,
  type RecordReturn,
} from '../domain';
import { recordKeys, splitRecordKey } from '../ledger/facts';
import { decisionCheck, swapKind, type VersionKind } from './materialise-versioned';

export const planKind: VersionKind<z.output<typeof planVersionSchema>, AnnualPlan> = {
  type: 'plan.version',
  schema: planVersionSchema,
  recordKey: (v) => recordKeys.plan(v.personId, v.year),
  workingRecordKey: (w) => recordKeys.plan(w.personId, w.year),
  versions: (db) => db.planVersions,
  working: (db) => db.plans,
  findWorking: (db, vs) =>
    db.plans
      .where('[personId+year]')
      .anyOf(vs.map((v) => [v.personId, v.year]))
      .toArray(),
  derive: (v) => ({
    id: v.planId,
    personId: v.personId,
    year: v.year,
    state: 'submitted',
    items: v.items,
    version: v.version,
    returnReasons: [],
    updatedAt: v.submittedAt,
    submittedAt: v.submittedAt,
  }),
  shown: (r) => [
    r.version,
    r.state,
    r.items,
    r.returnReasons,
    r.approvedBy ?? null,
    r.approvalOpinion ?? null,
    r.filedAt ?? null,
    r.filingRefusal ?? null,
  ],
  editable: (r) => canEditPlan(r.state),
  decisions: [
    {
      types: ['plan.approval', 'plan.return'],
      accepts: () => true,
      keyFor: swapKind('plan', 'plan-decision'),
      versionKeyFor: swapKind('plan-decision', 'plan'),
      check: decisionCheck(
        planDecisionSchema,
        (d) => recordKeys.planDecision(d.personId, d.year),
        (d, type) => type === (d.decision === 'approve' ? 'plan.approval' : 'plan.return'),
      ),
      judged: (body) => (body as PlanDecision).version,
      apply: (w, body) => {
        const d = body as PlanDecision;
        return d.decision === 'approve'
          ? {
              ...w,
              state: 'approved',
              approvedAt: d.decidedAt,
              approvedBy: d.by,
              approvalOpinion: d.opinion,
              updatedAt: d.decidedAt,
            }
          : {
              ...w,
              state: 'returned',
              returnReasons: d.reasons,
              returnedAt: d.decidedAt,
              updatedAt: d.decidedAt,
            };
      },
    },
    {
      // 备案 of the approved version: HR's receipt.
      types: ['filing.receipt'],
      accepts: (f) => /^filing\/[^/]+\/plan-\d+$/.test(f.recordKey),
      keyFor: (key) => {
        const { subject, rest } = splitRecordKey(key);
        return recordKeys.filing(subject, 'plan', Number(rest));
      },
      versionKeyFor: (key) => {
        const { subject, rest } = splitRecordKey(key);
        return recordKeys.plan(subject, Number(rest.slice('plan-'.length)));
      },
      check: decisionCheck(
        filingReceiptSchema,
        (r) => recordKeys.filing(r.personId, r.what, r.year, r.quarter),
        (r) => r.what === 'plan',
      ),
      judged: (body) => (body as FilingReceipt).version,
      apply: (w, body) =>
        w.state === 'approved' ? { ...w, state: 'filed', filedAt: (body as FilingReceipt).filedAt } : w,
    },
    {
      // 不予备案 of the approved version: back to the official as 已退回 with HR's reason. After a
      // receipt for the same version (two HR clerks at once) the plan stays 已备案.
      types: ['filing.refusal'],
      accepts: (f) => /^filing-refusal\/[^/]+\/plan-\d+$/.test(f.recordKey),
      keyFor: (key) => {
        const { subject, rest } = splitRecordKey(key);
        return recordKeys.filingRefusal(subject, 'plan', Number(rest));
      },
      versionKeyFor: (key) => {
        const { subject, rest } = splitRecordKey(key);
        return recordKeys.plan(subject, Number(rest.slice('plan-'.length)));
      },
      check: decisionCheck(
        filingRefusalSchema,
        (r) => recordKeys.filingRefusal(r.personId, r.what, r.year, r.quarter),
        (r) => r.what === 'plan',
      ),
      judged: (body) => (body as FilingRefusal).version,
      apply: (w, body) => {
        if (w.state !== 'approved') return w;
        const r = body as FilingRefusal;
        return {
          ...w,
          state: 'returned',
          returnReasons: [],
          returnedAt: r.refusedAt,
          updatedAt: r.refusedAt,
          filingRefusal: { reason: r.reason, refusedAt: r.refusedAt, clerk: r.clerk },
        };
      },
    },
  ],
};

export const recordKind: VersionKind<z.output<typeof monthlyRecordVersionSchema>, MonthlyRecord> = {
  type: 'record.version',
  schema: monthlyRecordVersionSchema,
  recordKey: (v) => recordKeys.record(v.personId, v.year, v.month),
  workingRecordKey: (w) => recordKeys.record(w.personId, w.year, w.month),
  versions: (db) => db.recordVersions,
  working: (db) => db.monthlyRecords,
  findWorking: (db, vs) =>
    db.monthlyRecords
      .where('[personId+year+month]')
      .anyOf(vs.map((v) => [v.personId, v.year, v.month]))
      .toArray(),
  derive: (v) => ({
    id: v.recordId,
    personId: v.personId,
    year: v.year,
    month: v.month,
    state: 'submitted',
    workItems: v.workItems,
    attendance: v.attendance,
    errors: v.errors,
    version: v.version,
    updatedAt: v.submittedAt,
    submittedAt: v.submittedAt,
  }),
  shown: (r) => [r.version, r.state, r.workItems, r.attendance, r.errors, r.returnReason ?? null],
  editable: (r) => r.state !== 'submitted',
  decisions: [
    {
      types: ['record.return'],
      accepts: () => true,
      keyFor: swapKind('record', 'record-decision'),
      versionKeyFor: swapKind('record-decision', 'record'),
      check: decisionCheck(
        recordReturnSchema,
        (d) => recordKeys.recordDecision(d.personId, d.year, d.month),
        () => true,
      ),
      judged: (body) => (body as RecordReturn).version,
      apply: (w, body) => {
        const d = body as RecordReturn;
        return {
          ...w,
          state: 'returned',
          returnReason: d.reason,
          returnedAt: d.returnedAt,
          updatedAt: d.returnedAt,
        };
      },
    },
  ],
};

export const summaryKind: VersionKind<z.output<typeof quarterSummaryVersionSchema>, QuarterSummary> = {
  type: 'summary.version',
  schema: quarterSummaryVersionSchema,
  recordKey: (v) => recordKeys.summary(v.personId, v.year, v.quarter),
  workingRecordKey: (w) => recordKeys.summary(w.personId, w.year, w.quarter),
  versions: (db) => db.summaryVersions,
  working: (db) => db.summaries,
  findWorking: (db, vs) =>
    db.summaries
      .where('[personId+year+quarter]')
      .anyOf(vs.map((v) => [v.personId, v.year, v.quarter]))
      .toArray(),
  derive: (v) => ({
    id: v.summaryId,
    personId: v.personId,
    year: v.year,
    quarter: v.quarter,
    state: 'submitted',
    text: v.text,
    highlights: v.highlights,
    version: v.version,
    updatedAt: v.submittedAt,
    submittedAt: v.submittedAt,
  }),
  shown: (r) => [r.version, r.state, r.text, r.highlights],
  editable: (r) => r.state === 'editing',
};
