/**
 * A minimal Excel (.xlsx) writer: SpreadsheetML parts zipped with fflate, enough for HR's worksheets
 * and statistics to open in Excel, WPS and LibreOffice. One or more sheets; text as shared strings,
 * numbers as numbers (with a number format per column: whole numbers, two decimals, per cent),
 * empty cells without a value; an optional bold title row merged across the columns, a bold header
 * row frozen below it, thin borders round the header and the rows, column widths (given, or measured
 * from the text), and lines of notes under the table.
 *
 * Every sheet prints on A4 without adjustment (shared/design/documents.md): fit to one page wide,
 * landscape when the columns are wider than a portrait page holds, the header row repeated on each
 * page (the print titles, a defined name), the title on page 1 only, and "第 1 页，共 2 页" at the foot.
 *
 * No formulas are written: a text starting with "=" stays text.
 */
import { strToU8, zipSync } from 'fflate';
import { xmlSafe } from '../domain/text';

export type XlsxCell = string | number | null | undefined;

export type XlsxSheet = {
  /** The tab's name; shortened to 31 characters, with []:*?/\ replaced, and made unique. */
  name: string;
  /** A bold line above the header, merged across the columns ("2026年度考核工作表"). */
  title?: string;
  header: readonly string[];
  rows: readonly (readonly XlsxCell[])[];
  /** Column widths in characters (a CJK character counts 2); measured from the text when absent. */
  widths?: readonly (number | undefined)[];
  /** Number formats by column, for the numbers in it; text cells keep the text style. */
  formats?: readonly (XlsxFormat | undefined)[];
  /** Lines under the table (说明, 填报人), each merged across the columns. */
  notes?: readonly string[];
  /** Paper orientation; chosen from the column widths when absent. */
  orientation?: 'portrait' | 'landscape';
};

/** 'integer': 0; 'decimal': 0.00; 'percent': 0.0% (store the fraction: 0.1667 prints 16.7%). */
export type XlsxFormat = 'integer' | 'decimal' | 'percent';

export type XlsxMeta = { title?: string; creator?: string; created?: Date };

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// XML 1.0 refuses control characters, U+FFFE/U+FFFF and unpaired surrogates, even escaped: dropped.
function esc(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Display width in Excel's character units: CJK and full-width characters count 2. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xffdc) || c >= 0x20000) ? 2 : 1;
  }
  return w;
}

/** Sheet names Excel accepts: 1–31 characters, none of []:*?/\, not starting or ending with "'", unique. */
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    let base = [...raw.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '')].slice(0, 31).join('');
    if (base.trim() === '') base = `Sheet${i + 1}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) {
      const suffix = `(${k})`;
      name = [...base].slice(0, 31 - suffix.length).join('') + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;
  id(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }
}

/**
 * Style ids in styles.xml (cellXfs): 0 plain (notes), 1 bold centred header with borders, 2 bold
 * centred title, 3 text with borders, 4 whole number, 5 two decimals, 6 per cent (0.0%), each bordered.
 */
const STYLE = { plain: 0, bold: 1, title: 2, body: 3, integer: 4, decimal: 5, percent: 6 } as const;

function cellXml(ref: string, value: XlsxCell, style: number, strings: SharedStrings): string {
  const s = style === STYLE.plain ? '' : ` s="${style}"`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return style === STYLE.plain ? '' : `<c r="${ref}"${s}/>`;
    return `<c r="${ref}"${s}><v>${String(value)}</v></c>`;
  }
  if (value === null || value === undefined || value === '') {
    return style === STYLE.plain ? '' : `<c r="${ref}"${s}/>`;
  }
  // Text in a number column keeps the bordered text style ("—", "12/12(100%)").
  const textStyle = style > STYLE.body ? ` s="${STYLE.body}"` : s;
  return `<c r="${ref}"${textStyle} t="s"><v>${strings.id(value)}</v></c>`;
}

/**
 * Lines a row of wrapped text takes: the most any cell needs at its column's width. Excel measures a
 * row's height when it opens a file, LibreOffice does not, so the writer sets it.
 */
function linesOf(cells: readonly XlsxCell[], widths: readonly number[]): number {
  let lines = 1;
  cells.forEach((v, c) => {
    if (typeof v !== 'string' || v === '') return;
    const room = Math.max(1, (widths[c] ?? 10) - 1);
    const n = v.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(textWidth(part) / room)), 0);
    lines = Math.max(lines, n);
  });
  return lines;
}

/** Points per line of 11 pt 宋体, as Excel sets a row of one line (15) plus a little for each more. */
const LINE_PT = 14.4;

function rowXml(
  r: number,
  cells: readonly XlsxCell[],
  style: number | ((column: number) => number),
  strings: SharedStrings,
  columns = cells.length,
  widths?: readonly number[],
): string {
  const styleOf = typeof style === 'number' ? () => style : style;
  const inner = Array.from({ length: Math.max(columns, cells.length) }, (_, c) =>
    cellXml(`${columnName(c)}${r}`, cells[c], styleOf(c), strings),
  ).join('');
  const lines = widths ? linesOf(cells, widths) : 1;
  const height = lines > 1 ? ` ht="${Math.ceil(lines * LINE_PT + 2)}" customHeight="1"` : '';
  return `<row r="${r}"${height}>${inner}</row>`;
}

const FORMAT_STYLE: Readonly<Record<XlsxFormat, number>> = {
  integer: STYLE.integer,
  decimal: STYLE.decimal,
  percent: STYLE.percent,
};

/** Wider than this many character units (at Excel's default font) does not fit a portrait A4 page. */
const PORTRAIT_MAX_WIDTH = 95;

function measuredWidths(sheet: XlsxSheet, columns: number): number[] {
  return Array.from({ length: columns }, (_, c) => {
    const given = sheet.widths?.[c];
    if (given !== undefined) return given;
    const texts = [sheet.header[c] ?? '', ...sheet.rows.map((row) => row[c])].map((v) =>
      v === null || v === undefined ? '' : String(v),
    );
    return Math.min(60, Math.max(6, ...texts.map((t) => textWidth(t) + 2)));
  });
}

/** The row the header is on: 2 under a title, else 1 (the print titles repeat it). */
export function headerRowOf(sheet: XlsxSheet): number {
  return sheet.title === undefined ? 1 : 2;
}

function sheetXml(sheet: XlsxSheet, strings: SharedStrings): string {
  const columns = Math.max(sheet.header.length, ...sheet.rows.map((r) => r.length), 1);
  const headerRow = headerRowOf(sheet);
  const lastDataRow = headerRow + sheet.rows.length;
  const notes = sheet.notes ?? [];
  // One empty row between the table and its notes.
  const firstNoteRow = lastDataRow + 2;
  const lastRow = notes.length > 0 ? firstNoteRow + notes.length - 1 : lastDataRow;
  const last = columnName(columns - 1);
  const bodyStyle = (c: number) => {
    const f = sheet.formats?.[c];
    return f === undefined ? STYLE.body : FORMAT_STYLE[f];
  };
  const widths = measuredWidths(sheet, columns);
  const rows: string[] = [];
  if (sheet.title !== undefined) rows.push(rowXml(1, [sheet.title], STYLE.title, strings));
  rows.push(rowXml(headerRow, sheet.header, STYLE.bold, strings, columns, widths));
  sheet.rows.forEach((row, i) =>
    rows.push(rowXml(headerRow + 1 + i, row, bodyStyle, strings, columns, widths)),
  );
  notes.forEach((note, i) => rows.push(rowXml(firstNoteRow + i, [note], STYLE.plain, strings)));
  const cols = widths
    .map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  const top = `A${headerRow + 1}`;
  const merges = [
    ...(sheet.title !== undefined && columns > 1 ? [`A1:${last}1`] : []),
    ...(columns > 1 ? notes.map((_, i) => `A${firstNoteRow + i}:${last}${firstNoteRow + i}`) : []),
  ];
  const merge =
    merges.length > 0
      ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
      : '';
  const orientation =
    sheet.orientation ?? (widths.reduce((a, b) => a + b, 0) > PORTRAIT_MAX_WIDTH ? 'landscape' : 'portrait');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}${lastRow}"/>` +
    '<sheetViews><sheetView workbookViewId="0">' +
    `<pane ySplit="${headerRow}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>` +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    merge +
    '<printOptions horizontalCentered="1"/>' +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    // paperSize 9 = A4; fitToHeight 0 = as many pages down as it takes.
    `<pageSetup paperSize="9" orientation="${orientation}" fitToWidth="1" fitToHeight="0"/>` +
    '<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>' +
    '</worksheet>'
  );
}

const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>' +
  '<fonts count="3">' +
  '<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="14"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '</fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>' +
  '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>' +
  '</borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="7">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="2" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The workbook's bytes. Throws a RangeError when there is no sheet. */
export function buildXlsx(sheets: readonly XlsxSheet[], meta: XlsxMeta = {}): Uint8Array {
  if (sheets.length === 0) throw new RangeError('a workbook needs at least one sheet');
  const strings = new SharedStrings();
  const names = sheetNames(sheets.map((s) => s.name));
  const files: Record<string, Uint8Array> = {};
  const put = (path: string, xml: string) => {
    files[path] = strToU8(xml);
  };
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  sheets.forEach((s, i) => put(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, strings)));
  put(
    '[Content_Types].xml',
    head +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      '</Types>',
  );
  put(
    '_rels/.rels',
    head +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
      '</Relationships>',
  );
  put(
    'xl/workbook.xml',
    head +
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
      names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets>' +
      // Print titles: each sheet's header row repeats on every printed page.
      '<definedNames>' +
      sheets
        .map((sheet, i) => {
          const r = headerRowOf(sheet);
          const quoted = `'${esc(names[i] ?? '').replace(/'/g, "''")}'`;
          return `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${quoted}!$${r}:$${r}</definedName>`;
        })
        .join('') +
      '</definedNames></workbook>',
  );
  put(
    'xl/_rels/workbook.xml.rels',
    head +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
      '</Relationships>',
  );
  put('xl/styles.xml', STYLES_XML);
  put(
    'xl/sharedStrings.xml',
    head +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.count}" uniqueCount="${strings.list.length}">` +
      strings.list.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('') +
      '</sst>',
  );
  const created = (meta.created ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  put(
    'docProps/core.xml',
    head +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      (meta.title ? `<dc:title>${esc(meta.title)}</dc:title>` : '') +
      `<dc:creator>${esc(meta.creator ?? 'DutyBook 履责记实')}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
      '</cp:coreProperties>',
  );
  put(
    'docProps/app.xml',
    head +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
      '<Application>DutyBook</Application></Properties>',
  );
  return zipSync(files);
}
