import { describe, expect, it } from 'vitest';
import {
  yearOverview,
  type AnnualPlan,
  type MonthlyRecord,
  type QuarterSummary,
  type RecordState,
} from '../../../shared/domain';

const plan: AnnualPlan = {
  id: 'PLAN1',
  personId: 'P1',
  year: 2026,
  state: 'approved',
  items: [
    { id: 'p1', task: '起草年度工作要点', target: '3月底前印发', deadline: '2026-03-31', duty: '综合文稿' },
    { id: 'p2', task: '推进档案数字化', target: '4月底前完成扫描', deadline: '2026-04-30', duty: '档案管理' },
    { id: 'p3', task: '组织业务培训', target: '全年2次', deadline: '2026-11-30', duty: '教育培训' },
  ],
  version: 1,
  returnReasons: [],
  updatedAt: '2026-01-10T08:00:00.000Z',
};

const rec = (month: number, state: RecordState, over: Partial<MonthlyRecord> = {}): MonthlyRecord => ({
  id: `R${month}`,
  personId: 'P1',
  year: 2026,
  month,
  state,
  workItems: [],
  attendance: {
    due: 20,
    present: 20,
    personalLeave: 0,
    sickLeave: 0,
    annualLeave: 0,
    businessTrip: 0,
    absent: 0,
  },
  errors: [],
  version: state === 'editing' ? 0 : 1,
  updatedAt: '2026-04-01T08:00:00.000Z',
  ...over,
});

const records: MonthlyRecord[] = [
  rec(1, 'submitted', {
    workItems: [
      { id: 'w1', content: '印发要点', progress: '', status: 'completed', percent: 100, planItemId: 'p1' },
    ],
  }),
  rec(2, 'submitted'),
  rec(3, 'returned', {
    returnReason: '出勤天数与考勤表不一致,请核对',
    workItems: [
      { id: 'w2', content: '档案扫描', progress: '', status: 'inProgress', percent: 60, planItemId: 'p2' },
    ],
  }),
  rec(4, 'editing'),
];

const summary = (quarter: 1 | 2 | 3 | 4, state: 'editing' | 'submitted'): QuarterSummary => ({
  id: `S${quarter}`,
  personId: 'P1',
  year: 2026,
  quarter,
  state,
  text: '',
  highlights: {
    completedItems: [],
    planProgress: [],
    attendance: {
      due: 0,
      present: 0,
      personalLeave: 0,
      sickLeave: 0,
      annualLeave: 0,
      businessTrip: 0,
      absent: 0,
    },
    errors: [],
    monthsMissing: [],
  },
  version: 0,
  updatedAt: '2026-04-02T08:00:00.000Z',
});

describe('yearOverview on 2026-05-20', () => {
  const o = yearOverview({ year: 2026, today: '2026-05-20', plan, records, summaries: [] });

  it('shows each month’s record book and whether it is overdue', () => {
    expect(o.months.slice(0, 6)).toEqual([
      { month: 1, state: 'submitted', overdue: false },
      { month: 2, state: 'submitted', overdue: false },
      { month: 3, state: 'returned', overdue: true },
      { month: 4, state: 'editing', overdue: true },
      { month: 5, state: 'notYetDue', overdue: false },
      { month: 6, state: 'notYetDue', overdue: false },
    ]);
    expect(o.months).toHaveLength(12);
  });

  it('shows the quarters’ summaries', () => {
    expect(o.quarters).toEqual([
      { quarter: 1, state: 'missing', overdue: true },
      { quarter: 2, state: 'notYetDue', overdue: false },
      { quarter: 3, state: 'notYetDue', overdue: false },
      { quarter: 4, state: 'notYetDue', overdue: false },
    ]);
  });

  it('shows plan items with their progress and whether they are past 完成时限', () => {
    expect(o.planItems).toEqual([
      { id: 'p1', task: '起草年度工作要点', deadline: '2026-03-31', percent: 100, overdue: false },
      { id: 'p2', task: '推进档案数字化', deadline: '2026-04-30', percent: 60, overdue: true },
      { id: 'p3', task: '组织业务培训', deadline: '2026-11-30', percent: 0, overdue: false },
    ]);
  });

  it('lists what to do next in plain Chinese, most urgent first', () => {
    expect(o.dueNext).toEqual([
      '3月记实簿已被退回:出勤天数与考勤表不一致,请核对',
      '4月记实簿尚未提交',
      '第1季度个人工作小结尚未提交',
      '计划事项“推进档案数字化”已过完成时限,完成进度60%',
    ]);
  });
});

describe('yearOverview rules', () => {
  it('makes a month due only after its last day', () => {
    const onLastDay = yearOverview({ year: 2026, today: '2026-04-30', plan, records, summaries: [] });
    expect(onLastDay.months[3]).toEqual({ month: 4, state: 'editing', overdue: false });
    const nextDay = yearOverview({ year: 2026, today: '2026-05-01', plan, records, summaries: [] });
    expect(nextDay.months[3]).toEqual({ month: 4, state: 'editing', overdue: true });
  });

  it('shows a missing month as missing once it has ended', () => {
    const o = yearOverview({
      year: 2026,
      today: '2026-07-01',
      plan,
      records,
      summaries: [summary(1, 'submitted'), summary(2, 'editing')],
    });
    expect(o.months[5]).toEqual({ month: 6, state: 'missing', overdue: true });
    expect(o.quarters.slice(0, 2)).toEqual([
      { quarter: 1, state: 'submitted', overdue: false },
      { quarter: 2, state: 'editing', overdue: true },
    ]);
    expect(o.dueNext).toEqual([
      '3月记实簿已被退回:出勤天数与考勤表不一致,请核对',
      '4月记实簿尚未提交',
      '5月记实簿尚未提交',
      '6月记实簿尚未提交',
      '第2季度个人工作小结尚未提交',
      '计划事项“推进档案数字化”已过完成时限,完成进度60%',
    ]);
  });

  it('puts the plan first when it is not submitted or was returned', () => {
    const none = yearOverview({
      year: 2026,
      today: '2026-01-15',
      plan: undefined,
      records: [],
      summaries: [],
    });
    expect(none.dueNext).toEqual(['2026年个人年度工作计划尚未提交核准']);
    expect(none.planItems).toEqual([]);

    const returned: AnnualPlan = {
      ...plan,
      state: 'returned',
      returnReasons: [
        { itemId: 'p2', reason: '目标要求不够具体' },
        { itemId: null, reason: '请补充培训计划' },
      ],
    };
    const o = yearOverview({ year: 2026, today: '2026-01-15', plan: returned, records: [], summaries: [] });
    expect(o.dueNext).toEqual([
      '2026年个人年度工作计划已被退回:第2项“推进档案数字化”:目标要求不够具体;请补充培训计划',
    ]);
  });

  it('says nothing about a submitted or approved plan, and ignores other years’ records', () => {
    const o = yearOverview({
      year: 2026,
      today: '2026-02-01',
      plan: { ...plan, state: 'submitted' },
      records: [rec(1, 'submitted', { year: 2025 })],
      summaries: [],
    });
    expect(o.dueNext).toEqual(['1月记实簿尚未提交']);
  });

  it('refuses a bad today', () => {
    expect(() => yearOverview({ year: 2026, today: '2026-13-01', plan, records, summaries: [] })).toThrow(
      RangeError,
    );
  });
});
