/**
 * 接收数据包 at the scale of a whole organisation, in Chromium on real IndexedDB: HR's device holds the
 * organisation and its signed roster (shared/seed, `importBundles: false`), and a quarter's bundles
 * arrive — one per person, at most FOLDER_MAX_FILES (what one selection takes), each signed by its
 * author's own key and encrypted to HR (the first quarter of the year: plans, three record books,
 * the summary, the supervisors' decisions and evaluations). They go through `importBatch` exactly as the 接收数据包 page runs it: one
 * transaction per file, progress after each, the event loop given a turn between files, and the
 * report (its text and CSV) made at the end. Frames and the JS heap are sampled throughout.
 * No assertions: numbers only.
 */
import { FOLDER_MAX_FILES } from '../../shared/host/contract';
import { seedDatabase } from '../../shared/seed';
import { openDatabase } from '../../shared/store';
import { detectSuite } from '../../shared/bundle/crypto';
import { importBatch, reportCsv, reportText } from '../../shared/sync/intake';
import { sampleFrames } from './batch-bench';

export type IntakeBenchOptions = { people: number; units: number; runs: number };
export type IntakeBenchRun = {
  files: number;
  facts: number;
  bundleMB: number;
  /** Making the organisation and the bundles (not measured against anything; set-up). */
  setupMs: number;
  /** importBatch over every file, progress included. */
  intakeMs: number;
  perFileMs: number;
  perFactMs: number;
  /** reportText + reportCsv of the finished report. */
  reportMs: number;
  maxFrameGapMs: number;
  p95FrameGapMs: number;
  /** Every gap over 50 ms: when (from the start), how long, and which file (0-based) was going in. */
  longGaps: { atMs: number; gapMs: number; file: number }[];
  peakHeapMB: number;
  imported: number;
  refused: number;
};

/** A quarter: the first one of the year, whose record books are all due by 12 April. */
const QUARTER_TODAY = new Date('2026-04-12T02:00:00Z');

/** A full collection when the page was started with --js-flags=--expose-gc (scripts/bench.mjs does). */
async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  await new Promise((r) => setTimeout(r, 50));
  gc();
}

async function oneRun(o: IntakeBenchOptions, label: string): Promise<IntakeBenchRun> {
  const status = document.getElementById('status')!;
  const name = `dutybook-bench-intake-${label}`;
  const db = await openDatabase(name);
  try {
    const t0 = performance.now();
    const seeded = await seedDatabase(db, {
      seed: 'dutybook-bench-intake',
      people: o.people,
      units: o.units,
      years: 1,
      today: QUARTER_TODAY,
      deliver: 'authors',
      importBundles: false,
      // One selection: 接收数据包 takes at most FOLDER_MAX_FILES files at a time, so a bigger
      // organisation's quarter comes in several (the first senders' here, in roster order).
      maxBundles: FOLDER_MAX_FILES,
      onProgress: (p) => (status.textContent = `intake set-up ${p.step} ${p.done}/${p.total}`),
    });
    const setupMs = performance.now() - t0;
    const files = seeded.bundles!.map((b) => ({
      name: `${b.senderName}-${b.bundleId}.dutybook`,
      data: b.bytes,
    }));
    const keys = seeded.hr.keys;
    // The set-up's garbage (the organisation's history, the signing) is not the intake's: drop what
    // the seed returned and collect it before measuring, so its GC pauses do not land in the frames.
    delete seeded.bundles;
    await collectGarbage();
    const suite = await detectSuite();
    const stop = sampleFrames();
    const t1 = performance.now();
    // When each file started (progress comes after a file is done), to name the file behind a gap.
    const fileStarts: number[] = [0];
    const report = await importBatch(db, files, {
      suite,
      keys,
      now: QUARTER_TODAY,
      onProgress: (p) => {
        fileStarts.push(performance.now() - t1);
        status.textContent = `intake ${p.index}/${p.total}`;
      },
    });
    const t2 = performance.now();
    reportText(report);
    reportCsv(report);
    const t3 = performance.now();
    const frames = stop();
    return {
      files: files.length,
      facts: report.totals.facts,
      bundleMB: files.reduce((s, f) => s + f.data.length, 0) / 2 ** 20,
      setupMs,
      intakeMs: t2 - t1,
      perFileMs: (t2 - t1) / files.length,
      perFactMs: (t2 - t1) / Math.max(1, report.totals.facts),
      reportMs: t3 - t2,
      maxFrameGapMs: frames.max,
      p95FrameGapMs: frames.p95,
      longGaps: frames.long.map(([at, gap]) => {
        // The gap began at `at - gap`; the file going in then is the last one started before it.
        const began = at - gap - (t1 - frames.startedAt);
        let file = 0;
        while (file + 1 < fileStarts.length && fileStarts[file + 1]! <= began) file++;
        return { atMs: at, gapMs: gap, file };
      }),
      peakHeapMB: frames.peakHeapMB,
      imported: report.totals.imported,
      refused: report.totals.refused,
    };
  } finally {
    db.close();
    await new Promise<void>((done) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = r.onerror = r.onblocked = () => done();
    });
  }
}

/** A warm-up run, then `runs` runs, each into a fresh HR database. */
export async function intake(o: IntakeBenchOptions): Promise<{ runs: IntakeBenchRun[] }> {
  await oneRun(o, 'warm-up');
  const runs: IntakeBenchRun[] = [];
  for (let i = 0; i < o.runs; i++) runs.push(await oneRun(o, String(i)));
  return { runs };
}
