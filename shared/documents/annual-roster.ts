/**
 * 年度考核结果统计表 and 花名册 (机关 × year), the lists a 机关 files (备案) with the 公务员主管部门
 * after the annual assessment, in Word (A4 landscape: the text block turned, the header rows repeated
 * on each page) and in Excel (print setup from xlsx.ts: A4, fit to one page wide, header repeated).
 *
 * 统计表: per unit (内设机构) and for the whole 机关, the number of people and of each result — 优秀、
 * 称职、基本称职、不称职、不定等次 and 不参加 — with its share. Shares of the 等次 and of 不定等次 are of
 * the people taking part (参加考核人数 = 总人数 − 不参加), as the 优秀 quota is; the share of 不参加 is
 * of everyone (总人数). The table says so under it.
 *
 * 花名册: one line per person: 姓名、性别、出生年月、政治面貌、单位及职务职级、任现职务职级时间、考核等次、
 * 备注 (the reason of 不定等次 or 不参加, and any remark).
 */
import {
  LineRuleType,
  Paragraph,
  TabStopType,
  TableCell,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type Document,
  type Table,
} from 'docx';
import { genderLabels } from '../domain/org';
import { body, formDocument, formatDate, run, subtitle, title } from './blocks';
import { formatMonth, outcomeLabel } from './annual-register';
import { LANDSCAPE_TEXT_WIDTH_TWIPS, SIZE_PT, TABLE_LINE_TWIPS } from './layout';
import type {
  AnnualOutcome,
  AnnualRosterEntry,
  AnnualRosterForm,
  AnnualStatisticsForm,
  FilingPreparer,
} from './models';
import { cellLine, columnWidths, registerTable, table, type Column } from './tables';
import { buildXlsx, type XlsxCell, type XlsxSheet } from './xlsx';

export const ANNUAL_STATISTICS_TITLE = '公务员年度考核结果统计表';
export const ANNUAL_ROSTER_TITLE = '公务员年度考核结果花名册';

// ---- Counting ----

export type AnnualCounts = {
  /** Everyone listed. */
  total: number;
  /** 参加考核: everyone but 不参加. */
  participating: number;
  excellent: number;
  competent: number;
  basicallyCompetent: number;
  incompetent: number;
  /** 不定等次 */
  ungraded: number;
  /** 不参加 */
  notParticipating: number;
};

/** The result columns in the order the forms print them. */
export const RESULT_COLUMNS = [
  { key: 'excellent', label: '优秀' },
  { key: 'competent', label: '称职' },
  { key: 'basicallyCompetent', label: '基本称职' },
  { key: 'incompetent', label: '不称职' },
  { key: 'ungraded', label: '不定等次' },
  { key: 'notParticipating', label: '不参加' },
] as const;
export type ResultKey = (typeof RESULT_COLUMNS)[number]['key'];

export function countOutcomes(outcomes: readonly AnnualOutcome[]): AnnualCounts {
  const c: AnnualCounts = {
    total: outcomes.length,
    participating: 0,
    excellent: 0,
    competent: 0,
    basicallyCompetent: 0,
    incompetent: 0,
    ungraded: 0,
    notParticipating: 0,
  };
  for (const o of outcomes) {
    if (o.kind === 'graded') c[o.grade] += 1;
    else c[o.kind] += 1;
  }
  c.participating = c.total - c.notParticipating;
  return c;
}

/** The share of a result as a fraction (0.1667), of 参加考核人数 — or of 总人数 for 不参加; null when that is 0. */
export function shareOf(counts: AnnualCounts, key: ResultKey): number | null {
  const of = key === 'notParticipating' ? counts.total : counts.participating;
  return of === 0 ? null : counts[key] / of;
}

/** "16.7%"; "100%" (so the column stays narrow); "—" when there is nobody to take a share of. */
export function formatShare(share: number | null): string {
  if (share === null) return '—';
  return share >= 1 ? '100%' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** The 统计表 of a 花名册: its people grouped by unit, in the order the units first appear. */
export function annualStatisticsFromRoster(roster: AnnualRosterForm): AnnualStatisticsForm {
  const byUnit = new Map<string, AnnualOutcome[]>();
  for (const e of roster.entries) byUnit.set(e.unit, [...(byUnit.get(e.unit) ?? []), e.outcome]);
  return {
    kind: 'annualStatistics',
    organisation: roster.organisation,
    year: roster.year,
    units: [...byUnit].map(([unit, outcomes]) => ({ unit, outcomes })),
    ...(roster.prepared ? { prepared: roster.prepared } : {}),
  };
}

type CountRow = { unit: string; counts: AnnualCounts };

/** One row per unit, then the 机关's total ("全机关合计"). */
export function statisticsRows(form: AnnualStatisticsForm): CountRow[] {
  const units = form.units.map((u) => ({ unit: u.unit, counts: countOutcomes(u.outcomes) }));
  const total = countOutcomes(form.units.flatMap((u) => u.outcomes));
  return [...units, { unit: '全机关合计', counts: total }];
}

export const SHARE_NOTE =
  '说明：优秀、称职、基本称职、不称职、不定等次的比例为其人数占参加考核人数的比例；不参加的比例为其人数占总人数的比例。参加考核人数＝总人数－不参加人数。';

function preparerLine(organisation: string, p: FilingPreparer | undefined): string {
  return [
    `填报单位（盖章）：${organisation}`,
    `填报人：${p?.clerk ?? ''}`,
    `联系电话：${p?.phone ?? ''}`,
    `填报日期：${formatDate(p?.date)}`,
  ].join('\u3000\u3000');
}

/**
 * The 填报 lines, under the title and above the table as on the 备案 forms: 填报单位（盖章） flush left
 * and 填报日期 flush right, then 填报人 and 联系电话 (and the 花名册's count), in 小四. Above the table, so nothing that is signed
 * or sealed can be left alone on a last page.
 */
function preparerParagraphs(
  organisation: string,
  p: FilingPreparer | undefined,
  summary?: string,
): Paragraph[] {
  const small = { size: SIZE_PT.table } as const;
  const line = (left: string, right: string, last = false) =>
    new Paragraph({
      spacing: {
        line: TABLE_LINE_TWIPS,
        lineRule: LineRuleType.EXACT,
        before: 0,
        after: last ? TABLE_LINE_TWIPS / 2 : 0,
      },
      tabStops: [{ type: TabStopType.RIGHT, position: LANDSCAPE_TEXT_WIDTH_TWIPS }],
      keepNext: true,
      children: [run(`${left}\t${right}`, small)],
    });
  return [
    line(`填报单位（盖章）：${organisation}`, `填报日期：${formatDate(p?.date)}`),
    line(`填报人：${p?.clerk ?? ''}\u3000\u3000联系电话：${p?.phone ?? ''}`, '', summary === undefined),
    ...(summary === undefined ? [] : [line(summary, '', true)]),
  ];
}

// ---- Word ----

const landscape = { landscape: true } as const;

function headerCell(
  text: string,
  width: number,
  opts: { rowSpan?: number; columnSpan?: number } = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    rowSpan: opts.rowSpan,
    columnSpan: opts.columnSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    children: text.split('\n').map((l) => cellLine(l, 'center', true)),
  });
}

function statisticsTable(form: AnnualStatisticsForm): Table {
  // Twips of the 12756 of the turned text block: 单位 (two lines for a long name), 总人数, 参加考核人数
  // ("参加考核 / 人数"), then 人数 ("人数", two characters) and 比例 ("33.3%") for each of the six results.
  const widths = columnWidths(
    [1916, 800, 1160, ...RESULT_COLUMNS.flatMap(() => [660, 820])],
    LANDSCAPE_TEXT_WIDTH_TWIPS,
  );
  const w = (i: number) => widths[i] ?? 0;
  const top = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      headerCell('单位', w(0), { rowSpan: 2 }),
      headerCell('总人数', w(1), { rowSpan: 2 }),
      headerCell('参加考核\n人数', w(2), { rowSpan: 2 }),
      ...RESULT_COLUMNS.map((r, i) => headerCell(r.label, w(3 + 2 * i) + w(4 + 2 * i), { columnSpan: 2 })),
    ],
  });
  const sub = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: RESULT_COLUMNS.flatMap((_, i) => [
      headerCell('人数', w(3 + 2 * i)),
      headerCell('比例', w(4 + 2 * i)),
    ]),
  });
  const rows = statisticsRows(form).map(
    ({ unit, counts }, k, all) =>
      new TableRow({
        cantSplit: true,
        children: [
          unit,
          String(counts.total),
          String(counts.participating),
          ...RESULT_COLUMNS.flatMap((r) => [String(counts[r.key]), formatShare(shareOf(counts, r.key))]),
        ].map(
          (text, i) =>
            new TableCell({
              width: { size: w(i), type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              children: [cellLine(text, i === 0 ? 'left' : 'center', k === all.length - 1)],
            }),
        ),
      }),
  );
  return table([top, sub, ...rows], widths);
}

export function buildAnnualStatistics(form: AnnualStatisticsForm): Document {
  const children: (Paragraph | Table)[] = [
    title(`${form.year}年度${ANNUAL_STATISTICS_TITLE}`),
    subtitle(`（${form.organisation}）`),
    ...preparerParagraphs(form.organisation, form.prepared),
    statisticsTable(form),
    body(SHARE_NOTE),
  ];
  return formDocument(
    { title: `${form.year}年度${ANNUAL_STATISTICS_TITLE}`, subject: form.organisation },
    children,
    landscape,
  );
}

/** 备注 of the 花名册: the reason of 不定等次 / 不参加, then the remark. */
export function rosterRemark(e: AnnualRosterEntry): string {
  const reason = e.outcome.kind === 'graded' ? '' : e.outcome.reason.trim();
  return [reason, e.remark?.trim() ?? ''].filter((t) => t !== '').join('；');
}

/** Twips, scaled to the 12756 of the turned text block. */
const ROSTER_COLUMNS: Column[] = [
  { header: '序号', weight: 640, align: 'center' },
  { header: '姓名', weight: 960, align: 'center' },
  { header: '性别', weight: 680, align: 'center' },
  { header: '出生年月', weight: 1120, align: 'center' },
  { header: '政治面貌', weight: 1250, align: 'center' },
  { header: '单位及职务职级', weight: 3900 },
  { header: '任现职务\n职级时间', weight: 1120, align: 'center' },
  { header: '考核等次', weight: 1120, align: 'center' },
  { header: '备注', weight: 1966 },
];

export function buildAnnualRoster(form: AnnualRosterForm): Document {
  const rows = form.entries.map((e, i) => [
    String(i + 1),
    e.name,
    e.gender ? genderLabels[e.gender] : '',
    formatMonth(e.birthMonth),
    e.politicalStatus ?? '',
    `${e.unit}${e.post}`,
    formatMonth(e.rankSince),
    outcomeLabel(e.outcome),
    rosterRemark(e),
  ]);
  const counts = countOutcomes(form.entries.map((e) => e.outcome));
  const summary = RESULT_COLUMNS.map((r) => `${r.label}${counts[r.key]}人`).join('，');
  return formDocument(
    { title: `${form.year}年度${ANNUAL_ROSTER_TITLE}`, subject: form.organisation },
    [
      title(`${form.year}年度${ANNUAL_ROSTER_TITLE}`),
      subtitle(`（${form.organisation}）`),
      // The count goes above the table with the 填报 lines, so nothing trails the table onto a page of its own.
      ...preparerParagraphs(form.organisation, form.prepared, `共${counts.total}人：${summary}。`),
      registerTable(ROSTER_COLUMNS, rows, '（无考核人员）', LANDSCAPE_TEXT_WIDTH_TWIPS),
    ],
    landscape,
  );
}

export function annualStatisticsFileName(form: AnnualStatisticsForm, ext: 'docx' | 'xlsx'): string {
  return `${form.year}年度${ANNUAL_STATISTICS_TITLE}-${form.organisation}.${ext}`;
}

export function annualRosterFileName(form: AnnualRosterForm, ext: 'docx' | 'xlsx'): string {
  return `${form.year}年度${ANNUAL_ROSTER_TITLE}-${form.organisation}.${ext}`;
}

// ---- Excel ----

export function annualStatisticsSheet(form: AnnualStatisticsForm): XlsxSheet {
  return {
    name: '年度考核结果统计表',
    title: `${form.year}年度${ANNUAL_STATISTICS_TITLE}（${form.organisation}）`,
    header: [
      '单位',
      '总人数',
      '参加考核人数',
      ...RESULT_COLUMNS.flatMap((r) => [`${r.label}人数`, `${r.label}比例`]),
    ],
    rows: statisticsRows(form).map(({ unit, counts }): XlsxCell[] => [
      unit,
      counts.total,
      counts.participating,
      ...RESULT_COLUMNS.flatMap((r) => [counts[r.key], shareOf(counts, r.key)]),
    ]),
    formats: [
      undefined,
      'integer',
      'integer',
      ...RESULT_COLUMNS.flatMap(() => ['integer', 'percent'] as const),
    ],
    widths: [24, 8, 8, ...RESULT_COLUMNS.flatMap(() => [8, 9])],
    notes: [SHARE_NOTE, preparerLine(form.organisation, form.prepared)],
    orientation: 'landscape',
  };
}

export function annualRosterSheet(form: AnnualRosterForm): XlsxSheet {
  return {
    name: '年度考核结果花名册',
    title: `${form.year}年度${ANNUAL_ROSTER_TITLE}（${form.organisation}）`,
    header: [
      '序号',
      '姓名',
      '性别',
      '出生年月',
      '政治面貌',
      '单位',
      '职务职级',
      '任现职务职级时间',
      '考核等次',
      '备注',
    ],
    rows: form.entries.map((e, i): XlsxCell[] => [
      i + 1,
      e.name,
      e.gender ? genderLabels[e.gender] : '',
      formatMonth(e.birthMonth),
      e.politicalStatus ?? '',
      e.unit,
      e.post,
      formatMonth(e.rankSince),
      outcomeLabel(e.outcome),
      rosterRemark(e),
    ]),
    formats: ['integer'],
    widths: [6, 10, 6, 10, 12, 22, 20, 16, 10, 40],
    notes: [preparerLine(form.organisation, form.prepared)],
    orientation: 'landscape',
  };
}

export function buildAnnualStatisticsXlsx(form: AnnualStatisticsForm): Uint8Array {
  return buildXlsx([annualStatisticsSheet(form)], { title: `${form.year}年度${ANNUAL_STATISTICS_TITLE}` });
}

export function buildAnnualRosterXlsx(form: AnnualRosterForm): Uint8Array {
  return buildXlsx([annualRosterSheet(form)], { title: `${form.year}年度${ANNUAL_ROSTER_TITLE}` });
}
