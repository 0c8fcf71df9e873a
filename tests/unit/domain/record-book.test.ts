import { describe, expect, it } from 'vitest';
import {
  ERROR_SEVERITIES,
  RECORD_STATES,
  WORK_STATUSES,
  attendanceIssues,
  defaultAttendance,
  errorSeverityLabels,
  monthlyRecordIssues,
  normaliseWorkItem,
  planProgress,
  recordStateLabels,
  sumAttendance,
  workStatusLabels,
  workingDays,
  type Attendance,
  type ErrorEntry,
  type MonthlyRecord,
  type WorkItem,
} from '../../../shared/domain';

const attendance = (over: Partial<Attendance> = {}): Attendance => ({
  due: 22,
  present: 22,
  personalLeave: 0,
  sickLeave: 0,
  annualLeave: 0,
  businessTrip: 0,
  absent: 0,
  ...over,
});

const work = (id: string, over: Partial<WorkItem> = {}): WorkItem => ({
  id,
  content: '起草季度工作简报',
  progress: '已完成初稿',
  status: 'inProgress',
  percent: 50,
  ...over,
});

const error = (id: string, over: Partial<ErrorEntry> = {}): ErrorEntry => ({
  id,
  date: '2026-03-10',
  matter: '公文文号编错',
  cause: '未核对发文登记簿',
  correction: '当日更正并重新印发',
  severity: 'minor',
  ...over,
});

const record = (over: Partial<MonthlyRecord> = {}): MonthlyRecord => ({
  id: 'R1',
  personId: 'P1',
  year: 2026,
  month: 3,
  state: 'editing',
  workItems: [work('w1')],
  attendance: attendance(),
  errors: [],
  version: 0,
  updatedAt: '2026-03-31T08:00:00.000Z',
  ...over,
});

describe('vocabulary of the record book', () => {
  it('labels statuses, severities and states in the policy’s words', () => {
    expect(WORK_STATUSES.map((s) => workStatusLabels[s])).toEqual(['未开始', '进行中', '已完成', '已延期']);
    expect(ERROR_SEVERITIES.map((s) => errorSeverityLabels[s])).toEqual(['轻微', '一般', '严重']);
    expect(RECORD_STATES.map((s) => recordStateLabels[s])).toEqual(['填写中', '已提交', '已退回']);
  });
});

describe('attendanceIssues', () => {
  it('accepts half days that add up, with 公差 counted inside 实出勤', () => {
    expect(
      attendanceIssues(
        attendance({ due: 21, present: 19.5, personalLeave: 0.5, sickLeave: 1, businessTrip: 3 }),
      ),
    ).toEqual([]);
    expect(attendanceIssues(attendance({ due: 21.5, present: 20, annualLeave: 1, absent: 0.5 }))).toEqual([]);
  });

  it('reports a sum that does not match 应出勤, with both numbers', () => {
    expect(attendanceIssues(attendance({ due: 21, present: 19, sickLeave: 1 }))).toEqual([
      { path: '', message: '出勤天数合计不符:应出勤 21 天,实出勤与各类请假、旷工合计 20 天' },
    ]);
    expect(attendanceIssues(attendance({ due: 21, present: 20, personalLeave: 1.5 }))).toEqual([
      { path: '', message: '出勤天数合计不符:应出勤 21 天,实出勤与各类请假、旷工合计 21.5 天' },
    ]);
  });

  it('does not add 公差 to the sum but keeps it within 实出勤', () => {
    // 公差 is not added: 22 = 22 holds although 公差 is 2.
    expect(attendanceIssues(attendance({ businessTrip: 2 }))).toEqual([]);
    expect(attendanceIssues(attendance({ due: 2, present: 2, businessTrip: 2.5 }))).toEqual([
      { path: 'businessTrip', message: '公差天数不能多于实出勤天数(公差计入实出勤):公差 2.5 天,实出勤 2 天' },
    ]);
  });

  it('refuses negative days and fractions other than halves, naming the field', () => {
    expect(attendanceIssues(attendance({ sickLeave: -1, present: 23 }))).toEqual([
      { path: 'sickLeave', message: '病假天数不能为负数' },
    ]);
    expect(attendanceIssues(attendance({ present: 21.7, annualLeave: 0.3 }))).toEqual([
      { path: 'present', message: '实出勤天数应以半天(0.5天)为单位' },
      { path: 'annualLeave', message: '年休假天数应以半天(0.5天)为单位' },
    ]);
    expect(attendanceIssues(attendance({ absent: Number.NaN }))).toEqual([
      { path: 'absent', message: '旷工天数应为数字' },
    ]);
  });
});

describe('defaultAttendance', () => {
  it('counts the month’s working days under the statutory schedule as 应出勤 and 实出勤', () => {
    expect(defaultAttendance(2026, 3)).toEqual(attendance({ due: 22, present: 22 }));
    const feb = workingDays(2026, 2).days;
    expect(feb).toBeLessThan(20); // the Spring Festival holidays are taken off
    expect(defaultAttendance(2026, 2)).toEqual(attendance({ due: feb, present: feb }));
  });

  it('uses the calendars it is given', () => {
    const none = defaultAttendance(2026, 2, []);
    expect(none.due).toBe(20); // Monday–Friday of February 2026
  });
});

describe('sumAttendance', () => {
  it('adds every column', () => {
    expect(
      sumAttendance([
        attendance({ due: 21, present: 20, sickLeave: 1 }),
        attendance({ due: 22, present: 21.5, personalLeave: 0.5, businessTrip: 2 }),
      ]),
    ).toEqual(attendance({ due: 43, present: 41.5, sickLeave: 1, personalLeave: 0.5, businessTrip: 2 }));
    expect(sumAttendance([])).toEqual(attendance({ due: 0, present: 0 }));
  });
});

describe('monthlyRecordIssues', () => {
  it('accepts a complete record book', () => {
    expect(monthlyRecordIssues(record({ errors: [error('e1')] }))).toEqual([]);
  });

  it('lists every problem at once, each naming its field', () => {
    const issues = monthlyRecordIssues(
      record({
        workItems: [
          work('w1', { content: ' ' }),
          work('w2', { percent: 120 }),
          work('w3', { status: 'completed', percent: 80 }),
        ],
        attendance: attendance({ due: 21, present: 19, sickLeave: 1 }),
        errors: [
          error('e1', { date: '2026-04-01' }),
          error('e2', { date: '2026-02-30', matter: '' }),
          error('e3', { date: '' }),
        ],
      }),
    );
    expect(issues).toEqual([
      { path: 'workItems.0.content', message: '第1项工作内容未填写' },
      { path: 'workItems.1.percent', message: '第2项完成进度应在0至100之间' },
      { path: 'workItems.2.percent', message: '第3项已完成的工作,完成进度应为100%' },
      { path: 'attendance', message: '出勤天数合计不符:应出勤 21 天,实出勤与各类请假、旷工合计 20 天' },
      { path: 'errors.0.date', message: '第1条差错登记日期不在2026年3月内(应为3月1日至3月31日)' },
      { path: 'errors.1.date', message: expect.stringMatching(/^第2条差错登记日期不是有效日期:/) as string },
      { path: 'errors.1.matter', message: '第2条差错登记事项未填写' },
      { path: 'errors.2.date', message: '第3条差错登记日期未填写' },
    ]);
  });

  it('wants at least one work item', () => {
    expect(monthlyRecordIssues(record({ workItems: [] }))).toEqual([
      { path: 'workItems', message: '本月工作内容至少应填写一项' },
    ]);
  });

  it('knows the length of February', () => {
    const feb = record({ month: 2, attendance: attendance(), errors: [error('e1', { date: '2026-03-01' })] });
    expect(monthlyRecordIssues(feb)[0]?.message).toBe(
      '第1条差错登记日期不在2026年2月内(应为2月1日至2月28日)',
    );
  });
});

describe('normaliseWorkItem', () => {
  it('sets a completed item to 100 % and leaves others alone', () => {
    expect(normaliseWorkItem(work('w', { status: 'completed', percent: 80 })).percent).toBe(100);
    const open = work('w', { percent: 80 });
    expect(normaliseWorkItem(open)).toBe(open);
  });
});

describe('planProgress', () => {
  const plan = {
    year: 2026,
    items: [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }].map((i) => ({
      ...i,
      task: '',
      target: '',
      deadline: '',
      duty: '',
    })),
  };

  it('takes the highest percent of the latest month that mentions each plan item', () => {
    const records = [
      record({
        month: 2,
        workItems: [
          work('a', { planItemId: 'p1', percent: 30 }),
          work('b', { planItemId: 'p2', percent: 90 }),
        ],
      }),
      record({
        month: 4,
        workItems: [
          work('c', { planItemId: 'p1', percent: 40 }),
          work('d', { planItemId: 'p1', percent: 70, status: 'delayed' }),
          work('e', { planItemId: 'unknown', percent: 100 }),
        ],
      }),
      record({ month: 3, workItems: [work('f', { planItemId: 'p2', percent: 60 })] }),
      record({ year: 2025, month: 12, workItems: [work('g', { planItemId: 'p3', percent: 100 })] }),
    ];
    const progress = planProgress(plan, records);
    expect(Object.fromEntries(progress)).toEqual({
      p1: { percent: 70, lastMonth: 4, status: 'delayed' },
      // March is later than February: its 60 % stands although February said 90 %.
      p2: { percent: 60, lastMonth: 3, status: 'inProgress' },
    });
  });
});
