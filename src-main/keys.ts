/**
 * Private keys at rest, encrypted by the operating system's key store through Electron's safeStorage
 * (DPAPI on Windows, Keychain on macOS, libsecret/KWallet on Linux). One file per key under
 * <userData>/keys/<name>.bin.
 *
 * 2025 note: Electron 45 deprecates the synchronous encryptString/decryptString/isEncryptionAvailable
 * in favour of the *Async variants used here (same Buffer ciphertext, readable by both). They also keep
 * a slow keyring (D-Bus on Linux) from blocking the main process.
 */
import type { SafeStorage } from 'electron';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { keyName } from '../shared/host/contract';
import { DutyBookError } from '../shared/errors/errors';
import type { HostHandlers } from './ipc';
import { fsErrorToDutyBookError, writeFileAtomic } from './atomic-file';

/** Version header of a key file, so the format can change later without guessing. Never reuse. */
const FILE_MAGIC = Buffer.from('DBKEY1\n', 'ascii');

export type KeyStoreDeps = {
  safeStorage: Pick<
    SafeStorage,
    'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
  >;
  /** <userData>/keys; a function because userData is only final once the app has started. */
  dir: () => string;
  platform: NodeJS.Platform;
};

type KeyHandlers<E> = Pick<
  HostHandlers<E>,
  'keyStoreStatus' | 'unlockKeyStore' | 'storeSecret' | 'loadSecret' | 'deleteSecret'
>;

export function createKeyStore<E>(deps: KeyStoreDeps): KeyHandlers<E> {
  /**
   * On Linux without a keyring Chromium falls back to 'basic_text', a key hard-coded in Chromium: that is
   * plaintext in disguise, so it counts as unavailable.
   */
  const isAvailable = async (): Promise<boolean> => {
    if (!(await deps.safeStorage.isAsyncEncryptionAvailable())) return false;
    return deps.platform !== 'linux' || deps.safeStorage.getSelectedStorageBackend() !== 'basic_text';
  };

  const requireAvailable = async (): Promise<void> => {
    if (await isAvailable()) return;
    throw new DutyBookError(
      'host-unavailable',
      'OS key store unavailable (safeStorage cannot encrypt); refusing to store keys in plaintext',
      { reason: 'os-key-store-unavailable', platform: deps.platform },
    );
  };

  /** Names were validated at the IPC boundary; checked again here because they become file names. */
  const fileOf = (name: string): string => {
    const dir = resolve(deps.dir());
    const file = resolve(dir, `${name}.bin`);
    if (!keyName.safeParse(name).success || !file.startsWith(dir + sep)) {
      throw new DutyBookError('validation', `invalid key name ${JSON.stringify(name)}`, { name });
    }
    return file;
  };

  const writeKey = async (file: string, secret: Uint8Array): Promise<void> => {
    const cipher = await deps.safeStorage.encryptStringAsync(Buffer.from(secret).toString('base64'));
    await mkdir(deps.dir(), { recursive: true, mode: 0o700 }).catch((error: unknown) => {
      throw fsErrorToDutyBookError(error, 'write', deps.dir());
    });
    await writeFileAtomic(file, Buffer.concat([FILE_MAGIC, cipher]), 0o600);
  };

  return {
    keyStoreStatus: async () => {
      const available = await isAvailable();
      // The OS store needs no passphrase: when it works it is set up and open.
      return { available, unlocked: available, initialised: available };
    },

    // Nothing to unlock with the OS store; report whether it can be used.
    unlockKeyStore: async () => ({ unlocked: await isAvailable() }),

    storeSecret: async ({ name, secret }) => {
      await requireAvailable();
      await writeKey(fileOf(name), secret);
      return { stored: true as const };
    },

    loadSecret: async ({ name }) => {
      await requireAvailable();
      const file = fileOf(name);
      let raw: Buffer;
      try {
        raw = await readFile(file);
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT') return null;
        throw fsErrorToDutyBookError(error, 'read', file);
      }
      if (!raw.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)) {
        throw new DutyBookError('storage-corrupt', `key file ${name} has an unknown format`, { name });
      }
      let decrypted: { result: string; shouldReEncrypt: boolean };
      try {
        decrypted = await deps.safeStorage.decryptStringAsync(raw.subarray(FILE_MAGIC.length));
      } catch (error) {
        throw new DutyBookError('storage-corrupt', `key ${name} cannot be decrypted`, { name }, { cause: error });
      }
      const secret = new Uint8Array(Buffer.from(decrypted.result, 'base64'));
      if (decrypted.shouldReEncrypt) {
        // The OS rotated its key; rewrite under the new one. A failure here loses nothing.
        await writeKey(file, secret).catch((error: unknown) => console.warn(`[keys] re-encrypting ${name} failed`, error));
      }
      return secret;
    },

    deleteSecret: async ({ name }) => {
      const file = fileOf(name);
      try {
        await rm(file);
        return { deleted: true };
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT') return { deleted: false };
        throw fsErrorToDutyBookError(error, 'write', file);
      }
    },
  };
}
