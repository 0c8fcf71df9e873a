import type { HostApi } from '../../../shared/host/contract';
import { validatedHost } from '../../../shared/host/validate';
import type { BackupHost } from '../../../shared/backup';

/**
 * The host's secret store and backup store in memory, validated against the host contract like the
 * real hosts. `failWrites` makes writeBackup fail (a full disk) to test that nothing blocks on it.
 */
export function memoryBackupHost(options: { failWrites?: boolean } = {}): BackupHost & Pick<HostApi, 'deleteSecret'> {
  const secrets = new Map<string, Uint8Array<ArrayBuffer>>();
  const files = new Map<string, { data: Uint8Array<ArrayBuffer>; modifiedAt: string }>();
  let clock = 0;
  const host = validatedHost({
    getAppInfo: () => Promise.resolve({ kind: 'web', version: 'test', platform: 'test', keyStore: 'os' }),
    saveFile: () => Promise.resolve(null),
    openFiles: () => Promise.resolve([]),
    chooseFolder: () => Promise.resolve(null),
    writeToFolder: () => Promise.resolve({ written: false, bytes: 0 }),
    keyStoreStatus: () => Promise.resolve({ available: true, unlocked: true, initialised: true }),
    unlockKeyStore: () => Promise.resolve({ unlocked: true }),
    storeSecret: ({ name, secret }) => {
      secrets.set(name, new Uint8Array(secret));
      return Promise.resolve({ stored: true as const });
    },
    loadSecret: ({ name }) => Promise.resolve(secrets.get(name) ?? null),
    deleteSecret: ({ name }) => Promise.resolve({ deleted: secrets.delete(name) }),
    writeBackup: ({ name, data }) => {
      if (options.failWrites) return Promise.reject(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' }));
      files.set(name, { data: new Uint8Array(data), modifiedAt: new Date(Date.UTC(2026, 0, 1) + ++clock * 1000).toISOString() });
      return Promise.resolve({ bytes: data.byteLength });
    },
    listBackups: () =>
      Promise.resolve(
        [...files.entries()]
          .map(([name, f]) => ({ name, bytes: f.data.byteLength, modifiedAt: f.modifiedAt }))
          .sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : -1)),
      ),
    readBackup: ({ name, headBytes }) => {
      const f = files.get(name);
      return Promise.resolve(f ? new Uint8Array(headBytes ? f.data.subarray(0, headBytes) : f.data) : null);
    },
    deleteBackup: ({ name }) => Promise.resolve({ deleted: files.delete(name) }),
  });
  return host;
}
