/**
 * The newest roster this database holds, read once per version instead of once per screen.
 *
 * A roster of 5,000 people is megabytes of nested objects: every organisation-wide screen needs it,
 * and reading it back from IndexedDB (a structured clone) cost each of them tens to hundreds of
 * milliseconds. A roster version is signed and never changes, so the row read last is kept per
 * database connection and handed out again while the newest version's key is the same — one key
 * read, which also keeps a live query watching the table. Any write to the table through this
 * connection (a new version, a restore, a test clearing it) drops what is kept.
 *
 * The roster handed out is shared: callers must not change it (nothing does; the roster-period and
 * roster-index caches already key on its objects).
 */
import type { RosterRow } from '../ledger/types';
import type { DutyBookDb } from './db';

type Kept = { version: number; row: RosterRow };
const kept = new WeakMap<DutyBookDb, Kept | null>();

function watch(db: DutyBookDb): void {
  if (kept.has(db)) return;
  kept.set(db, null);
  const drop = () => {
    kept.set(db, null);
  };
  db.rosters.hook('creating', drop);
  db.rosters.hook('updating', drop);
  db.rosters.hook('deleting', drop);
}

/** The newest roster row (by version); undefined before any roster. */
export async function readNewestRosterRow(db: DutyBookDb): Promise<RosterRow | undefined> {
  watch(db);
  const version = (await db.rosters.orderBy('version').lastKey()) as number | undefined;
  if (version === undefined) return undefined;
  const k = kept.get(db);
  if (k && k.version === version) return k.row;
  const row = await db.rosters.get(version);
  if (row) kept.set(db, { version, row });
  return row;
}
