/**
 * Backups of the whole database and their verified restore (issue 8).
 *
 * FOR THE STARTUP-FAILURE / RECOVERY SCREEN (no working database needed to list; a fresh one to restore into):
 *
 *   listAutomaticBackups(host: Pick<HostApi, 'listBackups' | 'readBackup'>): Promise<AutomaticBackupEntry[]>
 *     newest first; each { name, bytes, modifiedAt, reason: 'daily'|'pre-import'|'pre-upgrade'|'manual',
 *     at: Date, summary: { createdAt, who: { name, unitName, roles }, tables, rows, schemaVersion, … } | null }
 *     (the summary is the unverified header; REASON_LABELS[reason] is the Chinese word: 每日/导入前/升级前/手动).
 *
 *   restoreFromAutomaticBackup(db: DutyBookDb, host: Pick<HostApi, 'loadSecret' | 'storeSecret' | 'readBackup'>,
 *                              name: string): Promise<RestoreResult>
 *     verifies the file completely (device backup key from the host's secret store), then replaces every
 *     table of `db` in one transaction and appends a 'restore' audit entry. On refusal it throws a
 *     DutyBookError ('backup-damaged', 'backup-wrong-key', 'backup-too-new', …; describeError gives the
 *     Chinese) and `db` is untouched. For a database that will not open: delete it
 *     (`Dexie.delete(DEFAULT_DB_NAME)`), `openDatabase()` a fresh one, restore into it, reload.
 *
 * Files the user takes away (备份到文件 / 从文件恢复): createBackup(db, { reason: 'manual', passphrase }),
 * inspectBackup(bytes, { passphrase }), restoreBackup(db, bytes, { passphrase }).
 * Automatic: takeAutomaticBackup / tryAutomaticBackup(db, host, reason), dailyBackupIfDue(db, host),
 * preUpgradeBackup(host) as openDatabase's `beforeUpgrade`. The rolling policy: policy.ts.
 */
export {
  BACKUP_REASONS,
  BackupError,
  DB_BACKUP_EXTENSION,
  DB_BACKUP_FORMAT,
  DB_BACKUP_ITERATIONS,
  MAX_DB_BACKUP_BYTES,
  MAX_PLAIN_BYTES,
  REASON_LABELS,
  readBackupHeader,
  type BackupHeader,
  type BackupKey,
  type BackupReason,
  type BackupSummary,
} from './format';
export * from './dump';
export * from './encode';
export { inspectBackup, tablesAtVersion, type ReadOptions } from './decode';
export * from './restore';
export * from './policy';
export * from './automatic';
