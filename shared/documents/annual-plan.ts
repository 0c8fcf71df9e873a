/** 个人年度工作计划 (person × year): the plan's items, the supervisor's 核准 and HR's 备案. */
import type { Document, Paragraph } from 'docx';
import { blank, emptyLine, formDocument, formatDate, formatDeadline, run, subtitle, title } from './blocks';
import { cellLine, headerTable, registerTable, signOffTable } from './tables';
import type { Column } from './tables';
import { SIZE_PT, TEXT_WIDTH_TWIPS } from './layout';
import type { AnnualPlanForm } from './models';

export const ANNUAL_PLAN_TITLE = '个人年度工作计划';

const small = { size: SIZE_PT.table } as const;

/**
 * Column widths in twips (the weights are scaled to the text width, 8845 twips): a full date
 * "2026年11月30日" in 小四 needs about 110 pt with the space Word and LibreOffice add between Chinese
 * and digits, so 完成时限 gets 2200; the text columns share the rest.
 */
function itemColumns(withWeight: boolean): Column[] {
  const text = TEXT_WIDTH_TWIPS - 640 - 2200 - (withWeight ? 720 : 0);
  return [
    { header: '序号', weight: 640, align: 'center' },
    { header: '工作任务', weight: text * 0.32 },
    { header: '目标要求', weight: text * 0.36 },
    { header: '完成时限', weight: 2200, align: 'center' },
    { header: '对应岗位职责/\n能力席位标准', weight: text * 0.32 },
    ...(withWeight ? [{ header: '权重', weight: 720, align: 'center' } as const] : []),
  ];
}

/** The leader's opinion, name and date; three lines to write on and a line to sign when not yet approved. */
function approvalContent(form: AnnualPlanForm): Paragraph[] {
  const a = form.approval;
  if (!a) {
    return [
      cellLine(''),
      cellLine(''),
      cellLine(''),
      cellLine([run('主管领导（签名）：', small), blank(6, small)], 'right'),
      cellLine(formatDate(undefined), 'right'),
    ];
  }
  return [
    ...a.opinion.split('\n').map((line) => cellLine(line)),
    cellLine(''),
    cellLine([run('主管领导（签名）：', small), blank(6, small), run(`（${a.name}）`, small)], 'right'),
    cellLine(formatDate(a.date), 'right'),
  ];
}

function filingContent(form: AnnualPlanForm): Paragraph[] {
  return [
    cellLine(''),
    cellLine(
      [
        run('经办人：', small),
        blank(5, small),
        run('\u3000备案日期：', small),
        run(formatDate(form.filing?.date), small),
      ],
      'right',
    ),
  ];
}

export function buildAnnualPlan(form: AnnualPlanForm): Document {
  const withWeight = form.items.some((i) => i.weight !== undefined);
  const rows = form.items.map((item, i) => [
    String(i + 1),
    item.task,
    item.target,
    formatDeadline(item.deadline),
    item.basis,
    ...(withWeight ? [item.weight === undefined ? '' : `${item.weight}%`] : []),
  ]);
  return formDocument(
    { title: `${form.year}年${ANNUAL_PLAN_TITLE}`, subject: `${form.person.name} ${form.person.unit}` },
    [
      title(ANNUAL_PLAN_TITLE),
      subtitle(`（${form.year}年度）`),
      headerTable([
        ['姓名', form.person.name],
        ['单位', form.person.unit],
        ['职务职级', form.person.post],
        ['年度', `${form.year}年`],
      ]),
      emptyLine(),
      registerTable(itemColumns(withWeight), rows, '（尚未填写计划事项）'),
      emptyLine(),
      signOffTable([
        { label: '主管领导\n核准意见', content: approvalContent(form) },
        { label: '人事部门\n备案', content: filingContent(form) },
      ]),
    ],
  );
}
