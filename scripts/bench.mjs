#!/usr/bin/env node
/**
 * npm run bench — every benchmark of DutyBook, each figure against its limit. Never part of the
 * tests: numbers depend on the machine, so nothing here asserts a time.
 *
 *   npm run bench [-- --runs N] [--records N (multiple of 40; 0: skip)] [--scales 500,1000,5000]
 *                 [--no-intake | --intake-scales 20000 | --intake-only] [--reseed] [--batch-docs N (0: skip)]
 *                 [--node-only | --browser-only] [--no-start | --start-only] [--app DIR] [--compare-app DIR]
 *                 [--no-at-rest | --at-rest-only] [--profile DIR] [--out FILE]
 *
 * (a) Node rows (scripts/bench/node.ts through Vite's module runner): container write/open of 10,000
 *     entries per stage, and primitive speeds of both crypto suites (WebCrypto, noble).
 * (b) Chromium rows (tests/bench built by Vite into out/bench and the app into out/web, both served
 *     from one 127.0.0.1 origin, driven with Playwright in Debian's Chromium — /usr/bin/chromium or
 *     CHROMIUM_PATH, headless, the launch args of playwright.config.ts): a supervisor → HR relay of
 *     --records record versions exported and imported through the real model path on real
 *     IndexedDB, per stage, against the bare IndexedDB work for the same rows (import vs bare
 *     bulkPut, goal ≤ 1.5×; export vs bare read, goal ≤ 2×), and the peak JS heap of the import.
 * (c) Per organisation size in --scales (people; 科室 = people / 125): an example organisation × 2
 *     years seeded through the signed-record path (shared/seed) into the app's own database of a
 *     browser profile kept in bench-results/profiles/ (reused while shared/seed and the schema are
 *     unchanged; --reseed to discard), then
 *       - each HR screen's data (reads + computation) against 1 s, with the queries it ran named;
 *       - the app build on that profile: start → first screen with the data loaded (against 2 s),
 *         and 督促检查, 年度考核 and 统计分析 each from the route change to the first full frame
 *         (against 1 s);
 *       - 接收数据包 of a quarter's bundles, one per person (--no-intake skips): total, per file,
 *         the report, frame gaps against 50 ms, peak JS heap (it seeds its own database each run, so
 *         --intake-only runs it alone, in a fresh profile, without seeding the organisation's);
 *     and a scaling table of every timed figure across the sizes.
 * (d) Chromium rows: HR's batch Word export — --batch-docs N 平时考核领导评鉴表 built into one .zip in the
 *     documents Web Worker while the page samples requestAnimationFrame gaps and its JS heap: total time,
 *     per-document time against the bare build-and-pack of one document on the main thread (goal
 *     ≤ 1.2×), the longest frame gap against a 50 ms limit, the 95th-percentile gap, peak JS heap, and
 *     as references the longest gap when the same forms are built on the main thread and when a worker
 *     merely spins (what the OS scheduler alone costs the page on this machine).
 *
 * (e) Chromium rows (scripts/bench/cold-start.mjs): cold start of the built app to its first screen —
 *     the first-run wizard, the home screen, and each workspace opened by its address — each run a new
 *     browser on a fresh profile, median of --runs; and the script fetched before that screen, raw and
 *     gzipped, against the whole app's script. --start-only runs these rows alone; --app DIR measures a
 *     build already made (instead of building out/web); --compare-app DIR measures another build in the
 *     same runs, alternately (e.g. one made from an older commit), and gives the ratio of the times.
 *
 * (f) Chromium rows (scripts/bench/at-rest.mjs), per organisation size in --scales, on its seeded profile:
 *     what encrypting record content at rest under the password lock would cost — every row of the
 *     tables holding record content read, sealed with AES-256-GCM through WebCrypto one row at a time,
 *     and opened again, against the bare read; the same for the facts alone and for the status rows
 *     HR's screens read; per fact in µs; byte counts. --no-at-rest skips them; --at-rest-only runs only
 *     these (seeding the profile if it is not kept yet), without the HR screens, the app or the intake.
 *
 * --profile DIR: after each organisation size's HR rows, Chromium's profiler records one more run of
 *     the screens' data and of the app's start and each HR screen (scripts/bench/profile.mjs): a
 *     .cpuprofile each in DIR, and the functions with the most time printed. The bench page and the
 *     app are then built unminified, so names are the source's (and the times a little longer).
 *
 * Every figure is measured in ≥ 5 runs (after a warm-up run); the table shows the median and range,
 * the limit measured in the same runs and their ratio. Results: bench-results/bench.json.
 */
/* global document, window, performance, requestAnimationFrame, MutationObserver, location, navigator -- used inside page.evaluate / waitForFunction / addInitScript, which run in the page */
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, totalmem, release, platform, tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, runnerImport } from 'vite';
import { coldStartRows } from './bench/cold-start.mjs';
import { atRestRows } from './bench/at-rest.mjs';
import { profileStep } from './bench/profile.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BENCH_PORT = Number(process.env.BENCH_PORT ?? 4391);
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
  const o = {
    runs: 5,
    records: 10_000,
    scales: [500, 1000, 5000],
    intake: true,
    reseed: false,
    batchDocs: 5000,
    node: true,
    browser: true,
    start: true,
    startOnly: false,
    atRest: true,
    atRestOnly: false,
    out: join(ROOT, 'bench-results/bench.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--runs') o.runs = Number(next());
    else if (a === '--records') o.records = Number(next());
    else if (a === '--scales') o.scales = next().split(',').filter(Boolean).map(Number);
    else if (a === '--no-intake') o.intake = false;
    else if (a === '--intake-only') o.intakeOnly = true;
    else if (a === '--intake-scales') o.intakeScales = next().split(',').filter(Boolean).map(Number);
    else if (a === '--reseed') o.reseed = true;
    else if (a === '--batch-docs') o.batchDocs = Number(next());
    else if (a === '--node-only') o.browser = false;
    else if (a === '--browser-only') o.node = false;
    else if (a === '--no-start') o.start = false;
    else if (a === '--start-only') o.startOnly = true;
    else if (a === '--app') o.app = resolve(next());
    else if (a === '--compare-app') o.compareApp = resolve(next());
    else if (a === '--no-at-rest') o.atRest = false;
    else if (a === '--at-rest-only') o.atRestOnly = true;
    else if (a === '--out') o.out = resolve(next());
    else if (a === '--profile') o.profile = resolve(next());
    else if (a === '--help' || a === '-h') {
      console.log(
        readFileSync(fileURLToPath(import.meta.url), 'utf8')
          .split('*/')[0]
          .replace(/^#!.*\n\/\*\*?\n?/, '')
          .replace(/^ \* ?/gm, ''),
      );
      process.exit(0);
    } else usage(`unknown option ${a}`);
  }
  if (o.scales.some((n) => !Number.isInteger(n) || n < 20))
    usage('--scales must be whole numbers of people, each at least 20 (e.g. 500,5000)');
  if (!Number.isInteger(o.runs) || o.runs < 1) usage('--runs must be a positive integer');
  if (o.intakeOnly && !o.intake) usage('--intake-only and --no-intake exclude each other');
  if (o.startOnly && !o.start) usage('--start-only and --no-start exclude each other');
  for (const dir of [o.app, o.compareApp])
    if (dir && !existsSync(join(dir, 'index.html'))) usage(`${dir} holds no built app (index.html)`);
  if (o.atRestOnly && !o.atRest) usage('--at-rest-only and --no-at-rest exclude each other');
  if (o.atRestOnly && o.startOnly) usage('--at-rest-only and --start-only exclude each other');
  if (o.startOnly) Object.assign(o, { node: false, records: 0, batchDocs: 0, scales: [] });
  if (o.atRestOnly) Object.assign(o, { node: false, records: 0, batchDocs: 0, start: false, intake: false });
  if (!Number.isInteger(o.batchDocs) || o.batchDocs < 0)
    usage('--batch-docs must be a whole number (0: skip)');
  if (!Number.isInteger(o.records) || o.records < 0 || o.records % 40 !== 0)
    usage('--records must be a multiple of 40 (officials × 10 months × 4 versions; 0 skips)');
  return o;
}

function usage(message) {
  console.error(
    `usage error: ${message}\nusage: npm run bench [-- --runs N] [--records N] [--scales 500,1000,5000] [--no-intake | --intake-scales 20000 | --intake-only] [--reseed] [--batch-docs N] [--node-only | --browser-only] [--no-start | --start-only] [--app DIR] [--compare-app DIR] [--no-at-rest | --at-rest-only] [--profile DIR] [--out FILE]`,
  );
  process.exit(2);
}

const log = (s) => process.stderr.write(`[bench] ${s}\n`);

// ---- statistics ----

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (v, unit) =>
  unit === 'ms' ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : v >= 100 ? v.toFixed(0) : v.toFixed(1);

function summarise(row) {
  const out = {
    ...row,
    median: median(row.samples),
    min: Math.min(...row.samples),
    max: Math.max(...row.samples),
  };
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
  const lines = [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...body.map((c) => `| ${c.join(' | ')} |`),
  ];
  return lines.join('\n');
}

// ---- Chromium ----

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

function serve(mounts) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
    if (!prefix) return void res.writeHead(404).end('not found');
    const dir = mounts[prefix];
    let file = join(dir, path.slice(prefix.length) || 'index.html');
    if (!file.startsWith(dir)) return void res.writeHead(404).end('not found');
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  // A fixed port: IndexedDB belongs to an origin (scheme, host and port), and the kept profiles'
  // databases must be found again by the next run.
  return new Promise((done, fail) => {
    server.once('error', (e) =>
      fail(
        new Error(
          `cannot serve the bench on 127.0.0.1:${BENCH_PORT} (${e.code}); set BENCH_PORT to a free port`,
        ),
      ),
    );
    server.listen(BENCH_PORT, '127.0.0.1', () => done(server));
  });
}

/** 科室 for an organisation of `people` (about 125 people each, at least 4). */
const unitsFor = (people) => Math.max(4, Math.round(people / 125));

/**
 * Seeded profiles are kept on disk (bench-results/profiles/) and reused while the seed's code is
 * unchanged: seeding 5,000 people × 2 years through the signed-record path takes minutes. A newer
 * schema is applied by opening the database, as the app upgrades a user's (its upgrade steps rebuild
 * what they change). --reseed discards them (do so after changing how imports store rows).
 */
function seedKey() {
  // The origin is part of where the browser keeps the database.
  const origin = `127.0.0.1-${BENCH_PORT}`;
  const h = createHash('sha256');
  for (const f of readdirSync(join(ROOT, 'shared/seed')).sort())
    h.update(readFileSync(join(ROOT, 'shared/seed', f)));
  h.update(origin);
  return h.digest('hex').slice(0, 12);
}

async function launch(dir) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    // --expose-gc: a benchmark collects its own set-up's garbage before it starts measuring.
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
}

async function benchPage(context, base) {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(0);
  page.on('console', (m) => m.type() === 'error' && log(`page: ${m.text()}`));
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  await page.goto(`${base}/bench/index.html`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  return page;
}

async function seededProfile(o, base, people, units) {
  const dir = join(ROOT, 'bench-results/profiles', `hr-${people}p-${units}u-2y-${seedKey()}`);
  const marker = join(dir, 'seeded.json');
  if (o.reseed) rmSync(dir, { recursive: true, force: true });
  if (existsSync(marker)) return { dir, info: JSON.parse(readFileSync(marker, 'utf8')), cached: true };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(
    `seeding ${people} people × 2 years (${units} 科室) through the signed-record path into ${dir} (kept for later runs)`,
  );
  const context = await launch(dir);
  try {
    const page = await benchPage(context, base);
    const { info } = await page.evaluate((opts) => window.dutybookBench.seedApp(opts), {
      people,
      units,
      years: 2,
    });
    writeFileSync(marker, `${JSON.stringify(info, null, 2)}\n`);
    return { dir, info, cached: false };
  } finally {
    await context.close();
  }
}

// What counts as "fully rendered" for each screen of the app (the rows it exists to show are in
// the DOM and nothing is still loading). Selectors are unique to their screen.
const SCREENS = [
  {
    key: 'home',
    hash: '#/hr/people',
    name: '单位和人员 (units, people, roster)',
    // The people list's rows, as a table of its own or as a data grid's.
    selector: '[data-testid="person-row"], .MuiDataGrid-row',
  },
  {
    key: 'tracking',
    hash: '#/hr/tracking',
    name: '督促检查 completeness grid',
    selector: '[data-testid="tracking-grid"] tbody tr[data-testid^="row-"]',
  },
  {
    key: 'annual',
    hash: '#/hr/annual',
    name: '年度考核 annual worksheet',
    selector: '[data-testid^="annual-row-"]',
  },
  {
    key: 'statistics',
    hash: '#/hr/statistics',
    name: '统计分析 statistics',
    selector: '[data-testid="statistics-table"] tbody tr',
  },
];

// Runs in the page (added before any of its scripts): resolves with performance.now() at the first
// animation frame in which `selector` matches and no progress indicator is shown.
function installReadyProbe() {
  window.__benchReady = (selector) =>
    new Promise((resolve) => {
      const check = () => {
        const root = document.getElementById('root');
        if (root && root.querySelector(selector) && !root.querySelector('[role="progressbar"]'))
          resolve(performance.now());
        else requestAnimationFrame(check);
      };
      check();
    });
  // Resolves once nothing under #root has changed for `quiet` ms (at most 20 s): the screen left
  // behind has finished its own work before the next one is timed.
  window.__benchSettle = (quiet = 300) =>
    new Promise((resolve) => {
      const started = performance.now();
      let timer;
      const done = () => {
        observer.disconnect();
        resolve(performance.now() - started);
      };
      const observer = new MutationObserver(() => {
        clearTimeout(timer);
        if (performance.now() - started > 20_000) done();
        else timer = setTimeout(done, quiet);
      });
      observer.observe(document.getElementById('root') ?? document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      timer = setTimeout(done, quiet);
    });
}

/**
 * The app build (out/web) on the seeded profile: start to the first screen (a fresh navigation to
 * HR's home; performance.now() counts from the navigation), then each HR screen opened from the
 * home screen by its tab's route, timed from the route change to its first full frame.
 */
async function appTimings(context, base, runs) {
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  page.on('pageerror', (e) => log(`app page error: ${e.message}`));
  await page.addInitScript(installReadyProbe);
  const home = SCREENS[0];
  const once = async () => {
    const run = {};
    await page.goto('about:blank');
    await page.goto(`${base}/app/index.html${home.hash}`, { waitUntil: 'commit' });
    run['app start → first screen (单位和人员), data loaded'] = await page.evaluate(
      (sel) => window.__benchReady(sel),
      home.selector,
    );
    await page.evaluate(() => window.__benchSettle());
    for (const s of SCREENS.slice(1)) {
      run[`open ${s.name}: route change → full render`] = await page.evaluate(async ({ hash, selector }) => {
        const t0 = performance.now();
        location.hash = hash;
        return (await window.__benchReady(selector)) - t0;
      }, s);
      await page.evaluate(async ({ hash, selector }) => {
        location.hash = hash;
        await window.__benchReady(selector);
        await window.__benchSettle();
      }, home);
    }
    return run;
  };
  await once(); // warm-up: the first start after a browser launch opens the database files cold
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await once());
  await page.close();
  return out;
}

/**
 * One profiled run of the screens' data (the bench page's `hr`, without the reference scan), of the
 * app's start and of each HR screen opened from 单位和人员: a .cpuprofile each in `dir`; returns the
 * summaries' lines.
 */
async function profiles(context, benchPage, base, dir) {
  mkdirSync(dir, { recursive: true });
  const lines = [];
  lines.push(
    ...(await profileStep(benchPage, dir, 'data-of-the-hr-screens', () =>
      benchPage.evaluate(() => window.dutybookBench.hr({ runs: 0, reference: false })),
    )),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.addInitScript(installReadyProbe);
  const home = SCREENS[0];
  // Warm-up start (the database files opened once), then the profiled one.
  await page.goto(`${base}/app/index.html${home.hash}`);
  await page.evaluate((sel) => window.__benchReady(sel), home.selector);
  await page.goto('about:blank');
  lines.push(
    ...(await profileStep(page, dir, 'app-start', async () => {
      await page.goto(`${base}/app/index.html${home.hash}`, { waitUntil: 'commit' });
      await page.evaluate((sel) => window.__benchReady(sel), home.selector);
    })),
  );
  await page.evaluate(() => window.__benchSettle());
  for (const s of SCREENS.slice(1)) {
    lines.push(
      ...(await profileStep(page, dir, `open-${s.key}`, () =>
        page.evaluate(async ({ hash, selector }) => {
          location.hash = hash;
          await window.__benchReady(selector);
        }, s),
      )),
    );
    await page.evaluate(async ({ hash, selector }) => {
      location.hash = hash;
      await window.__benchReady(selector);
      await window.__benchSettle();
    }, home);
  }
  await page.close();
  return lines;
}

async function browserRows(o) {
  const benchOut = join(ROOT, 'out/bench');
  const appOut = o.app ?? join(ROOT, 'out/web');
  const buildApp = !o.app && ((o.scales.length > 0 && !o.atRestOnly) || o.start);
  log(
    `building the bench page (tests/bench → out/bench)${o.app ? `; the app measured: ${o.app}` : buildApp ? ' and the app (→ out/web)' : ''}`,
  );
  await build({
    configFile: false,
    root: join(ROOT, 'tests/bench'),
    base: './',
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: benchOut,
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 4000,
      ...(o.profile ? { minify: false } : {}),
    },
  });
  if (buildApp)
    await build({
      configFile: join(ROOT, 'vite.web.config.ts'),
      logLevel: 'warn',
      ...(o.profile ? { build: { minify: false } } : {}),
    });
  // One origin for all, so the app opens the database the bench page seeded.
  const server = await serve({
    '/bench/': benchOut,
    '/app/': appOut,
    ...(o.compareApp ? { '/compare/': o.compareApp } : {}),
  });
  const base = `http://127.0.0.1:${server.address().port}`;
  const rows = [];
  const meta = {};
  try {
    // (e) first, while no other browser of the bench is open: each run is a browser of its own.
    if (o.start) {
      const builds = [
        { label: o.app ? `build in ${o.app}` : 'this build', mount: '/app/', dir: appOut },
        ...(o.compareApp
          ? [{ label: `build in ${o.compareApp}`, mount: '/compare/', dir: o.compareApp }]
          : []),
      ];
      const start = await coldStartRows({ launch, benchPage, base, builds, runs: o.runs, log });
      rows.push(...start.rows);
      meta.coldStart = start.meta;
    }
    // (b) and (d): a throwaway on-disk profile. (An incognito context keeps IndexedDB in memory under
    // a small quota, which an organisation of thousands of people × 2 years exceeds.)
    const tempDir = mkdtempSync(join(tmpdir(), 'dutybook-bench-profile-'));
    const context = await launch(tempDir);
    try {
      const page = await benchPage(context, base);
      meta.chromium =
        context.browser()?.version() ??
        (await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown'));
      if (o.records > 0) {
        const officials = o.records / 40;
        log(
          `chromium: ${officials} officials × 10 months × 4 versions = ${o.records} record versions; ${o.runs} runs after a warm-up`,
        );
        const result = await page.evaluate((opts) => window.dutybookBench.run(opts), {
          officials,
          months: 10,
          versionsPerMonth: 4,
          runs: o.runs,
        });
        const samples = (k) => result.runs.map((r) => r[k]);
        const group = `Chromium · relay of ${result.records} versions`;
        log(
          `chromium ${meta.chromium}, ${result.suite}: ${result.records} record versions, ${result.entries} entries, bundle ${(result.bundleBytes / 1e6).toFixed(2)} MB`,
        );
        rows.push(
          {
            group,
            figure: 'import (openBundle + planImport + applyImport)',
            unit: 'ms',
            samples: samples('import'),
            limit: { figure: 'bare bulkPut of the same rows', samples: samples('bare bulkPut') },
            goal: 1.5,
          },
          {
            group,
            figure: 'export (createBundle)',
            unit: 'ms',
            samples: samples('export'),
            limit: { figure: 'bare read of the same rows', samples: samples('bare read') },
            goal: 2,
          },
        );
        const heapKey = 'memory: peak JS heap during the import (MB)';
        if (result.runs.every((r) => Number.isFinite(r[heapKey])))
          rows.push({
            group,
            figure: 'peak JS heap during the import',
            unit: 'MB',
            samples: samples(heapKey),
          });
        const stageKeys = Object.keys(result.runs[0]).filter(
          (k) => k.startsWith('import: ') || k.startsWith('export: ') || k === 'bare bulkPut (facts only)',
        );
        for (const k of stageKeys)
          rows.push({ group: 'Chromium · stages', figure: k, unit: 'ms', samples: samples(k) });
        Object.assign(meta, {
          userAgent: result.userAgent,
          setupMs: result.setupMs,
          records: result.records,
          entries: result.entries,
          bundleBytes: result.bundleBytes,
          raw: result.runs,
        });
      }
      if (o.batchDocs > 0) {
        log(`chromium: batch Word export of ${o.batchDocs} 领导评鉴表 in the documents worker`);
        const batch = await page.evaluate((opts) => window.dutybookBench.batch(opts), {
          count: o.batchDocs,
          runs: o.runs,
        });
        rows.push(...batchRows(batch));
        meta.batch = batch;
      }
    } finally {
      await context.close();
      rmSync(tempDir, { recursive: true, force: true });
    }

    // (c) and (e): per organisation size, a seeded profile (kept) → the screens' data, the app, the intake.
    meta.scales = [];
    for (const people of o.scales) {
      const units = unitsFor(people);
      if (o.intakeOnly) {
        const dir = mkdtempSync(join(tmpdir(), 'dutybook-bench-intake-'));
        const ctx = await launch(dir);
        try {
          const intake = await intakeRows(o, await benchPage(ctx, base), people, units, rows);
          meta.scales.push({ people, units, intake: intake.runs });
        } finally {
          await ctx.close();
          rmSync(dir, { recursive: true, force: true });
        }
        continue;
      }
      const seeded = await seededProfile(o, base, people, units);
      log(
        `${seeded.cached ? 'reusing' : 'seeded'} ${seeded.info.people} people, ${seeded.info.facts} facts, ${seeded.info.statusRows} status rows (seeded in ${(seeded.info.seedMs / 1000).toFixed(0)} s)`,
      );
      const ctx = await launch(seeded.dir);
      try {
        const page = await benchPage(ctx, base);
        const atRest = o.atRest
          ? await atRestRows({ page, people, runs: o.runs, rows, log })
          : undefined;
        if (o.atRestOnly) {
          meta.scales.push({ people, units, seed: seeded.info, cached: seeded.cached, atRest });
          continue;
        }
        const group = `Chromium · HR, ${people} people × 2 years`;
        const budget = (n, ms) => Array.from({ length: n }, () => ms);
        log(`chromium: HR screens' data over ${people} people`);
        const hr = await page.evaluate((opts) => window.dutybookBench.hr(opts), { runs: o.runs });
        for (const k of Object.keys(hr.runs[0])) {
          const row = {
            group,
            figure: `data: ${k}`,
            unit: 'ms',
            samples: hr.runs.map((r) => r[k]),
            queries: hr.queries[k],
          };
          // Opening a material from a cell has its own budget (issue 22): 0.3 s.
          const ms = k.startsWith('open a material') ? 300 : 1000;
          const limit = { figure: `${ms / 1000} s budget`, samples: budget(o.runs, ms) };
          if (!k.startsWith('reference')) Object.assign(row, { limit, goal: 1 });
          rows.push(row);
        }
        log(`chromium: the app (out/web) over ${people} people: start and each HR screen`);
        const app = await appTimings(ctx, base, o.runs);
        for (const k of Object.keys(app[0])) {
          const limit = k.startsWith('app start') ? 2000 : 1000;
          rows.push({
            group,
            figure: k,
            unit: 'ms',
            samples: app.map((r) => r[k]),
            limit: { figure: `${limit / 1000} s budget`, samples: budget(o.runs, limit) },
            goal: 1,
          });
        }
        if (o.profile) {
          mkdirSync(o.profile, { recursive: true });
          const lines = await profiles(ctx, page, base, join(o.profile, `${people}p`));
          log(`profiles at ${people} people:\n${lines.join('\n')}`);
        }
        const intake =
          o.intake && (!o.intakeScales || o.intakeScales.includes(people))
            ? await intakeRows(o, page, people, units, rows)
            : undefined;
        meta.scales.push({
          people,
          units,
          seed: seeded.info,
          cached: seeded.cached,
          queries: hr.queries,
          app,
          hr: hr.runs,
          ...(intake ? { intake: intake.runs } : {}),
          ...(atRest ? { atRest } : {}),
        });
      } finally {
        await ctx.close();
      }
    }
    return { rows, meta };
  } finally {
    server.close();
  }
}

/**
 * 接收数据包 at one organisation size in `page` (its own database each run): logs the long gaps, adds
 * its rows to `rows` and returns the runs.
 */
async function intakeRows(o, page, people, units, rows) {
  log(`chromium: 接收数据包 of a quarter's bundles from ${people} people (one per person)`);
  const intake = await page.evaluate((opts) => window.dutybookBench.intake(opts), {
    people,
    units,
    runs: o.runs,
  });
  const ir = intake.runs;
  const is = (k) => ir.map((r) => r[k]);
  const iGroup = `Chromium · 接收数据包, a quarter from ${people} people`;
  log(
    `intake: ${ir[0].files} files, ${ir[0].facts} facts, ${ir[0].bundleMB.toFixed(1)} MB; imported ${ir[0].imported}, refused ${ir[0].refused}`,
  );
  // Which file was going in when the window missed its frames (file 0 loads the roster).
  ir.forEach((r, i) =>
    log(
      `intake run ${i + 1}: gaps over 50 ms: ${r.longGaps.length === 0 ? 'none' : r.longGaps.map((g) => `${g.gapMs} ms at file ${g.file}`).join(', ')}`,
    ),
  );
  rows.push(
    {
      group: iGroup,
      figure: `${ir[0].files < people - 1 ? 'one selection of' : 'all'} ${ir[0].files} files (${ir[0].facts} facts), with progress`,
      unit: 'ms',
      samples: is('intakeMs'),
    },
    { group: iGroup, figure: 'per file', unit: 'ms', samples: is('perFileMs') },
    { group: iGroup, figure: 'the report (text + CSV)', unit: 'ms', samples: is('reportMs') },
    ...frameGapRows(iGroup, 'the intake', ir),
  );
  if (ir.every((r) => Number.isFinite(r.peakHeapMB)))
    rows.push({
      group: iGroup,
      figure: 'peak JS heap during the intake',
      unit: 'MB',
      samples: is('peakHeapMB'),
    });
  return intake;
}

/** The longest gap between the page's frames during `what`, against 50 ms, and the 95th percentile. */
function frameGapRows(group, what, runs) {
  return [
    {
      group,
      figure: `max frame gap during ${what}`,
      unit: 'ms',
      samples: runs.map((r) => r.maxFrameGapMs),
      limit: { figure: '50 ms limit', samples: runs.map(() => 50) },
      goal: 1,
    },
    { group, figure: '95th-percentile frame gap', unit: 'ms', samples: runs.map((r) => r.p95FrameGapMs) },
  ];
}

function batchRows(batch) {
  const bRuns = batch.runs;
  const bs = (k) => bRuns.map((r) => r[k]);
  const bGroup = `Chromium · batch Word export, ${batch.count} 领导评鉴表 (worker)`;
  log(
    `batch: zip ${(bRuns[0].zipBytes / 1e6).toFixed(1)} MB; bare reference over ${batch.slice} documents on the main thread (its longest frame gap ${median(bs('bareMaxFrameGapMs')).toFixed(0)} ms)`,
  );
  const rows = [
    { group: bGroup, figure: `total time for ${batch.count} documents`, unit: 'ms', samples: bs('totalMs') },
    {
      group: bGroup,
      figure: 'per document (worker, packed + zipped)',
      unit: 'ms',
      samples: bs('perDocMs'),
      limit: { figure: 'bare build-and-pack per document (main thread)', samples: bs('barePerDocMs') },
      goal: 1.2,
    },
    ...frameGapRows(bGroup, 'the batch', bRuns),
    {
      group: bGroup,
      figure: 'frame gaps over 50 ms (count)',
      unit: 'gaps',
      samples: bRuns.map((r) => r.longGaps.length),
    },
  ];
  if (bRuns.every((r) => Number.isFinite(r.peakHeapMB)))
    rows.push({ group: bGroup, figure: 'peak JS heap, page', unit: 'MB', samples: bs('peakHeapMB') });
  if (bRuns.every((r) => Number.isFinite(r.workerPeakHeapMB)))
    rows.push({ group: bGroup, figure: 'peak JS heap, worker', unit: 'MB', samples: bs('workerPeakHeapMB') });
  rows.push(
    {
      group: bGroup,
      figure: `reference: max frame gap building ${batch.slice} on the main thread`,
      unit: 'ms',
      samples: bs('bareMaxFrameGapMs'),
    },
    {
      group: bGroup,
      figure: "reference: max frame gap while a worker only spins (the machine's floor)",
      unit: 'ms',
      samples: bs('spinMaxFrameGapMs'),
    },
  );
  return rows;
}

/** Per figure measured at several organisation sizes: the median at each and the growth per person. */
function scalingTable(rows, scales) {
  if (scales.length < 2) return null;
  const strip = (g) =>
    g.replace(/\d+ people( × 2 years)?/, 'N people$1').replace(/from \d+ people/, 'from N people');
  const byFigure = new Map();
  for (const r of rows) {
    const m = /(?:HR, |from )(\d+) people/.exec(r.group);
    if (!m || (r.unit !== 'ms' && r.unit !== 'MB')) continue;
    const figure = `${strip(r.group).replace('Chromium · ', '')} · ${r.figure.replace(/(all|one selection of) \d+ files \(\d+ facts\)/, 'the files of one selection (all, or 5,000)')}`;
    if (!byFigure.has(figure)) byFigure.set(figure, new Map());
    byFigure.get(figure).set(Number(m[1]), { median: r.median, unit: r.unit });
  }
  // Growth between each pair of neighbouring sizes, and over the whole range.
  const steps = scales.slice(1).map((n, i) => [scales[i], n]);
  if (scales.length > 2) steps.push([scales[0], scales[scales.length - 1]]);
  const head = [
    'figure',
    ...scales.map((n) => `${n} people`),
    ...steps.map(([a, b]) => `growth ${a} → ${b} (people ×${b / a})`),
  ];
  const body = [...byFigure].map(([figure, at]) => [
    figure,
    ...scales.map((n) => (at.has(n) ? `${fmt(at.get(n).median, at.get(n).unit)} ${at.get(n).unit}` : '')),
    ...steps.map(([a, b]) => {
      const first = at.get(a)?.median;
      const last = at.get(b)?.median;
      return first && last ? `×${(last / first).toFixed(1)}` : '';
    }),
  ]);
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...body.map((c) => `| ${c.join(' | ')} |`),
  ].join('\n');
}

// ---- main ----

const o = parseArgs(process.argv.slice(2));
const started = new Date();
const rows = [];
const meta = {};
if (o.node) {
  const { module } = await runnerImport(join(ROOT, 'scripts/bench/node.ts'), {
    configFile: false,
    logLevel: 'error',
  });
  rows.push(...(await module.runNodeBench({ runs: o.runs, entries: o.records || 10_000, log })));
  const roster = await runnerImport(join(ROOT, 'scripts/bench/roster-import.ts'), { configFile: false, logLevel: 'error' });
  rows.push(...(await roster.module.runRosterImportBench({ runs: o.runs, log })));
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
const report = {
  date: started.toISOString(),
  machine,
  options: {
    runs: o.runs,
    records: o.records,
    scales: o.scales,
    intake: o.intake,
    batchDocs: o.batchDocs,
    start: o.start,
    atRest: o.atRest,
    app: o.app,
    compareApp: o.compareApp,
  },
  rows: summarised,
  ...meta,
};
mkdirSync(dirname(o.out), { recursive: true });
writeFileSync(o.out, `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `DutyBook benchmark — ${started.toISOString().slice(0, 10)} — ${machine.cpus} cores (${machine.cpu}), ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}${meta.browser ? `, Chromium ${meta.browser.chromium}` : ''}`,
);
if (meta.browser?.records)
  console.log(
    `Chromium relay: ${meta.browser.records} record versions in ${meta.browser.entries} entries, bundle ${(meta.browser.bundleBytes / 1e6).toFixed(2)} MB (supervisor → HR, ${Math.round(meta.browser.records / 40)} officials)`,
  );
console.log(
  `${o.runs} runs per figure (after a warm-up); limit = the bare work measured in the same runs; ratio = median of per-run ratios.\n`,
);
console.log(table(summarised));
const scaling = o.browser ? scalingTable(summarised, o.scales) : null;
if (scaling) {
  report.scaling = scaling;
  writeFileSync(o.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nScaling (medians):\n\n${scaling}`);
}
const withQueries = summarised.filter((r) => r.queries);
if (withQueries.length) {
  console.log('\nQueries each screen ran (table[.index] kind ×count, recorded by a Dexie middleware):');
  for (const r of withQueries) console.log(`- ${r.group} · ${r.figure}: ${r.queries.join('; ')}`);
}
console.log(`\nwritten: ${o.out}`);
const missed = summarised.filter((r) => r.meetsGoal === false);
if (missed.length)
  console.log(
    `\ngoal missed: ${missed.map((r) => `${r.figure} ${r.ratio.median.toFixed(2)}× > ${r.goal}×`).join('; ')}`,
  );
