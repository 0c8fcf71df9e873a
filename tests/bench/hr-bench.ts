/**
 * HR's organisation-wide screens at scale, in Chromium on real IndexedDB: an example organisation
 * (shared/seed — every record a signed fact imported through the real bundle checks) is loaded once,
 * then each screen's reads and computation are timed per run against a 1 s budget, next to the scan
 * of the year's record books these screens avoid (a reference figure). No assertions: numbers only.
 */
import { buildTrackingRows, yearStatistics } from '../../shared/domain';
import { seedDatabase } from '../../shared/seed';
import { openDatabase, readAnnualReport, readHrYear, readTrackingYear } from '../../shared/store';

export type HrBenchOptions = { people: number; units: number; years: number; runs: number };
export type HrBenchResult = {
  people: number;
  facts: number;
  statusRows: number;
  seedMs: number;
  seedTimings: Record<string, number>;
  runs: Record<string, number>[];
};

const now = () => performance.now();

export async function hr(o: HrBenchOptions): Promise<HrBenchResult> {
  const status = document.getElementById('status')!;
  const db = await openDatabase(`dutybook-bench-hr-${Date.now()}`);
  try {
    const t0 = now();
    const seeded = await seedDatabase(db, {
      units: o.units,
      people: o.people,
      years: o.years,
      today: new Date('2026-11-20T02:00:00Z'),
      onProgress: (p) => (status.textContent = `seeding ${p.step} ${p.done}/${p.total}`),
    });
    const seedMs = now() - t0;
    const year = seeded.years[seeded.years.length - 1]!;
    const runs: Record<string, number>[] = [];
    const once = async () => {
      const run: Record<string, number> = {};
      let t = now();
      const tracking = await readTrackingYear(db, year);
      if (tracking) buildTrackingRows({ ...tracking, now: new Date('2026-11-20T02:00:00Z') });
      run['completeness grid: status rows + registers + filings, every cell computed'] = now() - t;
      t = now();
      await readAnnualReport(db, year, 20);
      run['annual worksheet: roster + rules + status rows, linkage computed'] = now() - t;
      t = now();
      const data = await readHrYear(db, year);
      if (data) yearStatistics({ year, units: data.units, people: data.people, evaluations: data.evaluations, plans: data.plans, records: data.records });
      run['statistics: roster + rules + status rows, tables computed'] = now() - t;
      t = now();
      await db.monthlyRecords.toArray();
      run['reference: reading every record book (what the screens avoid)'] = now() - t;
      return run;
    };
    await once(); // warm-up
    for (let i = 0; i < o.runs; i++) {
      runs.push(await once());
      status.textContent = `hr run ${i + 1}/${o.runs}`;
    }
    return {
      people: seeded.counts.people,
      facts: seeded.counts.facts,
      statusRows: await db.personYears.count(),
      seedMs,
      seedTimings: seeded.timings as unknown as Record<string, number>,
      runs,
    };
  } finally {
    db.close();
  }
}
