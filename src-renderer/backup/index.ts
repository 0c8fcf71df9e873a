/**
 * 备份与恢复 in the renderer.
 *
 * A module several places share, not a page of its own. For the startup-failure / recovery screen
 * (features/recovery):
 *
 *   <RecoveryRestore dbName={DEFAULT_DB_NAME} host={host} onRestored={() => window.location.reload()} />
 *     lists the automatic backups and offers a backup file; verifies before it touches the database.
 *
 *   listAutomaticBackups(host): Promise<AutomaticBackupEntry[]>          (shared/backup)
 *   restoreFromAutomaticBackup(db, host, name): Promise<RestoreResult>  (shared/backup)
 *   restoreIntoDatabase(dbName, bytes, { key } | { passphrase }): Promise<RestoreResult>
 *     verifies the file, then opens `dbName` (a damaged one is deleted and made anew) and replaces it.
 *
 * Elsewhere: <BackupSection /> (设置), <AutomaticBackups /> (the daily check, mounted once with a
 * profile), backupBeforeImport(services, work) (the import screens).
 */
export { BackupSection } from './BackupSection';
export { AutomaticBackups } from './AutomaticBackups';
export { RecoveryRestore } from './RecoveryRestore';
export { backupBeforeImport, restoreIntoDatabase, runDailyCheck } from './service';
export { listAutomaticBackups, restoreFromAutomaticBackup } from '../../shared/backup';
export type { AutomaticBackupEntry, RestoreResult } from '../../shared/backup';
