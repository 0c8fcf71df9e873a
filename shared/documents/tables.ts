/**
 * The forms' tables: 仿宋_GB2312 小四 on a fixed line, single borders across the text block, fixed
 * column widths, and on registers a header row that Word repeats on every page.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { TextRun } from 'docx';
import { formatDate, formatDays, run } from './blocks';
import {
  SIZE_PT,
  TABLE_BORDER,
  TABLE_CELL_MARGIN_TWIPS,
  TABLE_LINE_TWIPS,
  TEXT_WIDTH_TWIPS,
  ptToTwips,
} from './layout';
import type { Attendance, ErrorEntry } from './models';

/** The attendance columns, in the order the forms print them (公差 after the leave kinds). */
export const ATTENDANCE_COLUMNS: readonly { key: keyof Attendance; header: string }[] = [
  { key: 'required', header: '应出勤' },
  { key: 'present', header: '实出勤' },
  { key: 'personalLeave', header: '事假' },
  { key: 'sickLeave', header: '病假' },
  { key: 'annualLeave', header: '年休假' },
  { key: 'businessTrip', header: '公差' },
  { key: 'absent', header: '旷工' },
];

export type CellText = string | string[];
export type Column = { header: string; weight: number; align?: 'left' | 'center' };

// Left, not justified: justifying Chinese in a narrow cell spreads the characters apart.
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** A 小四 line inside a table cell: text, or runs mixing text and blanks to sign on. */
export function cellLine(
  content: string | TextRun[],
  align: 'left' | 'center' | 'right' = 'left',
  bold = false,
): Paragraph {
  return new Paragraph({
    alignment: ALIGN[align],
    spacing: { line: TABLE_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: align === 'right' ? { right: ptToTwips(SIZE_PT.table * 2) } : undefined,
    children: typeof content === 'string' ? [run(content, { size: SIZE_PT.table, bold })] : content,
  });
}

function cellParagraphs(text: CellText, align: 'left' | 'center', bold = false): Paragraph[] {
  const lines = Array.isArray(text) ? text : text.split('\n');
  return (lines.length > 0 ? lines : ['']).map((line) => cellLine(line, align, bold));
}

/** Splits the text width among columns in proportion to their weights; the widths add up exactly. */
export function columnWidths(weights: readonly number[], total: number = TEXT_WIDTH_TWIPS): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}

export function cell(
  text: CellText,
  width: number,
  opts: { align?: 'left' | 'center'; bold?: boolean; span?: number } = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    verticalAlign: VerticalAlignTable.CENTER,
    children: cellParagraphs(text, opts.align ?? 'left', opts.bold),
  });
}

const borders = {
  top: { ...TABLE_BORDER, style: BorderStyle.SINGLE },
  bottom: { ...TABLE_BORDER, style: BorderStyle.SINGLE },
  left: { ...TABLE_BORDER, style: BorderStyle.SINGLE },
  right: { ...TABLE_BORDER, style: BorderStyle.SINGLE },
  insideHorizontal: { ...TABLE_BORDER, style: BorderStyle.SINGLE },
  insideVertical: { ...TABLE_BORDER, style: BorderStyle.SINGLE },
};

/** A bordered table across the text block (the sum of the widths), with fixed column widths. */
export function table(rows: TableRow[], widths: readonly number[]): Table {
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders,
    margins: { ...TABLE_CELL_MARGIN_TWIPS, marginUnitType: WidthType.DXA },
  });
}

/**
 * Whether a row is short enough to keep whole on one page. Word cuts off a row that may not split and
 * is taller than a page, so only rows of at most ~15 lines (half a page) are kept together; longer
 * ones split. Characters are counted as full width, which errs towards splitting.
 */
function fitsOnePage(row: readonly CellText[], widths: readonly number[]): boolean {
  const lines = row.map((text, i) => {
    const perLine = Math.max(
      1,
      Math.floor(
        ((widths[i] ?? 0) - TABLE_CELL_MARGIN_TWIPS.left - TABLE_CELL_MARGIN_TWIPS.right) /
          ptToTwips(SIZE_PT.table),
      ),
    );
    const paragraphs = Array.isArray(text) ? text : text.split('\n');
    return paragraphs.reduce((sum, p) => sum + Math.max(1, Math.ceil(p.length / perLine)), 0);
  });
  return Math.max(0, ...lines) <= 15;
}

/**
 * A register: a bold header row repeated on every page, then one row per record; `emptyText`
 * fills a single row spanning all columns when there are no records ("本月无差错登记").
 */
export function registerTable(
  columns: readonly Column[],
  rows: readonly CellText[][],
  emptyText: string,
  /** The width to fill: the portrait text block unless given (a landscape register is wider). */
  total: number = TEXT_WIDTH_TWIPS,
): Table {
  const widths = columnWidths(
    columns.map((c) => c.weight),
    total,
  );
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c.header, widths[i] ?? 0, { align: 'center', bold: true })),
  });
  const body =
    rows.length === 0
      ? [
          new TableRow({
            children: [cell(emptyText, total, { align: 'center', span: columns.length })],
          }),
        ]
      : rows.map(
          (r) =>
            new TableRow({
              cantSplit: fitsOnePage(r, widths),
              children: columns.map((c, i) => cell(r[i] ?? '', widths[i] ?? 0, { align: c.align ?? 'left' })),
            }),
        );
  return table([header, ...body], widths);
}

/**
 * Sign-off rows: a label on the left ("主管领导\n核准意见") and free content on the right, as on the
 * paper forms where the leader writes an opinion, signs and dates.
 */
export function signOffTable(rows: readonly { label: string; content: Paragraph[] }[]): Table {
  const widths = columnWidths([2, 10]);
  return table(
    rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(r.label, widths[0] ?? 0, { align: 'center', bold: true }),
            new TableCell({
              width: { size: widths[1] ?? 0, type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              children: r.content,
            }),
          ],
        }),
    ),
    widths,
  );
}

/** 出勤情况 in days: one header row, one row of figures. */
export function attendanceTable(a: Attendance): Table {
  return registerTable(
    ATTENDANCE_COLUMNS.map((c) => ({ header: c.header, weight: 1, align: 'center' })),
    [ATTENDANCE_COLUMNS.map((c) => formatDays(a[c.key]))],
    '',
  );
}

/** 差错登记: 日期、事项、原因、纠正情况、程度. */
export function errorTable(errors: readonly ErrorEntry[], emptyText: string): Table {
  return registerTable(
    // Twips: a date "2026年12月31日" needs 2200 (see annual-plan.ts); 程度 holds two characters.
    [
      { header: '日期', weight: 2200, align: 'center' },
      { header: '事项', weight: 2300 },
      { header: '原因', weight: 1900 },
      { header: '纠正情况', weight: 1700 },
      { header: '程度', weight: 745, align: 'center' },
    ],
    errors.map((e) => [formatDate(e.date), e.matter, e.cause, e.correction, e.severity ?? '']),
    emptyText,
  );
}

/** The form's header block: label | value | label | value, two pairs a row. */
export function headerTable(pairs: readonly (readonly [string, string])[]): Table {
  const widths = columnWidths([2, 4, 2, 4]);
  const rows: TableRow[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const pair = (p: readonly [string, string] | undefined, at: number) => [
      cell(p?.[0] ?? '', widths[at] ?? 0, { align: 'center', bold: true }),
      cell(p?.[1] ?? '', widths[at + 1] ?? 0, { align: 'center' }),
    ];
    rows.push(new TableRow({ cantSplit: true, children: [...pair(pairs[i], 0), ...pair(pairs[i + 1], 2)] }));
  }
  return table(rows, widths);
}
