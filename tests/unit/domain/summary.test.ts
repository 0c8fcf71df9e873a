import { describe, expect, it } from 'vitest';
import {
  quarterHighlights,
  summaryDraftText,
  summaryTextIssues,
  summaryTitle,
  type AnnualPlan,
  type Attendance,
  type MonthlyRecord,
  type QuarterHighlights,
} from '../../../shared/domain';

const days = (due: number, over: Partial<Attendance> = {}): Attendance => ({
  due,
  present: due,
  personalLeave: 0,
  sickLeave: 0,
  annualLeave: 0,
  businessTrip: 0,
  absent: 0,
  ...over,
});

const plan: AnnualPlan = {
  id: 'PLAN1',
  personId: 'P1',
  year: 2026,
  state: 'approved',
  items: [
    { id: 'p1', task: '起草年度工作要点', target: '3月底前印发', deadline: '2026-03-31', duty: '综合文稿' },
    {
      id: 'p2',
      task: '推进档案数字化',
      target: '完成2020年以来档案扫描',
      deadline: '2026-09-30',
      duty: '档案管理',
    },
    { id: 'p3', task: '组织业务培训', target: '全年2次', deadline: '2026-11-30', duty: '教育培训' },
  ],
  version: 1,
  returnReasons: [],
  updatedAt: '2026-01-10T08:00:00.000Z',
};

const rec = (month: number, over: Partial<MonthlyRecord>): MonthlyRecord => ({
  id: `R${month}`,
  personId: 'P1',
  year: 2026,
  month,
  state: 'submitted',
  workItems: [],
  attendance: days(20),
  errors: [],
  version: 1,
  updatedAt: '2026-04-01T08:00:00.000Z',
  ...over,
});

const records: MonthlyRecord[] = [
  rec(2, {
    workItems: [
      {
        id: 'w3',
        content: '推进档案扫描',
        progress: '完成40%',
        status: 'inProgress',
        percent: 40,
        planItemId: 'p2',
      },
      { id: 'w4', content: '整理会议纪要', progress: '已归档', status: 'completed', percent: 100 },
    ],
    attendance: days(16, { present: 15.5, personalLeave: 0.5, businessTrip: 2 }),
    errors: [
      {
        id: 'e1',
        date: '2026-02-10',
        matter: '公文文号编错',
        cause: '未核对',
        correction: '已更正',
        severity: 'minor',
      },
    ],
  }),
  rec(1, {
    workItems: [
      {
        id: 'w1',
        content: '印发年度工作要点',
        progress: '1月20日印发',
        status: 'completed',
        percent: 100,
        planItemId: 'p1',
      },
    ],
    attendance: days(21, { present: 20, sickLeave: 1 }),
  }),
  rec(4, {
    workItems: [
      {
        id: 'w5',
        content: '推进档案扫描',
        progress: '',
        status: 'inProgress',
        percent: 80,
        planItemId: 'p2',
      },
    ],
    errors: [
      { id: 'e2', date: '2026-04-03', matter: '四月差错', cause: '', correction: '', severity: 'general' },
    ],
  }),
  rec(3, {
    year: 2025,
    workItems: [{ id: 'w6', content: '去年的工作', progress: '', status: 'completed', percent: 100 }],
  }),
];

const expected: QuarterHighlights = {
  completedItems: [
    { content: '印发年度工作要点', month: 1 },
    { content: '整理会议纪要', month: 2 },
  ],
  planProgress: [
    { planItemId: 'p1', task: '起草年度工作要点', percent: 100 },
    { planItemId: 'p2', task: '推进档案数字化', percent: 40 },
    { planItemId: 'p3', task: '组织业务培训', percent: 0 },
  ],
  attendance: days(37, { present: 35.5, personalLeave: 0.5, sickLeave: 1, businessTrip: 2 }),
  errors: [{ date: '2026-02-10', matter: '公文文号编错', severity: 'minor' }],
  monthsMissing: [3],
};

describe('quarterHighlights', () => {
  it('rolls up the quarter’s record books, ignoring later months and other years', () => {
    expect(quarterHighlights(plan, records, 2026, 1)).toEqual(expected);
  });

  it('keeps a plan item at its last known percent in a quarter that does not mention it', () => {
    const q2 = quarterHighlights(plan, records, 2026, 2);
    expect(q2.planProgress.map((p) => p.percent)).toEqual([100, 80, 0]);
    expect(q2.monthsMissing).toEqual([5, 6]);
    expect(q2.errors).toEqual([{ date: '2026-04-03', matter: '四月差错', severity: 'general' }]);
  });

  it('works without a plan', () => {
    expect(quarterHighlights(undefined, records, 2026, 1).planProgress).toEqual([]);
  });
});

describe('summaryDraftText', () => {
  it('writes a first draft from the highlights', () => {
    expect(summaryDraftText(expected)).toBe(
      '本季度共完成工作2项:印发年度工作要点;整理会议纪要。' +
        '年度计划推进情况:“起草年度工作要点”完成100%,“推进档案数字化”完成40%,“组织业务培训”完成0%。' +
        '本季度应出勤37天,实出勤35.5天,请假1.5天(事假0.5天、病假1天),公差2天;差错登记1次。' +
        '(3月记实簿尚未提交,以上情况未含该月。)',
    );
  });

  it('says so when nothing was completed and nothing went wrong', () => {
    const quiet: QuarterHighlights = {
      completedItems: [],
      planProgress: [],
      attendance: days(61, { present: 60, absent: 1 }),
      errors: [],
      monthsMissing: [],
    };
    expect(summaryDraftText(quiet)).toBe(
      '本季度暂无已完成的工作事项。本季度应出勤61天,实出勤60天,无请假,旷工1天;无差错登记。',
    );
  });
});

describe('summaryTextIssues', () => {
  it('wants at least 20 characters, counting each Chinese character once', () => {
    expect(summaryTextIssues('  ')).toEqual([{ path: 'text', message: '季度个人工作小结未填写' }]);
    expect(summaryTextIssues('本季度完成了工作。')).toEqual([
      { path: 'text', message: '季度个人工作小结内容过短,请至少填写20个字' },
    ]);
    expect(summaryTextIssues('本季度按计划完成了年度工作要点的起草和印发工作。')).toEqual([]);
  });

  it('titles the summary', () => {
    expect(summaryTitle(2026, 1)).toBe('2026年第1季度个人工作小结');
  });
});
