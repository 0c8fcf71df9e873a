/**
 * Key backup: this install's private keys (and HR's organisation key, on HR's device) exported under
 * a passphrase, to restore on a new PC after a disk failure.
 *
 * Format (canonical JSON, UTF-8):
 *   { format: 'dutybook-key-backup', v: 1,
 *     kdf:  { name: 'PBKDF2-SHA-256', iterations: 600000, salt: <16 bytes hex> },
 *     aead: { name: 'AES-256-GCM', nonce: <12 bytes hex> },
 *     hint: { personName, fingerprint },           // readable without the passphrase
 *     ciphertext: <hex> }
 * The AES key is PBKDF2-HMAC-SHA-256(passphrase as UTF-8 NFC, salt, iterations, 32 bytes) — the
 * parameters of the browser key vault (OWASP 2023: 600,000 iterations), chosen over scrypt because
 * WebCrypto has it natively on every runtime we target (pure-JS @noble PBKDF2 is the fallback). The
 * associated data is the canonical JSON of every field except `ciphertext`, so the header cannot be
 * swapped. The plaintext is canonical JSON { personId, signingSeed, encryptionSeed, hrOrgSeed? }.
 *
 * A restored install keeps the keys but gets a new install id (a new database): counters start
 * again under the new id, so no (install, counter) pair is ever used twice.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { z } from 'zod';
import { fromHex, fromUtf8, toHex, utf8 } from '../bundle/bytes';
import { canonicalJsonBytes, isJsonObject, parseCanonicalJson } from '../bundle/canonical-json';
import { fingerprint, randomBytes, type CryptoSuite } from '../bundle/crypto';
import { SyncError } from './errors';
import { FILE_LIMITS, KEY_BACKUP_FORMAT } from '../host/file-limits';
import type { DeviceKeys, KeyHalf } from './identity';

export const BACKUP_FORMAT = KEY_BACKUP_FORMAT;
export const BACKUP_ITERATIONS = 600_000;
/** Refuse to spend more than this on a file someone handed us. */
const MAX_ITERATIONS = 10_000_000;
const MAX_BACKUP_BYTES = FILE_LIMITS['key-backup'].maxBytes;

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

const headerSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  v: z.literal(1),
  kdf: z.strictObject({
    name: z.literal('PBKDF2-SHA-256'),
    iterations: z.number().int().min(BACKUP_ITERATIONS).max(MAX_ITERATIONS),
    salt: hex(16),
  }),
  aead: z.strictObject({ name: z.literal('AES-256-GCM'), nonce: hex(12) }),
  hint: z.strictObject({ personName: z.string().max(50), fingerprint: z.string().max(20) }),
});

const secretsSchema = z.strictObject({
  personId: z.string().min(1).max(64),
  signingSeed: hex(32),
  encryptionSeed: hex(32),
  hrOrgSeed: hex(32).optional(),
});

export type KeyBackupContents = { personId: string; keys: DeviceKeys; hrOrgKey?: KeyHalf };

/** PBKDF2-HMAC-SHA-256 of the passphrase (UTF-8, NFC): WebCrypto, else @noble. Also used by database backups. */
export async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const password = utf8(passphrase.normalize('NFC'));
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (subtle) {
    try {
      const base = await subtle.importKey('raw', password as BufferSource, 'PBKDF2', false, ['deriveBits']);
      const bits = await subtle.deriveBits(
        { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
        base,
        256,
      );
      return new Uint8Array(bits);
    } catch {
      // fall through to the pure-JS implementation
    }
  }
  return pbkdf2Async(sha256, password, salt, { c: iterations, dkLen: 32 });
}

export async function exportKeyBackup(
  suite: CryptoSuite,
  input: { contents: KeyBackupContents; passphrase: string; personName: string; iterations?: number },
): Promise<Uint8Array> {
  if (input.passphrase.length < 8) throw new SyncError('wrong-passphrase', '备份口令至少需要8个字符');
  const header = headerSchema.parse({
    format: BACKUP_FORMAT,
    v: 1,
    kdf: { name: 'PBKDF2-SHA-256', iterations: input.iterations ?? BACKUP_ITERATIONS, salt: toHex(randomBytes(16)) },
    aead: { name: 'AES-256-GCM', nonce: toHex(randomBytes(12)) },
    hint: { personName: input.personName, fingerprint: fingerprint(input.contents.keys.signing.pub) },
  });
  const { contents } = input;
  const plaintext = canonicalJsonBytes({
    personId: contents.personId,
    signingSeed: toHex(contents.keys.signing.seed),
    encryptionSeed: toHex(contents.keys.encryption.seed),
    ...(contents.hrOrgKey ? { hrOrgSeed: toHex(contents.hrOrgKey.seed) } : {}),
  });
  const key = await suite.aesGcmKey(await deriveKey(input.passphrase, fromHex(header.kdf.salt), header.kdf.iterations));
  const ciphertext = await key.encrypt(fromHex(header.aead.nonce), plaintext, canonicalJsonBytes(header));
  return canonicalJsonBytes({ ...header, ciphertext: toHex(ciphertext) });
}

/** What the file says about itself before the passphrase is entered (for "这是 张三 的密钥备份"). */
export function readKeyBackupHint(bytes: Uint8Array): { personName: string; fingerprint: string } {
  return parseBackup(bytes).header.hint;
}

function parseBackup(bytes: Uint8Array) {
  const unreadable = (why: string) => new SyncError('backup-unreadable', why);
  if (bytes.length > MAX_BACKUP_BYTES) throw unreadable('文件过大,不是履责记实的密钥备份');
  let value: unknown;
  try {
    value = parseCanonicalJson(bytes);
  } catch {
    throw unreadable('不是履责记实的密钥备份文件,或文件已损坏');
  }
  if (!isJsonObject(value) || value.format !== BACKUP_FORMAT) throw unreadable('不是履责记实的密钥备份文件');
  if (value.v !== 1) throw unreadable('密钥备份由较新版本的履责记实生成,请升级软件');
  const { ciphertext, ...rest } = value;
  const header = headerSchema.safeParse(rest);
  if (!header.success || typeof ciphertext !== 'string' || !/^([0-9a-f]{2})+$/.test(ciphertext)) {
    throw unreadable('密钥备份文件内容不完整或格式不正确');
  }
  return { header: header.data, ciphertext: fromHex(ciphertext) };
}

/** Decrypts a key backup; a wrong passphrase (or a changed file) gives 'wrong-passphrase'. */
export async function restoreKeyBackup(
  suite: CryptoSuite,
  bytes: Uint8Array,
  passphrase: string,
): Promise<KeyBackupContents> {
  const { header, ciphertext } = parseBackup(bytes);
  const key = await suite.aesGcmKey(await deriveKey(passphrase, fromHex(header.kdf.salt), header.kdf.iterations));
  const plain = await key.decrypt(fromHex(header.aead.nonce), ciphertext, canonicalJsonBytes(header));
  if (!plain) throw new SyncError('wrong-passphrase', '备份口令不正确,或备份文件已被改动');
  // Authentic (it decrypted under the passphrase) but possibly written by a faulty program.
  let secrets: z.output<typeof secretsSchema>;
  try {
    secrets = secretsSchema.parse(JSON.parse(fromUtf8(plain)));
  } catch {
    throw new SyncError('backup-unreadable', '密钥备份的内容不完整或格式不正确,无法恢复');
  }
  const half = async (seedHex: string, kind: 'ed' | 'x'): Promise<KeyHalf> => {
    const seed = fromHex(seedHex);
    return { seed, pub: kind === 'ed' ? await suite.ed25519PublicKey(seed) : await suite.x25519PublicKey(seed) };
  };
  return {
    personId: secrets.personId,
    keys: { signing: await half(secrets.signingSeed, 'ed'), encryption: await half(secrets.encryptionSeed, 'x') },
    ...(secrets.hrOrgSeed ? { hrOrgKey: await half(secrets.hrOrgSeed, 'ed') } : {}),
  };
}
