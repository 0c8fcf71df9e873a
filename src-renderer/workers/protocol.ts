/**
 * The messages between the page and documents.worker.ts, and the worker's side of them as a plain
 * function (so a test can drive it without a browser).
 *
 *   page → worker  { type: 'start', forms }                         once per worker
 *   worker → page  { type: 'progress', done, total }                after each document
 *                  { type: 'done', zip, peakHeapBytes? }            zip's buffer is transferred, not copied
 *                  { type: 'error', message, index?, fileName? }    index/fileName: the form that failed
 */
import { BatchFormError, buildBatchZip } from '../../shared/documents/batch';
import type { AnyFormData } from '../../shared/documents/models';

export type BatchRequest = { type: 'start'; forms: AnyFormData[] };

export type BatchResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; zip: Uint8Array<ArrayBuffer>; peakHeapBytes?: number }
  | { type: 'error'; message: string; index?: number; fileName?: string };

export type Post = (message: BatchResponse, transfer?: Transferable[]) => void;

/** Chromium's non-standard heap size of this thread, when it has one. */
function usedHeap(): number | undefined {
  const memory = (performance as { memory?: { usedJSHeapSize?: number } }).memory;
  return typeof memory?.usedJSHeapSize === 'number' ? memory.usedJSHeapSize : undefined;
}

/** Runs one request and posts progress, then exactly one 'done' or 'error'. */
export async function handleBatchRequest(request: BatchRequest, post: Post): Promise<void> {
  if (request?.type !== 'start' || !Array.isArray(request.forms)) {
    post({ type: 'error', message: '无法识别的批量生成请求' });
    return;
  }
  let peak = usedHeap();
  try {
    // fflate allocates plain ArrayBuffers; the cast only narrows TypeScript's ArrayBufferLike.
    const zip = (await buildBatchZip(request.forms, {
      onProgress: (p) => {
        const heap = usedHeap();
        if (heap !== undefined && (peak === undefined || heap > peak)) peak = heap;
        post({ type: 'progress', done: p.done, total: p.total });
      },
    })) as Uint8Array<ArrayBuffer>;
    post({ type: 'done', zip, ...(peak !== undefined ? { peakHeapBytes: peak } : {}) }, [zip.buffer]);
  } catch (e) {
    if (e instanceof BatchFormError) {
      post({ type: 'error', message: e.message, index: e.index, fileName: e.fileName });
    } else {
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }
}
