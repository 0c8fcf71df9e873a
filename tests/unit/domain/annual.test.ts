import { describe, expect, it } from 'vitest';
import {
  annualLinkage,
  defaultExcellentQuota,
  excellentNominees,
  latestOfYear,
  parseQuota,
  quarterResultText,
  quotaIssues,
  standingText,
  type AnnualEvaluationInput,
  type AnnualLinkage,
  type AnnualRules,
  defaultAnnualAssessment,
  type QuarterGrade,
} from '../../../shared/domain';
import { ValidationError as CoreValidationError } from '../../../shared/errors/errors';

type Rules = AnnualRules;
const NATIONAL: Rules = {
  excellentRule: { minGoodPercent: 50, forbiddenGrades: ['average', 'poor'] },
  lowRankThreshold: null,
  quarterWeightInAnnual: 40,
};

const gradeOf = (s: number): QuarterGrade =>
  s >= 90 ? 'good' : s >= 80 ? 'fairlyGood' : s >= 60 ? 'average' : 'poor';

/** One person's year: numbers are 定量 scores, strings 定性 grades, null a quarter not evaluated. */
function year(
  subject: string,
  quarters: (number | QuarterGrade | null)[],
  y = 2026,
): AnnualEvaluationInput[] {
  return quarters.flatMap((q, i) =>
    q === null
      ? []
      : [
          typeof q === 'number'
            ? { subject, year: y, quarter: i + 1, version: 1, resultGrade: gradeOf(q), resultScore: q }
            : { subject, year: y, quarter: i + 1, version: 1, resultGrade: q },
        ],
  );
}

const person = (id: string, name: string, unitId = 'u1') => ({
  personId: id,
  name,
  unitId,
  post: '一级主任科员',
});
const UNITS = [
  { id: 'u1', name: '预算科' },
  { id: 'u2', name: '国库科' },
];

function run(args: {
  config?: Rules;
  people: ReturnType<typeof person>[];
  evaluations: AnnualEvaluationInput[];
  quotas?: Record<string, number>;
  percent?: number;
}): AnnualLinkage {
  return annualLinkage({
    config: args.config ?? NATIONAL,
    year: 2026,
    units: UNITS,
    people: args.people,
    evaluations: args.evaluations,
    ...(args.quotas ? { quotas: args.quotas } : {}),
    defaultQuotaPercent: args.percent ?? 20,
  });
}

const rowOf = (l: AnnualLinkage, id: string) => {
  const r = l.units.flatMap((u) => u.rows).find((x) => x.personId === id);
  if (!r) throw new Error(`no row for ${id}`);
  return r;
};

describe('annualLinkage: the quarters', () => {
  it('takes the latest version of each quarter once, and ignores other years', () => {
    const evaluations = [
      ...year('a', [95, 92, 91, 93]),
      {
        subject: 'a',
        year: 2026,
        quarter: 1,
        version: 2,
        resultGrade: 'fairlyGood' as const,
        resultScore: 85,
      },
      { subject: 'a', year: 2026, quarter: 1, version: 3, resultGrade: 'good' as const, resultScore: 91 },
      ...year('a', [50, 50, 50, 50], 2025),
    ];
    expect(latestOfYear(evaluations, 2026)).toHaveLength(4);
    const r = rowOf(run({ people: [person('a', '张三')], evaluations }), 'a');
    expect(r.quarters.map((q) => [q.grade, q.score, q.version])).toEqual([
      ['good', 91, 3],
      ['good', 92, 1],
      ['good', 91, 1],
      ['good', 93, 1],
    ]);
    expect(r.evaluatedCount).toBe(4);
    expect(r.averageScore).toBe(91.75);
    expect(r.weightedScore).toBe(36.7);
    expect(r.eligible).toBe(true);
  });

  it('averages only the scored quarters, and has no score when all were 定性', () => {
    const l = run({
      people: [person('a', '张三'), person('b', '李四')],
      evaluations: [
        ...year('a', ['good', 90, 'good', 80]),
        ...year('b', ['good', 'good', 'fairlyGood', 'good']),
      ],
    });
    expect(rowOf(l, 'a').averageScore).toBe(85);
    expect(rowOf(l, 'b').averageScore).toBeNull();
    expect(rowOf(l, 'b').weightedScore).toBeNull();
    expect(quarterResultText(rowOf(l, 'a').quarters[1]!)).toBe('好(90)');
    expect(quarterResultText(rowOf(l, 'b').quarters[2]!)).toBe('较好');
  });

  it('applies the configured weight', () => {
    const l = run({
      config: { ...NATIONAL, quarterWeightInAnnual: 30 },
      people: [person('a', '张三')],
      evaluations: year('a', [90, 92, 94, 96]),
    });
    expect(rowOf(l, 'a').weightedScore).toBe(27.9);
    expect(l.ruleText[0]).toBe('平时考核结果按30%计入年度考核量化分值');
  });
});

describe('annualLinkage: every exclusion says why', () => {
  it('一般 or 较差 in any quarter', () => {
    const r = rowOf(
      run({ people: [person('a', '张三')], evaluations: year('a', [95, 'average', 92, 'poor']) }),
      'a',
    );
    expect(r.eligible).toBe(false);
    expect(r.reasons).toEqual([
      '张三2026年第2季度为“一般”,第4季度为“较差”,不符合优秀人选条件(需“好”达半数且无一般、较差)',
    ]);
    expect(standingText(r)).toBe('不符合条件');
  });

  it('fewer than half 好', () => {
    const r = rowOf(run({ people: [person('a', '张三')], evaluations: year('a', [95, 85, 86, 87]) }), 'a');
    expect(r.reasons).toEqual([
      '张三2026年评鉴的4个季度中“好”仅1个,需至少2个,不符合优秀人选条件(需“好”达半数且无一般、较差)',
    ]);
  });

  it('exactly half 好 is enough', () => {
    const r = rowOf(run({ people: [person('a', '张三')], evaluations: year('a', [95, 85, 92, 87]) }), 'a');
    expect(r.eligible).toBe(true);
  });

  it('a missing quarter, and no quarter at all', () => {
    const l = run({
      people: [person('a', '张三'), person('b', '李四')],
      evaluations: year('a', [95, 94, null, null]),
    });
    expect(rowOf(l, 'a').reasons).toEqual([
      '张三2026年第3季度尚无领导评鉴结果,应有的季度评鉴齐全后才能认定优秀人选',
    ]);
    expect(rowOf(l, 'b').reasons).toEqual(['李四2026年尚无季度评鉴结果,无法认定优秀人选']);
  });

  it('靠后 by the year average: bottom 10 % of the unit; a tie across the line is a tie, not two 靠后', () => {
    const config: Rules = {
      ...NATIONAL,
      excellentRule: null,
      lowRankThreshold: { kind: 'bottomPercent', percent: 10 },
      annualAssessment: { ...defaultAnnualAssessment(), lowRankMinGroup: 2 },
    };
    const people = ['a', 'b', 'c', 'd'].map((id) => person(id, `人${id}`));
    const l = run({
      config,
      people,
      evaluations: [
        ...year('a', [95, 95, 95, 95]),
        ...year('b', [92, 92, 92, 92]),
        ...year('c', [85, 85, 85, 85]),
        ...year('d', [85, 85, 85, 85]),
      ],
    });
    expect(rowOf(l, 'c').lowRanked).toBe(false);
    expect(rowOf(l, 'd').lowRanked).toBe(false);
    expect(rowOf(l, 'c').lowRankTie).toBe(true);
    expect(rowOf(l, 'c').standingNote).toBe(
      '人c、人d并列第3名,跨越分值靠后的界线(本单位排名后10%(按人数向下取整,至少1人),共1人,并列者中应认定1人),未认定分值靠后,请研究确定',
    );
    expect(rowOf(l, 'a').eligible).toBe(true);
    expect(rowOf(l, 'b').eligible).toBe(true);
  });

  it('靠后 ranks within each unit, not across the organisation', () => {
    const config: Rules = {
      ...NATIONAL,
      excellentRule: null,
      lowRankThreshold: { kind: 'bottomN', n: 1 },
      annualAssessment: { ...defaultAnnualAssessment(), lowRankMinGroup: 2 },
    };
    const l = run({
      config,
      people: [person('a', '甲'), person('b', '乙'), person('c', '丙', 'u2'), person('d', '丁', 'u2')],
      evaluations: [
        ...year('a', [99, 99, 99, 99]),
        ...year('b', [98, 98, 98, 98]),
        ...year('c', [70, 70, 70, 70]),
        ...year('d', [60, 60, 60, 60]),
      ],
    });
    expect(rowOf(l, 'b').lowRanked).toBe(true);
    expect(rowOf(l, 'c').lowRanked).toBe(false);
    expect(rowOf(l, 'd').lowRanked).toBe(true);
  });

  it('靠后 by grade names the quarters', () => {
    const config: Rules = {
      ...NATIONAL,
      excellentRule: null,
      lowRankThreshold: { kind: 'grade', grades: ['poor'] },
    };
    const r = rowOf(
      run({
        config,
        people: [person('a', '张三')],
        evaluations: year('a', ['good', 'poor', 'good', 'good']),
      }),
      'a',
    );
    expect(r.reasons).toEqual([
      '张三2026年第2季度评鉴为“较差”,属平时考核结果靠后(季度评鉴为“较差”),年度考核不能评为优秀',
    ]);
  });

  it('lists every reason that applies, not only the first', () => {
    const config: Rules = {
      ...NATIONAL,
      lowRankThreshold: { kind: 'belowScore', score: 80 },
      annualAssessment: { ...defaultAnnualAssessment(), q4: 'awaited' },
    };
    const r = rowOf(
      run({ config, people: [person('a', '张三')], evaluations: year('a', [70, 75, 78, null]) }),
      'a',
    );
    expect(r.reasons).toHaveLength(4);
    expect(r.reasons[0]).toContain('第4季度尚无领导评鉴结果');
    expect(r.reasons[1]).toContain('第1、2、3季度为“一般”');
    expect(r.reasons[2]).toContain('“好”仅0个');
    expect(r.reasons[3]).toContain('平均分74.33分,属分值靠后(量化评鉴分值低于80分)');
  });
});

describe('annualLinkage: quota and ranking', () => {
  const people = ['a', 'b', 'c', 'd', 'e'].map((id) => person(id, `人${id}`));
  const evaluations = [
    ...year('a', [91, 92, 93, 94]), // 4 好, 92.5
    ...year('b', [85, 92, 93, 94]), // 3 好, 91
    ...year('c', [95, 95, 95, 85]), // 3 好, 92.5
    ...year('d', [95, 95, 95, 85]), // 3 好, 92.5 (ties c)
    ...year('e', [70, 95, 95, 95]), // 一般: excluded
  ];

  it('defaults to the floor of the percentage and ranks by 好 count, then the average, ties sharing a rank', () => {
    expect(defaultExcellentQuota(5, 20)).toBe(1);
    expect(defaultExcellentQuota(12, 20)).toBe(2);
    expect(defaultExcellentQuota(4, 20)).toBe(0);
    expect(defaultExcellentQuota(3, 0)).toBe(0);
    const l = run({ people, evaluations });
    const u = l.units[0]!;
    expect(u.quota).toBe(1);
    expect(u.quotaSet).toBe(false);
    expect(u.rows.map((r) => [r.personId, r.rank, r.standing])).toEqual([
      ['a', 1, 'within'],
      ['c', 2, 'outside'],
      ['d', 2, 'outside'],
      ['b', 4, 'outside'],
      ['e', null, null],
    ]);
    expect(excellentNominees(l).map((r) => r.personId)).toEqual(['a']);
  });

  it('marks a tie across the quota edge for HR to decide', () => {
    const l = run({ people, evaluations, quotas: { u1: 2 } });
    const u = l.units[0]!;
    expect(u.quotaSet).toBe(true);
    expect(rowOf(l, 'a').standing).toBe('within');
    expect(rowOf(l, 'c').standing).toBe('tie');
    expect(rowOf(l, 'd').standing).toBe('tie');
    expect(rowOf(l, 'c').standingNote).toBe('人c、人d并列第2名,剩余名额1个,请研究确定');
    expect(u.notes).toEqual(['预算科:人c、人d并列第2名,剩余名额1个,请研究确定。']);
    expect(standingText(rowOf(l, 'c'))).toBe('并列,待研究确定');
    const three = run({ people, evaluations, quotas: { u1: 3 } });
    expect(['a', 'c', 'd'].map((id) => rowOf(three, id).standing)).toEqual(['within', 'within', 'within']);
    expect(rowOf(three, 'b').standing).toBe('outside');
  });

  it('says when fewer qualify than there are places', () => {
    const l = run({ people, evaluations, quotas: { u1: 5 } });
    expect(l.units[0]!.notes).toContain('预算科符合优秀人选条件的有4人,少于优秀名额5个。');
  });

  it('refuses a quota below zero, above the head count or not whole, in Chinese', () => {
    expect(() => run({ people, evaluations, quotas: { u1: 6 } })).toThrow(CoreValidationError);
    try {
      run({ people, evaluations, quotas: { u1: -1 } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CoreValidationError);
      expect((e as CoreValidationError).issues[0]!.message).toBe('预算科的优秀名额不能小于0,请改为0或正整数');
    }
    expect(quotaIssues('预算科', '6', 5)[0]!.message).toBe(
      '预算科的优秀名额不能超过参加年度考核并确定等次的人数(5人),填写了6',
    );
    expect(quotaIssues('预算科', '1.5', 5)[0]!.message).toBe(
      '预算科的优秀名额应为整数,填写了“1.5”,请改为0或正整数',
    );
    expect(quotaIssues('预算科', '', 5)[0]!.message).toBe('请填写预算科的优秀名额');
    expect(quotaIssues('预算科', '0', 5)).toEqual([]);
    expect(parseQuota('预算科', ' 5 ', 5)).toBe(5);
  });

  it('keeps units apart, in the order given, each with its own quota', () => {
    const l = run({
      people: [person('x', '国库甲', 'u2'), ...people],
      evaluations: [...evaluations, ...year('x', [95, 95, 95, 95])],
      quotas: { u2: 1 },
    });
    expect(l.units.map((u) => [u.unitName, u.headcount, u.quota])).toEqual([
      ['预算科', 5, 1],
      ['国库科', 1, 1],
    ]);
    expect(rowOf(l, 'x').standing).toBe('within');
  });
});
