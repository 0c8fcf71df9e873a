/**
 * 平时考核统计分析 (organisation × year): the statistics tables (grade distribution, trend, completion)
 * as a Word report — one numbered section per table — and as an Excel workbook, one sheet per table.
 */
import { AlignmentType, ImageRun, LineRuleType, Paragraph, type Document, type Table } from 'docx';
import { body, formDocument, formatDate, heading1, run, subtitle, title } from './blocks';
import { chineseNumeral } from './annual-worksheet';
import { SIZE_PT, TEXT_WIDTH_TWIPS } from './layout';
import type { ReportChart, ReportTable, StatisticsReportForm } from './models';
import { registerTable } from './tables';
import { buildXlsx, type XlsxCell, type XlsxSheet } from './xlsx';

export const STATISTICS_TITLE = '平时考核统计分析';

export function buildStatisticsReport(form: StatisticsReportForm): Document {
  const children: (Paragraph | Table)[] = [
    title(`${form.year}年度${STATISTICS_TITLE}`),
    subtitle(`（${form.organisation}${form.asOf ? `，截至${formatDate(form.asOf)}` : ''}）`),
  ];
  form.tables.forEach((t, i) => {
    children.push(heading1(`${chineseNumeral(i + 1)}、${t.title}`));
    for (const c of form.charts ?? []) if (c.table === t.title) children.push(...chartParagraphs(c));
    children.push(registerTable(t.columns, t.rows, '（无数据）'));
    if (t.note) children.push(body(t.note));
  });
  return formDocument({ title: `${form.year}年度${STATISTICS_TITLE}`, subject: form.organisation }, children);
}

/** The picture's width on the page, in Word's 96-per-inch pixels: the text block (156 mm), a hair less. */
const CHART_WIDTH_PX = Math.floor((TEXT_WIDTH_TWIPS / 1440) * 96) - 4;
/** No taller than about half the text block (225 mm), so a chart and its table's first rows share a page. */
const CHART_MAX_HEIGHT_PX = Math.floor((225 / 25.4) * 96 * 0.6);

/**
 * A chart as a centred picture and its caption ("图：…"), single-spaced: the report's body lines are
 * of exact height, which would crop a picture to one line.
 */
function chartParagraphs(c: ReportChart): Paragraph[] {
  let width = CHART_WIDTH_PX;
  let height = Math.round((width * c.height) / c.width);
  if (height > CHART_MAX_HEIGHT_PX) {
    height = CHART_MAX_HEIGHT_PX;
    width = Math.round((height * c.width) / c.height);
  }
  const single = { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 0 } as const;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: single,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: c.png,
          transformation: { width, height },
          altText: { name: c.title, title: c.title, description: `${c.title}（数据见下表）` },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...single, before: 60, after: 120 },
      keepNext: true,
      children: [run(`图：${c.title}`, { size: SIZE_PT.table })],
    }),
  ];
}

export function statisticsFileName(form: StatisticsReportForm, ext: 'docx' | 'xlsx'): string {
  return `${form.year}年度${STATISTICS_TITLE}-${form.organisation}.${ext}`;
}

/** A figure cell that is a plain number becomes a number in Excel; "66.7%" and text stay text. */
function excelCell(text: string): XlsxCell {
  if (text === '' || text === '—') return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

export function tableSheet(t: ReportTable): XlsxSheet {
  return {
    name: t.title,
    title: t.title,
    header: t.columns.map((c) => c.header.replace(/\n/g, '')),
    rows: t.rows.map((r) => r.map(excelCell)),
  };
}

export function buildStatisticsXlsx(form: StatisticsReportForm): Uint8Array {
  return buildXlsx(form.tables.map(tableSheet), { title: `${form.year}年度${STATISTICS_TITLE}` });
}

/** One table alone, for the export button under each chart. */
export function buildTableXlsx(t: ReportTable): Uint8Array {
  return buildXlsx([tableSheet(t)], { title: t.title });
}
