/**
 * One list page as an Excel workbook (导出当前列表): the rows as the clerk filtered and sorted them,
 * in the columns shown. Written with exceljs.
 *
 * Printing follows shared/design/documents.md: A4 landscape, fit to one page wide, the header row
 * repeated on every page, the title (and the conditions the list was filtered by) above it on page 1,
 * "第 1 页，共 2 页" at the foot. Numbers stay numbers so that Excel can sum and sort them; text
 * stays text (a value starting with "=" is never a formula).
 */
import ExcelJS from 'exceljs';

export type ListCell = string | number | boolean | null | undefined;

export type ListSheet = {
  /** The bold line above the header, e.g. "人员名册". */
  title: string;
  /** Lines under the title: the query the list was filtered by, when it was exported. */
  notes?: readonly string[];
  header: readonly string[];
  rows: readonly (readonly ListCell[])[];
  /** The sheet tab's name (the title when absent). */
  sheetName?: string;
};

/** Display width of a text in Excel's character units: a CJK (full-width) character counts 2. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const SHEET_NAME_BAD = /[[\]:*?/\\]/g;

function cellValue(v: ListCell): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v;
}

const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** The workbook's bytes (.xlsx). */
export async function listToXlsx(sheet: ListSheet): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DutyBook';
  wb.created = new Date();
  const name = (sheet.sheetName ?? sheet.title).replace(SHEET_NAME_BAD, '_').slice(0, 31) || '列表';
  const cols = Math.max(1, sheet.header.length);
  const notes = sheet.notes ?? [];
  const headerRow = 2 + notes.length;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: headerRow }],
  });

  ws.mergeCells(1, 1, 1, cols);
  const title = ws.getCell(1, 1);
  title.value = sheet.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 24;
  notes.forEach((note, i) => {
    ws.mergeCells(2 + i, 1, 2 + i, cols);
    const c = ws.getCell(2 + i, 1);
    c.value = note;
    c.font = { size: 10, color: { argb: 'FF555555' } };
  });

  const head = ws.getRow(headerRow);
  sheet.header.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    c.border = border;
  });

  const widths = sheet.header.map((h) => textWidth(h));
  sheet.rows.forEach((row, r) => {
    const line = ws.getRow(headerRow + 1 + r);
    for (let i = 0; i < cols; i++) {
      const v = cellValue(row[i]);
      const c = line.getCell(i + 1);
      c.value = v;
      c.border = border;
      c.alignment = { vertical: 'top', wrapText: true };
      if (typeof v === 'number') c.numFmt = Number.isInteger(v) ? '0' : '0.00';
      const w = v === null ? 0 : textWidth(typeof v === 'number' ? String(v) : v);
      if (w > (widths[i] ?? 0)) widths[i] = w;
    }
  });
  // Measured from the text, between a narrow column and a wrapped one.
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = Math.min(40, Math.max(6, w + 2));
  });

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** A file name from a list's name and the day ("人员名册_2026-12-08.xlsx"), safe on every system. */
export function listFileName(name: string, day: string): string {
  return `${name.replace(/[\\/:*?"<>|\s]+/g, '_')}_${day}.xlsx`;
}
