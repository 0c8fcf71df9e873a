/**
 * Automatic backups: under the device backup key (32 random bytes kept in the host's secret store
 * as `backup-key`, made on first use), written by the host outside the database, rolled by
 * policy.ts. Every function here that runs on its own (daily, before an import, before an upgrade)
 * reports failure as a value and never throws: a backup that fails must not stop the user's work.
 */
import type { HostApi } from '../host/contract';
import { toHex } from '../bundle/bytes';
import { randomBytes, type CryptoSuite } from '../bundle/crypto';
import { DutyBookError } from '../errors/errors';
import type { DutyBookDb } from '../store/db';
import { dumpRawDatabase } from './dump';
import { createBackup, encodeBackup } from './encode';
import { readBackupHeader, type BackupReason, type BackupSummary } from './format';
import { restoreBackup, type RestoreResult } from './restore';
import { backupFileName, backupsToDelete, dailyBackupDue, namedBackups, type NamedBackup } from './policy';

export const BACKUP_KEY_NAME = 'backup-key';

export type BackupHost = Pick<
  HostApi,
  'loadSecret' | 'storeSecret' | 'writeBackup' | 'listBackups' | 'readBackup' | 'deleteBackup'
>;

/** The device backup key; made and stored on first use (never replaced: old backups need it). */
export async function loadBackupKey(host: Pick<HostApi, 'loadSecret' | 'storeSecret'>, create = true): Promise<Uint8Array | null> {
  const stored = await host.loadSecret({ name: BACKUP_KEY_NAME });
  if (stored) {
    if (stored.length !== 32) throw new DutyBookError('internal', `stored backup key has ${stored.length} bytes`);
    return stored;
  }
  if (!create) return null;
  const key = new Uint8Array(randomBytes(32));
  await host.storeSecret({ name: BACKUP_KEY_NAME, secret: key });
  return key;
}

export type AutomaticOutcome = { ok: true; name: string; bytes: number; deleted: string[] } | { ok: false; error: unknown };

/** Writes an automatic backup file and then rolls the old ones off (only after the write). */
async function writeAndRoll(host: BackupHost, reason: BackupReason, now: Date, data: Uint8Array): Promise<AutomaticOutcome> {
  const name = backupFileName(reason, now, toHex(randomBytes(2)));
  await host.writeBackup({ name, data: new Uint8Array(data) });
  const deleted: string[] = [];
  try {
    for (const old of backupsToDelete(await host.listBackups(), name)) {
      if ((await host.deleteBackup({ name: old })).deleted) deleted.push(old);
    }
  } catch (e) {
    // The new backup is safe; an old one left over is only space.
    console.warn('[dutybook] removing old backups failed', e);
  }
  return { ok: true, name, bytes: data.length, deleted };
}

/** Takes an automatic backup now (立即备份, before an import, the daily one). Throws on failure. */
export async function takeAutomaticBackup(
  db: DutyBookDb,
  host: BackupHost,
  reason: BackupReason,
  options: { now?: Date; suite?: CryptoSuite } = {},
): Promise<AutomaticOutcome & { ok: true }> {
  const now = options.now ?? new Date();
  const key = (await loadBackupKey(host))!;
  const data = await createBackup(db, { reason, key, now, ...(options.suite ? { suite: options.suite } : {}) });
  return (await writeAndRoll(host, reason, now, data)) as AutomaticOutcome & { ok: true };
}

/** Like takeAutomaticBackup, but failure comes back as `{ ok: false, error }` (for the warning). */
export async function tryAutomaticBackup(
  db: DutyBookDb,
  host: BackupHost,
  reason: BackupReason,
  options: { now?: Date; suite?: CryptoSuite } = {},
): Promise<AutomaticOutcome> {
  try {
    return await takeAutomaticBackup(db, host, reason, options);
  } catch (error) {
    console.warn(`[dutybook] automatic backup (${reason}) failed`, error);
    return { ok: false, error };
  }
}

/** The daily backup when none was taken today; `null` when it was not due. Never throws. */
export async function dailyBackupIfDue(
  db: DutyBookDb,
  host: BackupHost,
  options: { now?: Date; suite?: CryptoSuite } = {},
): Promise<AutomaticOutcome | null> {
  const now = options.now ?? new Date();
  try {
    if (!dailyBackupDue(await host.listBackups(), now)) return null;
  } catch (error) {
    return { ok: false, error };
  }
  return tryAutomaticBackup(db, host, 'daily', { ...options, now });
}

/**
 * openDatabase's `beforeUpgrade`: reads the old database with plain IndexedDB (before Dexie
 * upgrades it) and writes it as a 'pre-upgrade' backup under the device backup key. Needs the key
 * store open at start-up: true in Electron (the OS store); in the browser preview the key store is
 * locked until its passphrase is entered, so there the backup is taken only when a backup key can
 * be read — otherwise it is skipped (and logged), never blocking the start.
 */
export function preUpgradeBackup(host: BackupHost, options: { suite?: CryptoSuite } = {}) {
  return async (info: { name: string; factory: IDBFactory; from: number; to: number }): Promise<void> => {
    const key = await loadBackupKey(host);
    const dump = await dumpRawDatabase(info.factory, info.name);
    const now = new Date();
    const data = await encodeBackup(dump, { reason: 'pre-upgrade', key: key!, now, ...(options.suite ? { suite: options.suite } : {}) });
    await writeAndRoll(host, 'pre-upgrade', now, data);
  };
}

export type AutomaticBackupEntry = NamedBackup & {
  /** From the file's header (not yet verified: the restore verifies); null when unreadable. */
  summary: BackupSummary | null;
};

/** The automatic backups kept, newest first, each with what its header says. */
export async function listAutomaticBackups(host: Pick<HostApi, 'listBackups' | 'readBackup'>): Promise<AutomaticBackupEntry[]> {
  const out: AutomaticBackupEntry[] = [];
  for (const b of namedBackups(await host.listBackups())) {
    let summary: BackupSummary | null = null;
    try {
      const head = await host.readBackup({ name: b.name, headBytes: 64 * 1024 });
      if (head) summary = readBackupHeader(head, b.bytes);
    } catch {
      summary = null;
    }
    out.push({ ...b, summary });
  }
  return out;
}

/**
 * Restores an automatic backup (verified completely first) into `db` — the open database, or a
 * fresh one on the recovery screen. Throws a BackupError (Chinese via describeError) when refused.
 */
export async function restoreFromAutomaticBackup(
  db: DutyBookDb,
  host: Pick<HostApi, 'loadSecret' | 'storeSecret' | 'readBackup'>,
  name: string,
  options: { now?: Date; suite?: CryptoSuite } = {},
): Promise<RestoreResult> {
  const { bytes, key } = await readAutomaticBackup(host, name);
  return restoreBackup(db, bytes, { key, ...options });
}

/** An automatic backup's bytes and the device key that opens it (not yet verified). */
export async function readAutomaticBackup(
  host: Pick<HostApi, 'loadSecret' | 'storeSecret' | 'readBackup'>,
  name: string,
): Promise<{ bytes: Uint8Array; key: Uint8Array }> {
  const bytes = await host.readBackup({ name });
  if (!bytes) throw new DutyBookError('not-found', `backup ${name} is gone`, { what: 'backup', id: name });
  const key = await loadBackupKey(host, false);
  if (!key) {
    throw new DutyBookError('backup-wrong-key', 'no backup key on this device', { reason: 'no-key' });
  }
  return { bytes, key };
}

/**
 * Runs `work` (an import, an HR intake batch) after a 'pre-import' backup. The backup's failure is
 * handed to `onBackupFailed` (a warning on screen) and the work runs anyway: one backup per call,
 * so a batch of files gets one backup, not one per file.
 */
export async function withBackupBefore<T>(
  db: DutyBookDb,
  host: BackupHost,
  work: () => Promise<T>,
  onBackupFailed: (error: unknown) => void,
  options: { reason?: BackupReason; now?: Date; suite?: CryptoSuite } = {},
): Promise<T> {
  const outcome = await tryAutomaticBackup(db, host, options.reason ?? 'pre-import', options);
  if (!outcome.ok) {
    try {
      onBackupFailed(outcome.error);
    } catch {
      // a warning that fails to show must not stop the import either
    }
  }
  return work();
}
