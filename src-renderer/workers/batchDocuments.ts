/**
 * Many Word forms into one .zip in a Web Worker (documents.worker.ts), so the window stays responsive:
 * a promise with a progress callback and cancel.
 *
 *   const job = batchDocuments(forms, { onProgress: ({ done, total }) => … });
 *   const zip = await job.result;   // or job.cancel()
 *
 * Progress is reported to the caller at most every `progressIntervalMs` (default 100 ms) and always
 * for the last document, so a page that re-renders on progress is not asked to render 5,000 times.
 */
import type { AnyFormData } from '../../shared/documents/models';
import type { BatchRequest, BatchResponse } from './protocol';

export type BatchDocumentsProgress = { done: number; total: number };

/** What batchDocuments needs of a Worker (a test passes a fake). */
export type WorkerLike = {
  postMessage(message: BatchRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<BatchResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

export type BatchDocumentsOptions = {
  onProgress?: (p: BatchDocumentsProgress) => void;
  signal?: AbortSignal;
  progressIntervalMs?: number;
  /** Creates the worker; the default is the real module worker. */
  createWorker?: () => WorkerLike;
};

export type BatchDocumentsJob = {
  /** The .zip bytes. Rejects with BatchDocumentsError (a form failed, or the worker broke) or an AbortError. */
  result: Promise<Uint8Array<ArrayBuffer>>;
  cancel(): void;
  /** The worker's peak JS heap in bytes, once done (Chromium only). */
  readonly peakHeapBytes: number | undefined;
};

export class BatchDocumentsError extends Error {
  readonly index: number | undefined;
  readonly fileName: string | undefined;
  constructor(message: string, index?: number, fileName?: string) {
    super(message);
    this.name = 'BatchDocumentsError';
    this.index = index;
    this.fileName = fileName;
  }
}

const defaultWorker = (): WorkerLike =>
  new Worker(new URL('./documents.worker.ts', import.meta.url), {
    type: 'module',
    name: 'dutybook-documents',
  });

const abortError = () => new DOMException('已取消批量生成', 'AbortError');

export function batchDocuments(
  forms: readonly AnyFormData[],
  options: BatchDocumentsOptions = {},
): BatchDocumentsJob {
  const { onProgress, signal, progressIntervalMs = 100, createWorker = defaultWorker } = options;
  let peakHeapBytes: number | undefined;
  let cancel = () => {};
  const result = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const worker = createWorker();
    let settled = false;
    let lastReport = -Infinity;
    const end = () => {
      settled = true;
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      signal?.removeEventListener('abort', cancel);
    };
    cancel = () => {
      if (settled) return;
      end();
      reject(abortError());
    };
    signal?.addEventListener('abort', cancel);
    worker.onmessage = (event) => {
      if (settled) return;
      const m = event.data;
      if (m.type === 'progress') {
        const now = performance.now();
        if (m.done === m.total || now - lastReport >= progressIntervalMs) {
          lastReport = now;
          onProgress?.({ done: m.done, total: m.total });
        }
      } else if (m.type === 'done') {
        peakHeapBytes = m.peakHeapBytes;
        end();
        resolve(m.zip);
      } else if (m.type === 'error') {
        end();
        reject(new BatchDocumentsError(m.message, m.index, m.fileName));
      }
    };
    worker.onerror = (event) => {
      if (settled) return;
      end();
      reject(new BatchDocumentsError(`批量生成进程出错:${event.message || '未知错误'}`));
    };
    onProgress?.({ done: 0, total: forms.length });
    worker.postMessage({ type: 'start', forms: [...forms] });
  });
  return {
    result,
    cancel: () => cancel(),
    get peakHeapBytes() {
      return peakHeapBytes;
    },
  };
}
