import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PassphraseVault, VAULT_ITERATIONS } from '../../../src-renderer/host/passphrase-vault';
import { DutyBookError } from '../../../shared/errors/errors';

// Fewer PBKDF2 rounds keep the suite quick; the production count is a constant checked below.
const ROUNDS = 1_000;
let n = 0;
const vaults: PassphraseVault[] = [];
function fresh(name = `vault-${++n}`) {
  const v = new PassphraseVault(name);
  vaults.push(v);
  return v;
}
afterEach(() => vaults.splice(0).forEach((v) => v.close()));

describe('PassphraseVault (the browser preview key store)', () => {
  it('derives its key with at least 600,000 PBKDF2 rounds in production', () => {
    expect(VAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('is locked until a passphrase is set, and stores nothing while locked', async () => {
    const v = fresh();
    expect(await v.status()).toEqual({ available: true, unlocked: false, initialised: false });
    await expect(v.store('signing', new Uint8Array([1]))).rejects.toMatchObject({ code: 'key-store-locked' });
  });

  it('round-trips a secret and keeps it only as ciphertext', async () => {
    const name = `vault-${++n}`;
    const v = fresh(name);
    await v.unlock('correct horse battery', ROUNDS);
    const secret = crypto.getRandomValues(new Uint8Array(32));
    await v.store('signing', secret);
    expect(await v.load('signing')).toEqual(secret);
    expect(await v.load('missing')).toBeNull();

    // Read the raw row: the plaintext bytes must not appear in it.
    const raw = await new Promise<{ ciphertext: Uint8Array }>((resolve) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => {
        const req = open.result.transaction('secrets').objectStore('secrets').get('signing');
        req.onsuccess = () => {
          resolve(req.result as { ciphertext: Uint8Array });
          open.result.close();
        };
      };
    });
    expect(Buffer.from(raw.ciphertext).includes(Buffer.from(secret))).toBe(false);
    expect(raw.ciphertext.byteLength).toBe(32 + 16);
  });

  it('after a reload needs the same passphrase again, and refuses a wrong one', async () => {
    const name = `vault-${++n}`;
    const first = fresh(name);
    await first.unlock('correct horse battery', ROUNDS);
    await first.store('signing', new Uint8Array([7, 8, 9]));
    first.close();

    const second = fresh(name);
    expect(await second.status()).toMatchObject({ initialised: true, unlocked: false });
    const wrong = await second.unlock('wrong passphrase!', ROUNDS).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(DutyBookError);
    expect(wrong).toMatchObject({ code: 'key-store-locked', details: { reason: 'wrong-passphrase' } });
    await second.unlock('correct horse battery', ROUNDS);
    expect(await second.load('signing')).toEqual(new Uint8Array([7, 8, 9]));
  });

  it('binds each secret to its name, so swapped rows fail to decrypt', async () => {
    const name = `vault-${++n}`;
    const v = fresh(name);
    await v.unlock('correct horse battery', ROUNDS);
    await v.store('a', new Uint8Array([1]));
    await v.store('b', new Uint8Array([2]));
    await new Promise<void>((resolve) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => {
        const store = open.result.transaction('secrets', 'readwrite').objectStore('secrets');
        const get = store.get('a');
        get.onsuccess = () => {
          store.put({ ...(get.result as object), name: 'b' });
          store.transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      };
    });
    await expect(v.load('b')).rejects.toMatchObject({ code: 'storage-corrupt' });
  });

  it('deletes, reporting whether anything was there', async () => {
    const v = fresh();
    await v.unlock('correct horse battery', ROUNDS);
    await v.store('x', new Uint8Array([1]));
    expect(await v.delete('x')).toEqual({ deleted: true });
    expect(await v.delete('x')).toEqual({ deleted: false });
  });
});
