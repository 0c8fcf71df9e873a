/**
 * The annual linkage as a unit lives it (issue 21): who takes part, one ranking of everyone evaluated
 * (定性 and 定量 together), 分值靠后 only in a group large enough to rank, ties shown as ties, quotas
 * rounded as the 办法 says, Q4 folded into the annual assessment or awaited. Each scenario uses a
 * shipped preset, so the defaults are what is tested.
 */
import { describe, expect, it } from 'vitest';
import {
  annualLinkage,
  annualParticipation,
  describeConfigChanges,
  excellentNominees,
  parseConfig,
  validateConfig,
  presetConfig,
  standingText,
  type AnnualEvaluationInput,
  type AnnualLinkage,
  type AnnualPersonInput,
  type AssessmentConfig,
  type PersonPeriod,
  type QuarterGrade,
} from '../../../shared/domain';

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

const period = (
  from: string | null,
  to: string | null,
  unitId = 'u1',
  roles: PersonPeriod['roles'] = ['official'],
): PersonPeriod => ({ from, to, unitId, supervisorId: 'boss', roles, hrUnitIds: [] });

const person = (id: string, name: string, extra: Partial<AnnualPersonInput> = {}): AnnualPersonInput => ({
  personId: id,
  name,
  unitId: 'u1',
  post: '一级主任科员',
  periods: [period('2020-01-01', null)],
  ...extra,
});

const UNITS = [
  { id: 'u1', name: '预算科' },
  { id: 'u2', name: '国库科' },
];

function run(
  config: AssessmentConfig,
  people: AnnualPersonInput[],
  evaluations: AnnualEvaluationInput[],
  more: Partial<Parameters<typeof annualLinkage>[0]> = {},
): AnnualLinkage {
  return annualLinkage({ config, year: 2026, units: UNITS, people, evaluations, ...more });
}

const rowOf = (l: AnnualLinkage, id: string) => {
  const r = l.units.flatMap((u) => u.rows).find((x) => x.personId === id);
  if (!r) throw new Error(`no row for ${id}`);
  return r;
};
const unitOf = (l: AnnualLinkage, id: string) => {
  const u = l.units.find((x) => x.unitId === id);
  if (!u) throw new Error(`no unit ${id}`);
  return u;
};

const hubei = () => presetConfig('hubei');
const national = () => presetConfig('national');

describe('one ranking of everyone evaluated (湖北: 本单位排名后10%)', () => {
  it('all 定量: the lowest average is 靠后, with its place in the ranking', () => {
    const people = ['a', 'b', 'c', 'd', 'e'].map((id) => person(id, `人${id}`));
    const l = run(hubei(), people, [
      ...year('a', [96, 95, 94, 93]),
      ...year('b', [92, 92, 92, 92]),
      ...year('c', [91, 90, 91, 90]),
      ...year('d', [88, 91, 92, 93]),
      ...year('e', [85, 86, 84, 83]),
    ]);
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => rowOf(l, id).groupRank)).toEqual([1, 2, 3, 4, 5]);
    expect(rowOf(l, 'e').lowRanked).toBe(true);
    expect(rowOf(l, 'e').reasons).toContain(
      '人e2026年平时考核量化评鉴平均分84.5分,排第5名(共5人),属分值靠后(本单位排名后10%(按人数向下取整,至少1人)),年度考核不能评为优秀',
    );
    expect(rowOf(l, 'd').lowRanked).toBe(false);
  });

  it('all 定性: ranked by grade, the worst grades are 靠后 though no one has a score', () => {
    const people = ['a', 'b', 'c', 'd', 'e'].map((id) => person(id, `人${id}`));
    const l = run(hubei(), people, [
      ...year('a', ['good', 'good', 'good', 'good']),
      ...year('b', ['good', 'good', 'fairlyGood', 'good']),
      ...year('c', ['fairlyGood', 'good', 'fairlyGood', 'good']),
      ...year('d', ['fairlyGood', 'fairlyGood', 'fairlyGood', 'fairlyGood']),
      ...year('e', ['average', 'fairlyGood', 'average', 'average']),
    ]);
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => rowOf(l, id).groupRank)).toEqual([1, 2, 3, 4, 5]);
    expect(rowOf(l, 'e').lowRanked).toBe(true);
    expect(rowOf(l, 'e').reasons.join()).toContain('季度评鉴等次排第5名(共5人),属分值靠后');
    expect(people.filter((p) => rowOf(l, p.personId).lowRanked)).toHaveLength(1);
  });

  it('mixed: the 较好 定量 person (85.04) is not 靠后 against the 一般 定性 one', () => {
    const people = [
      person('a', '甲'),
      person('b', '乙'),
      person('c', '丙'),
      person('scored', '张定量'),
      person('graded', '李定性'),
    ];
    const l = run(hubei(), people, [
      ...year('a', ['good', 'good', 'good', 'good']),
      ...year('b', ['good', 'good', 'good', 'fairlyGood']),
      ...year('c', ['good', 'fairlyGood', 'good', 'fairlyGood']),
      ...year('scored', [85.04, 85.04, 85.04, 85.04]),
      ...year('graded', ['average', 'average', 'average', 'average']),
    ]);
    expect(rowOf(l, 'scored').lowRanked).toBe(false);
    expect(rowOf(l, 'scored').reasons.join()).not.toContain('靠后');
    expect(rowOf(l, 'graded').lowRanked).toBe(true);
    expect(rowOf(l, 'scored').groupRank).toBe(4);
    expect(rowOf(l, 'graded').groupRank).toBe(5);
    expect(l.ruleText.join()).toContain('定性、定量评鉴的人员一并排序');
  });

  it('one person: too few to rank, says so and marks no one', () => {
    const l = run(hubei(), [person('a', '张三')], year('a', [70, 72, 71, 75]));
    expect(rowOf(l, 'a').lowRanked).toBe(false);
    expect(unitOf(l, 'u1').notes).toContain(
      '预算科参加排序人数不足(1人,本单位考核办法规定至少5人),未认定分值靠后。',
    );
    expect(rowOf(l, 'a').reasons.join()).not.toContain('靠后');
  });

  it('nine tied at 95 across the 靠后 line are shown as a tie waiting for a decision, not all excluded', () => {
    const top = ['t1', 't2', 't3'].map((id) => person(id, `前${id}`));
    const nine = Array.from({ length: 9 }, (_, i) => person(`n${i + 1}`, `并列${i + 1}`));
    const l = run(
      hubei(),
      [...top, ...nine],
      [
        ...top.flatMap((p) => year(p.personId, [98, 98, 98, 98])),
        ...nine.flatMap((p) => year(p.personId, [95, 95, 95, 95])),
      ],
    );
    const tied = nine.map((p) => rowOf(l, p.personId));
    expect(tied.every((r) => !r.lowRanked && r.lowRankTie)).toBe(true);
    expect(tied.every((r) => r.groupRank === 4)).toBe(true);
    expect(tied[0]!.standingNote).toContain('并列第4名,跨越分值靠后的界线');
    expect(tied[0]!.standingNote).toContain('并列者中应认定1人');
    expect(standingText(tied[0]!)).toBe('靠后界线并列,待研究确定');
    expect(unitOf(l, 'u1').notes.some((n) => n.includes('请研究确定'))).toBe(true);
  });

  it('everyone tied: no one ranks behind anyone, so no one is 靠后', () => {
    const nine = Array.from({ length: 9 }, (_, i) => person(`n${i + 1}`, `并列${i + 1}`));
    const l = run(
      hubei(),
      nine,
      nine.flatMap((p) => year(p.personId, [95, 95, 95, 95])),
    );
    expect(nine.some((p) => rowOf(l, p.personId).lowRanked || rowOf(l, p.personId).lowRankTie)).toBe(false);
    expect(unitOf(l, 'u1').notes).toContain('预算科参加排序的9人排序并列,无人排在他人之后,未认定分值靠后。');
  });

  it('below the line by a clear margin is 靠后 even when others tie above it', () => {
    const nine = Array.from({ length: 9 }, (_, i) => person(`n${i + 1}`, `并列${i + 1}`));
    const l = run(
      hubei(),
      [...nine, person('z', '末位')],
      [...nine.flatMap((p) => year(p.personId, [95, 95, 95, 95])), ...year('z', [88, 88, 88, 88])],
    );
    expect(rowOf(l, 'z').lowRanked).toBe(true);
    expect(nine.some((p) => rowOf(l, p.personId).lowRankTie)).toBe(false);
  });
});

describe('the 优秀 condition reads 定性 grades', () => {
  it('湖北: 较差 in all four quarters (定性) is not eligible, and the reason says which grades exclude', () => {
    const people = [person('a', '张三'), person('b', '李四'), person('poor', '王较差')];
    const l = run(
      hubei(),
      people,
      [
        ...year('a', ['good', 'good', 'good', 'good']),
        ...year('b', ['good', 'fairlyGood', 'good', 'good']),
        ...year('poor', ['poor', 'poor', 'poor', 'poor']),
      ],
      { quotas: { u1: 3 } },
    );
    const r = rowOf(l, 'poor');
    expect(r.eligible).toBe(false);
    expect(r.reasons).toEqual(['王较差2026年第1、2、3、4季度为“较差”,不符合优秀人选条件(需无较差)']);
    expect(excellentNominees(l).map((x) => x.personId)).not.toContain('poor');
    expect(l.ruleText).toContain('优秀人选条件:季度评鉴为“较差”等次的,不能作为优秀人选');
  });

  it('全国: 一般 in one 定性 quarter excludes', () => {
    const l = run(national(), [person('a', '张三')], year('a', ['good', 'average', 'good', 'good']));
    expect(rowOf(l, 'a').eligible).toBe(false);
    expect(rowOf(l, 'a').reasons[0]).toContain('第2季度为“一般”');
  });

  it('a configuration without a 优秀 condition is warned about', () => {
    const config = { ...hubei(), excellentRule: null };
    const l = run(config, [person('a', '张三')], year('a', ['good', 'good', 'good', 'good']));
    expect(l.ruleWarnings[0]).toContain('未设置优秀人选的季度等次条件');
  });
});

describe('who takes part', () => {
  it('an HR clerk without the 公务员 role does not take part and is not counted', () => {
    const people = [
      person('a', '张三'),
      person('clerk', '人事干事', { periods: [period('2020-01-01', null, 'u1', ['hr'])] }),
    ];
    const l = run(national(), people, year('a', ['good', 'good', 'good', 'good']));
    const clerk = rowOf(l, 'clerk');
    expect(clerk.participation).toEqual({
      kind: 'notParticipating',
      reason: '人事干事2026年未担任“公务员”角色(不是平时考核对象),不参加年度考核',
    });
    expect(clerk.eligible).toBe(false);
    expect(unitOf(l, 'u1').headcount).toBe(1);
    expect(unitOf(l, 'u1').memberCount).toBe(2);
    expect(standingText(clerk)).toBe('不参加年度考核');
  });

  it('joined in July: the first two quarters are not missing; Q3 alone decides (Q4 folded)', () => {
    const l = run(
      national(),
      [person('july', '七月', { periods: [period('2026-07-15', null)], joinedOn: '2026-07-15' })],
      year('july', [null, null, 'good', null]),
    );
    const r = rowOf(l, 'july');
    expect(r.memberFrom).toBe('2026-07-15');
    expect(r.memberTo).toBe('2026-12-31');
    expect(r.quarters.map((q) => q.served)).toEqual([false, false, true, true]);
    expect(r.requiredQuarters).toEqual([3]);
    expect(r.eligible).toBe(true);
    expect(r.participationNotes).toContain('2026年7月15日起在本机关任公务员');
    expect(r.participationNotes).toContain('在本机关不满半年;如系调入,确定等次时应征求其原单位意见');
  });

  it('Q4 awaited: the annual assessment needs the fourth quarter too, and the rules say so', () => {
    const config = national();
    config.annualAssessment.q4 = 'awaited';
    const l = run(config, [person('a', '张三')], year('a', ['good', 'good', 'good', null]));
    expect(rowOf(l, 'a').reasons).toEqual([
      '张三2026年第4季度尚无领导评鉴结果,应有的季度评鉴齐全后才能认定优秀人选',
    ]);
    expect(l.ruleText).toContain('第四季度评鉴结果出来后再认定优秀人选(需四个季度评鉴结果)');
    const folded = run(national(), [person('a', '张三')], year('a', ['good', 'good', 'good', null]));
    expect(rowOf(folded, 'a').eligible).toBe(true);
    expect(folded.ruleText).toContain(
      '第四季度平时考核与年度考核结合进行(年度考核时只需第一至三季度评鉴结果)',
    );
  });

  it('a transfer between units is ranked in the new unit, with the move noted; one who left does not take part', () => {
    const people = [
      person('moved', '调动者', {
        periods: [period('2020-01-01', '2026-06-30', 'u1'), period('2026-07-01', null, 'u2')],
      }),
      person('left', '调出者', { periods: [period('2020-01-01', '2026-08-31', 'u1')] }),
    ];
    const l = run(national(), people, [
      ...year('moved', ['good', 'good', 'good', null]),
      ...year('left', ['good', 'good', null, null]),
    ]);
    expect(unitOf(l, 'u2').rows.map((r) => r.personId)).toEqual(['moved']);
    expect(rowOf(l, 'moved').participationNotes).toContain('2026年7月1日由预算科调至国库科');
    expect(rowOf(l, 'left').participation).toEqual({
      kind: 'notParticipating',
      reason: '调出者已于2026年9月1日离职(调出),不参加本机关2026年度考核',
    });
    expect(rowOf(l, 'left').memberTo).toBe('2026-08-31');
    expect(unitOf(l, 'u1').headcount).toBe(0);
  });

  it('试用期: takes part, comment only, no 等次 (新录用公务员在试用期内)', () => {
    const l = run(
      national(),
      [
        person('new', '新录用', {
          periods: [period('2026-09-01', null)],
          joinedOn: '2026-09-01',
          probationEnd: '2027-08-31',
        }),
      ],
      year('new', [null, null, 'good', null]),
    );
    const r = rowOf(l, 'new');
    expect(r.participation).toEqual({
      kind: 'ungraded',
      reason: '新录用为新录用公务员,试用期至2027年8月31日,在试用期内参加年度考核,只写评语,不确定等次',
    });
    expect(r.eligible).toBe(false);
    expect(standingText(r)).toBe('参加考核,不定等次');
    expect(unitOf(l, 'u1').headcount).toBe(0);
  });

  it('HR’s marking (long leave) decides, with the reason shown', () => {
    const l = run(national(), [person('a', '张三')], year('a', ['good', 'good', 'good', 'good']), {
      markings: { a: { kind: 'notParticipating', reason: '病、事假累计超过考核年度半年,不进行年度考核' } },
    });
    expect(rowOf(l, 'a').participation).toEqual({
      kind: 'notParticipating',
      reason: '张三:病、事假累计超过考核年度半年,不进行年度考核(人事部门标记)',
    });
  });

  it('minMonthsToTakePart: a December starter takes part under the national default, not under a 6-month rule', () => {
    const input = { name: '十二月', periods: [period('2026-12-01', null)] };
    expect(
      annualParticipation(input, 2026, { probationUngraded: true, minMonthsToTakePart: null })!.participation
        .kind,
    ).toBe('graded');
    expect(
      annualParticipation(input, 2026, { probationUngraded: true, minMonthsToTakePart: 6 })!.participation,
    ).toEqual({
      kind: 'notParticipating',
      reason: '十二月2026年12月1日起在本机关任公务员,2026年不足6个月,按本单位考核办法不参加年度考核',
    });
    expect(
      annualParticipation({ name: '明年', periods: [period('2027-01-05', null)] }, 2026, {
        probationUngraded: true,
        minMonthsToTakePart: null,
      }),
    ).toBeNull();
  });
});

describe('quotas', () => {
  it('20 % of a 科室 of 4: floor gives 0, round and ceil 1 — the configured rounding decides', () => {
    const people = ['a', 'b', 'c', 'd'].map((id) => person(id, `人${id}`));
    const evaluations = people.flatMap((p) => year(p.personId, ['good', 'good', 'good', 'good']));
    const floor = unitOf(run(national(), people, evaluations), 'u1');
    expect(floor.quotaOptions).toEqual({ floor: 0, round: 1, ceil: 1 });
    expect(floor.quota).toBe(0);
    const config = national();
    config.annualAssessment.quota.rounding = 'round';
    expect(unitOf(run(config, people, evaluations), 'u1').quota).toBe(1);
  });

  it('a 机关-wide quota ranks and counts everyone together', () => {
    const config = national();
    config.annualAssessment.quota.scope = 'organisation';
    const people = [
      ...['a', 'b', 'c'].map((id) => person(id, `人${id}`)),
      ...['d', 'e'].map((id) =>
        person(id, `人${id}`, { unitId: 'u2', periods: [period('2020-01-01', null, 'u2')] }),
      ),
    ];
    const l = run(
      config,
      people,
      [
        ...year('a', [95, 95, 95, 95]),
        ...year('b', [94, 94, 94, 94]),
        ...year('c', [93, 93, 93, 93]),
        ...year('d', [99, 99, 99, 99]),
        ...year('e', [92, 92, 92, 92]),
      ],
      { organisationName: '某某局' },
    );
    expect(l.units).toHaveLength(1);
    expect(l.units[0]!.unitName).toBe('某某局');
    expect(l.units[0]!.headcount).toBe(5);
    expect(l.units[0]!.quota).toBe(1);
    expect(excellentNominees(l).map((r) => r.personId)).toEqual(['d']);
  });

  it('ties at the quota are shown as a tie, named, and wait for a decision', () => {
    const people = ['a', 'b', 'c', 'd', 'e'].map((id) => person(id, `人${id}`));
    const l = run(
      national(),
      people,
      [
        ...year('a', [96, 96, 96, 96]),
        ...year('b', [94, 94, 94, 94]),
        ...year('c', [94, 94, 94, 94]),
        ...year('d', [91, 91, 91, 91]),
        ...year('e', [90, 90, 90, 90]),
      ],
      { quotas: { u1: 2 } },
    );
    expect(['a', 'b', 'c'].map((id) => rowOf(l, id).standing)).toEqual(['within', 'tie', 'tie']);
    expect(rowOf(l, 'b').standingNote).toBe('人b、人c并列第2名,剩余名额1个,请研究确定');
    expect(unitOf(l, 'u1').notes).toContain('预算科:人b、人c并列第2名,剩余名额1个,请研究确定。');
  });
});

describe('the 年度考核 configuration', () => {
  it('a configuration saved before it existed reads the national defaults; a bad value is refused in Chinese', () => {
    const old: Record<string, unknown> = { ...presetConfig('hubei') };
    delete old.annualAssessment;
    const parsed = parseConfig(old);
    expect(parsed.annualAssessment).toEqual({
      probationUngraded: true,
      minMonthsToTakePart: null,
      q4: 'folded',
      quota: { scope: 'unit', percent: 20, rounding: 'floor' },
      lowRankMinGroup: 5,
      ranking: 'gradesThenScore',
    });
    const bad = {
      ...presetConfig('national'),
      annualAssessment: { ...presetConfig('national').annualAssessment, lowRankMinGroup: 0 },
    };
    expect(validateConfig(bad).map((i) => i.message)).toEqual(['参加排序的最少人数至少为1']);
  });

  it('a change is told in one line', () => {
    const before = presetConfig('national');
    const after = presetConfig('national');
    after.annualAssessment.quota.rounding = 'round';
    after.annualAssessment.q4 = 'awaited';
    expect(describeConfigChanges(before, after)).toBe(
      '第四季度:第四季度评鉴结果出来后再认定优秀人选(需四个季度评鉴结果);优秀名额取整:向下取整→四舍五入',
    );
  });
});
