/**
 * 公务员年度考核登记表 (person × year), in the layout of the national form (《公务员考核规定》附件): one
 * A4 sheet printed on both sides, as the paper form is.
 *
 * Front: the title and year, the person (姓名、性别、出生年月 / 政治面貌、单位及职务职级 / 任现职务职级
 * 时间、从事或分管工作), then the 个人总结 box filling the rest of the page, with 签名 and 日期 at its
 * foot. Back: 主管领导评语和考核等次建议 (签名, 日期), 机关负责人或考核委员会意见 (签章, 日期), 本人意见
 * (签名, 日期), 未确定等次或不参加考核情况说明, 备注 — each box as tall as on the paper form.
 *
 * A 个人总结 longer than its box (about 550 字 at 小四) does what the paper form allows by 续页: the
 * box grows and continues on the next page, its 签名/日期 kept with its last paragraph, and the back
 * starts on the page after. The boxes never shrink their type to fit.
 */
import type { Table, TextRun } from 'docx';
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  TableCell,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type Document,
} from 'docx';
import { genderLabels } from '../domain/org';
import { annualGradeLabels } from '../domain/vocabulary';
import { blank, formDocument, formatDate, run, subtitle, title } from './blocks';
import {
  SIZE_PT,
  TABLE_CELL_MARGIN_TWIPS,
  TABLE_LINE_TWIPS,
  TEXT_HEIGHT_TWIPS,
  TEXT_WIDTH_TWIPS,
  BODY_LINE_TWIPS,
  ptToTwips,
} from './layout';
import type { AnnualDecision, AnnualOutcome, AnnualRegisterForm, IsoDate } from './models';
import { cellLine, table } from './tables';

export const ANNUAL_REGISTER_TITLE = '公务员年度考核登记表';

const small = { size: SIZE_PT.table } as const;
/** Text in the boxes: 小四 on a 16 pt line (single spacing), so the front box holds about 22 lines. */
const BOX_LINE_TWIPS = ptToTwips(16);
const NO_BORDER = { style: BorderStyle.NIL, size: 0, color: 'auto' } as const;

// ---- Text ----

/** "1988.05" from 'YYYY-MM' or 'YYYY-MM-DD', as personnel forms write months; blank when absent. */
export function formatMonth(date: string | undefined): string {
  const m = date === undefined ? null : /^(\d{4})-(\d{2})/.exec(date);
  return m ? `${m[1]}.${m[2]}` : '';
}

/** "优秀", "不定等次", "不参加". */
export function outcomeLabel(outcome: AnnualOutcome): string {
  switch (outcome.kind) {
    case 'graded':
      return annualGradeLabels[outcome.grade];
    case 'ungraded':
      return '不定等次';
    case 'notParticipating':
      return '不参加';
  }
}

/** 未确定等次或不参加考核情况说明, from the outcome; empty for a 等次. */
export function outcomeExplanation(outcome: AnnualOutcome): string {
  switch (outcome.kind) {
    case 'graded':
      return '';
    case 'ungraded':
      return `不定等次。${endSentence(outcome.reason)}`;
    case 'notParticipating':
      return `不参加本年度考核。${endSentence(outcome.reason)}`;
  }
}

/** A reason typed without a full stop gets one. */
function endSentence(text: string): string {
  const t = text.trim();
  return t === '' || /[。！？；）)”]$/.test(t) ? t : `${t}。`;
}

function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

// ---- Paragraphs in the boxes ----

const boxSpacing = { line: BOX_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** A paragraph of a box: 小四, first line two characters in, justified across the wide cell. */
function boxParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: boxSpacing,
    indent: { firstLine: ptToTwips(SIZE_PT.table * 2) },
    children: [run(text, small)],
  });
}

/** The box's paragraphs; one empty line for an empty box. */
function boxParagraphs(texts: readonly string[]): Paragraph[] {
  return texts.length === 0
    ? [new Paragraph({ spacing: boxSpacing, children: [run('', small)] })]
    : texts.map(boxParagraph);
}

/** Where the 签名 lines start: ten 小四 characters from the right of the box. */
function signatureIndent(contentWidth: number): number {
  const inner = contentWidth - TABLE_CELL_MARGIN_TWIPS.left - TABLE_CELL_MARGIN_TWIPS.right;
  return Math.max(0, inner - 10 * ptToTwips(SIZE_PT.table));
}

/** Width of text in 小四 characters: Latin letters, digits and spaces count half. */
function charsOf(text: string): number {
  let n = 0;
  for (const ch of text) n += (ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
  return n;
}

/**
 * Lines the paragraphs take in a box `contentWidth` wide: an estimate that errs long (one character
 * less a line than the cell holds, for the line-breaking rules that keep a 。or ） off a line's start).
 */
export function estimatedLines(texts: readonly string[], contentWidth: number): number {
  const inner = contentWidth - TABLE_CELL_MARGIN_TWIPS.left - TABLE_CELL_MARGIN_TWIPS.right;
  const perLine = Math.max(1, Math.floor(inner / ptToTwips(SIZE_PT.table)) - 1);
  return texts.reduce((sum, t) => sum + Math.max(1, Math.ceil((2 + charsOf(t)) / perLine)), 0);
}

/**
 * The foot of a box: "签名：＿＿＿＿＿＿" over the date, in the right part of the box as on the paper
 * form. Set from a left indent, not right-aligned: a right-aligned line drops its trailing spaces, and
 * with them the underlined gap to sign on.
 */
function signatureLines(
  label: '签名' | '签章',
  date: IsoDate | undefined,
  contentWidth: number,
): Paragraph[] {
  const line = (children: string | TextRun[]) =>
    new Paragraph({
      spacing: { line: TABLE_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      indent: { left: signatureIndent(contentWidth) },
      children: typeof children === 'string' ? [run(children, small)] : children,
    });
  return [line([run(`${label}：`, small), blank(7, small)]), line(`\u3000${formatDate(date)}`)];
}

// ---- Rows ----

type Box = {
  label: string[];
  /** The box's paragraphs, as text. */
  texts: string[];
  /** The foot with 签名/签章 and 日期; absent for boxes without one. */
  foot?: { label: '签名' | '签章'; date: IsoDate | undefined };
  /** Height of the whole box on the paper form, in twips (the box grows with its text). */
  height: number;
  /** Whether the box may continue on the next page (the 个人总结 only). */
  flows?: boolean;
};

const FOOT_HEIGHT = 2 * TABLE_LINE_TWIPS + TABLE_CELL_MARGIN_TWIPS.top + TABLE_CELL_MARGIN_TWIPS.bottom;

function labelCell(label: string[], width: number, rowSpan: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    children: label.map((l) => cellLine(l, 'center')),
  });
}

/**
 * A box as rows: its text, then — for a box that is signed — a foot row with the 签名 and 日期 at the
 * bottom of the box, as on the paper form (no line between the two rows). The foot row never splits.
 * When the text fills the box (a long 个人总结 that runs on to the next page), the foot row also takes
 * the last paragraph, so the 签名 always stands on the page of the last lines it signs: LibreOffice
 * ignores "keep with next" and "keep lines together" inside a table cell, so only a row that may not
 * split keeps them together.
 */
function boxRows(box: Box, widths: readonly [number, number], contentSpan = 1): TableRow[] {
  const [labelWidth, contentWidth] = widths;
  const span = contentSpan > 1 ? contentSpan : undefined;
  const contentCell = (
    children: Paragraph[],
    verticalAlign: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable],
    borders?: { top?: typeof NO_BORDER; bottom?: typeof NO_BORDER },
  ) =>
    new TableCell({
      width: { size: contentWidth, type: WidthType.DXA },
      columnSpan: span,
      verticalAlign,
      borders,
      children,
    });
  if (!box.foot) {
    return [
      new TableRow({
        cantSplit: !box.flows,
        height: { value: box.height, rule: HeightRule.ATLEAST },
        children: [
          labelCell(box.label, labelWidth, 1),
          contentCell(boxParagraphs(box.texts), VerticalAlignTable.TOP),
        ],
      }),
    ];
  }
  const textHeight = box.height - FOOT_HEIGHT;
  const capacity = Math.floor(
    (textHeight - TABLE_CELL_MARGIN_TWIPS.top - TABLE_CELL_MARGIN_TWIPS.bottom) / BOX_LINE_TWIPS,
  );
  const last = box.texts[box.texts.length - 1];
  // A last paragraph longer than this stays above: a row that may not split must fit on a page.
  const carry =
    last !== undefined &&
    estimatedLines(box.texts, contentWidth) > capacity - 1 &&
    estimatedLines([last], contentWidth) <= 12;
  const above = carry ? box.texts.slice(0, -1) : box.texts;
  // The box keeps its height on the paper form: what the foot row takes of the text, the row above gives up.
  const carried = carry ? estimatedLines([last], contentWidth) * BOX_LINE_TWIPS : 0;
  return [
    new TableRow({
      cantSplit: !box.flows,
      height: { value: textHeight - carried, rule: HeightRule.ATLEAST },
      children: [
        labelCell(box.label, labelWidth, 2),
        contentCell(boxParagraphs(above), VerticalAlignTable.TOP, { bottom: NO_BORDER }),
      ],
    }),
    new TableRow({
      cantSplit: true,
      height: { value: FOOT_HEIGHT, rule: HeightRule.ATLEAST },
      children: [
        contentCell(
          [
            ...(carry ? [boxParagraph(last)] : []),
            ...signatureLines(box.foot.label, box.foot.date, contentWidth),
          ],
          VerticalAlignTable.BOTTOM,
          { top: NO_BORDER },
        ),
      ],
    }),
  ];
}

// ---- The two sides ----

/**
 * The label column holds five 小四 characters ("主管领导 / 评语和考核 / 等次建议"), with half a
 * character to spare: LibreOffice wraps a line that fills its cell exactly.
 */
const LABEL_WIDTH =
  ptToTwips(SIZE_PT.table * 5.5) + TABLE_CELL_MARGIN_TWIPS.left + TABLE_CELL_MARGIN_TWIPS.right;
/** The three person rows: two lines of 小四 each ("任现职务 / 职级时间"). */
const PERSON_ROW_HEIGHT = 2 * TABLE_LINE_TWIPS + 160;
/** Title (2号 on an exact line) and the year under it (楷体 3号 and half a line after). */
const HEADING_HEIGHT = BODY_LINE_TWIPS + 200 + BODY_LINE_TWIPS + BODY_LINE_TWIPS / 2;
/** Kept free at the foot of each side, so rounding in Word, WPS or LibreOffice never pushes a row over. */
const SLACK = 400;

/** The front's 个人总结 box: what the page leaves under the heading and the person. */
export const SUMMARY_BOX_TWIPS = TEXT_HEIGHT_TWIPS - HEADING_HEIGHT - 3 * PERSON_ROW_HEIGHT - SLACK;

/** The back's boxes, tallest first, as on the paper form; together they fill the page. */
const BACK_HEIGHTS = (() => {
  const total = TEXT_HEIGHT_TWIPS - SLACK;
  const share = { comment: 0.32, decision: 0.25, opinion: 0.19, explanation: 0.14, remark: 0.1 };
  return Object.fromEntries(Object.entries(share).map(([k, v]) => [k, Math.floor(total * v)])) as Record<
    keyof typeof share,
    number
  >;
})();

/** The front: the person's three rows, then the 个人总结 box across the five columns right of the label. */
function frontTable(form: AnnualRegisterForm, summary: Box): Table {
  const p = form.person;
  const widths = [LABEL_WIDTH, 1700, 1300, 1300, 1300];
  widths.push(TEXT_WIDTH_TWIPS - widths.reduce((a, b) => a + b, 0));
  const w = (i: number) => widths[i] ?? 0;
  const label = (text: string[], i: number) =>
    new TableCell({
      width: { size: w(i), type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: text.map((l) => cellLine(l, 'center')),
    });
  const value = (text: string, i: number, span = 1, align: 'center' | 'left' = 'center') =>
    new TableCell({
      width: { size: widths.slice(i, i + span).reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnSpan: span > 1 ? span : undefined,
      verticalAlign: VerticalAlignTable.CENTER,
      children: [cellLine(text, align)],
    });
  const row = (children: TableCell[]) =>
    new TableRow({
      cantSplit: true,
      height: { value: PERSON_ROW_HEIGHT, rule: HeightRule.ATLEAST },
      children,
    });
  return table(
    [
      row([
        label(['姓\u3000名'], 0),
        value(p.name, 1),
        label(['性\u3000别'], 2),
        value(p.gender ? genderLabels[p.gender] : '', 3),
        label(['出生年月'], 4),
        value(formatMonth(p.birthMonth), 5),
      ]),
      row([
        label(['政治面貌'], 0),
        value(p.politicalStatus ?? '', 1),
        label(['单位及', '职务职级'], 2),
        value(`${p.unit}${p.post}`, 3, 3, 'left'),
      ]),
      row([
        label(['任现职务', '职级时间'], 0),
        value(formatMonth(p.rankSince), 1),
        label(['从事或', '分管工作'], 2),
        value(p.duties ?? '', 3, 3, 'left'),
      ]),
      ...boxRows(summary, [w(0), widths.slice(1).reduce((a, b) => a + b, 0)], 5),
    ],
    widths,
  );
}

function boxTable(boxes: readonly Box[]): Table {
  const pair: [number, number] = [LABEL_WIDTH, TEXT_WIDTH_TWIPS - LABEL_WIDTH];
  return table(
    boxes.flatMap((b) => boxRows(b, pair)),
    pair,
  );
}

function decisionTexts(d: AnnualDecision | undefined): string[] {
  if (!d) return [];
  const outcome =
    d.outcome.kind === 'graded'
      ? `确定为${annualGradeLabels[d.outcome.grade]}等次。`
      : d.outcome.kind === 'ungraded'
        ? '不确定等次（情况见下栏说明）。'
        : '不参加本年度考核（情况见下栏说明）。';
  return [...lines(d.committeeOpinion), ...lines(d.tieNote).map(endSentence), outcome];
}

function opinionTexts(form: AnnualRegisterForm): string[] {
  const o = form.opinion;
  if (!o) return [];
  const words = lines(o.text);
  if (o.agree) return words.length > 0 ? words : ['同意。'];
  return [`对考核结果有异议，申请复核。${words[0] ?? ''}`, ...words.slice(1)];
}

/** A tiny paragraph that starts the back of the form on a new page (and keeps the two tables apart). */
function backOfSheet(): Paragraph {
  return new Paragraph({
    pageBreakBefore: true,
    spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [run('', { size: 1 })],
  });
}

export function buildAnnualRegister(form: AnnualRegisterForm): Document {
  const summary: Box = {
    label: ['个', '', '人', '', '总', '', '结'],
    texts: lines(form.summary?.text),
    foot: { label: '签名', date: form.summary?.submittedOn },
    height: SUMMARY_BOX_TWIPS,
    flows: true,
  };
  const c = form.comment;
  const back: Box[] = [
    {
      label: ['主管领导', '评语和考核', '等次建议'],
      texts: c
        ? [
            ...lines(c.comment),
            `考核等次建议：${c.suggestion === 'ungraded' ? '不定等次' : annualGradeLabels[c.suggestion]}。`,
          ]
        : [],
      foot: { label: '签名', date: c?.signedOn },
      height: BACK_HEIGHTS.comment,
    },
    {
      label: ['机关负责人', '或考核委员', '会意见'],
      texts: decisionTexts(form.decision),
      foot: { label: '签章', date: form.decision?.decidedOn },
      height: BACK_HEIGHTS.decision,
    },
    {
      label: ['本人意见'],
      texts: opinionTexts(form),
      foot: { label: '签名', date: form.opinion?.signedOn },
      height: BACK_HEIGHTS.opinion,
    },
    {
      label: ['未确定等次', '或不参加考', '核情况说明'],
      texts: form.decision ? lines(outcomeExplanation(form.decision.outcome)) : [],
      height: BACK_HEIGHTS.explanation,
    },
    {
      label: ['备\u3000注'],
      texts: lines(form.remark),
      height: BACK_HEIGHTS.remark,
    },
  ];
  return formDocument({ title: `${form.year}年度${ANNUAL_REGISTER_TITLE}`, subject: form.person.name }, [
    title(ANNUAL_REGISTER_TITLE),
    subtitle(`（${form.year}年度）`),
    frontTable(form, summary),
    backOfSheet(),
    boxTable(back),
  ]);
}

/** "2026年度公务员年度考核登记表-张三.docx" (the caller makes names unique in a batch). */
export function annualRegisterFileName(form: AnnualRegisterForm): string {
  return `${form.year}年度${ANNUAL_REGISTER_TITLE}-${form.person.name}.docx`;
}
