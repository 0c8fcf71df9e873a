/**
 * Cold start of the built preview, per first screen (a part of `npm run bench`, driven from
 * scripts/bench.mjs): every run starts a new Chromium on a fresh, empty browser profile (no HTTP
 * cache, no compiled-code cache), with only the app's database prepared — a profile with the
 * screen's roles, written by the bench page, which never loads the app's own scripts — and then
 * opens the app at the screen's address. Per screen:
 *
 *   - start → first screen: performance.now() (counted from the navigation) at the first animation
 *     frame in which the screen's own element is on screen and no progress indicator is shown;
 *   - the script fetched before that frame (every .js resource the page requested until then, so
 *     the entry, its preloaded imports and any route chunk loaded on the way), raw and gzipped
 *     (zlib's default level, from the built files), against the whole app's script (every chunk,
 *     the Web Workers aside) — the ratio is the share of the app a device parses to open it.
 *
 * With `compare` (another build's folder, e.g. one made from an older commit), both builds are
 * measured in the same runs, alternately, and each time row's limit is the other build's time in
 * that run: a ratio below 1 means this build starts faster. Nothing here asserts a time.
 */
/* global document, window, performance, requestAnimationFrame -- used inside page.evaluate / addInitScript, which run in the page */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The first screens a device can open on, and what shows that each is there. */
export const START_SCREENS = [
  {
    key: 'first-run',
    name: '首次使用向导 (no profile yet)',
    roles: null,
    hash: '',
    selector: 'h1',
    text: '欢迎使用履责记实',
  },
  {
    key: 'home',
    name: '首页 (all three roles)',
    roles: ['official', 'supervisor', 'hr'],
    hash: '#/',
    selector: 'h1',
    text: '您好',
  },
  {
    key: 'official',
    name: '我的平时考核 (公务员)',
    roles: ['official'],
    hash: '#/official',
    selector: '[data-testid="due-next"]',
    text: '',
  },
  {
    key: 'supervisor',
    name: '领导评鉴 (主管领导)',
    roles: ['supervisor'],
    hash: '#/supervisor',
    selector: 'h1',
    text: '领导评鉴',
  },
  {
    key: 'hr',
    name: '人事管理 (人事部门)',
    roles: ['hr'],
    hash: '#/hr',
    selector: 'h1',
    text: '人事管理',
  },
];

// Runs in the page before any of its scripts.
function installStartProbe() {
  window.__startReady = (selector, text) =>
    new Promise((resolve) => {
      const check = () => {
        const root = document.getElementById('root');
        const shown =
          root && [...root.querySelectorAll(selector)].some((el) => !text || el.textContent.includes(text));
        if (shown && !root.querySelector('[role="progressbar"]')) resolve(performance.now());
        else requestAnimationFrame(check);
      };
      check();
    });
}

const isWorker = (name) => /\.worker-[\w-]+\.js$/.test(name);

/** Raw and gzipped bytes of one built file, read once. */
function sizer(dir) {
  const cache = new Map();
  return (file) => {
    if (!cache.has(file)) {
      const bytes = readFileSync(join(dir, file));
      cache.set(file, { raw: bytes.length, gzip: gzipSync(bytes).length });
    }
    return cache.get(file);
  };
}

/** Every chunk of a build (its Web Workers aside): what one script held before the split. */
function wholeApp(dir, size) {
  const files = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js') && !isWorker(f));
  return files.reduce(
    (sum, f) => {
      const s = size(`assets/${f}`);
      return { raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, chunks: sum.chunks + 1 };
    },
    { raw: 0, gzip: 0, chunks: 0 },
  );
}

/**
 * One cold start: a fresh browser profile, the screen's roles written by the bench page and the
 * browser closed, then a new browser opening the app at the screen.
 */
async function coldStart({ launch, benchPage, base, mount, screen, size }) {
  const dir = mkdtempSync(join(tmpdir(), 'dutybook-bench-start-'));
  try {
    if (screen.roles) {
      const setup = await launch(dir);
      try {
        const page = await benchPage(setup, base);
        await page.evaluate((roles) => window.dutybookBench.startProfile({ roles }), screen.roles);
      } finally {
        await setup.close();
      }
    }
    const context = await launch(dir);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(120_000);
      await page.addInitScript(installStartProbe);
      await page.goto(`${base}${mount}index.html${screen.hash}`, { waitUntil: 'commit' });
      const ready = await page.evaluate(({ selector, text }) => window.__startReady(selector, text), screen);
      const urls = await page.evaluate(
        (until) =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.startTime <= until && /\.js(\?|$)/.test(e.name))
            .map((e) => new URL(e.name).pathname),
        ready,
      );
      const files = [...new Set(urls)].filter((p) => p.startsWith(mount)).map((p) => p.slice(mount.length));
      const bytes = files.reduce(
        (sum, f) => {
          const s = size(f);
          return { raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip };
        },
        { raw: 0, gzip: 0 },
      );
      return { ms: ready, ...bytes, files };
    } finally {
      await context.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The rows. `builds`: [{ label, mount, dir }] served under `mount` on `base`; the first is the one
 * measured, a second (if any) the one compared with.
 */
export async function coldStartRows({ launch, benchPage, base, builds, runs, log }) {
  const sized = builds.map((b) => ({ ...b, size: sizer(b.dir) }));
  for (const b of sized) b.whole = wholeApp(b.dir, b.size);
  // Warm-up, discarded: Chromium's own files into the OS cache.
  await coldStart({
    launch,
    benchPage,
    base,
    mount: sized[0].mount,
    screen: START_SCREENS[0],
    size: sized[0].size,
  });
  const rows = [];
  const meta = { builds: sized.map((b) => ({ label: b.label, whole: b.whole })), screens: {} };
  for (const screen of START_SCREENS) {
    log(`cold start: ${screen.name}, ${runs} runs${sized.length > 1 ? ' per build, alternately' : ''}`);
    const samples = sized.map(() => []);
    for (let i = 0; i < runs; i++) {
      // Alternate which build goes first, so a slow spell of the machine falls on both.
      const order = sized.map((_, k) => k);
      if (i % 2 === 1) order.reverse();
      for (const k of order) {
        const b = sized[k];
        samples[k].push(await coldStart({ launch, benchPage, base, mount: b.mount, screen, size: b.size }));
      }
    }
    meta.screens[screen.key] = samples.map((s, k) => ({ build: sized[k].label, files: s[0].files }));
    sized.forEach((b, k) => {
      const s = samples[k];
      const other = sized.length > 1 ? samples[1 - k] : null;
      const group = `Chromium · cold start, fresh profile each run · ${b.label}`;
      const kB = (n) => n / 1000;
      rows.push(
        {
          group,
          figure: `${screen.name}: start → first screen`,
          unit: 'ms',
          samples: s.map((r) => r.ms),
          ...(other ? { limit: { figure: sized[1 - k].label, samples: other.map((r) => r.ms) } } : {}),
        },
        {
          group,
          figure: `${screen.name}: script fetched before it (${s[0].files.length} files), raw`,
          unit: 'kB',
          samples: s.map((r) => kB(r.raw)),
          limit: { figure: `whole app (${b.whole.chunks} chunks)`, samples: s.map(() => kB(b.whole.raw)) },
        },
        {
          group,
          figure: `${screen.name}: script fetched before it, gzipped`,
          unit: 'kB',
          samples: s.map((r) => kB(r.gzip)),
          limit: { figure: 'whole app, gzipped', samples: s.map(() => kB(b.whole.gzip)) },
        },
      );
    });
  }
  return { rows, meta };
}
