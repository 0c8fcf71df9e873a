import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeyStore, type KeyStoreDeps } from '../../../src-main/keys';
import type { DutyBookError } from '../../../shared/errors/errors';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dutybook-keys-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * A stand-in for Electron's safeStorage interface: "encrypts" by XOR and a tag, which is enough to prove
 * that what reaches the disk is the ciphertext safeStorage returned, never the secret itself.
 */
function fakeSafeStorage(options: { available?: boolean; backend?: string; reEncrypt?: boolean } = {}) {
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(options.available ?? true)),
    getSelectedStorageBackend: vi.fn(() => options.backend ?? 'gnome_libsecret'),
    encryptStringAsync: vi.fn((plain: string) => Promise.resolve(Buffer.concat([Buffer.from('ENC:'), xor(Buffer.from(plain))]))),
    decryptStringAsync: vi.fn((cipher: Buffer) => {
      if (!cipher.subarray(0, 4).equals(Buffer.from('ENC:'))) return Promise.reject(new Error('bad cipher'));
      return Promise.resolve({ result: xor(cipher.subarray(4)).toString(), shouldReEncrypt: options.reEncrypt ?? false });
    }),
  };
}

function store(safeStorage = fakeSafeStorage(), platform: NodeJS.Platform = 'linux') {
  const deps = { safeStorage, dir: () => join(dir, 'keys'), platform } as unknown as KeyStoreDeps;
  return createKeyStore<undefined>(deps);
}

const secret = new TextEncoder().encode('-----BEGIN PRIVATE KEY----- 私钥');

describe('key store', () => {
  it('stores encrypted, reads back the same bytes, and never writes the secret in the clear', async () => {
    const keys = store();
    await expect(keys.storeSecret({ name: 'signing-key', secret }, undefined)).resolves.toEqual({ stored: true });
    const file = join(dir, 'keys', 'signing-key.bin');
    const raw = await readFile(file);
    expect(raw.includes(Buffer.from(secret))).toBe(false);
    expect(raw.includes(Buffer.from(Buffer.from(secret).toString('base64')))).toBe(false);
    expect(raw.subarray(0, 7).toString()).toBe('DBKEY1\n');
    expect(await keys.loadSecret({ name: 'signing-key' }, undefined)).toEqual(new Uint8Array(secret));
    expect(await readdir(join(dir, 'keys'))).toEqual(['signing-key.bin']);
  });

  it.skipIf(process.platform === 'win32')('keeps key files private to the user', async () => {
    await store().storeSecret({ name: 'k', secret }, undefined);
    expect((await stat(join(dir, 'keys', 'k.bin'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'keys'))).mode & 0o777).toBe(0o700);
  });

  it('replaces an earlier secret under the same name', async () => {
    const keys = store();
    await keys.storeSecret({ name: 'k', secret }, undefined);
    await keys.storeSecret({ name: 'k', secret: new Uint8Array([7]) }, undefined);
    expect(await keys.loadSecret({ name: 'k' }, undefined)).toEqual(new Uint8Array([7]));
  });

  it('returns null for a key that was never stored, and deletes with a truthful flag', async () => {
    const keys = store();
    expect(await keys.loadSecret({ name: 'nothing' }, undefined)).toBeNull();
    await keys.storeSecret({ name: 'k', secret }, undefined);
    expect(await keys.deleteSecret({ name: 'k' }, undefined)).toEqual({ deleted: true });
    expect(await keys.deleteSecret({ name: 'k' }, undefined)).toEqual({ deleted: false });
    expect(await keys.loadSecret({ name: 'k' }, undefined)).toBeNull();
  });

  it('refuses to store (and writes nothing) when the OS cannot encrypt', async () => {
    const safeStorage = fakeSafeStorage({ available: false });
    const keys = store(safeStorage);
    const error = (await keys.storeSecret({ name: 'k', secret }, undefined).catch((e: unknown) => e)) as DutyBookError;
    expect(error.code).toBe('host-unavailable');
    expect(error.message).toMatch(/plaintext/);
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
    await expect(readdir(join(dir, 'keys'))).rejects.toThrow();
    expect(await keys.keyStoreStatus(undefined, undefined)).toEqual({ available: false, unlocked: false, initialised: false });
    expect(await keys.unlockKeyStore({ passphrase: 'whatever-long' }, undefined)).toEqual({ unlocked: false });
  });

  it("treats Linux's basic_text backend (a hard-coded key) as unavailable", async () => {
    const keys = store(fakeSafeStorage({ backend: 'basic_text' }), 'linux');
    expect((await keys.storeSecret({ name: 'k', secret }, undefined).catch((e: unknown) => e)) as DutyBookError).toMatchObject({
      code: 'host-unavailable',
    });
    // The backend query is Linux-only; other platforms never consult it.
    const windows = fakeSafeStorage({ backend: 'basic_text' });
    await expect(store(windows, 'win32').storeSecret({ name: 'k', secret }, undefined)).resolves.toEqual({ stored: true });
    expect(windows.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('reports an available OS store as initialised and unlocked; unlocking is a no-op', async () => {
    const keys = store();
    expect(await keys.keyStoreStatus(undefined, undefined)).toEqual({ available: true, unlocked: true, initialised: true });
    expect(await keys.unlockKeyStore({ passphrase: 'ignored-passphrase' }, undefined)).toEqual({ unlocked: true });
  });

  it('reports tampered or foreign key files as corrupt', async () => {
    const keys = store();
    await keys.storeSecret({ name: 'k', secret }, undefined);
    await writeFile(join(dir, 'keys', 'k.bin'), 'plaintext key');
    expect(((await keys.loadSecret({ name: 'k' }, undefined).catch((e: unknown) => e)) as DutyBookError).code).toBe('storage-corrupt');
    await writeFile(join(dir, 'keys', 'k.bin'), Buffer.concat([Buffer.from('DBKEY1\n'), Buffer.from('garbage')]));
    expect(((await keys.loadSecret({ name: 'k' }, undefined).catch((e: unknown) => e)) as DutyBookError).code).toBe('storage-corrupt');
  });

  it('re-encrypts when the OS says its key was rotated', async () => {
    const safeStorage = fakeSafeStorage({ reEncrypt: true });
    const keys = store(safeStorage);
    await keys.storeSecret({ name: 'k', secret }, undefined);
    expect(await keys.loadSecret({ name: 'k' }, undefined)).toEqual(new Uint8Array(secret));
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledTimes(2);
  });

  it('refuses key names that would leave the keys folder even if called without IPC validation', async () => {
    const keys = store();
    for (const name of ['../escape', 'a/b', '..', '']) {
      const error = (await keys.storeSecret({ name, secret }, undefined).catch((e: unknown) => e)) as DutyBookError;
      expect(error.code, name).toBe('validation');
    }
    expect(await readdir(dir)).toEqual([]);
  });
});
