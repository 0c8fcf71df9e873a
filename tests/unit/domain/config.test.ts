import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/errors/errors';
import {
  parseConfig,
  presetConfig,
  scoreBandIssues,
  validateConfig,
  type AssessmentConfig,
  type ScoreBand,
} from '../../../shared/domain';

const base = (): AssessmentConfig => presetConfig('national');
const byPath = (issues: { path: string; message: string }[]) =>
  Object.fromEntries(issues.map((i) => [i.path, i.message]));

describe('validateConfig', () => {
  it('accepts both shipped presets', () => {
    expect(validateConfig(presetConfig('hubei'))).toEqual([]);
    expect(validateConfig(presetConfig('national'))).toEqual([]);
  });

  it('reports a nested level whose weights do not add up to 100, with its path', () => {
    const c = base();
    c.indicatorTemplates[0]!.indicators[1]!.children[0]!.weight = 15; // 工作数量 20 → 15
    expect(validateConfig(c)).toEqual([
      {
        path: 'indicatorTemplates.0.indicators.1.children',
        message: '“岗位指标”下各项指标权重之和应为100,当前为95',
      },
    ]);
  });

  it('reports a top level whose weights do not add up to 100', () => {
    const c = base();
    c.indicatorTemplates[2]!.indicators[0]!.weight = 40;
    expect(byPath(validateConfig(c))).toEqual({
      'indicatorTemplates.2.indicators': '指标模板“专业技术类”的一级指标权重之和应为100,当前为110',
    });
  });

  it('reports a repeated indicator id within a template', () => {
    const c = base();
    const post = c.indicatorTemplates[0]!.indicators[1]!;
    post.children[1]!.id = 'quantity';
    expect(validateConfig(c)).toContainEqual({
      path: 'indicatorTemplates.0.indicators.1.children.1.id',
      message: '指标编号“quantity”重复(“工作质量”)',
    });
  });

  it('requires a template for every position category', () => {
    const c = base();
    c.indicatorTemplates = c.indicatorTemplates.filter((t) => t.positionCategory !== 'enforcement');
    expect(validateConfig(c)).toEqual([
      { path: 'indicatorTemplates', message: '缺少适用于行政执法类全部职级的指标模板' },
    ]);
  });

  it('refuses a template naming a rank level of another category', () => {
    const c = base();
    c.indicatorTemplates[1]!.rankLevels = ['enfOfficer1'];
    expect(validateConfig(c)).toEqual([
      { path: 'indicatorTemplates.1.rankLevels.0', message: '“一级主办”不是综合管理类的职级' },
    ]);
  });

  it('checks field ranges in Chinese', () => {
    const c = { ...base(), goodCapPercent: 120, quarterWeightInAnnual: -1 };
    expect(byPath(validateConfig(c))).toEqual({
      goodCapPercent: '“好”等次比例上限应在0至100之间',
      quarterWeightInAnnual: '平时考核结果在年度考核中的权重应在0至100之间',
    });
  });

  it('requires a bonus factor to have a maximum or a fixed number of points, not both', () => {
    const c = base();
    c.bonusFactors = [
      { id: 'a', name: '表彰', maxPoints: 2, fixedPoints: 1 },
      { id: 'b', name: '建议' },
    ];
    const issues = validateConfig(c);
    expect(issues).toHaveLength(2);
    expect(issues.every((i) => i.message === '加分要素应设定最高加分或固定加分,二者选其一')).toBe(true);
  });

  it('refuses a score-based 靠后 rule when the method is 定性 only', () => {
    const c: AssessmentConfig = {
      ...base(),
      evaluationMethod: 'grade',
      lowRankThreshold: { kind: 'bottomN', n: 2 },
    };
    expect(validateConfig(c)).toEqual([
      { path: 'lowRankThreshold', message: '评鉴方式为定性评鉴时没有分值,“分值靠后”只能按等次认定' },
    ]);
    expect(validateConfig({ ...c, lowRankThreshold: { kind: 'grade', grades: ['poor'] } })).toEqual([]);
  });

  it('accepts each kind of 靠后 threshold', () => {
    for (const t of [
      { kind: 'bottomN', n: 1 },
      { kind: 'bottomPercent', percent: 5 },
      { kind: 'belowScore', score: 70 },
      { kind: 'grade', grades: ['average', 'poor'] },
    ] as const) {
      expect(validateConfig({ ...base(), lowRankThreshold: t })).toEqual([]);
    }
    expect(validateConfig({ ...base(), lowRankThreshold: { kind: 'bottomN', n: 0 } })).toEqual([
      { path: 'lowRankThreshold.n', message: '名次至少为1' },
    ]);
  });

  it('says what is wrong with input that is not a configuration at all', () => {
    expect(validateConfig(null)).toEqual([{ path: '', message: '考核办法格式不正确' }]);
  });

  it('parseConfig throws a ValidationError carrying every issue', () => {
    const c = { ...base(), goodCapPercent: 0, scoreBands: [] };
    expect(() => parseConfig(c)).toThrow(ValidationError);
    try {
      parseConfig({ ...base(), goodCapPercent: 0 });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues).toEqual([
        { path: 'goodCapPercent', message: '“好”等次比例上限应大于0;不设上限时请选择“不限”' },
      ]);
    }
  });
});

describe('score bands', () => {
  const bands = (...b: [ScoreBand['grade'], number, number][]): ScoreBand[] =>
    b.map(([grade, min, max]) => ({ grade, min, max }));

  it('accepts bands that cover 0–100 exactly, in any order', () => {
    expect(
      scoreBandIssues(bands(['poor', 0, 60], ['good', 90, 100], ['average', 60, 80], ['fairlyGood', 80, 90])),
    ).toEqual([]);
  });

  it('finds a gap between two bands', () => {
    expect(
      scoreBandIssues(bands(['good', 90, 100], ['fairlyGood', 85, 90], ['average', 60, 80], ['poor', 0, 60])),
    ).toEqual([
      { path: 'scoreBands.1.min', message: '80分至85分未归入任何等次,“一般”与“较好”的分数段之间不能有空档' },
    ]);
  });

  it('finds an overlap between two bands', () => {
    expect(scoreBandIssues(bands(['good', 85, 100], ['fairlyGood', 80, 90], ['poor', 0, 80]))).toEqual([
      { path: 'scoreBands.0.min', message: '“较好”与“好”的分数段在85分至90分重叠' },
    ]);
  });

  it('requires the bands to start at 0 and end at 100', () => {
    expect(scoreBandIssues(bands(['good', 90, 99], ['poor', 10, 90]))).toEqual([
      { path: 'scoreBands.1.min', message: '0分至10分未归入任何等次,分数段应从0分开始' },
      { path: 'scoreBands.0.max', message: '99分至100分未归入任何等次,分数段应到100分为止' },
    ]);
  });

  it('refuses a grade twice, an empty band and better grades below worse ones', () => {
    expect(scoreBandIssues(bands(['good', 50, 100], ['good', 0, 50]))[0]?.message).toBe(
      '“好”等次对应了多个分数段',
    );
    expect(scoreBandIssues(bands(['good', 50, 50], ['poor', 0, 50]))[0]?.message).toBe(
      '“好”的分数段上限应高于下限',
    );
    expect(scoreBandIssues(bands(['poor', 50, 100], ['good', 0, 50]))).toEqual([
      { path: 'scoreBands.0.grade', message: '分数较高的分数段应对应较好的等次:“好”与“较差”的顺序颠倒了' },
    ]);
  });

  it('reports through validateConfig with the band’s path', () => {
    const c = base();
    c.scoreBands[1] = { grade: 'fairlyGood', min: 81, max: 90 };
    expect(validateConfig(c)).toEqual([
      { path: 'scoreBands.1.min', message: '80分至81分未归入任何等次,“一般”与“较好”的分数段之间不能有空档' },
    ]);
  });
});
