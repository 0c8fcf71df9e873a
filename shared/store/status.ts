/**
 * The status rows (`personYears`) as the database reads and writes them; what a row holds and how rows are
 * folded is status-fold.ts, which db.ts's schema upgrade uses without importing this file.
 */
import type { DutyBookDb } from './db';
import {
  digestOf,
  emptyStatus,
  FEEDS,
  foldRow,
  statusId,
  viewOfDigest,
  type PersonYearStatus,
  type StatusView,
} from './status-fold';

export * from './status-fold';

/**
 * Brings the status rows (and their digests) in line with rows just written to `table` (inside the
 * caller's read-write transaction, which must include `db.personYears` and `db.statusDigests`): one
 * bulk read, one bulk write of each.
 */
export async function noteWritten(
  db: DutyBookDb,
  writes: readonly { table: string; rows: readonly unknown[] }[],
): Promise<void> {
  const relevant = writes.filter((w) => FEEDS[w.table] && w.rows.length > 0);
  if (relevant.length === 0) return;
  const ids = new Set<string>();
  for (const w of relevant)
    for (const r of w.rows) {
      const { personId, year } = FEEDS[w.table]!(r as never);
      ids.add(statusId(personId, year));
    }
  const keys = [...ids];
  const held = await db.personYears.bulkGet(keys);
  const rows = new Map<string, PersonYearStatus>();
  keys.forEach((k, i) => {
    const [personId = '', year = '0'] = k.split('/');
    rows.set(k, held[i] ?? emptyStatus(personId, Number(year)));
  });
  for (const w of relevant) {
    for (const r of w.rows) {
      const { personId, year } = FEEDS[w.table]!(r as never);
      foldRow(rows.get(statusId(personId, year))!, w.table, r);
    }
  }
  await db.personYears.bulkPut([...rows.values()]);
  await db.statusDigests.bulkPut([...rows.values()].map(digestOf));
}

/** Every status row of a year: one indexed query. */
export function readYearStatus(db: DutyBookDb, year: number): Promise<PersonYearStatus[]> {
  return db.personYears.where('year').equals(year).toArray();
}

/** What HR's screens show of every status row of a year (their digests): one indexed query. */
export async function readYearStatusViews(db: DutyBookDb, year: number): Promise<StatusView[]> {
  return (await db.statusDigests.where('year').equals(year).toArray()).map(viewOfDigest);
}
