import { describe, expect, it } from 'vitest';
import {
  rate,
  rateText,
  statisticsTables,
  yearStatistics,
  type StatsEvaluation,
} from '../../../shared/domain';

const people = [
  { personId: 'a', name: '甲', unitId: 'u1' },
  { personId: 'b', name: '乙', unitId: 'u1' },
  { personId: 'c', name: '丙', unitId: 'u2' },
];
const units = [
  { id: 'u2', name: '国库科' },
  { id: 'u1', name: '预算科' },
];
const ev = (
  subject: string,
  quarter: number,
  grade: StatsEvaluation['resultGrade'],
  score?: number,
  version = 1,
): StatsEvaluation => ({
  subject,
  year: 2026,
  quarter,
  version,
  resultGrade: grade,
  ...(score === undefined ? {} : { resultScore: score }),
});

const stats = yearStatistics({
  year: 2026,
  units,
  people,
  evaluations: [
    ev('a', 1, 'fairlyGood', 85),
    ev('a', 1, 'good', 92, 2), // the correction counts, once
    ev('b', 1, 'average', 70),
    ev('c', 1, 'good'),
    ev('a', 2, 'good', 94),
    { ...ev('a', 3, 'poor', 50), year: 2025 }, // another year
    ev('z', 1, 'good'), // not among the people
  ],
  plans: [
    { personId: 'a', year: 2026, state: 'approved', version: 1 },
    { personId: 'b', year: 2026, state: 'submitted', version: 2 },
    { personId: 'c', year: 2026, state: 'draft', version: 0 },
  ],
  records: [
    { personId: 'a', year: 2026, month: 1, version: 1 },
    { personId: 'b', year: 2026, month: 1, version: 2 },
    { personId: 'c', year: 2026, month: 1, version: 0 },
    { personId: 'a', year: 2026, month: 2, version: 1 },
  ],
});

describe('yearStatistics', () => {
  it('counts grades by unit and quarter from the latest versions, units in the order given', () => {
    const q1 = stats.distribution.filter((d) => d.quarter === 1);
    expect(q1.map((d) => [d.unitName, d.assessed, d.evaluated, d.counts])).toEqual([
      ['国库科', 1, 1, { good: 1, fairlyGood: 0, average: 0, poor: 0 }],
      ['预算科', 2, 2, { good: 1, fairlyGood: 0, average: 1, poor: 0 }],
    ]);
    expect(q1[1]!.goodPercent).toBe(50);
    expect(stats.distribution).toHaveLength(8);
    expect(stats.distribution.find((d) => d.unitId === 'u2' && d.quarter === 2)!.goodPercent).toBeNull();
  });

  it('follows the trend over the quarters, averaging the scored results', () => {
    expect(stats.trend.map((t) => [t.quarter, t.evaluated, t.counts.good, t.averageScore])).toEqual([
      [1, 3, 2, 81],
      [2, 1, 1, 94],
      [3, 0, 0, null],
      [4, 0, 0, null],
    ]);
  });

  it('rates plans, record books and evaluations against everyone taking part', () => {
    const c = stats.completion;
    expect(c.plansSubmitted).toEqual({ done: 2, total: 3, percent: 66.7 });
    expect(c.plansApproved).toEqual({ done: 1, total: 3, percent: 33.3 });
    expect(c.recordsByMonth.slice(0, 3).map((r) => r.done)).toEqual([2, 1, 0]);
    expect(c.recordsByMonth).toHaveLength(12);
    expect(c.evaluationsByQuarter.map((r) => r.done)).toEqual([3, 1, 0, 0]);
    expect(c.byUnit.map((u) => [u.unitName, u.evaluationsSigned.done, u.evaluationsSigned.total])).toEqual([
      ['国库科', 1, 4],
      ['预算科', 3, 8],
    ]);
  });

  it('words rates plainly, and has none when there is no one', () => {
    expect(rateText(rate(8, 12))).toBe('8/12(66.7%)');
    expect(rateText(rate(0, 0))).toBe('—');
  });

  it('gives the same figures as tables for the screen, Word and Excel', () => {
    const tables = statisticsTables(stats);
    expect(tables.map((t) => t.id)).toEqual([
      'distribution',
      'trend',
      'completionUnits',
      'records',
      'evaluations',
    ]);
    for (const t of tables) for (const r of t.rows) expect(r).toHaveLength(t.columns.length);
    const dist = tables[0]!;
    expect(dist.rows[0]).toEqual(['国库科', '第1季度', '1', '1', '1', '0', '0', '0', '100%']);
    expect(tables[2]!.rows.at(-1)).toEqual(['合计', '3', '2/3(66.7%)', '1/3(33.3%)', '—']);
    expect(tables[3]!.rows[0]).toEqual(['1月', '2', '3', '66.7%']);
  });
});

describe('a period not yet due (issue 22: 未到期, not 0 %)', () => {
  // 20 November 2026: October's 记实簿 was due 5 November; November's is due 5 December. The third
  // quarter's 领导评鉴 was due 20 October; the fourth's is due 20 January 2027.
  const asOf = new Date(2026, 10, 20, 10, 0);
  const s = yearStatistics({
    year: 2026,
    units,
    people,
    evaluations: [ev('a', 1, 'good'), ev('b', 4, 'good')],
    plans: [],
    records: [{ personId: 'a', year: 2026, month: 11, version: 1 }],
    asOf,
  });

  it('marks the quarters and months whose deadline has not passed, and only those', () => {
    expect(s.completion.evaluationsByQuarter.map((r) => r.notYetDue === true)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(s.completion.recordsByMonth.map((r) => r.notYetDue === true)).toEqual([
      ...Array<boolean>(10).fill(false),
      true,
      true,
    ]);
    expect(s.trend.map((t) => t.notYetDue === true)).toEqual([false, false, false, true]);
    expect(s.distribution.filter((d) => d.notYetDue === true).map((d) => d.quarter)).toEqual([4, 4]);
    // What came in early still counts.
    expect(s.completion.evaluationsByQuarter[3]).toMatchObject({ done: 1, total: 3 });
  });

  it('says 未到期 in the tables, never 0 %, and a due period with nothing in stays 0 %', () => {
    const tables = statisticsTables(s);
    const evaluations = tables.find((t) => t.id === 'evaluations')!;
    expect(evaluations.rows[3]).toEqual(['第4季度', '1', '3', '未到期(已33.3%)']);
    expect(evaluations.rows[2]).toEqual(['第3季度', '0', '3', '0%']);
    const records = tables.find((t) => t.id === 'records')!;
    expect(records.rows[11]).toEqual(['12月', '0', '3', '未到期']);
    expect(records.rows[9]).toEqual(['10月', '0', '3', '0%']);
  });

  it('counts every period as due when no day is given (a report of a past year)', () => {
    expect(stats.completion.evaluationsByQuarter.some((r) => r.notYetDue)).toBe(false);
  });
});
