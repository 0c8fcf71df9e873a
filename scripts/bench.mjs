#!/usr/bin/env node
/**
 * npm run bench — the sync benchmark (issue 4; extend it by adding rows). Never part of the tests:
 * numbers depend on the machine, so nothing here asserts a time.
 *
 *   npm run bench [-- --runs N] [--records N (multiple of 40)] [--hr-people N (0: skip)] [--hr-units N]
 *                 [--batch-docs N (0: skip)] [--node-only | --browser-only] [--out FILE]
 *
 * (a) Node rows (scripts/bench/node.ts through Vite's module runner): container write/open of 10,000
 *     entries per stage, and primitive speeds of both crypto suites (WebCrypto, noble).
 * (b) Chromium rows: builds tests/bench/ with Vite into out/bench, serves it on 127.0.0.1, and drives
 *     it with Playwright in Debian's Chromium (/usr/bin/chromium or CHROMIUM_PATH, headless, the
 *     launch args of playwright.config.ts): a supervisor → HR relay of N record versions exported and
 *     imported through the real model path on real IndexedDB, per stage, against the bare IndexedDB
 *     work for the same rows (import vs bare bulkPut, goal ≤ 1.5×; export vs bare read, goal ≤ 2×).
 * (c) Chromium rows: HR's organisation-wide screens (completeness grid, annual worksheet, statistics)
 *     over an example organisation of --hr-people people × 2 years loaded through the signed-record
 *     path (shared/seed), each against a 1 s budget, with the record-book scan they avoid as reference.
 *
 * (d) Chromium rows: HR's batch Word export — --batch-docs N 平时考核领导评鉴表 built into one .zip in the
 *     documents Web Worker while the page samples requestAnimationFrame gaps and its JS heap: total time,
 *     per-document time against the bare build-and-pack of one document on the main thread (goal
 *     ≤ 1.2×), the longest frame gap against a 50 ms limit, the 95th-percentile gap, peak JS heap, and
 *     as references the longest gap when the same forms are built on the main thread and when a worker
 *     merely spins (what the OS scheduler alone costs the page on this machine).
 *
 * Every figure is measured in ≥ 5 runs (after a warm-up run); the table shows the median and range,
 * the limit measured in the same runs and their ratio. Results: bench-results/bench.json.
 */
/* global document, window -- used inside page.evaluate / waitForFunction, which run in the page */
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release, platform, tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, runnerImport } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// As in playwright.config.ts.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function parseArgs(argv) {
  const o = { runs: 5, records: 10_000, hrPeople: 1000, hrUnits: 20, batchDocs: 5000, node: true, browser: true, out: join(ROOT, 'bench-results/bench.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--runs') o.runs = Number(next());
    else if (a === '--records') o.records = Number(next());
    else if (a === '--hr-people') o.hrPeople = Number(next());
    else if (a === '--hr-units') o.hrUnits = Number(next());
    else if (a === '--batch-docs') o.batchDocs = Number(next());
    else if (a === '--node-only') o.browser = false;
    else if (a === '--browser-only') o.node = false;
    else if (a === '--out') o.out = resolve(next());
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0].replace(/^#!.*\n\/\*\*?\n?/, '').replace(/^ \* ?/gm, ''));
      process.exit(0);
    } else usage(`unknown option ${a}`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) usage('--runs must be a positive integer');
  if (!Number.isInteger(o.batchDocs) || o.batchDocs < 0) usage('--batch-docs must be a whole number (0: skip)');
  if (!Number.isInteger(o.records) || o.records < 40 || o.records % 40 !== 0) usage('--records must be a positive multiple of 40 (officials × 10 months × 4 versions)');
  return o;
}

function usage(message) {
  console.error(`usage error: ${message}\nusage: npm run bench [-- --runs N] [--records N] [--hr-people N] [--batch-docs N] [--node-only | --browser-only] [--out FILE]`);
  process.exit(2);
}

const log = (s) => process.stderr.write(`[bench] ${s}\n`);

// ---- statistics ----

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (v, unit) => (unit === 'ms' ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : v >= 100 ? v.toFixed(0) : v.toFixed(1));

function summarise(row) {
  const out = { ...row, median: median(row.samples), min: Math.min(...row.samples), max: Math.max(...row.samples) };
  if (row.limit) {
    // Ratios per run (both measured in that run), then their median.
    const ratios = row.samples.map((s, i) => s / row.limit.samples[i]);
    out.limit = { ...row.limit, median: median(row.limit.samples) };
    out.ratio = { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
    if (row.goal !== undefined) out.meetsGoal = out.ratio.median <= row.goal;
  }
  return out;
}

function table(rows) {
  const head = ['group', 'figure', 'median', 'range', 'limit (median)', 'ratio (median, range)', 'goal'];
  const body = rows.map((r) => [
    r.group,
    r.figure,
    `${fmt(r.median, r.unit)} ${r.unit}`,
    `${fmt(r.min, r.unit)}–${fmt(r.max, r.unit)}`,
    r.limit ? `${r.limit.figure}: ${fmt(r.limit.median, r.unit)} ${r.unit}` : '',
    r.ratio ? `${r.ratio.median.toFixed(2)}× (${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)})` : '',
    r.goal !== undefined ? `≤ ${r.goal}× ${r.meetsGoal ? 'met' : 'MISSED'}` : '',
  ]);
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((c) => `| ${c.join(' | ')} |`)];
  return lines.join('\n');
}

// ---- Chromium ----

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.wasm': 'application/wasm' };

function serve(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir)) file = join(dir, 'index.html');
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

async function browserRows(o) {
  const outDir = join(ROOT, 'out/bench');
  log('building the bench page (tests/bench → out/bench)');
  await build({ configFile: false, root: join(ROOT, 'tests/bench'), base: './', publicDir: false, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4000 } });
  const server = await serve(outDir);
  const { chromium } = await import('playwright-core');
  // A persistent profile on disk: an incognito context keeps IndexedDB in memory under a small quota,
  // which an organisation of thousands of people × 2 years exceeds (QuotaExceededError).
  const profileDir = mkdtempSync(join(tmpdir(), 'dutybook-bench-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const browser = context.browser() ?? { version: () => 'unknown' };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(0);
    page.on('console', (m) => m.type() === 'error' && log(`page: ${m.text()}`));
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    const officials = o.records / 40;
    const versionsPerMonth = 4;
    const months = 10;
    log(`chromium: ${officials} officials × ${months} months × ${versionsPerMonth} versions = ${o.records} record versions; ${o.runs} runs after a warm-up`);
    const result = await page.evaluate((opts) => window.dutybookBench.run(opts), { officials, months, versionsPerMonth, runs: o.runs });
    const version = browser.version();
    const samples = (k) => result.runs.map((r) => r[k]);
    const group = `Chromium · relay of ${result.records} versions`;
    log(`chromium ${version}, ${result.suite}: ${result.records} record versions, ${result.entries} entries, bundle ${(result.bundleBytes / 1e6).toFixed(2)} MB`);
    const rows = [
      { group, figure: 'import (openBundle + planImport + applyImport)', unit: 'ms', samples: samples('import'), limit: { figure: 'bare bulkPut of the same rows', samples: samples('bare bulkPut') }, goal: 1.5 },
      { group, figure: 'export (createBundle)', unit: 'ms', samples: samples('export'), limit: { figure: 'bare read of the same rows', samples: samples('bare read') }, goal: 2 },
    ];
    const stageKeys = Object.keys(result.runs[0]).filter((k) => k.startsWith('import: ') || k.startsWith('export: ') || k === 'bare bulkPut (facts only)');
    for (const k of stageKeys) rows.push({ group: 'Chromium · stages', figure: k, unit: 'ms', samples: samples(k) });
    let hr;
    if (o.hrPeople > 0) {
      log(`chromium: HR screens over ${o.hrPeople} people × 2 years (seeding through signed bundles first)`);
      hr = await page.evaluate((opts) => window.dutybookBench.hr(opts), { people: o.hrPeople, units: o.hrUnits, years: 2, runs: o.runs });
      log(`seeded ${hr.people} people, ${hr.facts} facts, ${hr.statusRows} status rows in ${(hr.seedMs / 1000).toFixed(1)} s`);
      const hrGroup = `Chromium · HR screens, ${hr.people} people × 2 years`;
      const budget = hr.runs.map(() => 1000);
      for (const k of Object.keys(hr.runs[0])) {
        const row = { group: hrGroup, figure: k, unit: 'ms', samples: hr.runs.map((r) => r[k]) };
        if (!k.startsWith('reference')) Object.assign(row, { limit: { figure: '1 s budget', samples: budget }, goal: 1 });
        rows.push(row);
      }
    }
    let batch;
    if (o.batchDocs > 0) {
      log(`chromium: batch Word export of ${o.batchDocs} 领导评鉴表 in the documents worker`);
      batch = await page.evaluate((opts) => window.dutybookBench.batch(opts), { count: o.batchDocs, runs: o.runs });
      const bRuns = batch.runs;
      const bs = (k) => bRuns.map((r) => r[k]);
      const bGroup = `Chromium · batch Word export, ${batch.count} 领导评鉴表 (worker)`;
      log(`batch: zip ${(bRuns[0].zipBytes / 1e6).toFixed(1)} MB; bare reference over ${batch.slice} documents on the main thread (its longest frame gap ${median(bs('bareMaxFrameGapMs')).toFixed(0)} ms)`);
      rows.push(
        { group: bGroup, figure: `total time for ${batch.count} documents`, unit: 'ms', samples: bs('totalMs') },
        { group: bGroup, figure: 'per document (worker, packed + zipped)', unit: 'ms', samples: bs('perDocMs'), limit: { figure: 'bare build-and-pack per document (main thread)', samples: bs('barePerDocMs') }, goal: 1.2 },
        { group: bGroup, figure: 'max frame gap during the batch', unit: 'ms', samples: bs('maxFrameGapMs'), limit: { figure: '50 ms limit', samples: bRuns.map(() => 50) }, goal: 1 },
        { group: bGroup, figure: '95th-percentile frame gap', unit: 'ms', samples: bs('p95FrameGapMs') },
        { group: bGroup, figure: 'frame gaps over 50 ms (count)', unit: 'gaps', samples: bRuns.map((r) => r.longGaps.length) },
      );
      if (bRuns.every((r) => Number.isFinite(r.peakHeapMB))) rows.push({ group: bGroup, figure: 'peak JS heap, page', unit: 'MB', samples: bs('peakHeapMB') });
      if (bRuns.every((r) => Number.isFinite(r.workerPeakHeapMB))) rows.push({ group: bGroup, figure: 'peak JS heap, worker', unit: 'MB', samples: bs('workerPeakHeapMB') });
      rows.push(
        { group: bGroup, figure: `reference: max frame gap building ${batch.slice} on the main thread`, unit: 'ms', samples: bs('bareMaxFrameGapMs') },
        { group: bGroup, figure: "reference: max frame gap while a worker only spins (the machine's floor)", unit: 'ms', samples: bs('spinMaxFrameGapMs') },
      );
    }
    return { rows, meta: { chromium: version, userAgent: result.userAgent, setupMs: result.setupMs, records: result.records, entries: result.entries, bundleBytes: result.bundleBytes, raw: result.runs, ...(hr ? { hr } : {}), ...(batch ? { batch } : {}) } };
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
    server.close();
  }
}

// ---- main ----

const o = parseArgs(process.argv.slice(2));
const started = new Date();
const rows = [];
const meta = {};
if (o.node) {
  const { module } = await runnerImport(join(ROOT, 'scripts/bench/node.ts'), { configFile: false, logLevel: 'error' });
  rows.push(...(await module.runNodeBench({ runs: o.runs, entries: o.records, log })));
}
if (o.browser) {
  const b = await browserRows(o);
  rows.push(...b.rows);
  meta.browser = b.meta;
}
const summarised = rows.map(summarise);
const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `${platform()} ${release()}`,
  node: process.version,
};
const report = { date: started.toISOString(), machine, options: { runs: o.runs, records: o.records, hrPeople: o.hrPeople, batchDocs: o.batchDocs }, rows: summarised, ...meta };
mkdirSync(dirname(o.out), { recursive: true });
writeFileSync(o.out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`DutyBook sync benchmark — ${started.toISOString().slice(0, 10)} — ${machine.cpus} cores (${machine.cpu}), ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}${meta.browser ? `, Chromium ${meta.browser.chromium}` : ''}`);
if (meta.browser) console.log(`Chromium relay: ${meta.browser.records} record versions in ${meta.browser.entries} entries, bundle ${(meta.browser.bundleBytes / 1e6).toFixed(2)} MB (supervisor → HR, ${Math.round(meta.browser.records / 40)} officials)`);
console.log(`${o.runs} runs per figure (after a warm-up); limit = the bare work measured in the same runs; ratio = median of per-run ratios.\n`);
console.log(table(summarised));
console.log(`\nwritten: ${o.out}`);
const missed = summarised.filter((r) => r.meetsGoal === false);
if (missed.length) console.log(`\ngoal missed: ${missed.map((r) => `${r.figure} ${r.ratio.median.toFixed(2)}× > ${r.goal}×`).join('; ')}`);
