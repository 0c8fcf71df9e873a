/**
 * The building blocks every form is made of: runs that always name their East Asian font, the
 * GB/T 9704 paragraph kinds (title, headings, body), signature lines, the page number footers and
 * the document shell. Tables are in tables.ts. Form files only arrange these.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';
import type { Table } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { xmlSafe } from '../domain/text';
import type { IsoDate, WorkStatus } from './models';
import {
  BODY_LINE_TWIPS,
  FIRST_LINE_INDENT_TWIPS,
  FONT,
  FOOTER_DISTANCE_TWIPS,
  HEADER_DISTANCE_TWIPS,
  LANDSCAPE_MARGIN_TWIPS,
  LANGUAGE,
  MARGIN_TWIPS,
  PAGE_NUMBER_INDENT_TWIPS,
  PAGE_TWIPS,
  SIZE_PT,
  ptToHalfPoints,
  ptToTwips,
} from './layout';

// ---- Text ----

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FULL_SPACE = '\u3000';

/** "2026年3月31日"; blanks to fill in by hand when there is no date yet. */
export function formatDate(date: IsoDate | undefined): string {
  const m = date === undefined ? null : ISO_DATE.exec(date);
  if (!m) return `${FULL_SPACE.repeat(2)}年${FULL_SPACE.repeat(2)}月${FULL_SPACE.repeat(2)}日`;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** A 'YYYY-MM-DD' deadline as a date; any other text ("每月10日前") as written. */
export function formatDeadline(deadline: string): string {
  return ISO_DATE.test(deadline) ? formatDate(deadline) : deadline;
}

/** Days without a trailing ".0": 21, 0.5. */
export function formatDays(days: number): string {
  return String(Math.round(days * 10) / 10);
}

export const WORK_STATUS_LABELS: Readonly<Record<WorkStatus, string>> = {
  notStarted: '未开始',
  inProgress: '进行中',
  completed: '已完成',
  delayed: '延期',
  cancelled: '已取消',
};

/** 完成情况: "已完成 100%". */
export function completionText(status: WorkStatus, percent: number): string {
  return `${WORK_STATUS_LABELS[status]} ${Math.round(percent)}%`;
}

// ---- Runs ----

/** The East Asian slot carries the Chinese font; Latin letters and digits take Times New Roman. */
export function fontSlots(eastAsia: string, latin: string = FONT.latin) {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia };
}

export type RunStyle = {
  font?: string;
  /** Latin font; Times New Roman unless given. */
  latin?: string;
  size?: number;
  bold?: boolean;
  underline?: boolean;
};

export function run(text: string, style: RunStyle = {}): TextRun {
  const size = ptToHalfPoints(style.size ?? SIZE_PT.body);
  return new TextRun({
    // A tab must be a w:tab element: a tab character inside w:t is not a tab to Word.
    children: xmlSafe(text)
      .split('\t')
      .flatMap((part, i) => (i === 0 ? [part] : [new Tab(), part])),
    font: fontSlots(style.font ?? FONT.body, style.latin),
    size,
    sizeComplexScript: size,
    bold: style.bold,
    underline: style.underline ? {} : undefined,
    language: LANGUAGE,
  });
}

/** An underlined gap to write on, `chars` characters wide. */
export function blank(chars: number, style: RunStyle = {}): TextRun {
  return run(FULL_SPACE.repeat(chars), { ...style, underline: true });
}

// ---- Paragraphs ----

const bodyLine = { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** 2号 方正小标宋简体, centred. */
export function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...bodyLine, line: BODY_LINE_TWIPS + 200 },
    children: [run(text, { font: FONT.title, size: SIZE_PT.title })],
  });
}

/** The line under the title naming the period, in 楷体 3号: "2026年3月". */
export function subtitle(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...bodyLine, after: BODY_LINE_TWIPS / 2 },
    children: [run(text, { font: FONT.heading2 })],
  });
}

/** "一、…" in 黑体 3号. */
export function heading1(text: string): Paragraph {
  return new Paragraph({
    spacing: { ...bodyLine, before: BODY_LINE_TWIPS / 2 },
    indent: { firstLine: FIRST_LINE_INDENT_TWIPS },
    keepNext: true,
    children: [run(text, { font: FONT.heading1 })],
  });
}

/** "(一)…" in 楷体_GB2312 3号. */
export function heading2(text: string): Paragraph {
  return new Paragraph({
    spacing: { ...bodyLine, before: BODY_LINE_TWIPS / 4 },
    indent: { firstLine: FIRST_LINE_INDENT_TWIPS },
    keepNext: true,
    children: [run(text, { font: FONT.heading2 })],
  });
}

/** Body text: 仿宋_GB2312 3号, first line indented two characters. */
export function body(text: string | TextRun[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: bodyLine,
    indent: { firstLine: FIRST_LINE_INDENT_TWIPS },
    children: typeof text === 'string' ? [run(text)] : text,
  });
}

export function emptyLine(): Paragraph {
  return new Paragraph({ spacing: bodyLine, children: [run('')] });
}

// Tab stops count from the margin, not the indent. One character in, the longest label
// "主管领导签名：" (7 characters), half a character, a 5-character line to sign on, one character,
// then "日期：" and a date of at most 9 characters: 26.5 of the 27.6 characters a line holds.
const SIGNATURE_INDENT = ptToTwips(SIZE_PT.body);
/** Where the line to sign on starts. */
const SIGNATURE_LINE_AT = SIGNATURE_INDENT + ptToTwips(SIZE_PT.body * 7.5);
/** Where "日期：" starts, so the dates of several signature lines stand one under another. */
const SIGNATURE_DATE_AT = SIGNATURE_LINE_AT + ptToTwips(SIZE_PT.body * 6);

/** "本人签名：＿＿＿＿ 日期：2026年3月31日"; the signature is always left to the pen. */
export function signatureLine(label: string, date: IsoDate | undefined): Paragraph {
  return new Paragraph({
    spacing: bodyLine,
    indent: { left: SIGNATURE_INDENT },
    tabStops: [
      { type: TabStopType.LEFT, position: SIGNATURE_LINE_AT },
      { type: TabStopType.LEFT, position: SIGNATURE_DATE_AT },
    ],
    children: [run(`${label}：`), run('\t'), blank(5), run('\t日期：'), run(formatDate(date))],
  });
}

// ---- Page numbers and the document ----

/** "— 1 —" in 4号 宋体 (half-width digits): odd pages flush right, even pages flush left, one character in. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const style: RunStyle = { font: FONT.pageNumber, latin: FONT.pageNumber, size: SIZE_PT.pageNumber };
  const size = ptToHalfPoints(SIZE_PT.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER_INDENT_TWIPS } : { left: PAGE_NUMBER_INDENT_TWIPS },
        spacing: { line: ptToTwips(SIZE_PT.pageNumber * 1.5), lineRule: LineRuleType.EXACT },
        children: [
          run('— ', style),
          new TextRun({
            children: [PageNumber.CURRENT],
            font: fontSlots(FONT.pageNumber, FONT.pageNumber),
            size,
            sizeComplexScript: size,
            language: LANGUAGE,
          }),
          run(' —', style),
        ],
      }),
    ],
  });
}

/**
 * A whole form: A4 portrait, GB/T 9704 margins, default fonts in every slot, odd/even page numbers.
 * A wide register may ask for landscape (the text block turned, see LANDSCAPE_MARGIN_MM).
 */
export function formDocument(
  meta: { title: string; subject: string },
  children: (Paragraph | Table)[],
  options: { landscape?: boolean } = {},
): Document {
  const landscape = options.landscape === true;
  const defaultRun = {
    font: fontSlots(FONT.body),
    size: ptToHalfPoints(SIZE_PT.body),
    sizeComplexScript: ptToHalfPoints(SIZE_PT.body),
    language: LANGUAGE,
  };
  const headingRun = (font: string) => ({
    ...defaultRun,
    font: fontSlots(font),
    color: '000000',
    bold: false,
  });
  return new Document({
    creator: 'DutyBook 履责记实',
    title: meta.title,
    subject: meta.subject,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: defaultRun, paragraph: { spacing: bodyLine } },
        title: { run: { ...headingRun(FONT.title), size: ptToHalfPoints(SIZE_PT.title) } },
        heading1: { run: headingRun(FONT.heading1) },
        heading2: { run: headingRun(FONT.heading2) },
        heading3: { run: headingRun(FONT.body) },
        heading4: { run: { ...headingRun(FONT.body), italics: false } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself when told the page is landscape.
            size: {
              width: PAGE_TWIPS.width,
              height: PAGE_TWIPS.height,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              ...(landscape ? LANDSCAPE_MARGIN_TWIPS : MARGIN_TWIPS),
              header: HEADER_DISTANCE_TWIPS,
              footer: FOOTER_DISTANCE_TWIPS,
              gutter: 0,
            },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

/**
 * Whether UTF-8 bytes hold a character XML 1.0 refuses: a C0 control other than tab, LF and CR
 * (bytes below 0x20 never occur inside a multi-byte sequence), or U+FFFE/U+FFFF (EF BF BE/BF).
 * Unpaired surrogates cannot be there: encoding writes them as U+FFFD.
 */
function hasXmlIllegalBytes(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (
      c < 0x20
        ? c !== 0x09 && c !== 0x0a && c !== 0x0d
        : c === 0xef && b[i + 1] === 0xbf && (b[i + 2] === 0xbe || b[i + 2] === 0xbf)
    )
      return true;
  }
  return false;
}

/**
 * The .docx file's bytes. Every part is XML: a character XML refuses (`xmlSafe`), wherever it came
 * from (a run, a title, the document's properties), is removed here, so no text makes the file
 * unopenable; the runs have already dropped them (`run`), so this finds nothing in practice.
 * `Packer.toBuffer` is Node-only; a Uint8Array works in Node, browsers and workers.
 *
 * 2026-11-23: docx@9 writes `w:overflowPunct` only when true, so the "no" that keeps a full stop from
 * hanging past the right margin (GB/T 9704: 28 characters a line, inside the text block) is added
 * to the default paragraph properties here, after packing.
 */
export async function toBytes(doc: Document): Promise<Uint8Array> {
  const files = unzipSync(await Packer.pack(doc, 'uint8array'));
  for (const [name, data] of Object.entries(files)) {
    if (/\.(xml|rels)$/.test(name) && hasXmlIllegalBytes(data))
      files[name] = strToU8(xmlSafe(strFromU8(data)));
  }
  const styles = files['word/styles.xml'];
  if (styles) {
    // overflowPunct comes before spacing in CT_PPrBase; the default pPr has nothing that goes before it.
    const patched = strFromU8(styles).replace(
      '<w:pPrDefault><w:pPr>',
      '<w:pPrDefault><w:pPr><w:overflowPunct w:val="0"/>',
    );
    files['word/styles.xml'] = strToU8(patched);
  }
  return zipSync(files);
}
