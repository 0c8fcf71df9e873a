/**
 * 平时考核备案登记表 (unit × quarter): a row per person with the method, score or grade, bonus and how
 * and when the result was fed back; then the 主管领导's review and HR's 备案.
 */
import type { Document, Paragraph } from 'docx';
import { blank, emptyLine, formDocument, formatDate, run, subtitle, title } from './blocks';
import { EVALUATION_METHOD_LABELS, formatBonus, formatScore, quarterSubtitle } from './evaluation-form';
import { cellLine, headerTable, registerTable, signOffTable } from './tables';
import type { CellText, Column } from './tables';
import { SIZE_PT } from './layout';
import type { FilingRegisterEntry, FilingRegisterForm, Grade } from './models';

export const FILING_REGISTER_TITLE = '平时考核备案登记表';

const small = { size: SIZE_PT.table } as const;

/**
 * Twips, scaled to the 8845 of the text block: 反馈方式及日期 holds a full date "2026年10月12日" (2200,
 * see annual-plan.ts); 职务职级 holds "一级主任科员" on one line; 分值或等次 prints the score over the
 * grade; 备注 takes the rest.
 */
const COLUMNS: Column[] = [
  { header: '序号', weight: 640, align: 'center' },
  { header: '姓名', weight: 900, align: 'center' },
  { header: '职务职级', weight: 1650 },
  { header: '评鉴\n方式', weight: 660, align: 'center' },
  { header: '分值或\n等次', weight: 900, align: 'center' },
  { header: '加分', weight: 720, align: 'center' },
  { header: '反馈方式\n及日期', weight: 2200, align: 'center' },
  { header: '备注', weight: 1175 },
];

function entryRow(e: FilingRegisterEntry, i: number): CellText[] {
  return [
    String(i + 1),
    e.name,
    e.post,
    EVALUATION_METHOD_LABELS[e.method],
    e.method === 'quantitative' && e.score !== undefined ? [formatScore(e.score), e.grade] : e.grade,
    e.bonus ? formatBonus(e.bonus) : '无',
    [e.feedback.way, e.feedback.date === undefined ? '' : formatDate(e.feedback.date)],
    e.remark ?? '',
  ];
}

const GRADES: readonly Grade[] = ['好', '较好', '一般', '较差'];

/** "好4人、较好5人、一般3人": only the grades someone got. */
export function gradeCounts(entries: readonly FilingRegisterEntry[]): string {
  return GRADES.map((g) => [g, entries.filter((e) => e.grade === g).length] as const)
    .filter(([, n]) => n > 0)
    .map(([g, n]) => `${g}${n}人`)
    .join('、');
}

function reviewContent(form: FilingRegisterForm): Paragraph[] {
  const r = form.review;
  const signer = r ? [run(`（${r.name}）`, small)] : [];
  return [
    ...(r ? r.opinion.split('\n').map((line) => cellLine(line)) : [cellLine(''), cellLine('')]),
    cellLine(''),
    cellLine([run('主管领导（签名）：', small), blank(6, small), ...signer], 'right'),
    cellLine(formatDate(r?.date), 'right'),
  ];
}

function filingContent(form: FilingRegisterForm): Paragraph[] {
  const clerk = form.filing?.clerk;
  return [
    cellLine(''),
    cellLine(
      [
        run('经办人：', small),
        clerk ? run(clerk, small) : blank(5, small),
        run('\u3000备案日期：', small),
        run(formatDate(form.filing?.date), small),
      ],
      'right',
    ),
  ];
}

export function buildFilingRegister(form: FilingRegisterForm): Document {
  const period = `${form.year}年第${form.quarter}季度`;
  return formDocument({ title: `${period}${FILING_REGISTER_TITLE}`, subject: form.unit }, [
    title(FILING_REGISTER_TITLE),
    subtitle(quarterSubtitle(form.year, form.quarter)),
    headerTable([
      ['单位', form.unit],
      ['年度季度', period],
      ['登记人数', `${form.entries.length}人`],
      ['等次分布', gradeCounts(form.entries)],
    ]),
    emptyLine(),
    registerTable(COLUMNS, form.entries.map(entryRow), '（本季度无登记人员）'),
    emptyLine(),
    signOffTable([
      { label: '主管领导\n审核意见', content: reviewContent(form) },
      { label: '人事部门\n备案', content: filingContent(form) },
    ]),
  ]);
}
