/**
 * What a person owes month by month, from their dated periods (tracking-duties.ts), and how the
 * official's 年度概览 and 统计分析 read it: scenarios of a whole year each.
 */
import { describe, expect, it } from 'vitest';
import {
  planDeadlineFor,
  unitsOfYear,
  yearDuties,
  yearOverview,
  yearStatistics,
  type PersonPeriod,
} from '../../../shared/domain';

const period = (from: string | null, to: string | null, over: Partial<PersonPeriod> = {}): PersonPeriod => ({
  from,
  to,
  unitId: 'u1',
  supervisorId: 'S',
  roles: ['official'],
  hrUnitIds: [],
  ...over,
});
const names: Record<string, string> = { u1: '办公室', u2: '法规科' };
const unitName = (id: string) => names[id] ?? id;
const owed = (d: ReturnType<typeof yearDuties>) => d.months.map((m) => (m.owed ? m.unitId : m.kind));

describe('yearDuties', () => {
  it('since before any record: every month and quarter, no notes', () => {
    const d = yearDuties([period(null, null)], 2026);
    expect(owed(d)).toEqual(Array(12).fill('u1'));
    expect(d.quarters.every((q) => q.owed)).toBe(true);
    expect(d).toMatchObject({ from: '2026-01-01', to: '2026-12-31', notes: [] });
    expect(d.planDue.date).toBe('2026-01-31');
  });

  it('joined on 15 July: from July (a day of the month is enough), the plan by 31 August', () => {
    const d = yearDuties([period('2026-07-15', null)], 2026);
    expect(owed(d)).toEqual([...Array(6).fill('beforeStart'), ...Array(6).fill('u1')]);
    expect(d.months[0]).toEqual({
      owed: false,
      kind: 'beforeStart',
      reason: '2026年7月15日入职(调入),此前不需填报',
    });
    expect(d.quarters.map((q) => q.owed)).toEqual([false, false, true, true]);
    expect(d.planDue.date).toBe('2026-08-31');
    expect(d.notes).toEqual(['2026年7月15日入职(调入),此前不需填报']);
    expect(d.from).toBe('2026-07-15');
  });

  it('left on 1 October (last day 30 September): nothing from October on', () => {
    const d = yearDuties([period(null, '2026-09-30')], 2026);
    expect(owed(d)).toEqual([...Array(9).fill('u1'), ...Array(3).fill('afterLeaving')]);
    expect(d.months[9]).toMatchObject({ reason: '自2026年10月1日起离职(调出),此后不需填报' });
    expect(d.quarters[3]!.owed).toBe(false);
    expect(d.to).toBe('2026-09-30');
  });

  it('an HR clerk without the 公务员 role owes nothing; one who becomes a 公务员 owes from then', () => {
    const clerk = yearDuties([period(null, null, { roles: ['hr'] })], 2026);
    expect(owed(clerk)).toEqual(Array(12).fill('notOfficial'));
    expect(clerk.plan.owed).toBe(false);
    expect(clerk.from).toBeNull();
    const later = yearDuties(
      [
        period('2025-03-01', '2026-04-30', { roles: ['hr'] }),
        period('2026-05-01', null, { roles: ['hr', 'official'] }),
      ],
      2026,
    );
    expect(owed(later)).toEqual([...Array(4).fill('notOfficial'), ...Array(8).fill('u1')]);
    expect(later.months[0]).toMatchObject({ reason: '自2026年5月1日起担任公务员(被考核人),此前不需填报' });
    const stopped = yearDuties(
      [period(null, '2026-06-30'), period('2026-07-01', null, { roles: ['hr'] })],
      2026,
    );
    expect(stopped.months[6]).toMatchObject({
      kind: 'notOfficial',
      reason: '自2026年7月1日起不再担任公务员(被考核人),此后不需填报',
    });
  });

  it('left in March and came back in June: April and May are away, with the dates', () => {
    const d = yearDuties([period(null, '2026-03-20'), period('2026-06-01', null)], 2026);
    expect(owed(d)).toEqual(['u1', 'u1', 'u1', 'away', 'away', ...Array(7).fill('u1')]);
    expect(d.months[3]).toMatchObject({ reason: '2026年3月21日至2026年5月31日不在本单位,不需填报' });
    expect(d.moves).toEqual([]);
  });

  it('moved to 法规科 on 16 July: July counts there (the latest period of the month), and the move is noted', () => {
    const d = yearDuties(
      [period(null, '2026-07-15'), period('2026-07-16', null, { unitId: 'u2', supervisorId: 'T' })],
      2026,
      { unitName },
    );
    expect(owed(d)).toEqual([...Array(6).fill('u1'), ...Array(6).fill('u2')]);
    expect(d.quarters.map((q) => (q.owed ? [q.unitId, q.supervisorId] : null))).toEqual([
      ['u1', 'S'],
      ['u1', 'S'],
      ['u2', 'T'],
      ['u2', 'T'],
    ]);
    expect(d.plan).toEqual({ owed: true, unitId: 'u1', supervisorId: 'S' });
    expect(d.notes).toEqual(['2026年7月16日由办公室调入法规科']);
    expect(unitsOfYear(d)).toEqual([
      { unitId: 'u1', firstMonth: 1, lastMonth: 6 },
      { unitId: 'u2', firstMonth: 7, lastMonth: 12 },
    ]);
  });

  it('a plan deadline for a starter: the year’s when they start on 1 January; next January’s for a December starter', () => {
    expect(planDeadlineFor(2026, '2026-01-01').date).toBe('2026-01-31');
    expect(planDeadlineFor(2026, '2026-01-10').date).toBe('2026-02-28');
    expect(planDeadlineFor(2026, '2026-12-01').date).toBe('2027-01-31');
    expect(planDeadlineFor(2026, null).date).toBe('2026-01-31');
  });
});

describe('the official’s 年度概览 with duties', () => {
  it('left in September: October to December are 离职后, never overdue, and not in what to do next', () => {
    const duties = yearDuties([period(null, '2026-09-14')], 2026);
    const o = yearOverview({
      year: 2026,
      today: '2026-12-20',
      plan: undefined,
      records: [],
      summaries: [],
      duties,
    });
    expect(o.months.map((m) => m.overdue)).toEqual([...Array(9).fill(true), false, false, false]);
    expect(o.months[9]).toMatchObject({
      state: 'notRequired',
      notOwed: { kind: 'afterLeaving', reason: '自2026年9月15日起离职(调出),此后不需填报' },
    });
    expect(o.quarters[3]).toMatchObject({ state: 'notRequired', overdue: false });
    expect(o.dueNext.filter((l) => l.includes('记实簿'))).toHaveLength(9);
    expect(o.dueNext.some((l) => l.startsWith('10月'))).toBe(false);
    expect(o.dueNext.some((l) => l.startsWith('第4季度'))).toBe(false);
  });
});

describe('统计分析 with the months and quarters each person owed', () => {
  it('a starter is in the denominators from their month on; a transfer counts in each unit for its quarters', () => {
    const s = yearStatistics({
      year: 2026,
      units: [
        { id: 'u1', name: '办公室' },
        { id: 'u2', name: '法规科' },
      ],
      people: [
        { personId: 'a', name: '甲', unitId: 'u1' },
        {
          personId: 'b',
          name: '乙',
          unitId: 'u1',
          months: [...Array(11).fill(null), 'u1'],
          quarters: [null, null, null, 'u1'],
        },
        {
          personId: 'c',
          name: '丙',
          unitId: 'u2',
          months: [...Array(6).fill('u1'), ...Array(6).fill('u2')],
          quarters: ['u1', 'u1', 'u2', 'u2'],
        },
      ],
      evaluations: [
        { subject: 'c', year: 2026, quarter: 1, version: 1, resultGrade: 'good' },
        { subject: 'c', year: 2026, quarter: 3, version: 1, resultGrade: 'fairlyGood' },
      ],
      plans: [],
      records: [{ personId: 'b', year: 2026, month: 12, version: 1 }],
    });
    expect(s.completion.recordsByMonth.map((r) => r.total)).toEqual([...Array(11).fill(2), 3]);
    expect(s.completion.recordsByMonth[11]).toMatchObject({ done: 1, total: 3 });
    expect(s.completion.evaluationsByQuarter.map((r) => r.total)).toEqual([2, 2, 2, 3]);
    const row = (unit: string, q: number) =>
      s.distribution.find((d) => d.unitId === unit && d.quarter === q)!;
    expect([1, 2, 3, 4].map((q) => row('u1', q).assessed)).toEqual([2, 2, 1, 2]);
    expect([1, 2, 3, 4].map((q) => row('u2', q).assessed)).toEqual([0, 0, 1, 1]);
    expect(row('u1', 1).counts.good).toBe(1);
    expect(row('u2', 3).counts.fairlyGood).toBe(1);
    const byUnit = new Map(s.completion.byUnit.map((u) => [u.unitId, u]));
    expect(byUnit.get('u1')!.evaluationsSigned).toMatchObject({ done: 1, total: 7 });
    expect(byUnit.get('u2')!.evaluationsSigned).toMatchObject({ done: 1, total: 2 });
  });
});
