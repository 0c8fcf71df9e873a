import { describe, expect, it } from 'vitest';
import {
  buildTrackingRows,
  countByUnit,
  describeTrackingRules,
  drawSample,
  filterRows,
  planCell,
  quarterDeadline,
  recordDeadline,
  reminderList,
  reminderTotals,
  sampleCount,
  submissionCell,
  type TrackingInput,
} from '../../../shared/domain';

/** A local moment, so the tests hold in any time zone. */
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h);
const iso = (y: number, m: number, d: number, h = 12) => at(y, m, d, h).toISOString();

describe('deadlines', () => {
  it('a month’s record book is due by the 5th of the next month; December’s in January of the next year', () => {
    expect(recordDeadline(2026, 3).date).toBe('2026-04-05');
    expect(recordDeadline(2026, 12).date).toBe('2027-01-05');
    expect(recordDeadline(2026, 12).end).toEqual(new Date(2027, 0, 6));
  });

  it('quarterly items are due in the month after the quarter; Q4 in January of the next year', () => {
    expect(quarterDeadline('summary', 2026, 1).date).toBe('2026-04-10');
    expect(quarterDeadline('evaluation', 2026, 2).date).toBe('2026-07-20');
    expect(quarterDeadline('register', 2026, 4).date).toBe('2027-01-25');
    expect(describeTrackingRules()).toContain('记实簿次月5日前');
  });
});

describe('cells', () => {
  const due = recordDeadline(2026, 3);
  it('nothing received: 未到期 until the deadline day is over, then 缺报', () => {
    expect(submissionCell(undefined, due, at(2026, 4, 5, 23)).state).toBe('pending');
    expect(submissionCell(undefined, due, at(2026, 4, 6, 0)).state).toBe('missing');
    // A draft never sent (version 0) counts as nothing received.
    expect(submissionCell({ state: 'editing', version: 0 }, due, at(2026, 5, 1)).state).toBe('missing');
  });

  it('received on the deadline day is on time; the day after is 逾期; returned is 已退回', () => {
    const now = at(2026, 6, 1);
    expect(
      submissionCell({ state: 'submitted', version: 1, submittedAt: iso(2026, 4, 5, 23) }, due, now),
    ).toMatchObject({
      state: 'submitted',
      due: '2026-04-05',
    });
    expect(
      submissionCell({ state: 'submitted', version: 1, submittedAt: iso(2026, 4, 6, 9) }, due, now).state,
    ).toBe('late');
    expect(
      submissionCell({ state: 'returned', version: 1, submittedAt: iso(2026, 4, 1) }, due, now).state,
    ).toBe('returned');
  });

  it('the year boundary: December’s record sent on 4 January is on time, on 6 January late', () => {
    const dec = recordDeadline(2026, 12);
    const now = at(2027, 2, 1);
    expect(
      submissionCell({ state: 'submitted', version: 1, submittedAt: iso(2027, 1, 4) }, dec, now).state,
    ).toBe('submitted');
    expect(
      submissionCell({ state: 'submitted', version: 1, submittedAt: iso(2027, 1, 6) }, dec, now).state,
    ).toBe('late');
    expect(submissionCell(undefined, dec, at(2026, 12, 31)).state).toBe('pending');
    expect(submissionCell(undefined, dec, at(2027, 1, 6)).state).toBe('missing');
  });

  it('the plan column', () => {
    expect(planCell(undefined, 2026, at(2026, 1, 31)).state).toBe('none');
    expect(planCell(undefined, 2026, at(2026, 2, 1)).state).toBe('overdue');
    expect(planCell({ state: 'submitted', version: 1 }, 2026, at(2026, 3, 1)).state).toBe('submitted');
    expect(planCell({ state: 'approved', version: 1 }, 2026, at(2026, 3, 1)).state).toBe('approved');
    expect(
      planCell({ state: 'filed', version: 1, filedAt: iso(2026, 2, 3) }, 2026, at(2026, 3, 1)),
    ).toMatchObject({
      state: 'filed',
      filedAt: iso(2026, 2, 3),
    });
  });
});

function input(now: Date): TrackingInput {
  return {
    year: 2026,
    now,
    units: [
      { id: 'org', name: '财政局', path: '/org/' },
      { id: 'u1', name: '办公室', path: '/org/u1/' },
      { id: 'u2', name: '预算科', path: '/org/u2/' },
      { id: 'u21', name: '预算一股', path: '/org/u2/u21/' },
    ],
    people: [
      { id: 'S1', name: '王主任', unitId: 'u1', supervisorId: null },
      { id: 'A', name: '张三', unitId: 'u1', supervisorId: 'S1' },
      { id: 'B', name: '李四', unitId: 'u21', supervisorId: 'S2' },
      { id: 'C', name: '王五', unitId: 'u21', supervisorId: 'S2' },
    ],
    names: new Map([
      ['S1', '王主任'],
      ['S2', '赵科长'],
      ['A', '张三'],
      ['B', '李四'],
      ['C', '王五'],
    ]),
    plans: [
      { personId: 'A', state: 'filed', version: 1, filedAt: iso(2026, 2, 1) },
      { personId: 'B', state: 'submitted', version: 1 },
    ],
    records: [
      { personId: 'A', month: 1, state: 'submitted', version: 1, submittedAt: iso(2026, 2, 3) },
      { personId: 'A', month: 2, state: 'submitted', version: 1, submittedAt: iso(2026, 3, 9) },
      { personId: 'B', month: 1, state: 'returned', version: 1, submittedAt: iso(2026, 2, 2) },
      { personId: 'C', month: 1, state: 'submitted', version: 1, submittedAt: iso(2026, 2, 1) },
      { personId: 'C', month: 2, state: 'submitted', version: 1, submittedAt: iso(2026, 3, 1) },
      { personId: 'C', month: 3, state: 'submitted', version: 1, submittedAt: iso(2026, 4, 1) },
    ],
    summaries: [{ personId: 'C', quarter: 1, state: 'submitted', version: 1, submittedAt: iso(2026, 4, 8) }],
    evaluations: [
      { subject: 'C', quarter: 1, signedAt: iso(2026, 4, 25) },
      { subject: 'C', quarter: 1, signedAt: iso(2026, 4, 15) },
    ],
    registers: [
      {
        supervisorId: 'S2',
        quarter: 1,
        version: 1,
        signedAt: iso(2026, 4, 22),
        entries: [{ personId: 'C' }],
      },
    ],
    spotChecks: [
      { personId: 'A', month: 2, state: 'open' },
      { personId: 'C', month: null, state: 'closed' },
    ],
  };
}

describe('the grid', () => {
  const now = at(2026, 5, 1);
  const rows = buildTrackingRows(input(now));
  const row = (id: string) => rows.find((r) => r.personId === id)!;

  it('every cell state, the plan, evaluations and the register', () => {
    expect(
      row('A')
        .months.slice(0, 5)
        .map((c) => c.state),
    ).toEqual(['submitted', 'late', 'missing', 'pending', 'pending']);
    expect(row('B').months[0]!.state).toBe('returned');
    expect(row('A').plan).toMatchObject({ state: 'filed' });
    expect(row('B').plan.state).toBe('submitted');
    expect(row('C').plan.state).toBe('overdue');
    expect(row('C').summaries.map((c) => c.state)).toEqual(['submitted', 'pending', 'pending', 'pending']);
    expect(row('A').summaries[0]!.state).toBe('missing');
    // The first signing counts: signed on 15 April, within the 20 April deadline.
    expect(row('C').evaluations[0]!.state).toBe('submitted');
    expect(row('B').evaluations[0]!.state).toBe('missing');
    expect(row('C').registers[0]!.state).toBe('submitted');
    expect(row('B').registers[0]!.state).toBe('missing');
    // No supervisor: nobody owes an evaluation of them.
    expect(row('S1').evaluations[0]!.state).toBe('notApplicable');
    expect(row('B').supervisorName).toBe('赵科长');
    expect(row('A').spotChecks).toEqual([{ month: 2, state: 'open' }]);
    expect(row('C').spotChecks).toEqual([{ month: 0, state: 'closed' }]);
  });

  it('filters by unit (a unit includes its sub-units) and by state; counts per unit', () => {
    const units = input(now).units;
    const ids = (
      unitId: string | null,
      filter: Parameters<typeof filterRows>[2]['filter'],
      view: 'monthly' | 'quarterly' = 'monthly',
    ) => filterRows(rows, units, { unitId, view, filter }).map((r) => r.personId);
    expect(ids('u2', 'all')).toEqual(['B', 'C']);
    expect(ids('u21', 'all')).toEqual(['B', 'C']);
    expect(ids('org', 'all')).toEqual(['S1', 'A', 'B', 'C']);
    expect(ids('u1', 'all')).toEqual(['S1', 'A']);
    expect(ids(null, 'late')).toEqual(['A']);
    expect(ids(null, 'returned')).toEqual(['B']);
    expect(ids(null, 'missing')).toEqual(['S1', 'A', 'B']);
    expect(ids(null, 'plan:filed')).toEqual(['A']);
    expect(ids(null, 'plan:overdue')).toEqual(['S1', 'C']);
    expect(ids('u21', 'missing', 'quarterly')).toEqual(['B']);
    const counts = countByUnit(rows, 'monthly');
    expect(
      counts.map((c) => [c.unitName, c.people, c.counts.late, c.counts.returned, c.planUnfiled]),
    ).toEqual([
      ['办公室', 2, 1, 0, 1],
      ['预算一股', 2, 0, 1, 2],
    ]);
  });

  it('the reminder list: by unit and supervisor; supervisors owe evaluations and the register; late items are not owed', () => {
    const groups = reminderList(rows);
    expect(groups.map((g) => [g.unitName, g.supervisorName, g.lines.map((l) => l.name)])).toEqual([
      ['办公室', '', ['王主任']],
      ['办公室', '王主任', ['张三']],
      ['预算一股', '赵科长', ['李四', '王五']],
      // 赵科长 is outside the rows (another HR's scope) but owes evaluations of people in them.
      ['预算一股', '', ['赵科长']],
    ]);
    const items = (id: string) => groups.flatMap((g) => g.lines).find((l) => l.personId === id)!.items;
    expect(items('A')).toEqual(['3月记实簿(缺报)', '第1季度工作小结(缺报)']);
    expect(items('S1')).toContain('第1季度领导评鉴(未评鉴:张三)');
    expect(items('S1')).toContain('第1季度备案登记表(未登记:张三)');
    expect(items('S1')).toContain('个人年度工作计划(未报送)');
    expect(items('B')).toEqual([
      '1月记实簿(已退回待重报)',
      '2月记实簿(缺报)',
      '3月记实簿(缺报)',
      '第1季度工作小结(缺报)',
    ]);
    expect(items('S2')).toEqual(['第1季度领导评鉴(未评鉴:李四)', '第1季度备案登记表(未登记:李四)']);
    expect(items('C')).toEqual(['个人年度工作计划(未报送)']);
    expect(reminderTotals(groups)).toEqual({
      people: 5,
      items: groups.flatMap((g) => g.lines).reduce((n, l) => n + l.items.length, 0),
    });
  });
});

describe('drawing a spot-check sample', () => {
  const people = Array.from({ length: 20 }, (_, i) => `P${i}`);
  it('draws the asked number without repeats, the same for the same seed, in the list’s order', () => {
    const a = drawSample(people, { count: 5 }, 42);
    expect(a).toHaveLength(5);
    expect(new Set(a).size).toBe(5);
    expect(drawSample(people, { count: 5 }, 42)).toEqual(a);
    expect(a).toEqual([...a].sort((x, y) => people.indexOf(x) - people.indexOf(y)));
    const draws = new Set(Array.from({ length: 10 }, (_, s) => drawSample(people, { count: 5 }, s).join()));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('a percentage rounds up; counts are capped', () => {
    expect(sampleCount(20, { percent: 10 })).toBe(2);
    expect(sampleCount(7, { percent: 10 })).toBe(1);
    expect(sampleCount(3, { count: 10 })).toBe(3);
    expect(sampleCount(0, { count: 3 })).toBe(0);
    expect(drawSample(people, { percent: 100 }, 1)).toEqual(people);
  });
});
