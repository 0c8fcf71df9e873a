/**
 * The Electron implementation of the host API, assembled from the modules that own each concern.
 */
import type { HostHandlers } from './ipc';
import type { FileHandlerDeps } from './files';
import type { KeyStoreDeps } from './keys';
import { createFileHandlers } from './files';
import { createFolderHandlers } from './folders';
import { createKeyStore } from './keys';
import { createBackupStore, type BackupStoreDeps } from './backups';

export type HostDeps<E> = FileHandlerDeps<E> &
  KeyStoreDeps &
  BackupStoreDeps & {
    version: string;
  };

export function createHostHandlers<E>(deps: HostDeps<E>): HostHandlers<E> {
  return {
    getAppInfo: () =>
      Promise.resolve({ kind: 'electron' as const, version: deps.version, platform: deps.platform, keyStore: 'os' as const }),
    ...createFileHandlers(deps),
    ...createFolderHandlers(deps),
    ...createKeyStore(deps),
    ...createBackupStore(deps),
  };
}
