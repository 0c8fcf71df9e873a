/**
 * 平时考核统计分析 (organisation × year): the statistics tables (grade distribution, trend, completion)
 * as a Word report — one numbered section per table — and as an Excel workbook, one sheet per table.
 */
import type { Document, Paragraph, Table } from 'docx';
import { body, formDocument, formatDate, heading1, subtitle, title } from './blocks';
import { chineseNumeral } from './annual-worksheet';
import type { ReportTable, StatisticsReportForm } from './models';
import { registerTable } from './tables';
import { buildXlsx, type XlsxCell, type XlsxSheet } from './xlsx';

export const STATISTICS_TITLE = '平时考核统计分析';

export function buildStatisticsReport(form: StatisticsReportForm): Document {
  const children: (Paragraph | Table)[] = [
    title(`${form.year}年度${STATISTICS_TITLE}`),
    subtitle(`（${form.organisation}${form.asOf ? `，截至${formatDate(form.asOf)}` : ''}）`),
  ];
  form.tables.forEach((t, i) => {
    children.push(
      heading1(`${chineseNumeral(i + 1)}、${t.title}`),
      registerTable(t.columns, t.rows, '（无数据）'),
    );
    if (t.note) children.push(body(t.note));
  });
  return formDocument({ title: `${form.year}年度${STATISTICS_TITLE}`, subject: form.organisation }, children);
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
