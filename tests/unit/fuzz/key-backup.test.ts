/**
 * Fuzz: key backup files (.dutykey), as 同步 → 密钥备份 → 恢复 reads them: `readKeyBackupHint` (whose
 * backup it is, before the passphrase) and `restoreKeyBackup`. From a real backup made by the real
 * path: damaged bytes (never restored), random files, and backups encrypted under the right
 * passphrase whose decrypted contents are wrong (a faulty writer): a clear SyncError every time.
 * Restoring costs one PBKDF2 of 600,000 rounds per file that parses, so those runs are few.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromHex, toHex, utf8 } from '../../../shared/bundle/bytes';
import { canonicalJsonBytes, parseCanonicalJson, type JsonValue } from '../../../shared/bundle/canonical-json';
import { randomBytes, type CryptoSuite } from '../../../shared/bundle/crypto';
import {
  exportKeyBackup,
  generateDeviceKeys,
  readKeyBackupHint,
  restoreKeyBackup,
  type DeviceKeys,
} from '../../../shared/sync';
import { suite } from '../sync/model/harness';
import {
  equalBytes,
  MemoryProbe,
  MiB,
  mutatedBytes,
  mutatedJson,
  randomBytesAfter,
  read,
  wellTypedJson,
} from './fuzz';

const PASSPHRASE = '正确的备份口令2026';
const memory = new MemoryProbe();
let s: CryptoSuite;
let keys: DeviceKeys;
let backup: Uint8Array;
let cases = 0;
let derivations = 0;

const opts = (seed: number, numRuns: number) => ({ seed, numRuns, timeout: 20_000 });

beforeAll(async () => {
  s = await suite();
  keys = await generateDeviceKeys(s);
  backup = await exportKeyBackup(s, {
    contents: { personId: 'O1', keys },
    passphrase: PASSPHRASE,
    personName: '张三',
  });
});

afterAll(() => {
  expect(memory.peak).toBeLessThan(64 * MiB);
  if (process.env.FUZZ_REPORT)
    console.log(
      `key backup fuzz: ${cases} cases (${derivations} key derivations), peak ${(memory.peak / MiB).toFixed(1)} MiB`,
    );
});

describe('key backups', () => {
  test('the readable hint of damaged backups and random files: a SyncError, or a short name and fingerprint', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 3, arbitrary: mutatedBytes(backup) },
          randomBytesAfter(backup.subarray(0, 12), 1024),
        ),
        async (m) => {
          cases++;
          const r = await read(`readKeyBackupHint (${m.how})`, () => readKeyBackupHint(m.bytes));
          if (r.ok) {
            expect([...r.value.personName].length, m.how).toBeLessThanOrEqual(50);
            expect(r.value.fingerprint.length, m.how).toBeLessThanOrEqual(20);
          }
          memory.sample();
        },
      ),
      opts(0xbac01, 300),
    );
  });

  test('restoring a damaged backup with the right passphrase: always a SyncError, never keys', async () => {
    // Besides any damage, damage that still parses: one hex digit of the salt, nonce or ciphertext
    // changed, or the rounds changed (each such case costs a key derivation).
    const text = new TextDecoder().decode(backup);
    const hexDigits: number[] = [];
    for (const field of ['ciphertext', 'nonce', 'salt']) {
      const start = text.indexOf(`"${field}":"`) + field.length + 4;
      for (let k = start; text[k] !== '"'; k++) hexDigits.push(k);
    }
    const parsesStill = fc.oneof(
      fc.tuple(fc.constantFrom(...hexDigits), fc.constantFrom(...'0123456789abcdef')).map(([k, d]) => {
        const bytes = backup.slice();
        bytes[k] = d.charCodeAt(0);
        return { how: `hex digit ${k} := ${d}`, bytes };
      }),
      fc.constantFrom('600001', '700000').map((n) => ({
        how: `iterations ${n}`,
        bytes: utf8(text.replace('"iterations":600000', `"iterations":${n}`)),
      })),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 9, arbitrary: mutatedBytes(backup) }, parsesStill), async (m) => {
        cases++;
        fc.pre(!equalBytes(m.bytes, backup));
        const parses = (await read('hint', () => readKeyBackupHint(m.bytes))).ok;
        if (parses) derivations++;
        const r = await read(`restoreKeyBackup (${m.how})`, () => restoreKeyBackup(s, m.bytes, PASSPHRASE));
        expect(r.ok, m.how).toBe(false);
        memory.sample();
      }),
      opts(0xbac02, 60),
    );
  });

  test('a backup correctly encrypted under the passphrase but holding wrong contents: a SyncError, or valid keys', async () => {
    // The same header (salt, iterations) as the real backup, so one derived key serves every case.
    const header = parseCanonicalJson(backup) as Record<string, JsonValue>;
    const { ciphertext: _c, ...rest } = header;
    const kdf = rest.kdf as { salt: string; iterations: number };
    const bits = await crypto.subtle.deriveBits(
      {
        name: 'PBKDF2',
        hash: 'SHA-256',
        salt: fromHex(kdf.salt) as BufferSource,
        iterations: kdf.iterations,
      },
      await crypto.subtle.importKey(
        'raw',
        utf8(PASSPHRASE.normalize('NFC')) as BufferSource,
        'PBKDF2',
        false,
        ['deriveBits'],
      ),
      256,
    );
    const aead = await s.aesGcmKey(new Uint8Array(bits));
    const secrets = {
      personId: 'O1',
      signingSeed: toHex(keys.signing.seed),
      encryptionSeed: toHex(keys.encryption.seed),
    };
    const plaintexts = fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .oneof(mutatedJson(secrets), wellTypedJson(secrets))
          .map((m) => ({ how: m.how, bytes: utf8(JSON.stringify(m.value)) })),
      },
      mutatedBytes(canonicalJsonBytes(secrets)),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ how: 'random', bytes })),
    );
    await fc.assert(
      fc.asyncProperty(plaintexts, async (p) => {
        cases++;
        derivations++;
        const head = { ...rest, aead: { name: 'AES-256-GCM', nonce: toHex(randomBytes(12)) } };
        const ciphertext = await aead.encrypt(fromHex(head.aead.nonce), p.bytes, canonicalJsonBytes(head));
        const file = canonicalJsonBytes({ ...head, ciphertext: toHex(ciphertext) });
        const r = await read(`restoreKeyBackup (${p.how})`, () => restoreKeyBackup(s, file, PASSPHRASE));
        if (r.ok) {
          expect(r.value.keys.signing.pub, p.how).toEqual(
            await s.ed25519PublicKey(r.value.keys.signing.seed),
          );
          expect(r.value.keys.signing.seed, p.how).toHaveLength(32);
        }
        memory.sample();
      }),
      opts(0xbac03, 10),
    );
  });
});
