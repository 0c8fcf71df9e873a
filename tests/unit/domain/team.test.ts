import { describe, expect, it } from 'vitest';
import { teamOverview, type TeamMemberYear, type TeamOverviewInput } from '../../../shared/domain';

const people = [
  { id: 'O2', name: '李四' },
  { id: 'O1', name: '张三' },
  { id: 'O3', name: '王五' },
];

type Rec = TeamMemberYear['records'][number];
type Ev = TeamMemberYear['evaluations'][number];

const rec = (month: number, over: Partial<Rec> = {}): Rec => ({
  year: 2026,
  month,
  state: 'submitted',
  version: 1,
  ...over,
});
const ev = (quarter: 1 | 2 | 3 | 4, over: Partial<Ev> = {}): Ev => ({
  year: 2026,
  quarter,
  version: 1,
  method: 'grade',
  resultGrade: 'good',
  ...over,
});
const summary = (quarter: 1 | 2 | 3 | 4) => ({
  year: 2026,
  quarter,
  state: 'submitted' as const,
  version: 1,
});
const member = (over: Partial<TeamMemberYear> = {}): TeamMemberYear => ({
  records: [],
  summaries: [],
  evaluations: [],
  feedback: [],
  ...over,
});

function overview(over: Partial<TeamOverviewInput> = {}) {
  return teamOverview({ year: 2026, today: '2026-05-20', people, data: {}, ...over });
}

describe('teamOverview: what has arrived', () => {
  it('a report with nothing received: plan 未收到, ended months missing, later months not yet due', () => {
    const o = overview({ people: [{ id: 'O1', name: '张三' }] });
    const p = o.people[0]!;
    expect(p.plan).toEqual({ state: 'missing', version: 0 });
    expect(p.months.map((m) => m.state)).toEqual([
      'missing',
      'missing',
      'missing',
      'missing',
      // May is still running on 20 May: not missing yet.
      'notYetDue',
      'notYetDue',
      'notYetDue',
      'notYetDue',
      'notYetDue',
      'notYetDue',
      'notYetDue',
      'notYetDue',
    ]);
    // Q1 has ended with nothing in: it still awaits the evaluation.
    expect(p.quarters.map((q) => q.state)).toEqual([
      'awaitingEvaluation',
      'collecting',
      'notYetDue',
      'notYetDue',
    ]);
    expect(p.quarters[0]!.summary).toBe('missing');
    expect(p.quarters[1]!.summary).toBe('notYetDue');
    expect(p.actions.map((a) => a.kind)).toEqual(['evaluate']);
    expect(p.actions[0]!.detail).toBe('尚未收到1月记实簿、2月记实簿、3月记实簿、季度个人工作小结');
  });

  it('the last day of a month is not yet missing; the day after it is', () => {
    const one = [{ id: 'O1', name: '张三' }];
    expect(overview({ people: one, today: '2026-04-30' }).people[0]!.months[3]!.state).toBe('notYetDue');
    expect(overview({ people: one, today: '2026-05-01' }).people[0]!.months[3]!.state).toBe('missing');
  });

  it('a returned month shows its reason and asks nothing of the supervisor', () => {
    const o = overview({
      people: [{ id: 'O1', name: '张三' }],
      data: { O1: member({ records: [rec(4, { state: 'returned', returnReason: '考勤不符' })] }) },
    });
    const p = o.people[0]!;
    expect(p.months[3]).toEqual({ month: 4, state: 'returned', version: 1, returnReason: '考勤不符' });
    expect(p.actions.some((a) => a.kind === 'reviewRecord')).toBe(false);
  });

  it('ignores other years and versions never submitted', () => {
    const o = overview({
      people: [{ id: 'O1', name: '张三' }],
      data: {
        O1: member({
          plan: { year: 2025, state: 'submitted', version: 1 },
          records: [rec(1, { year: 2025 }), rec(2, { version: 0, state: 'submitted' })],
        }),
      },
    });
    const p = o.people[0]!;
    expect(p.plan.state).toBe('missing');
    expect(p.months[0]!.state).toBe('missing');
    expect(p.months[1]!.state).toBe('missing');
    expect(p.actions.map((a) => a.kind)).toEqual(['evaluate']);
  });
});

describe('teamOverview: what awaits the supervisor', () => {
  it('a submitted plan is the most urgent action, naming the version when resubmitted', () => {
    const o = overview({
      data: {
        O1: member({ plan: { year: 2026, state: 'submitted', version: 2 } }),
        O2: member({ plan: { year: 2026, state: 'approved', version: 1 } }),
      },
    });
    const zhang = o.people.find((p) => p.personId === 'O1')!;
    expect(zhang.plan).toEqual({ state: 'submitted', version: 2 });
    expect(zhang.actions[0]).toMatchObject({
      kind: 'approvePlan',
      text: '张三 2026年度个人工作计划(第2版)待核准',
    });
    expect(o.actions[0]!.kind).toBe('approvePlan');
    // An approved or returned plan asks nothing.
    expect(o.people.find((p) => p.personId === 'O2')!.actions.some((a) => a.kind === 'approvePlan')).toBe(
      false,
    );
  });

  it('lists submitted record books of the current and the last quarter only', () => {
    const o = overview({
      today: '2026-08-10',
      people: [{ id: 'O1', name: '张三' }],
      data: { O1: member({ records: [rec(2), rec(5), rec(7, { version: 2 })] }) },
    });
    const reviews = o.people[0]!.actions.filter((a) => a.kind === 'reviewRecord');
    expect(reviews.map((a) => a.month)).toEqual([5, 7]);
    expect(reviews[1]!.text).toBe('张三 2026年7月记实簿(第2版)已提交,待审阅');
  });

  it('across the year boundary: in January the fourth quarter of last year is the last quarter', () => {
    const o = teamOverview({
      year: 2026,
      today: '2027-01-12',
      people: [{ id: 'O1', name: '张三' }],
      data: { O1: member({ records: [rec(9), rec(11)] }) },
    });
    const p = o.people[0]!;
    expect(p.actions.filter((a) => a.kind === 'reviewRecord').map((a) => a.month)).toEqual([11]);
    // Every month and quarter of 2026 is over.
    expect(p.months.every((m) => m.state !== 'notYetDue')).toBe(true);
    expect(p.quarters.every((q) => q.ended)).toBe(true);
    expect(p.actions.filter((a) => a.kind === 'evaluate').map((a) => a.quarter)).toEqual([1, 2, 3, 4]);
  });

  it('a year not begun yet: nothing missing, nothing to do but a plan written ahead', () => {
    const o = teamOverview({
      year: 2027,
      today: '2026-12-20',
      people: [{ id: 'O1', name: '张三' }],
      data: { O1: member({ plan: { year: 2027, state: 'submitted', version: 1 } }) },
    });
    const p = o.people[0]!;
    expect(p.months.every((m) => m.state === 'notYetDue')).toBe(true);
    expect(p.quarters.every((q) => q.state === 'notYetDue')).toBe(true);
    expect(p.actions.map((a) => a.kind)).toEqual(['approvePlan']);
  });

  it('a quarter still running is ready for evaluation once its three record books and summary are in', () => {
    const data = member({ records: [rec(4), rec(5), rec(6)], summaries: [summary(2)] });
    const o = overview({ today: '2026-06-29', people: [{ id: 'O1', name: '张三' }], data: { O1: data } });
    const q2 = o.people[0]!.quarters[1]!;
    expect(q2).toMatchObject({
      ended: false,
      recordsIn: 3,
      summary: 'submitted',
      state: 'awaitingEvaluation',
    });
    const evaluate = o.people[0]!.actions.find((a) => a.kind === 'evaluate' && a.quarter === 2)!;
    expect(evaluate.detail).toBeUndefined();

    // One of them returned: not all in, and the quarter has not ended.
    const returned = member({
      records: [rec(4), rec(5), rec(6, { state: 'returned' })],
      summaries: [summary(2)],
    });
    const o2 = overview({
      today: '2026-06-29',
      people: [{ id: 'O1', name: '张三' }],
      data: { O1: returned },
    });
    expect(o2.people[0]!.quarters[1]!.state).toBe('collecting');
  });

  it('evaluated → 评鉴结果反馈; with feedback → nothing; shows the latest version and the feedback signed', () => {
    const o = overview({
      people: [
        { id: 'O1', name: '张三' },
        { id: 'O2', name: '李四' },
      ],
      data: {
        O1: member({
          evaluations: [
            ev(1),
            ev(1, { version: 2, method: 'score', resultGrade: 'fairlyGood', resultScore: 85 }),
          ],
        }),
        O2: member({
          evaluations: [ev(1)],
          feedback: [
            { year: 2026, quarter: 1, kind: 'talk', date: '2026-04-10', ack: { text: '同意' } },
            { year: 2026, quarter: 1, kind: 'meeting', date: '2026-04-03' },
          ],
        }),
      },
    });
    const zhang = o.people.find((p) => p.personId === 'O1')!;
    expect(zhang.quarters[0]).toMatchObject({
      state: 'evaluated',
      evaluation: { version: 2, method: 'score', grade: 'fairlyGood', score: 85 },
      feedbackCount: 0,
    });
    expect(zhang.actions.map((a) => a.kind)).toEqual(['feedback']);
    const li = o.people.find((p) => p.personId === 'O2')!;
    expect(li.quarters[0]).toMatchObject({
      state: 'fedBack',
      feedbackCount: 2,
      acknowledgedCount: 1,
      lastFeedback: { kind: 'talk', date: '2026-04-10' },
    });
    expect(li.actions).toEqual([]);
  });
});

describe('teamOverview: the quarter register', () => {
  const allEvaluated = {
    O1: member({ evaluations: [ev(1)] }),
    O2: member({ evaluations: [ev(1)] }),
    O3: member({ evaluations: [ev(1, { version: 2 })] }),
  };

  it('is not asked for while someone is not evaluated', () => {
    const o = overview({ data: { O1: allEvaluated.O1, O2: allEvaluated.O2 } });
    expect(o.actions.some((a) => a.kind === 'signRegister')).toBe(false);
    expect(o.registers[0]).toMatchObject({
      quarter: 1,
      evaluated: 2,
      total: 3,
      signedVersion: null,
      upToDate: false,
    });
  });

  it('is asked for once everyone is evaluated, and no more once signed', () => {
    const o = overview({ data: allEvaluated });
    const sign = o.actions.filter((a) => a.kind === 'signRegister');
    expect(sign).toHaveLength(1);
    expect(sign[0]).toMatchObject({
      quarter: 1,
      personId: null,
      text: '2026年第1季度平时考核备案登记表待审核签署',
    });
    // Last in the list: every personal action comes first.
    expect(o.actions[o.actions.length - 1]!.kind).toBe('signRegister');

    const entry = (personId: string, evaluationVersion: number) => ({
      personId,
      name: personId,
      post: '科员',
      method: 'grade' as const,
      grade: 'good' as const,
      evaluationVersion,
      feedbackWay: '个人谈话',
    });
    const signed = overview({
      data: allEvaluated,
      registers: [
        { year: 2026, quarter: 1, version: 1, entries: [entry('O1', 1), entry('O2', 1), entry('O3', 2)] },
      ],
    });
    expect(signed.actions.some((a) => a.kind === 'signRegister')).toBe(false);
    expect(signed.registers[0]).toMatchObject({ signedVersion: 1, upToDate: true });

    // An evaluation corrected after signing: a new version of the register is due.
    const stale = overview({
      data: allEvaluated,
      registers: [
        { year: 2026, quarter: 1, version: 1, entries: [entry('O1', 1), entry('O2', 1), entry('O3', 1)] },
      ],
    });
    const again = stale.actions.find((a) => a.kind === 'signRegister')!;
    expect(again.detail).toBe('第1版签署后有评鉴更正或人员变动,需签署第2版');
  });

  it('an empty team asks for nothing', () => {
    const o = overview({ people: [] });
    expect(o.actions).toEqual([]);
    expect(o.registers.every((r) => r.total === 0 && !r.upToDate)).toBe(true);
  });
});

describe('teamOverview: order', () => {
  it('sorts people by their most urgent action, then by name; those with nothing to do last', () => {
    const o = overview({
      today: '2026-02-10',
      data: {
        // 王五: a record to review (2). 李四: nothing. 张三: a plan to approve (1).
        O3: member({ records: [rec(1)] }),
        O1: member({ plan: { year: 2026, state: 'submitted', version: 1 } }),
      },
    });
    expect(o.people.map((p) => p.name)).toEqual(['张三', '王五', '李四']);
    expect(o.actions.map((a) => `${a.kind}:${a.name}`)).toEqual(['approvePlan:张三', 'reviewRecord:王五']);
  });

  it('orders equal actions by period, then by name', () => {
    const o = overview({
      today: '2026-10-05',
      data: { O1: member(), O2: member(), O3: member() },
    });
    const evaluate = o.actions.filter((a) => a.kind === 'evaluate');
    // Q1 for everyone (by name in Chinese order), then Q2, then Q3.
    expect(evaluate.map((a) => `${a.quarter}${a.name}`)).toEqual([
      '1李四',
      '1王五',
      '1张三',
      '2李四',
      '2王五',
      '2张三',
      '3李四',
      '3王五',
      '3张三',
    ]);
  });

  it('refuses a bad date', () => {
    expect(() => overview({ today: '2026-13-01' })).toThrow(RangeError);
  });
});
