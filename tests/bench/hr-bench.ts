/**
 * HR's organisation-wide screens at scale, in Chromium on real IndexedDB.
 *
 * `seedApp` loads an example organisation (shared/seed — every record a fact signed by its author's
 * own key and imported through the real bundle checks) into the **app's own database** of this
 * browser profile, so that the app build served from the same origin opens it as HR's device; the
 * driver (scripts/bench.mjs) keeps the profile on disk and reuses it while the seed's data format is
 * unchanged. `hr` then times each screen's reads and computation against a 1 s budget, names the
 * queries it ran (a Dexie middleware records table, index and kind of every request), and reads
 * every record book as a reference. No assertions: numbers only.
 */
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { buildTrackingRows, yearStatistics } from '../../shared/domain';
import { seedDatabase } from '../../shared/seed';
import { readMaterial } from '../../shared/store/material-repo';
import {
  getProfile,
  openDatabase,
  readAnnualReport,
  readHrYear,
  readTrackingYear,
  type DutyBookDb,
} from '../../shared/store';

export type SeedAppOptions = { people: number; units: number; years: number };
export type SeedInfo = {
  people: number;
  units: number;
  years: number[];
  facts: number;
  statusRows: number;
  seedMs: number;
  seedTimings: Record<string, number>;
  /** Peak JS heap of the page while seeding (MB; NaN without performance.memory). */
  seedPeakHeapMB: number;
};
export type HrBenchOptions = {
  runs: number;
  /** false: skip the reference scan of every record book (a profile of the screens alone). */
  reference?: boolean;
};
export type HrBenchResult = {
  /** Per screen: the queries it ran, as `table.index kind` with their count. */
  queries: Record<string, string[]>;
  runs: Record<string, number>[];
};

/** Where `seedApp` leaves its description, for the runs that reuse the profile. */
const SEED_INFO_KEY = 'dutybook-bench-seed';
/** The example organisation's "today": every run of the bench sees the same data. */
export const BENCH_TODAY = new Date('2026-11-20T02:00:00Z');

const now = () => performance.now();
type MemoryInfo = { usedJSHeapSize: number };
export const heapMB = () => {
  const m = (performance as unknown as { memory?: MemoryInfo }).memory;
  return m ? m.usedJSHeapSize / 2 ** 20 : Number.NaN;
};

/** Samples the JS heap every 250 ms until stopped; returns the peak (MB). */
export function heapSampler(): () => number {
  let peak = heapMB();
  const id = setInterval(() => (peak = Math.max(peak, heapMB())), 250);
  return () => {
    clearInterval(id);
    return Math.max(peak, heapMB());
  };
}

/** Seeds the app's database (DEFAULT_DB_NAME) unless this profile already holds the organisation. */
export async function seedApp(o: SeedAppOptions): Promise<{ cached: boolean; info: SeedInfo }> {
  const status = document.getElementById('status')!;
  const db = await openDatabase();
  try {
    const kept = localStorage.getItem(SEED_INFO_KEY);
    if ((await getProfile(db)) && kept) return { cached: true, info: JSON.parse(kept) as SeedInfo };
    const stop = heapSampler();
    const t0 = now();
    const seeded = await seedDatabase(db, {
      units: o.units,
      people: o.people,
      years: o.years,
      today: BENCH_TODAY,
      onProgress: (p) => (status.textContent = `seeding ${p.step} ${p.done}/${p.total}`),
    });
    const info: SeedInfo = {
      people: seeded.counts.people,
      units: seeded.counts.units,
      years: seeded.years,
      facts: seeded.counts.facts,
      statusRows: await db.personYears.count(),
      seedMs: now() - t0,
      seedTimings: seeded.timings,
      seedPeakHeapMB: stop(),
    };
    localStorage.setItem(SEED_INFO_KEY, JSON.stringify(info));
    return { cached: false, info };
  } finally {
    db.close();
  }
}

/** Records every DBCore request while `recording` is set: `table[.index] kind`. */
function queryRecorder(): { middleware: Middleware<DBCore>; take(): string[] } {
  let seen = new Map<string, number>();
  const note = (table: string, what: string) => {
    const k = `${table}${what}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  };
  const index = (name: string | null | undefined) => (name ? `.${name}` : '');
  const wrap = (table: DBCoreTable): DBCoreTable => ({
    ...table,
    get: (req) => (note(table.name, ' get'), table.get(req)),
    getMany: (req) => (note(table.name, ` getMany(${req.keys.length})`), table.getMany(req)),
    query: (req) => (note(table.name, `${index(req.query.index.name)} query`), table.query(req)),
    openCursor: (req) => (note(table.name, `${index(req.query.index.name)} cursor`), table.openCursor(req)),
    count: (req) => (note(table.name, `${index(req.query.index.name)} count`), table.count(req)),
    mutate: (req) => (note(table.name, ` ${req.type}`), table.mutate(req)),
  });
  return {
    middleware: {
      stack: 'dbcore',
      name: 'bench-query-recorder',
      create: (core) => ({ ...core, table: (n) => wrap(core.table(n)) }),
    },
    take() {
      const out = [...seen].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).sort();
      seen = new Map();
      return out;
    },
  };
}

const SCREENS = {
  grid: 'completeness grid (督促检查): status rows + filings + spot checks, every cell computed',
  worksheet: 'annual worksheet (年度考核): roster + rules + status rows, linkage computed',
  statistics: 'statistics (统计分析): roster + rules + status rows, tables computed',
  material:
    "open a material (材料 panel): one official's March 记实簿 (every version, returns, plan) + their supervisor's Q2 register",
  reference: 'reference: reading every record book (what the screens avoid)',
} as const;

/**
 * Each screen's data (reads + computation) over the seeded app database, `runs` times after a warm-up.
 * Each run opens its own connection, as the app does when it starts: what a connection keeps (the
 * newest roster, shared/store/roster-cache.ts) is read again by the run's first screen, 督促检查, and
 * reused by the next two, as the app's screens share its one connection.
 */
export async function hr(o: HrBenchOptions): Promise<HrBenchResult> {
  const status = document.getElementById('status')!;
  const recorder = queryRecorder();
  const connect = async () => {
    const db: DutyBookDb = await openDatabase();
    // Middlewares take effect when the database opens.
    db.use(recorder.middleware);
    db.close();
    await db.open();
    return db;
  };
  const year = BENCH_TODAY.getUTCFullYear();
  const queries: Record<string, string[]> = {};
  // Someone in the middle of the roster who has a supervisor: the material a grid cell opens.
  const first = await connect();
  const withSupervisor = await first.people.filter((p) => p.supervisorId !== null).toArray();
  first.close();
  const official = withSupervisor[Math.floor(withSupervisor.length / 2)];
  const once = async () => {
    const db = await connect();
    try {
      const run: Record<string, number> = {};
      recorder.take();
      let t = now();
      const tracking = await readTrackingYear(db, year);
      if (tracking) buildTrackingRows({ ...tracking, now: BENCH_TODAY });
      run[SCREENS.grid] = now() - t;
      queries[SCREENS.grid] = recorder.take();
      t = now();
      await readAnnualReport(db, year);
      run[SCREENS.worksheet] = now() - t;
      queries[SCREENS.worksheet] = recorder.take();
      t = now();
      const data = await readHrYear(db, year);
      if (data)
        yearStatistics({
          year,
          units: data.units,
          people: data.people,
          evaluations: data.evaluations,
          plans: data.plans,
          records: data.records,
        });
      run[SCREENS.statistics] = now() - t;
      queries[SCREENS.statistics] = recorder.take();
      if (o.reference === false) return run;
      t = now();
      if (official?.supervisorId) {
        await readMaterial(db, { kind: 'record', personId: official.id, year, month: 3 });
        await readMaterial(db, { kind: 'register', personId: official.supervisorId, year, quarter: 2 });
      }
      run[SCREENS.material] = now() - t;
      queries[SCREENS.material] = recorder.take();
      t = now();
      await db.monthlyRecords.toArray();
      run[SCREENS.reference] = now() - t;
      queries[SCREENS.reference] = recorder.take();
      return run;
    } finally {
      db.close();
    }
  };
  await once(); // warm-up
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < o.runs; i++) {
    runs.push(await once());
    status.textContent = `hr run ${i + 1}/${o.runs}`;
  }
  return { queries, runs };
}
