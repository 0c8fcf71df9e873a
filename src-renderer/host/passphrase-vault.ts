/**
 * The browser preview's private-key store: secrets encrypted at rest with AES-256-GCM under a key
 * derived from the user's passphrase (PBKDF2-SHA-256, 600,000 iterations — OWASP's 2023 figure),
 * kept in an IndexedDB database of its own. The derived key lives only in memory and is
 * non-extractable; a reload locks the vault again. Electron uses the OS key store (safeStorage) instead.
 */
import Dexie, { type Table } from 'dexie';
import { DutyBookError } from '../../shared/errors/errors';

type VaultMeta = { id: 'vault'; salt: Uint8Array; iterations: number; checkIv: Uint8Array; check: Uint8Array };
type VaultSecret = { name: string; iv: Uint8Array; ciphertext: Uint8Array };

const CHECK_PLAINTEXT = new TextEncoder().encode('dutybook-vault-check-v1');
export const VAULT_ITERATIONS = 600_000;

class VaultDb extends Dexie {
  meta!: Table<VaultMeta, string>;
  secrets!: Table<VaultSecret, string>;
  constructor(name: string, deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, deps);
    // 2026-11-23 v1: one meta row (salt, iteration count, a check value) and the encrypted secrets.
    this.version(1).stores({ meta: 'id', secrets: 'name' });
  }
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function aad(name: string): Uint8Array {
  // The secret's name is bound into the ciphertext, so rows cannot be swapped between names.
  return new TextEncoder().encode(`dutybook-secret:${name}`);
}

export class PassphraseVault {
  private readonly db: VaultDb;
  private key: CryptoKey | null = null;

  constructor(dbName = 'dutybook-keys', deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    this.db = new VaultDb(dbName, deps);
  }

  async status(): Promise<{ available: boolean; unlocked: boolean; initialised: boolean }> {
    const meta = await this.db.meta.get('vault');
    return { available: true, unlocked: this.key !== null, initialised: meta !== undefined };
  }

  /** First call sets the passphrase; later calls must give the same one. */
  async unlock(passphrase: string, iterations = VAULT_ITERATIONS): Promise<{ unlocked: boolean }> {
    const meta = await this.db.meta.get('vault');
    if (!meta) {
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const key = await deriveKey(passphrase, salt, iterations);
      const checkIv = crypto.getRandomValues(new Uint8Array(12));
      const check = new Uint8Array(
        await crypto.subtle.encrypt({ name: 'AES-GCM', iv: checkIv }, key, CHECK_PLAINTEXT),
      );
      await this.db.meta.put({ id: 'vault', salt, iterations, checkIv, check });
      this.key = key;
      return { unlocked: true };
    }
    const key = await deriveKey(passphrase, meta.salt, meta.iterations);
    try {
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: meta.checkIv as BufferSource }, key, meta.check as BufferSource);
    } catch {
      throw new DutyBookError('key-store-locked', 'wrong passphrase', { reason: 'wrong-passphrase' });
    }
    this.key = key;
    return { unlocked: true };
  }

  lock(): void {
    this.key = null;
  }

  private requireKey(): CryptoKey {
    if (!this.key) throw new DutyBookError('key-store-locked', 'key store is locked', { reason: 'locked' });
    return this.key;
  }

  async store(name: string, secret: Uint8Array): Promise<{ stored: true }> {
    const key = this.requireKey();
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ciphertext = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: aad(name) as BufferSource },
        key,
        secret as BufferSource,
      ),
    );
    await this.db.secrets.put({ name, iv, ciphertext });
    return { stored: true };
  }

  async load(name: string): Promise<Uint8Array<ArrayBuffer> | null> {
    const key = this.requireKey();
    const row = await this.db.secrets.get(name);
    if (!row) return null;
    try {
      return new Uint8Array(
        await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: row.iv as BufferSource, additionalData: aad(name) as BufferSource },
          key,
          row.ciphertext as BufferSource,
        ),
      );
    } catch (cause) {
      throw new DutyBookError('storage-corrupt', `stored secret ${name} cannot be decrypted`, { name }, { cause });
    }
  }

  async delete(name: string): Promise<{ deleted: boolean }> {
    const existed = (await this.db.secrets.get(name)) !== undefined;
    await this.db.secrets.delete(name);
    return { deleted: existed };
  }

  close(): void {
    this.db.close();
  }
}
