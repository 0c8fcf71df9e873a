/**
 * A database's tables and rows in memory, as a backup holds them: read from an open database, or —
 * before a schema upgrade — straight from IndexedDB without opening (and so upgrading) it.
 */
import type { DutyBookDb } from '../store/db';
import { wrapStorageErrors } from '../store/storage-errors';

export type TableDump = { name: string; keyPath: string; rows: unknown[] };
export type DatabaseDump = { schemaVersion: number; tables: TableDump[] };

/** Every table of an open Dexie database, rows in primary-key order. */
export async function dumpDatabase(db: DutyBookDb): Promise<DatabaseDump> {
  return wrapStorageErrors('back up database', () =>
    db.transaction('r', db.tables, async () => {
      const tables: TableDump[] = [];
      for (const t of [...db.tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const keyPath = t.schema.primKey.keyPath;
        if (typeof keyPath !== 'string') throw new Error(`table ${t.name} has no single inbound key`);
        tables.push({ name: t.name, keyPath, rows: await t.toArray() });
      }
      return { schemaVersion: db.verno, tables };
    }),
  );
}

/**
 * Every object store of a database as IndexedDB has it, WITHOUT Dexie and without upgrading it:
 * for the backup taken before a schema upgrade (openDatabase's `beforeUpgrade`).
 */
export function dumpRawDatabase(factory: IDBFactory, name: string): Promise<DatabaseDump> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name);
    req.onupgradeneeded = () => {
      // The database did not exist: abort so that nothing is created.
      req.transaction?.abort();
    };
    req.onerror = () => reject(req.error ?? new Error(`cannot open ${name}`));
    req.onsuccess = () => {
      const idb = req.result;
      const names = Array.from(idb.objectStoreNames).sort();
      const tables: TableDump[] = [];
      let settled = false;
      const done = (e?: Error | null) => {
        if (settled) return;
        settled = true;
        idb.close();
        if (e) reject(e);
        else resolve({ schemaVersion: idb.version / 10, tables });
      };
      if (names.length === 0) return done();
      const tx = idb.transaction(names, 'readonly');
      for (const n of names) {
        const store = tx.objectStore(n);
        const entry: TableDump = { name: n, keyPath: typeof store.keyPath === 'string' ? store.keyPath : '', rows: [] };
        tables.push(entry);
        if (typeof store.keyPath !== 'string') {
          tx.abort();
          return done(new Error(`store ${n} has no single inbound key`));
        }
        const all = store.getAll();
        all.onsuccess = () => {
          entry.rows = all.result;
        };
      }
      tx.oncomplete = () => done();
      tx.onerror = () => done(tx.error ?? new Error('read failed'));
      tx.onabort = () => done(tx.error ?? new Error('read aborted'));
    };
  });
}
