import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openDatabase, type DutyBookDb, type DutyBookDbOptions } from '../../../shared/store';

let counter = 0;

/** A database name no other test uses, so tests never see each other's rows. */
export function freshName(label = 'test'): string {
  counter += 1;
  return `dutybook-${label}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** fake-indexeddb stands in for the browser's IndexedDB in Node. */
export const fakeDeps = { indexedDB, IDBKeyRange } as const;

export function openTestDb(
  name: string = freshName(),
  options: Omit<DutyBookDbOptions, 'indexedDB' | 'IDBKeyRange'> = {},
): Promise<DutyBookDb> {
  return openDatabase(name, { ...fakeDeps, ...options });
}

/** Every row of every table, for "nothing changed" assertions. */
export async function snapshot(db: DutyBookDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}
