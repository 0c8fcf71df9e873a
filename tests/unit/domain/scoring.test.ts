import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/errors/errors';
import {
  QUARTER_GRADES,
  describeScoreBand,
  gradeForScore,
  leafIndicators,
  presets,
  templateFor,
  weightedScore,
  type IndicatorNode,
} from '../../../shared/domain';

const bands = presets.national.config.scoreBands;

describe('gradeForScore', () => {
  it('reads the national bands: ≥90 好, 80–89 较好, 60–79 一般, <60 较差', () => {
    const cases: [number, string][] = [
      [100, 'good'],
      [90, 'good'],
      [89.99, 'fairlyGood'],
      [80, 'fairlyGood'],
      [79.5, 'average'],
      [60, 'average'],
      [59.99, 'poor'],
      [0, 'poor'],
    ];
    for (const [score, grade] of cases) expect(gradeForScore(score, bands), String(score)).toBe(grade);
  });

  it('reads a score lifted past 100 by bonus points as the top band, and a negative one as the bottom', () => {
    expect(gradeForScore(103, bands)).toBe('good');
    expect(gradeForScore(-2, bands)).toBe('poor');
  });

  it('refuses a score that is not a number', () => {
    expect(() => gradeForScore(Number.NaN, bands)).toThrow(RangeError);
  });

  it('says so when the bands leave the score out', () => {
    expect(() => gradeForScore(50, [{ grade: 'good', min: 60, max: 100 }])).toThrow(ValidationError);
  });

  it('never gives a higher score a worse grade', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(QUARTER_GRADES.indexOf(gradeForScore(hi, bands))).toBeLessThanOrEqual(
            QUARTER_GRADES.indexOf(gradeForScore(lo, bands)),
          );
        },
      ),
    );
  });

  it('describes bands in words for help text', () => {
    expect(bands.map(describeScoreBand)).toEqual([
      '90分以上为好',
      '80分以上不满90分为较好',
      '60分以上不满80分为一般',
      '不满60分为较差',
    ]);
  });
});

describe('weightedScore', () => {
  const template = templateFor(presets.national.config.indicatorTemplates, 'comprehensive', 'staff1')!;
  const all = (score: number) =>
    Object.fromEntries(leafIndicators(template.indicators).map((l) => [l.node.id, score]));

  it('gives 100 when every leaf has 100, and the weighted mean otherwise', () => {
    expect(weightedScore(template.indicators, all(100))).toBe(100);
    // common 30 % all 90 → 27; post 70 %: 数量 20×80 + 质量 25×100 + 效率 20×80 + 成效 20×80 + 能力 15×80 = 85 → 59.5
    const scores = { ...all(90), quantity: 80, quality: 100, efficiency: 80, results: 80, competence: 80 };
    expect(weightedScore(template.indicators, scores)).toBe(86.5);
  });

  it('weights a deeper tree level by level', () => {
    const tree: IndicatorNode[] = [
      { id: 'a', name: '甲', weight: 50, children: [] },
      {
        id: 'b',
        name: '乙',
        weight: 50,
        children: [
          { id: 'b1', name: '乙一', weight: 25, children: [] },
          {
            id: 'b2',
            name: '乙二',
            weight: 75,
            children: [{ id: 'b2x', name: '乙二子', weight: 100, children: [] }],
          },
        ],
      },
    ];
    expect(weightedScore(tree, { a: 80, b1: 40, b2x: 100 })).toBe(80 * 0.5 + (40 * 0.25 + 100 * 0.75) * 0.5);
  });

  it('names every leaf that is unscored or out of range', () => {
    const scores = all(90);
    delete scores.politics;
    scores.quality = 120;
    try {
      weightedScore(template.indicators, scores);
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues).toEqual([
        { path: 'leafScores.politics', message: '“共性指标 / 政治品质”尚未评分' },
        { path: 'leafScores.quality', message: '“岗位指标 / 工作质量”的得分应在0至100之间' },
      ]);
    }
  });

  it('stays within 0–100 for any leaf scores in 0–100', () => {
    const leaves = leafIndicators(template.indicators).map((l) => l.node.id);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: leaves.length, maxLength: leaves.length }),
        (raw) => {
          const s = weightedScore(
            template.indicators,
            Object.fromEntries(leaves.map((id, i) => [id, raw[i]! / 100])),
          );
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});
