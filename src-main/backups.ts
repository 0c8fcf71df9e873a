/**
 * Database backups on disk: one file per backup under <userData>/backups/<name>, outside the
 * IndexedDB folder, so a damaged database does not take its backups with it. The files are already
 * encrypted (shared/backup); here they are only written atomically, listed, read and deleted.
 * Names were validated at the IPC boundary (`backupName`) and are checked again: they become paths.
 */
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { backupName, MAX_BACKUP_FILE_BYTES, MAX_BACKUPS_LISTED } from '../shared/host/contract';
import { DutyBookError } from '../shared/errors/errors';
import { fileTooLarge } from '../shared/host/file-limits';
import type { HostHandlers } from './ipc';
import { fsErrorToDutyBookError, readFileCapped, writeFileAtomic } from './atomic-file';

export type BackupStoreDeps = {
  /** <userData>/backups; a function because userData is only final once the app has started. */
  backupDir: () => string;
};

type BackupHandlers<E> = Pick<HostHandlers<E>, 'writeBackup' | 'listBackups' | 'readBackup' | 'deleteBackup'>;

const isEnoent = (error: unknown) => (error as { code?: unknown } | null)?.code === 'ENOENT';

export function createBackupStore<E>(deps: BackupStoreDeps): BackupHandlers<E> {
  const fileOf = (name: string): string => {
    const dir = resolve(deps.backupDir());
    const file = resolve(dir, name);
    if (!backupName.safeParse(name).success || !file.startsWith(dir + sep)) {
      throw new DutyBookError('validation', `invalid backup name ${JSON.stringify(name)}`, { name });
    }
    return file;
  };

  return {
    writeBackup: async ({ name, data }) => {
      const file = fileOf(name);
      await mkdir(deps.backupDir(), { recursive: true, mode: 0o700 }).catch((error: unknown) => {
        throw fsErrorToDutyBookError(error, 'write', deps.backupDir());
      });
      await writeFileAtomic(file, data, 0o600);
      return { bytes: data.byteLength };
    },

    listBackups: async () => {
      const dir = resolve(deps.backupDir());
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if (isEnoent(error)) return [];
        throw fsErrorToDutyBookError(error, 'read', dir);
      }
      const out: { name: string; bytes: number; modifiedAt: string }[] = [];
      for (const name of names) {
        if (!backupName.safeParse(name).success) continue;
        try {
          const s = await stat(resolve(dir, name));
          if (s.isFile()) out.push({ name, bytes: s.size, modifiedAt: s.mtime.toISOString() });
        } catch {
          // gone between readdir and stat
        }
      }
      out.sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : a.modifiedAt > b.modifiedAt ? -1 : a.name < b.name ? 1 : -1));
      return out.slice(0, MAX_BACKUPS_LISTED);
    },

    readBackup: async ({ name, headBytes }) => {
      const file = fileOf(name);
      try {
        if (headBytes === undefined) {
          return await readFileCapped(file, MAX_BACKUP_FILE_BYTES, { tooLarge: (size) => fileTooLarge('db-backup', name, size) });
        }
        let handle: FileHandle | undefined;
        try {
          handle = await open(file, 'r');
          const buffer = new Uint8Array(headBytes);
          const { bytesRead } = await handle.read(buffer, 0, headBytes, 0);
          return buffer.slice(0, bytesRead);
        } finally {
          await handle?.close().catch(() => undefined);
        }
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause ?? error;
        if (isEnoent(cause) || isEnoent(error)) return null;
        throw fsErrorToDutyBookError(error, 'read', file);
      }
    },

    deleteBackup: async ({ name }) => {
      const file = fileOf(name);
      try {
        await rm(file);
        return { deleted: true };
      } catch (error) {
        if (isEnoent(error)) return { deleted: false };
        throw fsErrorToDutyBookError(error, 'write', file);
      }
    },
  };
}
