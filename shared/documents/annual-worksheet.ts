/**
 * 年度考核工作表 (organisation × year): per unit, each person's four quarterly results, the average and
 * weighted score, and whether they can be an 优秀 candidate — the ranked candidates against the unit's
 * quota, and for everyone else the reasons, one by one. As Word (A4 portrait: the quarters print the
 * grade over the score to fit) and as Excel.
 */
import type { Document, Paragraph, Table } from 'docx';
import { body, emptyLine, formDocument, heading1, signatureLine, subtitle, title } from './blocks';
import { formatScore } from './evaluation-form';
import type { AnnualLinkage, AnnualRow } from '../domain/annual';
import type { AnnualWorksheetForm, AnnualWorksheetRow, Grade, IsoDate } from './models';
import { registerTable } from './tables';
import type { CellText, Column } from './tables';
import { buildXlsx, type XlsxCell, type XlsxSheet } from './xlsx';

export const ANNUAL_WORKSHEET_TITLE = '年度考核工作表';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** "一", …, "十", "十一", … "二十" (units rarely run past twenty). */
export function chineseNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n - 1] ?? String(n);
  if (n < 20) return `十${NUMERALS[n - 11] ?? ''}`;
  if (n < 100)
    return `${NUMERALS[Math.floor(n / 10) - 1] ?? ''}十${n % 10 === 0 ? '' : NUMERALS[(n % 10) - 1]}`;
  return String(n);
}

/** Twips over the 8845 of the text block; a quarter holds "较好" over "85.25". */
const COLUMNS: Column[] = [
  { header: '序号', weight: 600, align: 'center' },
  { header: '姓名', weight: 940, align: 'center' },
  { header: '职务职级', weight: 1500 },
  { header: '一\n季度', weight: 720, align: 'center' },
  { header: '二\n季度', weight: 720, align: 'center' },
  { header: '三\n季度', weight: 720, align: 'center' },
  { header: '四\n季度', weight: 720, align: 'center' },
  { header: '平均分', weight: 840, align: 'center' },
  { header: '折算分', weight: 840, align: 'center' },
  { header: '优秀人选\n资格', weight: 1245, align: 'center' },
];

const quarterCell = (q: AnnualWorksheetRow['quarters'][number]): CellText =>
  q === null ? '—' : q.score === undefined ? q.grade : [q.grade, formatScore(q.score)];

const scoreText = (n: number | undefined) => (n === undefined ? '—' : formatScore(n));

function standingCell(r: AnnualWorksheetRow): CellText {
  return r.eligible && r.rank !== undefined ? [`第${r.rank}名`, r.standing] : r.standing;
}

function row(r: AnnualWorksheetRow, i: number): CellText[] {
  return [
    String(i + 1),
    r.name,
    r.post,
    ...[0, 1, 2, 3].map((q) => quarterCell(r.quarters[q] ?? null)),
    scoreText(r.averageScore),
    scoreText(r.weightedScore),
    standingCell(r),
  ];
}

export function buildAnnualWorksheet(form: AnnualWorksheetForm): Document {
  const children: (Paragraph | Table)[] = [
    title(`${form.year}年度考核工作表`),
    subtitle(`（${form.organisation}）`),
    body(`计分和认定规则：${form.rules.join('；')}。`),
  ];
  form.units.forEach((u, i) => {
    children.push(
      heading1(`${chineseNumeral(i + 1)}、${u.unit}（确定等次${u.headcount}人，优秀名额${u.quota}个）`),
      registerTable(COLUMNS, u.rows.map(row), '（本单位无参加考核人员）'),
    );
    const excluded = u.rows.filter((r) => !r.eligible);
    if (excluded.length > 0) {
      children.push(
        emptyLine(),
        registerTable(
          [
            { header: '序号', weight: 600, align: 'center' },
            { header: '姓名', weight: 940, align: 'center' },
            { header: '不参加、不定等次或不能认定为优秀人选的原因', weight: 7305 },
          ],
          excluded.map((r, k) => [String(k + 1), r.name, r.reasons]),
          '',
        ),
      );
    }
    for (const note of u.notes) children.push(body(note));
  });
  children.push(
    emptyLine(),
    body(
      '说明：折算分＝平时考核平均分×平时考核结果在年度考核中的权重；定性、定量评鉴的人员按上述排序规则一并排序，并列于分值靠后界线或优秀名额边界的，由机关负责人或考核委员会研究确定。',
    ),
    emptyLine(),
    signatureLine('人事部门经办人', form.prepared?.date),
  );
  return formDocument({ title: `${form.year}年度考核工作表`, subject: form.organisation }, children);
}

export function annualWorksheetFileName(form: AnnualWorksheetForm, ext: 'docx' | 'xlsx'): string {
  return `${form.year}年度考核工作表-${form.organisation}.${ext}`;
}

/** The same sheet for Excel: one row per person, the reasons in the last column. */
export function annualWorksheetSheets(form: AnnualWorksheetForm): XlsxSheet[] {
  const header = [
    '单位',
    '序号',
    '姓名',
    '职务职级',
    '一季度等次',
    '一季度分值',
    '二季度等次',
    '二季度分值',
    '三季度等次',
    '三季度分值',
    '四季度等次',
    '四季度分值',
    '平均分',
    `折算分（权重${formatScore(form.quarterWeight)}%）`,
    '优秀人选资格',
    '排名',
    '不参加、不定等次或不能认定为优秀人选的原因',
  ];
  const rows: XlsxCell[][] = form.units.flatMap((u) =>
    u.rows.map((r, i) => [
      u.unit,
      i + 1,
      r.name,
      r.post,
      ...[0, 1, 2, 3].flatMap((q) => {
        const x = r.quarters[q] ?? null;
        return [x?.grade ?? null, x?.score ?? null];
      }),
      r.averageScore ?? null,
      r.weightedScore ?? null,
      r.standing,
      r.rank ?? null,
      r.reasons.join('；'),
    ]),
  );
  const quotas: XlsxCell[][] = form.units.map((u) => [
    u.unit,
    u.headcount,
    u.quota,
    u.rows.filter((r) => r.eligible).length,
    u.notes.join(''),
  ]);
  return [
    {
      name: '年度考核工作表',
      title: `${form.year}年度考核工作表（${form.organisation}）`,
      header,
      rows,
      widths: [16, 6, 10, 18, 10, 10, 10, 10, 10, 10, 10, 10, 9, 12, 16, 6, 60],
    },
    {
      name: '优秀名额',
      header: ['单位', '确定等次人数', '优秀名额', '符合条件人数', '说明'],
      rows: quotas,
    },
    { name: '计分规则', header: ['规则'], rows: form.rules.map((r) => [r]), widths: [80] },
  ];
}

export function buildAnnualWorksheetXlsx(form: AnnualWorksheetForm): Uint8Array {
  return buildXlsx(annualWorksheetSheets(form), { title: `${form.year}年度考核工作表` });
}

const GRADE_TEXT: Readonly<Record<string, Grade>> = {
  good: '好',
  fairlyGood: '较好',
  average: '一般',
  poor: '较差',
};

const STANDING_TEXT = { within: '在名额内', tie: '并列，待研究确定', outside: '名额外' } as const;

/** The standing cell: participation first (不参加, 不定等次), then the 靠后 tie, then the quota. */
function standingOf(r: AnnualRow): string {
  if (r.participation.kind === 'notParticipating') return '不参加';
  if (r.participation.kind === 'ungraded') return '不定等次';
  if (!r.eligible || !r.standing) return '不符合条件';
  if (r.lowRankTie) return '靠后界线并列，待研究确定';
  return STANDING_TEXT[r.standing];
}

function worksheetRow(r: AnnualRow): AnnualWorksheetRow {
  return {
    name: r.name,
    post: r.post,
    quarters: r.quarters.map((q) =>
      q.grade === null
        ? null
        : { grade: GRADE_TEXT[q.grade] ?? '较好', ...(q.score === null ? {} : { score: q.score }) },
    ),
    ...(r.averageScore === null ? {} : { averageScore: r.averageScore }),
    ...(r.weightedScore === null ? {} : { weightedScore: r.weightedScore }),
    eligible: r.eligible,
    ...(r.rank === null ? {} : { rank: r.rank }),
    standing: standingOf(r),
    reasons: r.reasons,
  };
}

/** The worksheet of a year's linkage (shared/domain/annual.ts). */
export function worksheetFromLinkage(
  linkage: AnnualLinkage,
  organisation: string,
  prepared?: { clerk?: string; date?: IsoDate },
): AnnualWorksheetForm {
  return {
    kind: 'annualWorksheet',
    organisation,
    year: linkage.year,
    quarterWeight: linkage.quarterWeight,
    rules: linkage.ruleText,
    units: linkage.units.map((u) => ({
      unit: u.unitName,
      headcount: u.headcount,
      quota: u.quota,
      rows: u.rows.map(worksheetRow),
      notes: u.notes,
    })),
    ...(prepared ? { prepared } : {}),
  };
}
