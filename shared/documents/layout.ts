/**
 * Page and type of the forms, after GB/T 9704-2012《党政机关公文格式》 (see docs: shared/design/documents.md).
 * Every measure the builders use comes from here. Word measures in twips (1/20 pt) and font sizes
 * in half-points.
 */

/** 1 mm = 1440 / 25.4 twips; Word stores whole twips, so round once, here. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

/** docx sizes are half-points. */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

// ---- Page: A4 portrait, 版心 156 × 225 mm ----

export const PAGE_MM = { width: 210, height: 297 } as const;
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** A4 is 11906 × 16838 twips, the numbers Word itself writes for A4. */
export const PAGE_TWIPS = { width: mmToTwips(PAGE_MM.width), height: mmToTwips(PAGE_MM.height) } as const;

export const MARGIN_TWIPS = {
  top: mmToTwips(MARGIN_MM.top),
  bottom: mmToTwips(MARGIN_MM.bottom),
  left: mmToTwips(MARGIN_MM.left),
  right: mmToTwips(MARGIN_MM.right),
} as const;

/**
 * Distance from the bottom edge of the page to the bottom of the footer. GB/T 9704 puts the page
 * number's 一字线 7 mm below the text block, i.e. 28 mm from the edge; the middle of a 14 pt line sits
 * there when the line's bottom is about 25.5 mm from the edge.
 */
export const FOOTER_DISTANCE_TWIPS = mmToTwips(25.5);
/** Unused (the forms have no header), but Word wants a value. */
export const HEADER_DISTANCE_TWIPS = mmToTwips(15);

/** Width of the text block: 156 mm (8845 twips after rounding the margins). */
export const TEXT_WIDTH_TWIPS = PAGE_TWIPS.width - MARGIN_TWIPS.left - MARGIN_TWIPS.right;

/**
 * A wide register (统计表, 花名册) on A4 landscape: the same 156 × 225 mm text block turned a quarter,
 * so the binding margin (28 mm) is at the top of the turned page, where a landscape sheet bound with
 * portrait ones has its bound edge, and the 37/35 mm margins go to the sides.
 */
export const LANDSCAPE_MARGIN_MM = { top: 28, bottom: 26, left: 37, right: 35 } as const;
export const LANDSCAPE_MARGIN_TWIPS = {
  top: mmToTwips(LANDSCAPE_MARGIN_MM.top),
  bottom: mmToTwips(LANDSCAPE_MARGIN_MM.bottom),
  left: mmToTwips(LANDSCAPE_MARGIN_MM.left),
  right: mmToTwips(LANDSCAPE_MARGIN_MM.right),
} as const;
/** Width of the turned text block: 225 mm. */
export const LANDSCAPE_TEXT_WIDTH_TWIPS =
  PAGE_TWIPS.height - LANDSCAPE_MARGIN_TWIPS.left - LANDSCAPE_MARGIN_TWIPS.right;
/** Height of the text block on a portrait page: 225 mm. */
export const TEXT_HEIGHT_TWIPS = PAGE_TWIPS.height - MARGIN_TWIPS.top - MARGIN_TWIPS.bottom;

// ---- Fonts ----

/**
 * Font names as Word and WPS on office PCs know them. 方正 fonts are licensed and not bundled: the
 * document only names them. Chinese text takes the font in the East Asian slot (w:eastAsia) only.
 */
export const FONT = {
  /** 标题 */
  title: '方正小标宋简体',
  /** 正文, 表格, 三级及四级标题 */
  body: '仿宋_GB2312',
  /** 一级标题 "一、" */
  heading1: '黑体',
  /** 二级标题 "(一)" */
  heading2: '楷体_GB2312',
  /** 页码 */
  pageNumber: '宋体',
  /** Latin letters and digits everywhere but the page number. */
  latin: 'Times New Roman',
} as const;

// ---- Sizes (pt): 2号 = 22, 3号 = 16, 4号 = 14, 小四 = 12 ----

export const SIZE_PT = {
  title: 22,
  body: 16,
  heading: 16,
  table: 12,
  pageNumber: 14,
} as const;

// ---- Line spacing ----

/** 22 lines in the 225 mm text block: 637.8 pt / 22 ≈ 29 pt, as an exact line rule. */
export const BODY_LINE_TWIPS = ptToTwips(29);
/** Table cells: 12 pt text on a fixed 20 pt line, so rows keep the same height in Word, WPS and LibreOffice. */
export const TABLE_LINE_TWIPS = ptToTwips(20);
/** Indent of a body paragraph's first line: two characters of 3号. */
export const FIRST_LINE_INDENT_TWIPS = ptToTwips(SIZE_PT.body * 2);
/** GB/T 9704: odd page numbers stand one character in from the right, even ones from the left. */
export const PAGE_NUMBER_INDENT_TWIPS = ptToTwips(SIZE_PT.pageNumber);

// ---- Tables ----

/** A single line, ½ pt (w:sz is in eighths of a point). */
export const TABLE_BORDER = { style: 'single', size: 4, color: '000000' } as const;
export const TABLE_CELL_MARGIN_TWIPS = { top: 40, bottom: 40, left: 80, right: 80 } as const;

export const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;
