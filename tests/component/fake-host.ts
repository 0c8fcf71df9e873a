import type { HostApi } from '../../shared/host/contract';
import { validatedHost, type HostImplementation } from '../../shared/host/validate';

/**
 * A host for component tests that need none of its effects: saving is cancelled, nothing is opened,
 * the key store is empty. Still validated against the contract, like the real hosts.
 */
export function fakeHost(overrides: Partial<HostImplementation> = {}): HostApi {
  return validatedHost({
    getAppInfo: () => Promise.resolve({ kind: 'web', version: 'test', platform: 'test', keyStore: 'passphrase' }),
    saveFile: () => Promise.resolve(null),
    openFiles: () => Promise.resolve([]),
    keyStoreStatus: () => Promise.resolve({ available: true, unlocked: false, initialised: false }),
    unlockKeyStore: () => Promise.resolve({ unlocked: true }),
    storeSecret: () => Promise.resolve({ stored: true as const }),
    loadSecret: () => Promise.resolve(null),
    deleteSecret: () => Promise.resolve({ deleted: false }),
    ...overrides,
  });
}
