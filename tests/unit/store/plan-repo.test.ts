import { describe, expect, it } from 'vitest';
import { DutyBookError, LockedError, NotFoundError, ValidationError } from '../../../shared/errors/errors';
import { canonicalJson, type PlanItem } from '../../../shared/domain';
import {
  approvePlan,
  filePlan,
  getPlan,
  listPlanVersions,
  returnPlan,
  savePlanDraft,
  submitPlan,
  type DutyBookDb,
} from '../../../shared/store';
import { openTestDb, snapshot } from './helpers';

const P = 'PERSON1';
const t = (s: string) => new Date(`2026-${s}T08:00:00.000Z`);

const items: PlanItem[] = [
  {
    id: 'p1',
    task: '起草年度工作要点',
    target: '3月底前印发',
    deadline: '2026-03-31',
    duty: '综合文稿起草',
    weight: 60,
  },
  {
    id: 'p2',
    task: '推进档案数字化',
    target: '完成2020年以来档案扫描',
    deadline: '2026-09-30',
    duty: '档案管理',
    weight: 40,
  },
];

async function submitted(): Promise<DutyBookDb> {
  const db = await openTestDb();
  await savePlanDraft(db, P, 2026, items, t('01-05'));
  await submitPlan(db, P, 2026, t('01-06'));
  return db;
}

async function expectRefused(db: DutyBookDb, op: () => Promise<unknown>, cls: new (...a: never[]) => Error) {
  const before = await snapshot(db);
  const err = await op().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(cls);
  expect(await snapshot(db)).toEqual(before);
  return err;
}

describe('plan drafts', () => {
  it('has no plan before the first save', async () => {
    const db = await openTestDb();
    expect(await getPlan(db, P, 2026)).toBeUndefined();
    db.close();
  });

  it('saves an incomplete draft and updates the same plan on the next save', async () => {
    const db = await openTestDb();
    const first = await savePlanDraft(
      db,
      P,
      2026,
      [{ id: 'p1', task: '', target: '', deadline: '', duty: '' }],
      t('01-02'),
    );
    expect(first).toMatchObject({ personId: P, year: 2026, state: 'draft', version: 0, returnReasons: [] });
    const second = await savePlanDraft(db, P, 2026, items, t('01-03'));
    expect(second.id).toBe(first.id);
    expect(second.updatedAt).toBe('2026-01-03T08:00:00.000Z');
    expect(await getPlan(db, P, 2026)).toEqual(second);
    expect(await db.plans.count()).toBe(1);
    db.close();
  });

  it('keeps each person’s and each year’s plan apart', async () => {
    const db = await openTestDb();
    await savePlanDraft(db, P, 2026, items);
    await savePlanDraft(db, 'PERSON2', 2026, []);
    await savePlanDraft(db, P, 2027, []);
    expect((await getPlan(db, P, 2026))?.items).toHaveLength(2);
    expect((await getPlan(db, 'PERSON2', 2026))?.items).toEqual([]);
    expect(await db.plans.count()).toBe(3);
    db.close();
  });

  it('refuses items of the wrong type and a bad person or year, writing nothing', async () => {
    const db = await openTestDb();
    await expectRefused(db, () => savePlanDraft(db, P, 2026, [{ id: 'p1' } as PlanItem]), ValidationError);
    const err = await expectRefused(db, () => savePlanDraft(db, 'a/b', 1999, items), ValidationError);
    expect((err as ValidationError).issues.map((i) => i.path)).toEqual(['personId', 'year']);
    db.close();
  });
});

describe('submitting a plan', () => {
  it('refuses an incomplete plan with every issue and changes nothing', async () => {
    const db = await openTestDb();
    await savePlanDraft(db, P, 2026, [items[0]!, { ...items[1]!, task: '', deadline: '2026-02-30' }]);
    const err = await expectRefused(db, () => submitPlan(db, P, 2026), ValidationError);
    expect((err as ValidationError).issues).toEqual([
      { path: 'items.1.task', message: '第2项工作任务未填写' },
      { path: 'items.1.deadline', message: '第2项完成时限不是有效日期:2026年2月没有30日(该月共28天)' },
    ]);
    db.close();
  });

  it('says there is nothing to submit before a draft exists', async () => {
    const db = await openTestDb();
    await expect(submitPlan(db, P, 2026)).rejects.toBeInstanceOf(NotFoundError);
    db.close();
  });

  it('writes version 1 as an immutable snapshot and locks the draft', async () => {
    const db = await submitted();
    const plan = await getPlan(db, P, 2026);
    expect(plan).toMatchObject({ state: 'submitted', version: 1, submittedAt: '2026-01-06T08:00:00.000Z' });
    const versions = await listPlanVersions(db, P, 2026);
    expect(versions).toEqual([
      {
        id: versions[0]!.id,
        planId: plan!.id,
        personId: P,
        year: 2026,
        version: 1,
        items,
        submittedAt: '2026-01-06T08:00:00.000Z',
      },
    ]);
    await expectRefused(db, () => savePlanDraft(db, P, 2026, []), LockedError);
    await expectRefused(db, () => submitPlan(db, P, 2026), LockedError);
    db.close();
  });
});

describe('return, approval and filing', () => {
  it('returns with reasons, lets the official edit and resubmit, keeping version 1 as it was', async () => {
    const db = await submitted();
    const v1 = canonicalJson((await listPlanVersions(db, P, 2026))[0]);
    const returned = await returnPlan(
      db,
      P,
      2026,
      [{ itemId: 'p2', reason: ' 目标要求不够具体 ' }],
      t('01-08'),
    );
    expect(returned).toMatchObject({
      state: 'returned',
      returnReasons: [{ itemId: 'p2', reason: '目标要求不够具体' }],
      returnedAt: '2026-01-08T08:00:00.000Z',
    });
    const edited = [items[0]!, { ...items[1]!, target: '6月底前完成2020—2023年档案扫描' }];
    await savePlanDraft(db, P, 2026, edited);
    const again = await submitPlan(db, P, 2026, t('01-09'));
    expect(again).toMatchObject({ state: 'submitted', version: 2, returnReasons: [] });
    const versions = await listPlanVersions(db, P, 2026);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(canonicalJson(versions[0])).toBe(v1);
    expect(versions[1]!.items).toEqual(edited);
    db.close();
  });

  it('approves with the supervisor’s opinion, then files; the plan stays locked', async () => {
    const db = await submitted();
    const approved = await approvePlan(db, P, 2026, { by: 'LEADER1', opinion: '同意' }, t('01-10'));
    expect(approved).toMatchObject({
      state: 'approved',
      approvedBy: 'LEADER1',
      approvalOpinion: '同意',
      approvedAt: '2026-01-10T08:00:00.000Z',
    });
    await expectRefused(db, () => savePlanDraft(db, P, 2026, items), LockedError);
    await expectRefused(
      db,
      () => returnPlan(db, P, 2026, [{ itemId: null, reason: '重新考虑' }]),
      LockedError,
    );
    await expectRefused(db, () => approvePlan(db, P, 2026, { by: 'LEADER1', opinion: '' }), DutyBookError);
    const filed = await filePlan(db, P, 2026, t('01-12'));
    expect(filed).toMatchObject({ state: 'filed', filedAt: '2026-01-12T08:00:00.000Z' });
    await expectRefused(db, () => submitPlan(db, P, 2026), LockedError);
    await expectRefused(db, () => savePlanDraft(db, P, 2026, items), LockedError);
    const err = await expectRefused(db, () => filePlan(db, P, 2026), DutyBookError);
    expect((err as DutyBookError).code).toBe('conflict');
    expect(await listPlanVersions(db, P, 2026)).toHaveLength(1);
    db.close();
  });

  it('refuses to approve, return or file a draft, as a conflict that explains itself', async () => {
    const db = await openTestDb();
    await savePlanDraft(db, P, 2026, items);
    for (const op of [
      () => approvePlan(db, P, 2026, { by: 'LEADER1', opinion: '同意' }),
      () => returnPlan(db, P, 2026, [{ itemId: null, reason: '不合格' }]),
      () => filePlan(db, P, 2026),
    ]) {
      const err = await expectRefused(db, op, DutyBookError);
      expect(err).not.toBeInstanceOf(LockedError);
      expect((err as DutyBookError).code).toBe('conflict');
      expect((err as DutyBookError).details.reason).toMatch(/^计划尚未/);
    }
    db.close();
  });

  it('refuses a submitted plan’s filing before approval', async () => {
    const db = await submitted();
    const err = await expectRefused(db, () => filePlan(db, P, 2026), DutyBookError);
    expect((err as DutyBookError).details.reason).toBe('计划尚未经主管领导核准,不能备案');
    db.close();
  });

  it('wants reasons to return and a name to approve', async () => {
    const db = await submitted();
    const none = await expectRefused(db, () => returnPlan(db, P, 2026, []), ValidationError);
    expect((none as ValidationError).issues).toEqual([{ path: 'returnReasons', message: '请填写退回原因' }]);
    const bad = await expectRefused(
      db,
      () => returnPlan(db, P, 2026, [{ itemId: 'nope', reason: ' ' }]),
      ValidationError,
    );
    expect((bad as ValidationError).issues).toEqual([
      { path: 'returnReasons.0.reason', message: '第1条退回原因未填写' },
      { path: 'returnReasons.0.itemId', message: '第1条退回原因所指的工作任务不在计划中' },
    ]);
    const noName = await expectRefused(
      db,
      () => approvePlan(db, P, 2026, { by: ' ', opinion: '同意' }),
      ValidationError,
    );
    expect((noName as ValidationError).issues).toEqual([{ path: 'by', message: '请填写核准人' }]);
    db.close();
  });
});
