/**
 * 个人年度工作计划 in the local database. A draft is saved as typed (it may be incomplete); the
 * items are checked in full on 提交核准, which also writes an immutable PlanVersion. Every write runs
 * in one transaction and checks before it writes, so a refused change leaves the database as it was.
 */
import { z } from 'zod';
import {
  LockedError,
  NotFoundError,
  StorageError,
  ValidationError,
  type ValidationIssue,
} from '../errors/errors';
import {
  annualPlanSchema,
  canEditPlan,
  entityIdSchema,
  jsonSnapshot,
  newId,
  nextPlanState,
  parseOrThrow,
  planItemIssues,
  planItemsSchema,
  planReturnReasonSchema,
  planVersionSchema,
  yearSchema,
  type AnnualPlan,
  type PlanItem,
  type PlanReturnReason,
  type PlanVersion,
} from '../domain';
import type { DutyBookDb } from './db';
import { appendVersionFact, ownFactTables, planVersionFact } from './fact-repo';
import { noteWritten } from './status';
import { wrapStorageErrors } from './storage-errors';

/** A row read back from the database, checked against its schema (a bad row is corruption, not input). */
export function checkStoredRow<S extends z.ZodType>(schema: S, row: unknown, what: string): z.output<S> {
  const r = schema.safeParse(row);
  if (!r.success) throw new StorageError('storage-corrupt', `${what} row is invalid: ${r.error.message}`);
  return r.data;
}

const personYearSchema = z.object({ personId: entityIdSchema, year: yearSchema });

/** Checks the person and year a call names (ValidationError for a bad one). */
export function checkPersonYear(personId: string, year: number): void {
  parseOrThrow(personYearSchema, { personId, year });
}

async function readPlan(db: DutyBookDb, personId: string, year: number): Promise<AnnualPlan | undefined> {
  const row = await db.plans.where('[personId+year]').equals([personId, year]).first();
  return row === undefined ? undefined : checkStoredRow(annualPlanSchema, row, 'plan');
}

async function requirePlan(db: DutyBookDb, personId: string, year: number): Promise<AnnualPlan> {
  const plan = await readPlan(db, personId, year);
  if (!plan) throw new NotFoundError('plan', `${personId}/${year}`);
  return plan;
}

/** The person's plan for the year, or undefined before anything was saved. */
export async function getPlan(
  db: DutyBookDb,
  personId: string,
  year: number,
): Promise<AnnualPlan | undefined> {
  checkPersonYear(personId, year);
  return wrapStorageErrors('read plan', () => readPlan(db, personId, year));
}

/**
 * Saves the items of the draft, creating the plan on first save. Refused with LockedError once the
 * plan is submitted, approved or filed (until the supervisor returns it).
 */
export async function savePlanDraft(
  db: DutyBookDb,
  personId: string,
  year: number,
  items: PlanItem[],
  now: Date = new Date(),
): Promise<AnnualPlan> {
  checkPersonYear(personId, year);
  const checked = parseOrThrow(planItemsSchema, items);
  const at = now.toISOString();
  return wrapStorageErrors('save plan', () =>
    db.transaction('rw', db.plans, async () => {
      const current = await readPlan(db, personId, year);
      if (current && !canEditPlan(current.state)) throw new LockedError('plan', current.state);
      const next: AnnualPlan = jsonSnapshot(
        current
          ? { ...current, items: checked, updatedAt: at }
          : {
              id: newId(now.getTime()),
              personId,
              year,
              state: 'draft',
              items: checked,
              version: 0,
              returnReasons: [],
              updatedAt: at,
            },
      );
      await db.plans.put(next);
      return next;
    }),
  );
}

/**
 * 提交核准: checks every item (ValidationError listing them all), freezes the items as the next
 * PlanVersion and marks the plan submitted.
 */
export async function submitPlan(
  db: DutyBookDb,
  personId: string,
  year: number,
  now: Date = new Date(),
): Promise<AnnualPlan> {
  checkPersonYear(personId, year);
  const at = now.toISOString();
  return wrapStorageErrors('submit plan', () =>
    db.transaction('rw', [db.plans, db.planVersions, ...ownFactTables(db)], async () => {
      const current = await requirePlan(db, personId, year);
      const state = nextPlanState(current.state, 'submit');
      const issues = planItemIssues(current.items, year);
      if (issues.length > 0) throw new ValidationError(issues);
      const version: PlanVersion = jsonSnapshot({
        id: newId(now.getTime()),
        planId: current.id,
        personId,
        year,
        version: current.version + 1,
        items: current.items,
        submittedAt: at,
      });
      // A new version answers HR's 不予备案 of the last one: the refusal stays on that version's record only.
      const { filingRefusal: _answered, ...unrefused } = current;
      const next: AnnualPlan = jsonSnapshot({
        ...unrefused,
        state,
        version: version.version,
        returnReasons: [],
        updatedAt: at,
        submittedAt: at,
      });
      await db.planVersions.add(version);
      // The version becomes a fact in the same transaction (shared/ledger): they cannot diverge.
      await appendVersionFact(db, planVersionFact(version));
      await db.plans.put(next);
      await noteWritten(db, [{ table: 'plans', rows: [next] }]);
      return next;
    }),
  );
}

export function returnReasonIssues(reasons: readonly PlanReturnReason[], plan: AnnualPlan): ValidationIssue[] {
  if (reasons.length === 0) return [{ path: 'returnReasons', message: '请填写退回原因' }];
  const issues: ValidationIssue[] = [];
  reasons.forEach((r, i) => {
    if (r.reason.trim() === '')
      issues.push({ path: `returnReasons.${i}.reason`, message: `第${i + 1}条退回原因未填写` });
    if (r.itemId !== null && !plan.items.some((item) => item.id === r.itemId))
      issues.push({
        path: `returnReasons.${i}.itemId`,
        message: `第${i + 1}条退回原因所指的工作任务不在计划中`,
      });
  });
  return issues;
}

/**
 * One workflow move on a stored plan (退回, 核准, 备案): the state rule is checked first, then `change`
 * adds the move's own fields (and may refuse with its own issues); the row is written whole.
 */
async function movePlan(
  db: DutyBookDb,
  personId: string,
  year: number,
  action: 'return' | 'approve' | 'file',
  at: string,
  change: (current: AnnualPlan) => Partial<AnnualPlan>,
): Promise<AnnualPlan> {
  return wrapStorageErrors(`${action} plan`, () =>
    db.transaction('rw', db.plans, async () => {
      const current = await requirePlan(db, personId, year);
      const state = nextPlanState(current.state, action);
      const next: AnnualPlan = jsonSnapshot({ ...current, state, updatedAt: at, ...change(current) });
      await db.plans.put(next);
      return next;
    }),
  );
}

/** 退回: the supervisor sends a submitted plan back with reasons (for the whole plan or per item). */
export async function returnPlan(
  db: DutyBookDb,
  personId: string,
  year: number,
  reasons: PlanReturnReason[],
  now: Date = new Date(),
): Promise<AnnualPlan> {
  checkPersonYear(personId, year);
  const checked = parseOrThrow(z.array(planReturnReasonSchema, { error: '请填写退回原因' }), reasons);
  const at = now.toISOString();
  return movePlan(db, personId, year, 'return', at, (current) => {
    const issues = returnReasonIssues(checked, current);
    if (issues.length > 0) throw new ValidationError(issues);
    return {
      returnReasons: checked.map((r) => ({ itemId: r.itemId, reason: r.reason.trim() })),
      returnedAt: at,
    };
  });
}

const approvalSchema = z.object({
  by: z.string({ error: '请填写核准人' }).trim().min(1, { error: '请填写核准人' }),
  opinion: z.string({ error: '核准意见应为文字' }).trim().max(500, { error: '核准意见不能超过500个字' }),
});

/** 核准: the supervisor approves the submitted plan, with an opinion. */
export async function approvePlan(
  db: DutyBookDb,
  personId: string,
  year: number,
  approval: { by: string; opinion: string },
  now: Date = new Date(),
): Promise<AnnualPlan> {
  checkPersonYear(personId, year);
  const { by, opinion } = parseOrThrow(approvalSchema, approval);
  const at = now.toISOString();
  return movePlan(db, personId, year, 'approve', at, () => ({
    approvedAt: at,
    approvedBy: by,
    approvalOpinion: opinion,
  }));
}

/** 备案: HR files the approved plan. */
export async function filePlan(
  db: DutyBookDb,
  personId: string,
  year: number,
  now: Date = new Date(),
): Promise<AnnualPlan> {
  checkPersonYear(personId, year);
  const at = now.toISOString();
  return movePlan(db, personId, year, 'file', at, () => ({ filedAt: at }));
}

/** Every submitted version of the plan, oldest first. */
export async function listPlanVersions(
  db: DutyBookDb,
  personId: string,
  year: number,
): Promise<PlanVersion[]> {
  checkPersonYear(personId, year);
  const rows = await wrapStorageErrors('list plan versions', () =>
    db.planVersions.where('[personId+year]').equals([personId, year]).toArray(),
  );
  return rows
    .map((r) => checkStoredRow(planVersionSchema, r, 'plan version'))
    .sort((a, b) => a.version - b.version);
}
