/**
 * Many Word forms in one .zip: each form is built (buildDocument), packed to .docx bytes (toBytes, the
 * same path as a single export) and stored in the archive under its Chinese file name (fileNameFor),
 * made unique ("…-张三.docx", "…-张三（2）.docx"). Pure and free of DOM APIs, so it runs the same in a
 * Web Worker (src-renderer/workers/documents.worker.ts), in Node and on a page's main thread.
 *
 * The .docx files are already deflated, so the outer archive stores them without compressing again
 * (level 0): compressing twice costs time and saves almost nothing.
 */
import { zipSync, type Zippable } from 'fflate';
import { toBytes } from './blocks';
import { buildDocument, fileNameFor } from './index';
import type { AnyFormData } from './models';

export type BatchProgress = { done: number; total: number };

export type BatchOptions = {
  /** Called after each document is built and packed. */
  onProgress?: (p: BatchProgress) => void;
  /** Stops between documents; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
};

/** A form that could not be built: which one (0-based index and its file name), and why. */
export class BatchFormError extends Error {
  readonly index: number;
  readonly fileName: string;
  constructor(index: number, fileName: string, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`第 ${index + 1} 份(${fileName})未能生成:${why}`, { cause });
    this.name = 'BatchFormError';
    this.index = index;
    this.fileName = fileName;
  }
}

/** The forms' file names, in order, with "（2）", "（3）"… before the extension of repeated ones. */
export function uniqueFileNames(forms: readonly AnyFormData[]): string[] {
  const taken = new Set<string>();
  return forms.map((form) => {
    const name = fileNameFor(form);
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}（${n}）${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Builds and packs every form and returns the .zip bytes. Rejects with BatchFormError on the first failure. */
export async function buildBatchZip(
  forms: readonly AnyFormData[],
  options: BatchOptions = {},
): Promise<Uint8Array> {
  const { onProgress, signal } = options;
  const names = uniqueFileNames(forms);
  const files: Zippable = {};
  const total = forms.length;
  for (let i = 0; i < total; i++) {
    signal?.throwIfAborted();
    const name = names[i]!;
    let bytes: Uint8Array;
    try {
      bytes = await toBytes(buildDocument(forms[i]!));
    } catch (e) {
      throw new BatchFormError(i, name, e);
    }
    files[name] = [bytes, { level: 0 }];
    onProgress?.({ done: i + 1, total });
  }
  signal?.throwIfAborted();
  return zipSync(files, { level: 0 });
}
