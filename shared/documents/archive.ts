/** One form to a .docx, and many forms to one .zip, for batch generation. */
import type { Document } from 'docx';
import { zipSync } from 'fflate';
import { ANNUAL_PLAN_TITLE, buildAnnualPlan } from './annual-plan';
import { toBytes } from './blocks';
import type { FormData } from './models';
import { QUARTER_SUMMARY_TITLE, buildQuarterSummary } from './quarter-summary';
import { RECORD_BOOK_TITLE, buildRecordBook } from './record-book';

export function buildDocument(form: FormData): Document {
  switch (form.kind) {
    case 'annualPlan':
      return buildAnnualPlan(form);
    case 'monthlyRecord':
      return buildRecordBook(form);
    case 'quarterSummary':
      return buildQuarterSummary(form);
  }
}

/** Characters Windows and macOS refuse in file names, and control characters, become "_". */
function safeName(name: string): string {
  const safe = [...name].map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('');
  return safe.trim() || '未命名';
}

/** "2026年个人年度工作计划-张三.docx", "2026年03月平时考核记实簿-张三.docx", "2026年第1季度个人工作小结-张三.docx". */
export function fileNameFor(form: FormData): string {
  const name = safeName(form.person.name);
  switch (form.kind) {
    case 'annualPlan':
      return `${form.year}年${ANNUAL_PLAN_TITLE}-${name}.docx`;
    case 'monthlyRecord':
      return `${form.year}年${String(form.month).padStart(2, '0')}月${RECORD_BOOK_TITLE}-${name}.docx`;
    case 'quarterSummary':
      // The title already begins with 季度: "第1季度" + "个人工作小结".
      return `${form.year}年第${form.quarter}${QUARTER_SUMMARY_TITLE}-${name}.docx`;
  }
}

export type ArchiveOptions = {
  /** Called after each document is packed, so a UI can show a progress bar. */
  onProgress?: (done: number, total: number) => void;
};

/**
 * Every form as a .docx inside one .zip. Two people of the same name get "（2）" after the second's
 * name rather than overwriting the first. Yields to the event loop between documents so a window
 * (or the worker's message queue) stays responsive during a large batch.
 */
export async function buildYearArchive(
  forms: readonly FormData[],
  options: ArchiveOptions = {},
): Promise<Uint8Array> {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  let done = 0;
  for (const form of forms) {
    files[uniqueName(fileNameFor(form), files)] = [await toBytes(buildDocument(form)), { level: 0 }];
    done += 1;
    options.onProgress?.(done, forms.length);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  // A .docx is already deflated; storing it as is (level 0) saves time and loses nothing.
  return zipSync(files);
}

function uniqueName(name: string, taken: Record<string, unknown>): string {
  if (!(name in taken)) return name;
  const stem = name.replace(/\.docx$/, '');
  for (let n = 2; ; n += 1) {
    const candidate = `${stem}（${n}）.docx`;
    if (!(candidate in taken)) return candidate;
  }
}
