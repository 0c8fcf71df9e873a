import type { HostApi } from '../../shared/host/contract';
import { validatedHost, type HostImplementation } from '../../shared/host/validate';

/**
 * A host for component tests that need none of its effects: saving is cancelled, nothing is opened,
 * the key store is empty. Still validated against the contract, like the real hosts.
 */
export function fakeHost(overrides: Partial<HostImplementation> = {}): HostApi {
  // Backups: kept in memory for this host only.
  const backups = new Map<string, { data: Uint8Array<ArrayBuffer>; modifiedAt: string }>();
  return validatedHost({
    getAppInfo: () => Promise.resolve({ kind: 'web', version: 'test', platform: 'test', keyStore: 'passphrase' }),
    saveFile: () => Promise.resolve(null),
    openFiles: () => Promise.resolve([]),
    chooseFolder: () => Promise.resolve(null),
    writeToFolder: () => Promise.resolve({ written: false, bytes: 0 }),
    keyStoreStatus: () => Promise.resolve({ available: true, unlocked: false, initialised: false }),
    unlockKeyStore: () => Promise.resolve({ unlocked: true }),
    storeSecret: () => Promise.resolve({ stored: true as const }),
    loadSecret: () => Promise.resolve(null),
    deleteSecret: () => Promise.resolve({ deleted: false }),
    writeBackup: ({ name, data }) => {
      backups.set(name, { data: new Uint8Array(data), modifiedAt: new Date().toISOString() });
      return Promise.resolve({ bytes: data.byteLength });
    },
    listBackups: () =>
      Promise.resolve(
        [...backups.entries()]
          .map(([name, b]) => ({ name, bytes: b.data.byteLength, modifiedAt: b.modifiedAt }))
          .sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : -1)),
      ),
    readBackup: ({ name, headBytes }) => {
      const b = backups.get(name);
      return Promise.resolve(b ? new Uint8Array(headBytes ? b.data.subarray(0, headBytes) : b.data) : null);
    },
    deleteBackup: ({ name }) => Promise.resolve({ deleted: backups.delete(name) }),
    ...overrides,
  });
}
