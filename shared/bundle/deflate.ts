/**
 * One raw DEFLATE stream (RFC 1951) written in two parts at once, so a large bundle's compression
 * runs beside the rest of the export instead of after it:
 *
 *  - the tail — everything past the content's first 512 KiB (container.ts, DEFLATE_HEAD_BYTES) —
 *    goes, as the export produces it, to the platform's zlib in a Web Worker (`workerTailDeflater`),
 *    which ends the stream (its last block is final);
 *  - the head — the manifest, which can only be written once every entry is known, and the first
 *    entries — is deflated here by fflate and ended with a sync flush: non-final blocks closed by an
 *    empty stored block on a byte boundary (`deflateNonFinal`).
 *
 * head ++ tail is then one valid stream: the tail's blocks start on a byte boundary after non-final
 * blocks, and the tail only refers back into its own output. Any DEFLATE reader inflates it.
 */
import { Deflate } from 'fflate';
import { concatBytes } from './bytes';
import { platformDeflate } from './platform-deflate';

/**
 * The tail's compressor, fed in order — each chunk is handed over (a worker takes its buffer, so the
 * chunk must own it whole); `finish(head)` deflates the head (non-final) and returns the whole
 * stream, head ++ tail.
 */
export type TailDeflater = {
  write(chunk: Uint8Array): void;
  finish(head: readonly Uint8Array[]): Promise<Uint8Array>;
  abort(): void;
};

/** Messages to deflate.worker.ts, and its replies; `id` names one stream (one bundle). */
export type DeflateWorkerRequest =
  | { id: number; chunk: Uint8Array }
  | { id: number; end: true }
  | { id: number; abort: true };
export type DeflateWorkerReply = { id: number; out: Uint8Array } | { id: number; error: string };

/** The pending bits fflate keeps between blocks: `(last partial byte << 3) | bits used in it` (fflate 0.8). */
type FflateState = { s?: { r?: unknown } };

/**
 * fflate at level 1, ended like zlib's sync flush: an empty non-final stored block, so the output
 * ends on a byte boundary and any DEFLATE stream may follow. fflate's own `flush(true)` writes that
 * block wrongly once the pending byte is non-zero (0.8.3: it passes the whole state word as the bit
 * position — found by the split test), so it is written here from the pending bits. Where those
 * cannot be read (another fflate), the parts go out as stored blocks: larger, still correct.
 * Level 1: this part runs on the export's own thread beside the worker, so speed counts more than size.
 */
export function deflateNonFinal(parts: readonly Uint8Array[]): Uint8Array {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 1 });
  deflate.ondata = (data) => out.push(data);
  for (const part of parts) deflate.push(part);
  deflate.flush(false); // every whole byte out; the last partial byte stays pending
  const pending = (deflate as unknown as FflateState).s?.r;
  if (typeof pending !== 'number' || !Number.isInteger(pending) || pending < 0 || pending >= 1 << 11)
    return storedNonFinal(parts);
  const bits = pending & 7;
  // The pending byte (if any bits of it are used), then the block header — BFINAL 0, BTYPE 00, three
  // zero bits — padded to the byte boundary, then LEN 0 and NLEN 0xFFFF.
  const head = bits === 0 ? [0] : bits <= 5 ? [pending >> 3] : [pending >> 3, 0];
  out.push(Uint8Array.from([...head, 0, 0, 0xff, 0xff]));
  return concatBytes(...out);
}

/** The parts as non-final stored blocks (at most 65,535 bytes each): DEFLATE without compression. */
export function storedNonFinal(parts: readonly Uint8Array[]): Uint8Array {
  const data = concatBytes(...parts);
  const blocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = new Uint8Array(data.length + 5 * blocks);
  let at = 0;
  for (let i = 0; i < blocks; i++) {
    const piece = data.subarray(i * 65535, (i + 1) * 65535);
    out.set([0, piece.length & 255, piece.length >> 8, ~piece.length & 255, (~piece.length >> 8) & 255], at);
    out.set(piece, at + 5);
    at += 5 + piece.length;
  }
  return out;
}

/** The platform's zlib on this thread (`CompressionStream('deflate-raw')`), or null without one. */
export function inlineTailDeflater(): TailDeflater | null {
  const tail = platformDeflate();
  if (!tail) return null;
  return {
    write: (chunk) => tail.write(chunk),
    finish: async (head) => {
      const first = deflateNonFinal(head);
      return concatBytes(first, await tail.close());
    },
    abort: () => tail.abort(),
  };
}

type Pending = { resolve: (out: Uint8Array) => void; reject: (e: Error) => void };

/**
 * One worker for every bundle this page writes, started by `prepareWorkerDeflate` before the export
 * needs it: a module worker has to load first, and chunks posted before then only queue (measured:
 * an export that created its worker at its first large chunk waited 130 ms for it at the end).
 */
let shared: { worker: Worker; pending: Map<number, Pending>; nextId: number; replied: boolean } | null = null;
/** A worker failed before it ever answered (it cannot load here): not tried again on this page. */
let unavailable = false;

function sharedWorker(): typeof shared {
  if (shared) return shared;
  if (unavailable || typeof Worker === 'undefined' || typeof CompressionStream === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./deflate.worker.ts', import.meta.url), {
      type: 'module',
      name: 'dutybook-deflate',
    });
  } catch {
    return null;
  }
  const state = { worker, pending: new Map<number, Pending>(), nextId: 1, replied: false };
  worker.onmessage = (event: MessageEvent<DeflateWorkerReply>) => {
    state.replied = true;
    const reply = event.data;
    const waiting = state.pending.get(reply.id);
    state.pending.delete(reply.id);
    if ('out' in reply) waiting?.resolve(reply.out);
    else waiting?.reject(new Error(`deflate worker: ${reply.error}`));
  };
  worker.onerror = (event) => {
    // A worker that cannot load or crashed: every stream in it fails (their writers deflate again on
    // their own thread); the next bundle starts a new worker, unless this one never worked at all.
    event.preventDefault();
    if (!state.replied) unavailable = true;
    const error = new Error(`deflate worker: ${event.message || 'failed to start'}`);
    for (const waiting of state.pending.values()) waiting.reject(error);
    state.pending.clear();
    worker.terminate();
    if (shared === state) shared = null;
  };
  shared = state;
  return state;
}

/** Starts the deflate worker now (if this platform has one), so that it is ready when an export is. */
export function prepareWorkerDeflate(): void {
  sharedWorker();
}

/**
 * The platform's zlib in a module Web Worker (deflate.worker.ts), or null where there are no
 * workers (Node, the tests) or none can start. Chunks are transferred, not copied; the writer keeps
 * the entries they were framed from, so that a worker that fails midway costs a slower export, never
 * a failed one.
 */
export function workerTailDeflater(): TailDeflater | null {
  const state = sharedWorker();
  if (!state) return null;
  const id = state.nextId++;
  const result = new Promise<Uint8Array>((resolve, reject) => state.pending.set(id, { resolve, reject }));
  result.catch(() => {}); // observed by finish(); a rejection before then is not unhandled
  const post = (message: DeflateWorkerRequest, transfer: Transferable[] = []) => {
    try {
      state.worker.postMessage(message, transfer);
    } catch (e) {
      state.pending.get(id)?.reject(e instanceof Error ? e : new Error(String(e)));
      state.pending.delete(id);
    }
  };
  return {
    write: (chunk) => post({ id, chunk }, [chunk.buffer]),
    // The head is deflated here while the worker finishes the tail (instrumented, 10k facts: done
    // 30 ms after the manifest, against 38–47 ms when the worker deflated the head after the tail).
    finish: async (head) => {
      post({ id, end: true });
      const first = deflateNonFinal(head);
      return concatBytes(first, await result);
    },
    abort: () => {
      if (!state.pending.delete(id)) return;
      post({ id, abort: true });
    },
  };
}
