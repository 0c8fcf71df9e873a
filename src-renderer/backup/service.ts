/**
 * The renderer's side of database backups: the pre-import wrapper the import screens use, the
 * daily check, and restoring into a database by name (the recovery screen, where the app's own
 * database may not open).
 */
import Dexie from 'dexie';
import { DutyBookError } from '../../shared/errors/errors';
import { describeError } from '../../shared/errors/messages.zh';
import type { HostApi } from '../../shared/host/contract';
import { openDatabase, type DutyBookDb, type DutyBookDbOptions } from '../../shared/store';
import {
  dailyBackupIfDue,
  inspectBackup,
  restoreBackup,
  withBackupBefore,
  type BackupKey,
  type RestoreResult,
} from '../../shared/backup';
import { useNotifications } from '../state/notifications';
import { backupStrings as t } from './strings';

/**
 * Runs an import (one file, or an HR intake batch) after a 'pre-import' backup. If the backup
 * fails, a warning says so and the import goes on.
 */
export function backupBeforeImport<T>(services: { db: DutyBookDb; host: HostApi }, work: () => Promise<T>): Promise<T> {
  return withBackupBefore(services.db, services.host, work, (e) => {
    useNotifications.getState().notify({ kind: 'warning', text: t.preImportFailed(describeError(e).title) });
  });
}

/**
 * The daily backup when it is due. In the browser preview the key store is locked until its
 * passphrase is entered: the check then waits for a later hour instead of asking at start-up.
 * Returns the warning text when a due backup failed, null otherwise.
 */
export async function runDailyCheck(services: { db: DutyBookDb; host: HostApi }): Promise<string | null> {
  try {
    const status = await services.host.keyStoreStatus();
    if (!status.unlocked) return null;
  } catch {
    return null;
  }
  const outcome = await dailyBackupIfDue(services.db, services.host);
  if (outcome && !outcome.ok) return t.dailyFailed(describeError(outcome.error).title);
  return null;
}

/**
 * Restores a backup into the database `dbName` — for the recovery screen. The file is verified
 * completely first; only then is the database opened (if it is damaged beyond opening, it is
 * deleted and made anew) and replaced in one transaction. Nothing is deleted for a file that fails verification.
 */
export async function restoreIntoDatabase(
  dbName: string,
  bytes: Uint8Array,
  key: BackupKey,
  options: Omit<DutyBookDbOptions, 'beforeUpgrade'> = {},
): Promise<RestoreResult> {
  await inspectBackup(bytes, key);
  let db: DutyBookDb;
  try {
    db = await openDatabase(dbName, options);
  } catch (e) {
    // Only a damaged database is made anew; one held by another window, or written by a newer
    // DutyBook, is left as it is.
    if (!(e instanceof DutyBookError && e.code === 'storage-corrupt')) throw e;
    await Dexie.delete(dbName);
    db = await openDatabase(dbName, options);
  }
  try {
    return await restoreBackup(db, bytes, key);
  } finally {
    db.close();
  }
}
