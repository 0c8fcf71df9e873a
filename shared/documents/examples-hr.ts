/**
 * Example forms of HR for the year of the supervisor's example (examples-supervisor.ts): the 预算科's
 * twelve officials over 2026, their 年度考核工作表, the year's statistics and the 公示 of the 优秀
 * candidates. The worksheet and statistics are computed by the domain rules from the evaluations
 * below, so the example is what the app would print. Used by `npm run documents -- --example` and the tests.
 *
 * The first quarter is the filing register's; 张三's first quarter was corrected (第2版, as in
 * exampleEvaluationRevised) and counts once. Rules: 全国通行做法 (“好”达半数且无一般、较差) plus the
 * 湖北 靠后 rule (本单位排名后10%), 平时考核结果占年度考核40%; the quota defaults to 20% of 12 = 2.
 */
import { annualLinkage, statisticsTables, yearStatistics, type QuarterGrade } from '../domain';
import { worksheetFromLinkage } from './annual-worksheet';
import { examplePerson } from './example-person';
import { exampleFilingEntries } from './examples-supervisor';
import type { AnnualWorksheetForm, PublicationNoticeForm, StatisticsReportForm } from './models';

export const exampleOrganisation = '荆楚市财政局';
const unit = { id: 'ys', name: examplePerson.unit };
const YEAR = 2026;

const GRADE: Readonly<Record<string, QuarterGrade>> = {
  好: 'good',
  较好: 'fairlyGood',
  一般: 'average',
  较差: 'poor',
};

const gradeOf = (score: number): QuarterGrade =>
  score >= 90 ? 'good' : score >= 80 ? 'fairlyGood' : score >= 60 ? 'average' : 'poor';

/** Quarters 2–4 of each person (quarter 1 is the register's); a grade for 定性, null: not evaluated. */
const LATER: Readonly<Record<string, readonly (number | string | null)[]>> = {
  张三: [91.5, 89, 93],
  王建国: [92, 94, 90.5],
  刘晓燕: [90.5, 91, 87],
  陈志强: [86, 88, 84],
  杨帆: [91, 78, 92],
  赵丽娟: [85, 90, 91],
  黄文斌: ['好', '好', '较好'],
  周婷: [80, 82, 81],
  吴海涛: [90, 91, null],
  孙悦: ['较好', '较好', '好'],
  马俊: [90, 92, 90],
  朱慧敏: [75, 80, 83],
};

const people = exampleFilingEntries.map((e, i) => ({
  personId: `p${i + 1}`,
  name: e.name,
  unitId: unit.id,
  post: e.post,
}));

export const exampleYearEvaluations = exampleFilingEntries.flatMap((e, i) => {
  const subject = `p${i + 1}`;
  const q1 = {
    subject,
    year: YEAR,
    quarter: 1,
    version: 1,
    resultGrade: GRADE[e.grade] ?? 'fairlyGood',
    ...(e.score === undefined ? {} : { resultScore: e.score }),
  };
  const later = (LATER[e.name] ?? []).flatMap((v, k) =>
    v === null
      ? []
      : [
          typeof v === 'number'
            ? { subject, year: YEAR, quarter: k + 2, version: 1, resultGrade: gradeOf(v), resultScore: v }
            : { subject, year: YEAR, quarter: k + 2, version: 1, resultGrade: GRADE[v] ?? 'fairlyGood' },
        ],
  );
  // 张三's first version said 88 (较好) before the correction.
  const corrected =
    e.name === examplePerson.name
      ? [
          { ...q1, version: 1, resultScore: 88, resultGrade: 'fairlyGood' as const },
          { ...q1, version: 2 },
        ]
      : [q1];
  return [...corrected, ...later];
});

export const exampleLinkage = annualLinkage({
  config: {
    excellentRule: { minGoodPercent: 50, forbiddenGrades: ['average', 'poor'] },
    lowRankThreshold: { kind: 'bottomPercent', percent: 10 },
    quarterWeightInAnnual: 40,
  },
  year: YEAR,
  units: [unit],
  people,
  evaluations: exampleYearEvaluations,
  defaultQuotaPercent: 20,
});

export const exampleAnnualWorksheet: AnnualWorksheetForm = worksheetFromLinkage(
  exampleLinkage,
  exampleOrganisation,
  { clerk: '郑红', date: '2026-12-28' },
);

export const exampleStatistics: StatisticsReportForm = {
  kind: 'statisticsReport',
  organisation: exampleOrganisation,
  year: YEAR,
  asOf: '2026-12-28',
  tables: statisticsTables(
    yearStatistics({
      year: YEAR,
      units: [unit],
      people,
      evaluations: exampleYearEvaluations,
      // Everyone's plan was submitted; 孙悦's (试用期) is still with the 科长.
      plans: people.map((p) => ({
        personId: p.personId,
        year: YEAR,
        state: p.name === '孙悦' ? 'submitted' : 'approved',
        version: 1,
      })),
      // Record books of every month, but 吴海涛's stop in September (借调).
      records: people.flatMap((p) =>
        Array.from({ length: p.name === '吴海涛' ? 9 : 12 }, (_, m) => ({
          personId: p.personId,
          year: YEAR,
          month: m + 1,
          version: 1,
        })),
      ),
    }),
  ),
};

export const examplePublicationNotice: PublicationNoticeForm = {
  kind: 'publicationNotice',
  scope: { kind: 'annual', year: YEAR },
  redHeader: exampleOrganisation,
  recipients: '局机关各科室、各直属单位',
  entries: exampleLinkage.units
    .flatMap((u) => u.rows.filter((r) => r.standing === 'within').map((r) => ({ r, unit: u.unitName })))
    .map(({ r, unit: unitName }) => ({ name: r.name, unit: unitName, post: r.post, result: '优秀' })),
  // Five working days: 29–31 December and 4–5 January (1 January is 元旦).
  period: { from: '2026-12-29', to: '2027-01-05' },
  office: '局人事科',
  contact: { person: '郑红', phone: '0716-8123456' },
  issuer: exampleOrganisation,
  date: '2026-12-28',
};
