import { describe, expect, it } from 'vitest';
import { DutyBookError, LockedError } from '../../../shared/errors/errors';
import {
  PLAN_ACTIONS,
  PLAN_STATES,
  canEditPlan,
  canonicalJson,
  jsonSnapshot,
  nextPlanState,
  planItemDeadline,
  planItemIssues,
  planItemsSchema,
  planStateLabels,
  planTransitionProblem,
  type PlanAction,
  type PlanItem,
  type PlanState,
} from '../../../shared/domain';

const item = (id: string, over: Partial<PlanItem> = {}): PlanItem => ({
  id,
  task: '起草年度工作要点',
  target: '3月底前印发',
  deadline: '2026-03-31',
  duty: '综合文稿起草',
  ...over,
});

describe('planItemIssues', () => {
  it('accepts a complete plan with or without weights', () => {
    expect(planItemIssues([item('a'), item('b')], 2026)).toEqual([]);
    expect(
      planItemIssues(
        [item('a', { weight: 33.3 }), item('b', { weight: 33.3 }), item('c', { weight: 33.4 })],
        2026,
      ),
    ).toEqual([]);
  });

  it('asks for at least one item', () => {
    expect(planItemIssues([], 2026)).toEqual([
      { path: 'items', message: '个人年度工作计划至少应填写一项工作任务' },
    ]);
  });

  it('names every empty field with its item number', () => {
    const issues = planItemIssues(
      [item('a'), item('b', { task: ' ', target: '', deadline: '', duty: '' })],
      2026,
    );
    expect(issues).toEqual([
      { path: 'items.1.task', message: '第2项工作任务未填写' },
      { path: 'items.1.target', message: '第2项目标要求未填写' },
      { path: 'items.1.deadline', message: '第2项完成时限未填写' },
      { path: 'items.1.duty', message: '第2项对应岗位职责/能力席位标准未填写' },
    ]);
  });

  it('wants a real deadline inside the plan’s year', () => {
    const issues = planItemIssues(
      [
        item('a', { deadline: '2026-02-30' }),
        item('b', { deadline: '三月底' }),
        item('c', { deadline: '2027-01-15' }),
      ],
      2026,
    );
    expect(issues).toEqual([
      { path: 'items.0.deadline', message: '第1项完成时限不是有效日期:2026年2月没有30日(该月共28天)' },
      { path: 'items.1.deadline', message: '第2项完成时限不是有效日期:应按“年-月-日”填写,例如2026-03-31' },
      { path: 'items.2.deadline', message: '第3项完成时限不在2026年内' },
    ]);
  });

  it('wants weights on all items or none', () => {
    expect(planItemIssues([item('a', { weight: 50 }), item('b'), item('c')], 2026)).toEqual([
      { path: 'items', message: '权重应全部填写或全部不填,第2、3项未填写权重' },
    ]);
  });

  it('wants positive weights summing to 100', () => {
    expect(planItemIssues([item('a', { weight: 60 }), item('b', { weight: 30 })], 2026)).toEqual([
      { path: 'items', message: '各项权重合计应为100,现为90' },
    ]);
    expect(planItemIssues([item('a', { weight: 110 }), item('b', { weight: -10 })], 2026)).toEqual([
      { path: 'items.1.weight', message: '第2项权重应大于0' },
    ]);
  });

  it('finds a deadline only when it is a real date', () => {
    expect(planItemDeadline(item('a'))).toBe('2026-03-31');
    expect(planItemDeadline(item('a', { deadline: '' }))).toBeUndefined();
  });
});

describe('planItemsSchema', () => {
  it('accepts an incomplete draft but not repeated item ids', () => {
    expect(planItemsSchema.safeParse([item('a', { task: '', deadline: '' })]).success).toBe(true);
    const r = planItemsSchema.safeParse([item('a'), item('a')]);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('第2项工作任务编号重复');
  });
});

describe('plan transitions', () => {
  const legal: Record<string, PlanState> = {
    'draft/submit': 'submitted',
    'returned/submit': 'submitted',
    'submitted/return': 'returned',
    'submitted/approve': 'approved',
    'approved/file': 'filed',
  };
  const locked = new Set([
    'submitted/submit',
    'approved/submit',
    'filed/submit',
    'approved/return',
    'filed/return',
  ]);

  for (const state of PLAN_STATES) {
    for (const action of PLAN_ACTIONS) {
      const key = `${state}/${action}`;
      const expected = legal[key];
      if (expected) {
        it(`${key} → ${expected}`, () => {
          expect(nextPlanState(state, action)).toBe(expected);
          expect(planTransitionProblem(state, action)).toBeNull();
        });
      } else if (locked.has(key)) {
        it(`${key} is refused as locked`, () => {
          const err = catchError(state, action);
          expect(err).toBeInstanceOf(LockedError);
          expect((err as LockedError).details).toEqual({ what: 'plan', state });
          expect(planTransitionProblem(state, action)).toMatch(/不能/);
        });
      } else {
        it(`${key} is refused as a conflict`, () => {
          const err = catchError(state, action);
          expect(err).toBeInstanceOf(DutyBookError);
          expect(err).not.toBeInstanceOf(LockedError);
          expect((err as DutyBookError).code).toBe('conflict');
          expect((err as DutyBookError).details).toMatchObject({ what: 'plan', state, action });
          expect((err as DutyBookError).details.reason).toBe(planTransitionProblem(state, action));
        });
      }
    }
  }

  it('explains refusals in words a clerk understands', () => {
    expect(planTransitionProblem('draft', 'approve')).toBe('计划尚未提交核准,不能核准');
    expect(planTransitionProblem('submitted', 'submit')).toBe(
      '计划已提交核准,正等待主管领导核准,不能重复提交',
    );
    expect(planTransitionProblem('returned', 'file')).toBe('计划尚未经主管领导核准,不能备案');
    expect(planTransitionProblem('approved', 'return')).toBe('计划已核准,不能再退回');
    expect(planTransitionProblem('filed', 'approve')).toBe('计划已备案,不能再核准');
  });

  it('lets the official edit only a draft or a returned plan', () => {
    expect(PLAN_STATES.filter(canEditPlan)).toEqual(['draft', 'returned']);
    expect(PLAN_STATES.map((s) => planStateLabels[s])).toEqual([
      '草稿',
      '已提交核准',
      '已退回',
      '已核准',
      '已备案',
    ]);
  });
});

function catchError(state: PlanState, action: PlanAction): unknown {
  try {
    nextPlanState(state, action);
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

describe('canonical JSON of versions', () => {
  it('gives the same text whatever the key order, leaving undefined members out', () => {
    const a = { version: 1, items: [{ task: '甲', weight: undefined, id: 'x' }], personId: 'P' };
    const b = { personId: 'P', items: [{ id: 'x', task: '甲' }], version: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(b)).toBe('{"items":[{"id":"x","task":"甲"}],"personId":"P","version":1}');
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(RangeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });

  it('makes a detached copy holding JSON values only', () => {
    const source = { items: [{ id: 'x', weight: undefined as number | undefined }] };
    const copy = jsonSnapshot(source);
    expect('weight' in copy.items[0]!).toBe(false);
    source.items[0]!.id = 'changed';
    expect(copy.items[0]!.id).toBe('x');
  });
});
