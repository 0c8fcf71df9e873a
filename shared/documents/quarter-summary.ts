/** 季度个人工作小结 (person × quarter): the official's own words, then the quarter's record highlights. */
import type { Document, Paragraph, Table } from 'docx';
import {
  body,
  completionText,
  emptyLine,
  formDocument,
  heading1,
  heading2,
  signatureLine,
  subtitle,
  title,
} from './blocks';
import { attendanceTable, errorTable, headerTable, registerTable } from './tables';
import type { QuarterSummaryForm } from './models';

export const QUARTER_SUMMARY_TITLE = '季度个人工作小结';

const QUARTER_NUMERALS = ['一', '二', '三', '四'] as const;

function highlights(form: QuarterSummaryForm): (Paragraph | Table)[] {
  const h = form.highlights;
  return [
    heading1('二、本季度记实要点'),
    heading2('（一）完成事项'),
    ...(h.completedItems.length > 0
      ? h.completedItems.map((item, i) => body(`${i + 1}．${item}`))
      : [body('本季度无已完成事项。')]),
    heading2('（二）年度计划推进情况'),
    registerTable(
      [
        { header: '序号', weight: 1, align: 'center' },
        { header: '工作任务', weight: 8 },
        { header: '完成情况', weight: 2.6, align: 'center' },
      ],
      h.planProgress.map((p, i) => [String(i + 1), p.task, completionText(p.status, p.percent)]),
      '（无年度计划事项）',
    ),
    heading2('（三）出勤情况（单位：天）'),
    attendanceTable(h.attendance),
    heading2('（四）差错登记'),
    errorTable(h.errors, '本季度无差错登记'),
  ];
}

export function buildQuarterSummary(form: QuarterSummaryForm): Document {
  const period = `${form.year}年第${form.quarter}季度`;
  const paragraphs = form.paragraphs.filter((p) => p.trim() !== '');
  return formDocument(
    { title: `${period}${QUARTER_SUMMARY_TITLE}`, subject: `${form.person.name} ${form.person.unit}` },
    [
      title(QUARTER_SUMMARY_TITLE),
      subtitle(`（${form.year}年第${QUARTER_NUMERALS[form.quarter - 1] ?? form.quarter}季度）`),
      headerTable([
        ['姓名', form.person.name],
        ['单位', form.person.unit],
        ['职务职级', form.person.post],
        ['季度', period],
      ]),
      heading1('一、工作小结'),
      ...(paragraphs.length > 0
        ? paragraphs.map((p) => body(p.trim()))
        : [emptyLine(), emptyLine(), emptyLine()]),
      ...highlights(form),
      emptyLine(),
      signatureLine('本人签名', form.writtenOn),
    ],
  );
}
