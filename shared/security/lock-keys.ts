/**
 * The lock's keys and what they wrap. Setting a password makes a random 32-byte data key and wraps it
 * (AES-256-GCM) under a key derived from the password with scrypt (N = 2^17, r = 8, p = 1 — OWASP's
 * minimum; about 0.8–1.3 s in Chromium and Node on a 2-core PC). Every secret the host stores is then
 * kept as an envelope:
 *   'DBLOCK1\0' | keyId (8) | nonce (12) | AES-256-GCM(dataKey, secret, aad = name + keyId)
 * The record (kept by lock-store.ts) holds the scrypt parameters, the key id and the wrapped data key
 * — never the password; the GCM tag of the wrapped data key is the verifier.
 *
 * Crypto only: no database, no host.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { DutyBookError } from '../errors/errors';
import { bytesEqual, concatBytes, fromHex, toHex, utf8 } from '../bundle/bytes';
import { SECRET_NAMES } from '../ledger/identity';

export type ScryptParams = { N: number; r: number; p: number };
/** OWASP Password Storage Cheat Sheet minimum for scrypt; 128 MiB of memory while it runs. */
export const SCRYPT_DEFAULTS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/**
 * Secrets the lock leaves as they are: the automatic-backup key (BACKUP_KEY_NAME in
 * shared/backup/automatic.ts; the unit test checks the two agree). It must open backups when
 * the database — and with it the lock's record, which holds the wrapped data key — is lost or damaged
 * (the recovery screen), and before a schema upgrade, before anyone could unlock. Leaving it
 * unwrapped gives away nothing the lock protects: the backups hold the database's rows, which are not
 * encrypted on disk either, and never a private key.
 */
const UNWRAPPED_SECRET_NAMES: ReadonlySet<string> = new Set(['backup-key']);

/** Whether `name` passes the lock unwrapped (see UNWRAPPED_SECRET_NAMES). */
export function isUnwrappedSecret(name: string): boolean {
  return UNWRAPPED_SECRET_NAMES.has(name);
}

/**
 * The secrets re-wrapped when a password is set or removed — the host cannot list what it holds, so
 * this is the one list: every name in SECRET_NAMES. A name missing here is still handled:
 * `lockedHost` wraps whatever it stores (and a clear secret on its next read) and notes the name in
 * the record, so removing the password unwraps it too.
 */
export function knownSecretNames(): string[] {
  return Object.values(SECRET_NAMES).filter((n) => !isUnwrappedSecret(n));
}

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const powerOfTwo = (n: number) => Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;

export const recordSchema = z.strictObject({
  v: z.literal(1),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    // Bounded: a damaged row must not make the lock screen allocate gigabytes.
    N: z.number().int().min(2 ** 10).max(2 ** 20).refine(powerOfTwo),
    r: z.number().int().min(1).max(8),
    p: z.number().int().min(1).max(4),
    salt: hex(16),
  }),
  keyId: hex(8),
  wrap: z.strictObject({ nonce: hex(12), ciphertext: hex(48) }),
  idleMinutes: z.number().int().min(1).max(24 * 60),
  names: z.array(z.string().max(64)).max(100),
  setAt: z.string().max(40),
});
export type AppLockRecord = z.output<typeof recordSchema>;

const ENVELOPE_MAGIC = utf8('DBLOCK1\0');
export const KEY_ID_BYTES = 8;
const NONCE_BYTES = 12;

export function isLockedEnvelope(bytes: Uint8Array): boolean {
  return bytes.length > ENVELOPE_MAGIC.length + KEY_ID_BYTES + NONCE_BYTES + 16 && bytesEqual(bytes.subarray(0, 8), ENVELOPE_MAGIC);
}

function secretAad(name: string, keyId: Uint8Array): Uint8Array {
  return concatBytes(utf8(`dutybook-app-lock-secret:${name}:`), keyId);
}

function wrapAad(kdf: AppLockRecord['kdf'], keyId: string): Uint8Array {
  return utf8(`dutybook-app-lock-v1:scrypt:${kdf.N}:${kdf.r}:${kdf.p}:${kdf.salt}:${keyId}`);
}

async function deriveKek(password: string, kdf: AppLockRecord['kdf']): Promise<Uint8Array> {
  return scryptAsync(utf8(password.normalize('NFC')), fromHex(kdf.salt), {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    dkLen: 32,
    maxmem: 2 ** 31,
  });
}

/** The data key the record wraps, or null when `password` is not the one that wrapped it. */
export async function unwrapDataKey(password: string, rec: AppLockRecord): Promise<Uint8Array | null> {
  const kek = await deriveKek(password, rec.kdf);
  let dataKey: Uint8Array | null;
  try {
    dataKey = gcm(kek, fromHex(rec.wrap.nonce), wrapAad(rec.kdf, rec.keyId)).decrypt(fromHex(rec.wrap.ciphertext));
  } catch {
    dataKey = null;
  } finally {
    kek.fill(0);
  }
  return dataKey;
}

/** The data key wrapped under `password` with a fresh salt: the record's `kdf` and `wrap`. */
export async function wrapDataKey(
  password: string,
  dataKey: Uint8Array,
  keyId: string,
  params: ScryptParams,
): Promise<Pick<AppLockRecord, 'kdf' | 'wrap'>> {
  const kdf = { name: 'scrypt' as const, ...params, salt: toHex(randomBytes(16)) };
  const kek = await deriveKek(password, kdf);
  const nonce = randomBytes(NONCE_BYTES);
  const ciphertext = gcm(kek, nonce, wrapAad(kdf, keyId)).encrypt(dataKey);
  kek.fill(0);
  return { kdf, wrap: { nonce: toHex(nonce), ciphertext: toHex(ciphertext) } };
}

/** The data key while unlocked, with the id of the record that wraps it. */
export type Held = { keyId: string; dataKey: Uint8Array };

/** A secret as the envelope the host stores. */
export function seal(held: Held, name: string, secret: Uint8Array): Uint8Array<ArrayBuffer> {
  const keyId = fromHex(held.keyId);
  const nonce = randomBytes(NONCE_BYTES);
  return own(concatBytes(ENVELOPE_MAGIC, keyId, nonce, gcm(held.dataKey, nonce, secretAad(name, keyId)).encrypt(secret)));
}

/** A copy in a plain ArrayBuffer (what the host contract's byte fields are typed as). */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

/** The secret in an envelope; 'storage-corrupt' when it was sealed under another key or changed. */
export function open(held: Held, name: string, envelope: Uint8Array): Uint8Array<ArrayBuffer> {
  const keyId = envelope.subarray(8, 8 + KEY_ID_BYTES);
  if (toHex(keyId) !== held.keyId) {
    throw new DutyBookError('storage-corrupt', `secret ${name} is wrapped under another lock key`, { name });
  }
  const nonce = envelope.subarray(8 + KEY_ID_BYTES, 8 + KEY_ID_BYTES + NONCE_BYTES);
  try {
    return own(gcm(held.dataKey, nonce, secretAad(name, keyId)).decrypt(envelope.subarray(8 + KEY_ID_BYTES + NONCE_BYTES)));
  } catch (cause) {
    throw new DutyBookError('storage-corrupt', `secret ${name} cannot be decrypted`, { name }, { cause });
  }
}
