/**
 * Putting a verified backup back: every table replaced in ONE transaction, an older schema's rows
 * upgraded first by the app's own upgrade steps, this device's password lock kept as it is.
 */
import { toHex } from '../bundle/bytes';
import { randomBytes } from '../bundle/crypto';
import { DutyBookError } from '../errors/errors';
import { formatChineseDateTime } from '../domain/calendar';
import { newId } from '../domain/ids';
import { appendAudit } from '../store/audit';
import { CURRENT_SCHEMA_VERSION, DutyBookDb, openDatabase, SCHEMA_HISTORY, type SchemaStep } from '../store/db';
import { wrapStorageErrors } from '../store/storage-errors';
import { APP_LOCK_META_KEYS } from '../security/lock-store';
import { decodeBackup, type ReadOptions } from './decode';
import { dumpDatabase, type DatabaseDump } from './dump';
import { fail, REASON_LABELS, type BackupSummary } from './format';

export type RestoreOptions = ReadOptions & {
  /** Default: now. The time of the audit entry. */
  now?: Date;
  /**
   * Keep the backup's install id (meta `deviceId`, the `device` of this install's identity). Default
   * false: a restored install takes a NEW install id, as a key-backup restore does. A backup rolls the
   * fact counters back; under the old id the next facts would reuse (install, counter) pairs peers
   * already acknowledge holding, and incremental exports would never send them. Tests only.
   */
  keepInstallId?: boolean;
};

/** Meta rows that belong to this device and are never replaced by a restore (the password lock). */
export const DEVICE_LOCAL_META_KEYS: readonly string[] = APP_LOCK_META_KEYS;

export type RestoreResult = BackupSummary & { restoredAt: string; upgradedFrom?: number; installId: string };

/**
 * Replaces the whole database with a backup's rows. The file is verified completely first; a backup
 * of an older schema is first written to a scratch database with that schema and upgraded there by
 * the app's own upgrade steps. Then every table is cleared and filled in ONE transaction, with an
 * audit entry ('restore') appended to the restored trail in the same transaction: all or nothing.
 * The install takes a new install id in that transaction (see `keepInstallId`).
 */
export async function restoreBackup(db: DutyBookDb, bytes: Uint8Array, options: RestoreOptions): Promise<RestoreResult> {
  const history = options.schemaHistory ?? db.options.schemaHistory ?? SCHEMA_HISTORY;
  const decoded = await decodeBackup(bytes, { ...options, schemaHistory: history }, true);
  let dump = decoded.dump;
  const current = history[history.length - 1]!.version;
  if (db.verno !== current) throw new DutyBookError('internal', `database is at ${db.verno}, app at ${current}`);
  let upgradedFrom: number | undefined;
  if (dump.schemaVersion < current) {
    upgradedFrom = dump.schemaVersion;
    dump = await upgradeDump(db, dump, history);
  }
  const byName = new Map(dump.tables.map((t) => [t.name, t]));
  const names = db.tables.map((t) => t.name);
  if (names.length !== byName.size || names.some((n) => !byName.has(n))) {
    throw fail('backup-damaged', 'tables differ from this database');
  }
  const at = (options.now ?? new Date()).toISOString();
  const s = decoded.summary;
  let installId = newId();
  await wrapStorageErrors('restore backup', () =>
    db.transaction('rw', db.tables, async () => {
      // This device's password lock stays this device's: its record wraps the private keys held by
      // this host, so one taken from the backup (another PC's, or an older password) would lock
      // them away for good.
      const local = await db.meta.bulkGet([...DEVICE_LOCAL_META_KEYS]);
      for (const t of db.tables) {
        await t.clear();
        const rows = byName.get(t.name)!.rows;
        for (let i = 0; i < rows.length; i += 5000) await t.bulkAdd(rows.slice(i, i + 5000));
      }
      await db.meta.bulkDelete([...DEVICE_LOCAL_META_KEYS]);
      await db.meta.bulkPut(local.filter((r) => r !== undefined));
      const kept = (await db.meta.get('deviceId'))?.value;
      if (options.keepInstallId && typeof kept === 'string') {
        installId = kept;
      } else {
        await db.meta.put({ key: 'deviceId', value: installId });
        const self = await db.trust.get('self');
        if (self?.id === 'self') await db.trust.put({ ...self, device: installId });
      }
      const when = formatChineseDateTime(s.createdAt);
      await appendAudit(db, [
        {
          at,
          action: 'restore',
          subject: '',
          ref: s.createdAt,
          summary: `从备份恢复(${REASON_LABELS[s.reason]} ${when}${s.who.name ? `,${s.who.name}` : ''},共${s.rows}条记录)`,
        },
      ]);
    }),
  );
  return { ...s, restoredAt: at, installId, ...(upgradedFrom !== undefined ? { upgradedFrom } : {}) };
}

/** Writes an older dump into a scratch database of its schema, lets the upgrades run, reads it back. */
async function upgradeDump(db: DutyBookDb, dump: DatabaseDump, history: readonly SchemaStep[]): Promise<DatabaseDump> {
  const deps = {
    ...(db.options.indexedDB ? { indexedDB: db.options.indexedDB } : {}),
    ...(db.options.IDBKeyRange ? { IDBKeyRange: db.options.IDBKeyRange } : {}),
  };
  const name = `${db.name}-restore-${toHex(randomBytes(4))}`;
  const old = new DutyBookDb(name, { ...deps, schemaHistory: history.filter((s) => s.version <= dump.schemaVersion) });
  try {
    await wrapStorageErrors('restore backup (older schema)', async () => {
      await old.open();
      await old.transaction('rw', old.tables, async () => {
        for (const t of dump.tables) if (t.rows.length > 0) await old.table(t.name).bulkAdd(t.rows);
      });
    });
    old.close();
    const upgraded = await openDatabase(name, { ...deps, schemaHistory: history });
    try {
      return await dumpDatabase(upgraded);
    } finally {
      upgraded.close();
    }
  } finally {
    old.close();
    await old.delete().catch(() => undefined);
  }
}

/** The schema a restore brings every backup to (the screens say when a backup's is older). */
export { CURRENT_SCHEMA_VERSION };
