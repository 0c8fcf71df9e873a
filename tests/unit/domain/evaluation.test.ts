import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/errors/errors';
import {
  computeResult,
  countedBonusPoints,
  evaluationInputSchema,
  evaluationIssues,
  evaluationSchema,
  finalizeEvaluation,
  leafIndicators,
  parseOrThrow,
  presetConfig,
  templateFor,
  type AssessmentConfig,
  type EvaluationInput,
  type IndicatorTemplate,
} from '../../../shared/domain';

const hubei = presetConfig('hubei');
const national = presetConfig('national');
const template: IndicatorTemplate = templateFor(hubei.indicatorTemplates, 'comprehensive', 'staff1')!;
const leafIds = leafIndicators(template.indicators).map((l) => l.node.id);
const allScores = (v: number): Record<string, number> => Object.fromEntries(leafIds.map((id) => [id, v]));

/** A complete 定量 evaluation of 张三 by 李科长 for 2026 Q2, every leaf 85. */
const scored = (over: Partial<EvaluationInput> = {}): EvaluationInput => ({
  id: 'EV1',
  subject: 'P-zhangsan',
  evaluator: 'P-likezhang',
  year: 2026,
  quarter: 2,
  method: 'score',
  leafScores: allScores(85),
  templateId: template.id,
  bonuses: [],
  peerOpinion: { consulted: 5, scope: '本科室同事', gist: '工作认真负责,能按时完成交办任务' },
  publicFeedback: { source: '来访群众', gist: '办事效率高,态度热情' },
  opinion: '该同志本季度工作扎实,预算编制按期完成。',
  evidence: {
    planVersion: 2,
    recordVersions: [
      { month: 4, version: 1 },
      { month: 5, version: 1 },
      { month: 6, version: 2 },
    ],
    summaryVersion: 1,
  },
  version: 1,
  ...over,
});

const graded = (over: Partial<EvaluationInput> = {}): EvaluationInput => {
  const {
    leafScores: _s,
    templateId: _t,
    ...rest
  } = scored({ method: 'grade', grade: 'fairlyGood', ...over });
  return { ...rest, ...(over.leafScores ? { leafScores: over.leafScores } : {}) };
};

const messages = (
  e: EvaluationInput,
  config: AssessmentConfig = hubei,
  t: IndicatorTemplate | undefined = template,
) => evaluationIssues(e, config, t).map((i) => i.message);

describe('evaluation schema', () => {
  it('parses a complete evaluation and defaults bonuses to none', () => {
    const { bonuses: _b, ...noBonuses } = scored();
    const parsed = parseOrThrow(evaluationInputSchema, noBonuses);
    expect(parsed.bonuses).toEqual([]);
    expect(parsed.publicFeedback?.source).toBe('来访群众');
  });

  it('refuses a quarter outside 1–4 and a negative number of colleagues consulted, in Chinese', () => {
    const r = evaluationInputSchema.safeParse({
      ...scored(),
      quarter: 5,
      peerOpinion: { consulted: -1, scope: '', gist: '' },
    });
    expect(r.success).toBe(false);
    const msgs = r.error!.issues.map((i) => i.message);
    expect(msgs).toContain('季度应为1至4');
    expect(msgs).toContain('征求意见人数不能为负数');
  });

  it('requires the derived grade on a signed evaluation', () => {
    expect(evaluationSchema.safeParse(scored()).success).toBe(false);
    expect(
      evaluationSchema.safeParse({ ...scored(), resultGrade: 'fairlyGood', resultScore: 85 }).success,
    ).toBe(true);
  });
});

describe('evaluationIssues: scores', () => {
  it('accepts a complete 定量 evaluation', () => {
    expect(messages(scored())).toEqual([]);
  });

  it('names a leaf scored outside 0–100', () => {
    const e = scored({ leafScores: { ...allScores(85), quality: 105 } });
    expect(evaluationIssues(e, hubei, template)).toContainEqual({
      path: 'leafScores.quality',
      message: '“工作质量”得分应在0至100之间',
    });
    expect(messages(scored({ leafScores: { ...allScores(85), attendance: -1 } }))).toContain(
      '“出勤”得分应在0至100之间',
    );
  });

  it('names each leaf not yet scored, and a score for an indicator not in the template', () => {
    const { quantity: _q, efficiency: _e, ...rest } = allScores(85);
    const msgs = messages(scored({ leafScores: { ...rest, innovation: 90 } }));
    expect(msgs).toContain('“工作数量”尚未评分');
    expect(msgs).toContain('“工作效率”尚未评分');
    expect(msgs).toContain('指标“innovation”不是指标模板“综合管理类”中的评分指标');
  });

  it('needs an applicable template for 定量, and the one named must be it', () => {
    expect(evaluationIssues(scored(), hubei, undefined).map((i) => i.message)).toContain(
      '未找到适用的指标模板,无法进行定量评鉴',
    );
    expect(messages(scored({ templateId: 'enforcement' }))).toContain(
      '评鉴所用指标模板“enforcement”与适用的指标模板“综合管理类”不一致',
    );
  });

  it('reports template weights that do not add up to 100', () => {
    const bad: IndicatorTemplate = structuredClone(template);
    bad.indicators[1]!.weight = 60;
    expect(messages(scored(), hubei, bad)).toContain(
      '指标模板“综合管理类”的一级指标权重之和应为100,当前为90',
    );
  });

  it('says when the chosen grade contradicts the score band', () => {
    expect(evaluationIssues(scored({ grade: 'good' }), hubei, template)).toContainEqual({
      path: 'grade',
      message: '得分85分对应“较好”,与所选等次“好”不一致',
    });
    expect(messages(scored({ grade: 'fairlyGood' }))).toEqual([]);
  });
});

describe('evaluationIssues: method', () => {
  it('refuses a method the unit does not allow', () => {
    const gradeOnly: AssessmentConfig = { ...national, evaluationMethod: 'grade' };
    expect(messages(scored(), gradeOnly)).toContain('本单位考核办法规定采用定性评鉴,不能采用定量评鉴');
    const scoreOnly: AssessmentConfig = { ...national, evaluationMethod: 'score' };
    expect(messages(graded(), scoreOnly)).toContain('本单位考核办法规定采用定量评鉴,不能采用定性评鉴');
    expect(messages(graded(), hubei)).toEqual([]);
  });

  it('needs a grade for 定性, and takes neither leaf scores nor bonuses with it', () => {
    const { grade: _g, ...noGrade } = graded();
    expect(messages(noGrade)).toContain('定性评鉴请选择评鉴等次');
    const msgs = messages(
      graded({
        leafScores: allScores(90),
        bonuses: [{ factorId: 'commendation', points: 2, reason: '获市级表彰' }],
      }),
    );
    expect(msgs).toContain('定性评鉴不逐项评分;需要评分的,请改为定量评鉴');
    expect(msgs).toContain('加分要素计入量化评鉴分值,定性评鉴不能加分;需要加分的,请改为定量评鉴');
  });
});

describe('evaluationIssues: bonuses (湖北 preset: 表彰 ≤3, 急难险重 ≤3, 建议被采纳 =1, cap 5)', () => {
  it('accepts bonuses within every limit', () => {
    const e = scored({
      bonuses: [
        { factorId: 'commendation', points: 3, reason: '获省财政厅通报表扬' },
        { factorId: 'adoptedProposal', points: 1, reason: '预算绩效建议被采纳' },
      ],
    });
    expect(messages(e)).toEqual([]);
  });

  it('names an unknown factor, an excess over maxPoints, a wrong fixed value and a missing reason', () => {
    const e = scored({
      bonuses: [
        { factorId: 'overtime', points: 1, reason: '加班' },
        { factorId: 'commendation', points: 4, reason: '获表彰' },
        { factorId: 'adoptedProposal', points: 2, reason: ' ' },
      ],
    });
    expect(evaluationIssues(e, hubei, template)).toEqual([
      { path: 'bonuses.0.factorId', message: '加分要素“overtime”不在本单位考核办法设定的加分要素中' },
      { path: 'bonuses.1.points', message: '“受到上级表彰奖励”最多加3分,填写了4分' },
      { path: 'bonuses.2.points', message: '“提出的意见建议被采纳”固定加1分,不能填写2分' },
      { path: 'bonuses.2.reason', message: '请填写“提出的意见建议被采纳”的加分理由' },
      { path: 'bonuses', message: '加分合计6分,超过每次评鉴最多加5分的上限' },
    ]);
  });

  it('reports a total over the cap even when each bonus is within its own limit', () => {
    const e = scored({
      bonuses: [
        { factorId: 'commendation', points: 3, reason: '获表彰' },
        { factorId: 'urgentTask', points: 3, reason: '防汛值守' },
      ],
    });
    expect(messages(e)).toEqual(['加分合计6分,超过每次评鉴最多加5分的上限']);
  });

  it('refuses a factor twice and points that are not positive', () => {
    const msgs = messages(
      scored({
        bonuses: [
          { factorId: 'urgentTask', points: 1, reason: '防汛' },
          { factorId: 'urgentTask', points: 0, reason: '抗旱' },
        ],
      }),
    );
    expect(msgs).toContain('加分要素“承担急难险重任务表现突出”填写了多次,请合并为一项');
    expect(msgs).toContain('“承担急难险重任务表现突出”的加分应大于0');
  });
});

describe('evaluationIssues: what sign-off needs', () => {
  it('needs colleagues consulted, their gist and the opinion', () => {
    const e = scored({ peerOpinion: { consulted: 0, scope: '本科室同事', gist: '' }, opinion: '  ' });
    expect(evaluationIssues(e, hubei, template)).toEqual([
      { path: 'peerOpinion.consulted', message: '请征求群众意见,征求意见人数至少为1人' },
      { path: 'peerOpinion.gist', message: '请填写群众意见要点' },
      { path: 'opinion', message: '请填写评鉴意见' },
    ]);
  });

  it('takes no public feedback, but one given needs a source and content', () => {
    expect(messages(scored({ publicFeedback: null }))).toEqual([]);
    expect(messages(scored({ publicFeedback: { source: '', gist: '' } }))).toEqual([
      '请填写服务对象和社会反映的来源',
      '请填写服务对象和社会反映的内容',
    ]);
  });

  it('needs a correction to name an earlier version and a reason', () => {
    expect(
      messages(scored({ version: 2, correctionOf: { version: 1, reason: '工作质量得分录入有误' } })),
    ).toEqual([]);
    expect(messages(scored({ version: 2, correctionOf: { version: 2, reason: '' } }))).toEqual([
      '更正的应是此前的评鉴版本',
      '请填写更正原因',
    ]);
  });

  it('checks a stored result against the one computed', () => {
    const signed = finalizeEvaluation(scored(), hubei, template);
    expect(evaluationIssues(signed, hubei, template)).toEqual([]);
    expect(messages({ ...signed, resultGrade: 'good' } as EvaluationInput)).toEqual([
      '评鉴结果与评分、等次不一致,请重新计算',
    ]);
  });
});

describe('computeResult', () => {
  it('weights the leaves and adds the bonuses: 85 + 3 + 1 = 89, 较好', () => {
    const e = scored({
      bonuses: [
        { factorId: 'commendation', points: 3, reason: '获表彰' },
        { factorId: 'adoptedProposal', points: 1, reason: '建议被采纳' },
      ],
    });
    expect(computeResult(e, hubei, template)).toEqual({ score: 89, grade: 'fairlyGood' });
  });

  it('weights unequal leaves down the tree', () => {
    // 共性 30 % all 100 → 30; 岗位 70 %: quality (25 % of it) 60, the rest 80 → 70 × (0.25×60 + 0.75×80)/100 = 52.5
    const e = scored({
      leafScores: {
        ...allScores(80),
        politics: 100,
        ethics: 100,
        conduct: 100,
        integrity: 100,
        attendance: 100,
        quality: 60,
      },
    });
    expect(computeResult(e, hubei, template)).toEqual({ score: 82.5, grade: 'fairlyGood' });
  });

  it('caps at 100 and never counts more bonus than the cap or a factor allows', () => {
    const e = scored({
      leafScores: allScores(98),
      bonuses: [
        { factorId: 'commendation', points: 9, reason: '获表彰' },
        { factorId: 'urgentTask', points: 3, reason: '防汛' },
      ],
    });
    expect(countedBonusPoints(e.bonuses, hubei)).toBe(5);
    expect(computeResult(e, hubei, template)).toEqual({ score: 100, grade: 'good' });
  });

  it('returns the chosen grade for 定性', () => {
    expect(computeResult(graded({ grade: 'average' }), hubei, template)).toEqual({ grade: 'average' });
  });

  it('throws a ValidationError naming what is missing', () => {
    const { quality: _q, ...rest } = allScores(85);
    expect(() => computeResult(scored({ leafScores: rest }), hubei, template)).toThrow(ValidationError);
    expect(() => computeResult(scored(), hubei, undefined)).toThrow(ValidationError);
    const { grade: _g, ...noGrade } = graded();
    expect(() => computeResult(noGrade, hubei, template)).toThrow(ValidationError);
  });

  it('all leaves at 100 score 100, at any value v score v (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (v) => {
        expect(computeResult(scored({ leafScores: allScores(v) }), national, template).score).toBe(v);
      }),
    );
  });

  it('never counts more bonus than the cap, and the score stays within 0–100 (property)', () => {
    const factorId = fc.constantFrom('commendation', 'urgentTask', 'adoptedProposal');
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...leafIds), fc.integer({ min: 0, max: 100 })),
        fc.array(
          fc.record({
            factorId,
            points: fc.double({ min: -5, max: 50, noNaN: true }),
            reason: fc.constant('理由'),
          }),
          { maxLength: 6 },
        ),
        (partial, bonuses) => {
          const leafScores = { ...allScores(70), ...partial };
          const base = computeResult(scored({ leafScores }), hubei, template).score!;
          const r = computeResult(scored({ leafScores, bonuses }), hubei, template);
          expect(r.score!).toBeLessThanOrEqual(100);
          expect(r.score! - base).toBeLessThanOrEqual(hubei.bonusCapPoints! + 1e-9);
          expect(r.score!).toBeGreaterThanOrEqual(base);
        },
      ),
    );
  });
});

describe('finalizeEvaluation', () => {
  it('adds the derived result and the template used', () => {
    const { templateId: _t, ...noTemplateId } = scored();
    const signed = finalizeEvaluation(noTemplateId, hubei, template);
    expect(signed).toMatchObject({ resultGrade: 'fairlyGood', resultScore: 85, templateId: 'comprehensive' });
    expect(evaluationSchema.safeParse(signed).success).toBe(true);
    const g = finalizeEvaluation(graded({ grade: 'good' }), hubei, template);
    expect(g.resultGrade).toBe('good');
    expect('resultScore' in g).toBe(false);
  });

  it('throws every issue at once', () => {
    try {
      finalizeEvaluation(scored({ opinion: '', grade: 'good' }), hubei, template);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual(['grade', 'opinion']);
    }
  });
});
