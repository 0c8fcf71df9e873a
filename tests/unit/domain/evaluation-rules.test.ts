import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  QUARTER_GRADES,
  describeExcellentRule,
  describeLowRankThreshold,
  excellentEligibility,
  goodCapWarnings,
  lowRankCount,
  lowRankedIds,
  presetConfig,
  type QuarterGrade,
  type RankedScore,
} from '../../../shared/domain';

const national = presetConfig('national');
const hubei = presetConfig('hubei');

const ev = (
  subject: string,
  resultGrade: QuarterGrade,
  over: { version?: number; year?: number; quarter?: number } = {},
) => ({
  subject,
  resultGrade,
  version: 1,
  year: 2026,
  quarter: 2,
  ...over,
});

/** 预算科, 12 assessed, `good` of them rated 好 in 2026 Q2. */
const budgetOffice = (good: number) =>
  Array.from({ length: 12 }, (_, i) => ev(`P${i + 1}`, i < good ? 'good' : 'fairlyGood'));

describe('goodCapWarnings (好 at most 40 % of those assessed)', () => {
  it('warns with the counts, the share and the cap', () => {
    expect(
      goodCapWarnings({
        config: national,
        unitName: '预算科',
        year: 2026,
        quarter: 2,
        evaluations: budgetOffice(5),
        assessedCount: 12,
        basis: '全国通行做法',
      }),
    ).toEqual([
      '预算科2026年第2季度评为“好”的有5人,占参加平时考核人数12人的41.7%,超过40%的比例上限(全国通行做法)。',
    ]);
  });

  it('is silent at or under the cap: 4 of 12 is 33.3 %, 4 of 10 is exactly 40 %', () => {
    const args = { config: national, unitName: '预算科', year: 2026, quarter: 2 };
    expect(goodCapWarnings({ ...args, evaluations: budgetOffice(4), assessedCount: 12 })).toEqual([]);
    expect(
      goodCapWarnings({ ...args, evaluations: budgetOffice(4).slice(0, 10), assessedCount: 10 }),
    ).toEqual([]);
  });

  it('says nothing when the unit sets no cap (湖北 preset)', () => {
    expect(
      goodCapWarnings({
        config: hubei,
        unitName: '预算科',
        year: 2026,
        quarter: 2,
        evaluations: budgetOffice(12),
        assessedCount: 12,
      }),
    ).toEqual([]);
  });

  it('counts each person once, by the latest version, and only the quarter asked', () => {
    const evaluations = [
      ...budgetOffice(4),
      // P5 corrected from 较好 to 好 → 5 好; P6's 好 was corrected down → still 5.
      ev('P5', 'good', { version: 2 }),
      ev('P12', 'good', { version: 3 }),
      ev('P12', 'fairlyGood', { version: 4 }),
      ev('P7', 'good', { quarter: 1 }),
      ev('P8', 'good', { year: 2025 }),
    ];
    const w = goodCapWarnings({
      config: national,
      unitName: '办公室',
      year: 2026,
      quarter: 2,
      evaluations,
      assessedCount: 12,
    });
    expect(w).toEqual([
      '办公室2026年第2季度评为“好”的有5人,占参加平时考核人数12人的41.7%,超过40%的比例上限。',
    ]);
  });

  it('warns exactly when 好 exceeds the cap (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), (assessed, g) => {
        const good = Math.min(g, assessed);
        const evaluations = Array.from({ length: good }, (_, i) => ev(`P${i}`, 'good'));
        const w = goodCapWarnings({
          config: national,
          unitName: '科',
          year: 2026,
          quarter: 2,
          evaluations,
          assessedCount: assessed,
        });
        expect(w.length).toBe(good * 100 > 40 * assessed ? 1 : 0);
      }),
    );
  });
});

describe('excellentEligibility (好 in at least half the quarters, no 一般 or 较差)', () => {
  const check = (quarterGrades: (QuarterGrade | null)[], lowRanked?: boolean) =>
    excellentEligibility({
      config: national,
      name: '张三',
      year: 2026,
      quarterGrades,
      ...(lowRanked === undefined ? {} : { lowRanked }),
    });

  it('states the rule in the unit’s words', () => {
    expect(describeExcellentRule(national.excellentRule!)).toBe('需“好”达半数且无一般、较差');
    expect(describeExcellentRule({ minGoodPercent: 75, forbiddenGrades: ['poor'] })).toBe(
      '需“好”达75%且无较差',
    );
  });

  it('accepts 好 in two quarters and 较好 in the others', () => {
    expect(check(['good', 'fairlyGood', 'good', 'fairlyGood'])).toEqual({ eligible: true, reasons: [] });
  });

  it('names the quarters graded 一般', () => {
    expect(check(['good', 'average', 'average', 'good'])).toEqual({
      eligible: false,
      reasons: ['张三2026年第2、3季度为“一般”,不符合优秀人选条件(需“好”达半数且无一般、较差)'],
    });
  });

  it('names 一般 and 较差 quarters together, and too few 好', () => {
    const r = check(['average', 'fairlyGood', 'poor', 'good']);
    expect(r.eligible).toBe(false);
    expect(r.reasons).toEqual([
      '张三2026年第1季度为“一般”,第3季度为“较差”,不符合优秀人选条件(需“好”达半数且无一般、较差)',
      '张三2026年评鉴的4个季度中“好”仅1个,需至少2个,不符合优秀人选条件(需“好”达半数且无一般、较差)',
    ]);
  });

  it('judges a mid-year arrival on the quarters evaluated: 好 in 2 of 3 is enough, 1 of 3 is not', () => {
    expect(check([null, 'good', 'good', 'fairlyGood']).eligible).toBe(true);
    expect(check([null, 'good', 'fairlyGood', 'fairlyGood']).reasons).toEqual([
      '张三2026年评鉴的3个季度中“好”仅1个,需至少2个,不符合优秀人选条件(需“好”达半数且无一般、较差)',
    ]);
    expect(check([null, null, null, null]).reasons).toEqual(['张三2026年尚无季度评鉴结果,无法认定优秀人选']);
  });

  it('rules out a low-ranked official even with all 好', () => {
    expect(check(['good', 'good', 'good', 'good'], true)).toEqual({
      eligible: false,
      reasons: ['张三2026年平时考核量化评鉴分值靠后,年度考核不能评为优秀'],
    });
  });

  it('湖北: a 较差 quarter rules out (the preset names 较差), a 一般 alone only through 靠后', () => {
    const args = {
      config: hubei,
      name: '李四',
      year: 2026,
      quarterGrades: ['average', 'poor', null, null] as (QuarterGrade | null)[],
    };
    expect(excellentEligibility(args).reasons).toEqual([
      '李四2026年第2季度为“较差”,不符合优秀人选条件(需无较差)',
    ]);
    const average = { ...args, quarterGrades: ['average', 'good', null, null] as (QuarterGrade | null)[] };
    expect(excellentEligibility(average).eligible).toBe(true);
    expect(excellentEligibility({ ...average, lowRanked: true }).eligible).toBe(false);
  });

  it('is eligible exactly when there is no reason (property)', () => {
    const grade = fc.option(fc.constantFrom(...QUARTER_GRADES), { nil: null });
    fc.assert(
      fc.property(fc.array(grade, { minLength: 4, maxLength: 4 }), fc.boolean(), (grades, low) => {
        const r = check(grades, low);
        expect(r.eligible).toBe(r.reasons.length === 0);
        const evaluated = grades.filter((g) => g !== null);
        const expected =
          !low &&
          evaluated.length > 0 &&
          !evaluated.some((g) => g === 'average' || g === 'poor') &&
          evaluated.filter((g) => g === 'good').length * 2 >= evaluated.length;
        expect(r.eligible).toBe(expected);
      }),
    );
  });
});

describe('lowRankedIds', () => {
  /** 12 people scoring 95, 94, …, 84 (P1 highest). */
  const twelve: RankedScore[] = Array.from({ length: 12 }, (_, i) => ({
    personId: `P${i + 1}`,
    score: 95 - i,
    grade: 95 - i >= 90 ? 'good' : 'fairlyGood',
  }));

  it('bottom 10 % of 12 people is 1 person (rounded down, at least 1)', () => {
    expect(lowRankCount({ kind: 'bottomPercent', percent: 10 }, 12)).toBe(1);
    expect(lowRankCount({ kind: 'bottomPercent', percent: 10 }, 25)).toBe(2);
    expect(lowRankCount({ kind: 'bottomPercent', percent: 10 }, 5)).toBe(1);
    expect(lowRankCount({ kind: 'bottomPercent', percent: 10 }, 0)).toBe(0);
    expect(lowRankedIds({ threshold: { kind: 'bottomPercent', percent: 10 }, scores: twelve })).toEqual([
      'P12',
    ]);
    expect(lowRankedIds({ threshold: { kind: 'bottomPercent', percent: 20 }, scores: twelve })).toEqual([
      'P12',
      'P11',
    ]);
  });

  it('bottom N, lowest first, never more than those ranked', () => {
    expect(lowRankedIds({ threshold: { kind: 'bottomN', n: 3 }, scores: twelve })).toEqual([
      'P12',
      'P11',
      'P10',
    ]);
    expect(lowRankedIds({ threshold: { kind: 'bottomN', n: 20 }, scores: twelve.slice(0, 2) })).toEqual([
      'P2',
      'P1',
    ]);
  });

  it('includes everyone tied at the boundary', () => {
    const scores: RankedScore[] = [
      { personId: '王五', score: 88, grade: 'fairlyGood' },
      { personId: '赵六', score: 81.5, grade: 'fairlyGood' },
      { personId: '钱七', score: 81.5, grade: 'fairlyGood' },
      { personId: '孙八', score: 92, grade: 'good' },
    ];
    expect(lowRankedIds({ threshold: { kind: 'bottomN', n: 1 }, scores })).toEqual(['赵六', '钱七']);
  });

  it('does not rank people evaluated by grade only', () => {
    const scores: RankedScore[] = [
      { personId: 'A', score: 70, grade: 'average' },
      { personId: 'B', grade: 'poor' },
      { personId: 'C', score: 90, grade: 'good' },
    ];
    expect(lowRankedIds({ threshold: { kind: 'bottomN', n: 1 }, scores })).toEqual(['A']);
    expect(lowRankedIds({ threshold: { kind: 'grade', grades: ['poor', 'average'] }, scores })).toEqual([
      'A',
      'B',
    ]);
  });

  it('below a score is strictly below', () => {
    expect(lowRankedIds({ threshold: { kind: 'belowScore', score: 86 }, scores: twelve })).toEqual([
      'P12',
      'P11',
    ]);
  });

  it('by grade keeps the input order', () => {
    expect(
      lowRankedIds({ threshold: { kind: 'grade', grades: ['fairlyGood'] }, scores: twelve.slice(4, 8) }),
    ).toEqual(['P7', 'P8']);
  });

  it('bottomPercent picks at least one and at most the share (plus ties) (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 100 }),
        (values, percent) => {
          const scores = values.map((score, i) => ({ personId: `P${i}`, score, grade: 'average' as const }));
          const ids = lowRankedIds({ threshold: { kind: 'bottomPercent', percent }, scores });
          const n = Math.max(1, Math.floor((values.length * percent) / 100));
          expect(ids.length).toBeGreaterThanOrEqual(n);
          const picked = new Set(ids);
          const maxPicked = Math.max(...scores.filter((s) => picked.has(s.personId)).map((s) => s.score));
          // Nobody left out scores at or below anyone picked.
          for (const s of scores) if (!picked.has(s.personId)) expect(s.score).toBeGreaterThan(maxPicked);
        },
      ),
    );
  });

  it('describes each threshold in words', () => {
    expect(describeLowRankThreshold({ kind: 'bottomPercent', percent: 10 })).toBe(
      '本单位排名后10%(按人数向下取整,至少1人)',
    );
    expect(describeLowRankThreshold({ kind: 'bottomN', n: 2 })).toBe('本单位排名后2名');
    expect(describeLowRankThreshold({ kind: 'belowScore', score: 70 })).toBe('量化评鉴分值低于70分');
    expect(describeLowRankThreshold({ kind: 'grade', grades: ['poor', 'average'] })).toBe(
      '季度评鉴为“一般”或“较差”',
    );
  });
});
