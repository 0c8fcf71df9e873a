/**
 * HR's batch Word export at scale, in Chromium: `count` 平时考核领导评鉴表 (the example evaluation with
 * names and grades varied) built into one .zip in the documents Web Worker (src-renderer/workers)
 * while the page samples its frames with requestAnimationFrame (max gap, 95th percentile) and its
 * JS heap (performance.memory). The reference is the bare build-and-pack of one document
 * (toBytes(buildDocument(form))) on the main thread, timed over a small slice in the same run.
 * No assertions: numbers only.
 */
import { buildDocument, toBytes, type EvaluationForm, type Grade } from '../../shared/documents';
import { exampleEvaluation } from '../../shared/documents/examples-supervisor';
import { batchDocuments } from '../../src-renderer/workers/batchDocuments';
import { benchName } from './names';

export type BatchBenchOptions = { count?: number; runs?: number; slice?: number };
export type BatchBenchRun = {
  /** Worker batch, from posting the forms to holding the zip (ms). */
  totalMs: number;
  perDocMs: number;
  /** Bare build-and-pack per document on the main thread, over the slice (ms). */
  barePerDocMs: number;
  maxFrameGapMs: number;
  p95FrameGapMs: number;
  frames: number;
  /** Main thread's peak used JS heap during the batch (MB); NaN without performance.memory. */
  peakHeapMB: number;
  /** The worker's own peak used JS heap (MB); NaN when it does not report one. */
  workerPeakHeapMB: number;
  /** The longest frame gap while the slice was built on the main thread, for contrast (ms). */
  bareMaxFrameGapMs: number;
  /** When the longest gap of the batch ended, in ms from posting the forms (where the freeze was). */
  maxFrameGapAtMs: number;
  /** Gaps over 50 ms: [ms from the start, gap ms], the first 50. */
  longGaps: [number, number][];
  /**
   * The floor the machine sets: the longest frame gap while a worker that does nothing but spin
   * (no allocation, no messages) runs for 3 s — the scheduler's share, not the page's (ms).
   */
  spinMaxFrameGapMs: number;
  zipBytes: number;
};
export type BatchBenchResult = { count: number; slice: number; runs: BatchBenchRun[] };

const GRADES: readonly { grade: Grade; score: number }[] = [
  { grade: '好', score: 92.05 },
  { grade: '较好', score: 85.5 },
  { grade: '一般', score: 72 },
  { grade: '较差', score: 55 },
];

export function benchForms(count: number): EvaluationForm[] {
  return Array.from({ length: count }, (_, i) => {
    const g = GRADES[i % 7 === 6 ? 3 : i % 3]!;
    const name = `${benchName(i)}${Math.floor(i / 400) || ''}`;
    return {
      ...exampleEvaluation,
      person: { ...exampleEvaluation.person, name },
      result: { score: g.score, grade: g.grade },
    };
  });
}

const MB = 1024 * 1024;
const heapNow = () => (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;

/** Samples frame gaps and the heap until stopped. */
export function sampleFrames() {
  const gaps: number[] = [];
  const start = performance.now();
  let last = start;
  let maxAt = 0;
  let max = 0;
  const long: [number, number][] = [];
  let peak = heapNow() ?? NaN;
  let running = true;
  const tick = (t: number) => {
    if (!running) return;
    gaps.push(t - last);
    if (t - last > max) [max, maxAt] = [t - last, t - start];
    if (t - last > 50 && long.length < 50) long.push([Math.round(t - start), Math.round(t - last)]);
    last = t;
    const h = heapNow();
    if (h !== undefined && !(h <= peak)) peak = h;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    running = false;
    // The gap still open when stopped counts too (a frozen window never gets its next frame).
    gaps.push(performance.now() - last);
    const sorted = [...gaps].sort((a, b) => a - b);
    return {
      max: sorted[sorted.length - 1] ?? 0,
      p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0,
      frames: gaps.length,
      /** When the longest gap ended, from the start of sampling. */
      maxAtMs: maxAt,
      /** performance.now() when sampling began (the `long` and `maxAtMs` times count from it). */
      startedAt: start,
      long,
      peakHeapMB: peak / MB,
    };
  };
}

/** Frame gaps while a trivial worker (created from a blob: URL) keeps one core busy for `ms`. */
async function spinReference(ms: number): Promise<number> {
  const src = `onmessage = (e) => { const end = performance.now() + e.data; let x = 0; while (performance.now() < end) x += Math.sqrt(x + 1); postMessage(x); };`;
  const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
  const worker = new Worker(url);
  try {
    const stop = sampleFrames();
    await new Promise((done) => {
      worker.onmessage = done;
      worker.postMessage(ms);
    });
    return stop().max;
  } finally {
    worker.terminate();
    URL.revokeObjectURL(url);
  }
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

async function oneRun(count: number, slice: number, status: HTMLElement): Promise<BatchBenchRun> {
  const forms = benchForms(count);
  // The reference: bare build-and-pack on the main thread, one slice.
  await nextFrame();
  const stopBare = sampleFrames();
  let t = performance.now();
  for (const f of forms.slice(0, slice)) await toBytes(buildDocument(f));
  const barePerDocMs = (performance.now() - t) / slice;
  const bare = stopBare();
  await nextFrame();

  const spinMaxFrameGapMs = await spinReference(3000);
  await nextFrame();

  const stop = sampleFrames();
  t = performance.now();
  const job = batchDocuments(forms, {
    onProgress: (p) => (status.textContent = `batch ${p.done}/${p.total}`),
  });
  const zip = await job.result;
  const totalMs = performance.now() - t;
  const frames = stop();
  return {
    totalMs,
    perDocMs: totalMs / count,
    barePerDocMs,
    maxFrameGapMs: frames.max,
    p95FrameGapMs: frames.p95,
    frames: frames.frames,
    maxFrameGapAtMs: frames.maxAtMs,
    longGaps: frames.long,
    peakHeapMB: frames.peakHeapMB,
    workerPeakHeapMB: (job.peakHeapBytes ?? NaN) / MB,
    bareMaxFrameGapMs: bare.max,
    spinMaxFrameGapMs,
    zipBytes: zip.byteLength,
  };
}

export async function batch({
  count = 5000,
  runs = 5,
  slice = 50,
}: BatchBenchOptions = {}): Promise<BatchBenchResult> {
  const status = document.getElementById('status')!;
  const s = Math.max(1, Math.min(slice, count));
  await oneRun(Math.min(count, 50), Math.min(s, 10), status); // warm-up: JIT, the worker's module load
  const out: BatchBenchRun[] = [];
  for (let i = 0; i < runs; i++) {
    out.push(await oneRun(count, s, status));
    status.textContent = `batch run ${i + 1}/${runs}`;
  }
  return { count, slice: s, runs: out };
}
