/** The Word forms of the official, the supervisor and HR, and HR's Excel sheets (see docs: shared/design/documents.md). */
import type { Document } from 'docx';
import { buildDocument as buildOfficialDocument, fileNameFor as officialFileNameFor } from './archive';
import { EVALUATION_TITLE, buildEvaluationForm } from './evaluation-form';
import { FILING_REGISTER_TITLE, buildFilingRegister } from './filing-register';
import type { AnyFormData } from './models';
import { annualWorksheetFileName, buildAnnualWorksheet } from './annual-worksheet';
import { buildPublicationNotice, noticeFileName } from './publication-notice';
import { buildStatisticsReport, statisticsFileName } from './statistics';
import { annualRegisterFileName, buildAnnualRegister } from './annual-register';
import { buildResultNotice, resultNoticeFileName } from './annual-notice';
import {
  annualRosterFileName,
  annualStatisticsFileName,
  buildAnnualRoster,
  buildAnnualStatistics,
} from './annual-roster';

export type * from './models';
export { buildAnnualPlan } from './annual-plan';
export { buildRecordBook } from './record-book';
export { buildQuarterSummary } from './quarter-summary';
export { buildEvaluationForm } from './evaluation-form';
export { buildFilingRegister } from './filing-register';
export { buildYearArchive } from './archive';
export type { ArchiveOptions } from './archive';
export { formatDate, toBytes } from './blocks';
export {
  buildAnnualWorksheet,
  buildAnnualWorksheetXlsx,
  annualWorksheetSheets,
  annualWorksheetFileName,
  worksheetFromLinkage,
} from './annual-worksheet';
export { buildStatisticsReport, buildStatisticsXlsx, buildTableXlsx, statisticsFileName } from './statistics';
export { chartSvg } from './chart-svg';
export type { ChartSvg } from './chart-svg';
export { buildPublicationNotice, noticeFileName, noticeTitle } from './publication-notice';
export {
  MIN_PUBLICATION_WORKING_DAYS,
  earliestPublicationEnd,
  publicationPeriodProblem,
  publicationWorkingDays,
} from './publication-period';
export type { PublicationDays } from './publication-period';
export {
  ANNUAL_REGISTER_TITLE,
  annualRegisterFileName,
  buildAnnualRegister,
  formatMonth,
  outcomeExplanation,
  outcomeLabel,
} from './annual-register';
export { buildResultNotice, resultNoticeFileName, resultNoticeParagraphs } from './annual-notice';
export {
  annualRosterFileName,
  annualRosterSheet,
  annualStatisticsFileName,
  annualStatisticsFromRoster,
  annualStatisticsSheet,
  buildAnnualRoster,
  buildAnnualRosterXlsx,
  buildAnnualStatistics,
  buildAnnualStatisticsXlsx,
  countOutcomes,
  shareOf,
} from './annual-roster';
export type { AnnualCounts } from './annual-roster';
export { buildXlsx, XLSX_MIME } from './xlsx';
export type { XlsxCell, XlsxSheet, XlsxMeta } from './xlsx';

/** Characters Windows and macOS refuse in file names, and control characters, become "_" (as in archive.ts). */
function safeName(name: string): string {
  const safe = [...name].map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('');
  return safe.trim() || '未命名';
}

/** Any form, the official's own (archive.ts) or the supervisor's and HR's. */
export function buildDocument(form: AnyFormData): Document {
  switch (form.kind) {
    case 'evaluation':
      return buildEvaluationForm(form);
    case 'filingRegister':
      return buildFilingRegister(form);
    case 'annualWorksheet':
      return buildAnnualWorksheet(form);
    case 'statisticsReport':
      return buildStatisticsReport(form);
    case 'publicationNotice':
      return buildPublicationNotice(form);
    case 'annualRegister':
      return buildAnnualRegister(form);
    case 'annualResultNotice':
      return buildResultNotice(form);
    case 'annualRoster':
      return buildAnnualRoster(form);
    case 'annualStatistics':
      return buildAnnualStatistics(form);
    default:
      return buildOfficialDocument(form);
  }
}

/**
 * As archive.ts for the official's forms; "2026年第1季度平时考核领导评鉴表-张三.docx" (a correction
 * adds "（第2版）") and "2026年第1季度平时考核备案登记表-荆楚市财政局预算科.docx".
 */
export function fileNameFor(form: AnyFormData): string {
  switch (form.kind) {
    case 'evaluation': {
      const version = form.revision ? `（第${form.revision.version}版）` : '';
      return `${form.year}年第${form.quarter}季度${EVALUATION_TITLE}-${safeName(form.person.name)}${version}.docx`;
    }
    case 'filingRegister':
      return `${form.year}年第${form.quarter}季度${FILING_REGISTER_TITLE}-${safeName(form.unit)}.docx`;
    case 'annualWorksheet':
      return safeName(annualWorksheetFileName(form, 'docx'));
    case 'statisticsReport':
      return safeName(statisticsFileName(form, 'docx'));
    case 'publicationNotice':
      return safeName(noticeFileName(form));
    case 'annualRegister':
      return safeName(annualRegisterFileName(form));
    case 'annualResultNotice':
      return safeName(resultNoticeFileName(form));
    case 'annualRoster':
      return safeName(annualRosterFileName(form, 'docx'));
    case 'annualStatistics':
      return safeName(annualStatisticsFileName(form, 'docx'));
    default:
      return officialFileNameFor(form);
  }
}
