/**
 * Writing a backup: every row of a dump encoded (codec.ts), deflated and hashed as it goes, then
 * sealed under the device key or a passphrase with the header as associated data (format.ts).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { Deflate } from 'fflate';
import { concatBytes, fromHex, toHex, u32be, utf8 } from '../bundle/bytes';
import { canonicalJsonBytes } from '../bundle/canonical-json';
import { randomBytes, type CryptoSuite } from '../bundle/crypto';
import { deriveKey } from '../ledger/key-backup';
import { DutyBookError } from '../errors/errors';
import { LOCAL_PROFILE_ID } from '../domain/org';
import type { DutyBookDb } from '../store/db';
import { encodeValue, RowCodecError } from './codec';
import { dumpDatabase, type DatabaseDump } from './dump';
import {
  DB_BACKUP_FORMAT,
  DB_BACKUP_ITERATIONS,
  headerSchema,
  keyCheck,
  MAGIC,
  MAX_PLAIN_BYTES,
  ROWS_FORMAT,
  suiteOf,
  type BackupHeader,
  type BackupKey,
  type BackupReason,
} from './format';

export type CreateBackupOptions = BackupKey & {
  reason: BackupReason;
  /** Default: now. */
  now?: Date;
  suite?: CryptoSuite;
  /** Tests: fewer PBKDF2 rounds are refused below DB_BACKUP_ITERATIONS, so only more. */
  iterations?: number;
};

/** A backup file of the whole database. */
export async function createBackup(db: DutyBookDb, options: CreateBackupOptions): Promise<Uint8Array> {
  return encodeBackup(await dumpDatabase(db), options);
}

function whoOf(dump: DatabaseDump): BackupHeader['who'] {
  const profile = dump.tables.find((t) => t.name === 'profile')?.rows.find(
    (r) => typeof r === 'object' && r !== null && (r as { id?: unknown }).id === LOCAL_PROFILE_ID,
  ) as { name?: unknown; unitName?: unknown; roles?: unknown } | undefined;
  const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
  const roles = Array.isArray(profile?.roles) ? profile.roles.filter((r): r is string => typeof r === 'string') : [];
  return { name: str(profile?.name, 100), unitName: str(profile?.unitName, 200), roles: roles.slice(0, 10).map((r) => r.slice(0, 20)) };
}

/** The backup file of a dump (from `dumpDatabase` or, before an upgrade, `dumpRawDatabase`). */
export async function encodeBackup(dump: DatabaseDump, options: CreateBackupOptions): Promise<Uint8Array> {
  const suite = await suiteOf(options.suite);
  // The rows, deflated as they are encoded; the hash over the plain text as it goes.
  const compressed: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => compressed.push(chunk));
  const hash = sha256.create();
  let plainBytes = 0;
  const emit = (text: string) => {
    const bytes = utf8(text);
    plainBytes += bytes.length;
    if (plainBytes > MAX_PLAIN_BYTES) throw new DutyBookError('file-too-large', 'the database is too large to back up in one file');
    hash.update(bytes);
    deflate.push(bytes);
  };
  const meta = {
    format: ROWS_FORMAT,
    schemaVersion: dump.schemaVersion,
    tables: dump.tables.map((t) => ({ name: t.name, keyPath: t.keyPath, rows: t.rows.length })),
  };
  emit(new TextDecoder().decode(canonicalJsonBytes(meta)) + '\n');
  for (const t of dump.tables) {
    let batch = '';
    for (const row of t.rows) {
      try {
        batch += JSON.stringify(encodeValue(row)) + '\n';
      } catch (e) {
        if (e instanceof RowCodecError) throw new DutyBookError('internal', `table ${t.name}: ${e.message}`);
        throw e;
      }
      if (batch.length > 256 * 1024) {
        emit(batch);
        batch = '';
      }
    }
    if (batch) emit(batch);
  }
  deflate.push(new Uint8Array(0), true);
  const payload = concatBytes(hash.digest(), ...compressed);

  let key: Uint8Array;
  let keyField: BackupHeader['key'];
  if ('key' in options) {
    if (options.key.length !== 32) throw new DutyBookError('internal', 'a backup key has 32 bytes');
    key = options.key;
    keyField = { kind: 'device', check: keyCheck(key) };
  } else {
    if (options.passphrase.length < 8) {
      throw new DutyBookError('validation', 'backup passphrase too short', { reason: '备份口令至少需要8个字符' });
    }
    const salt = randomBytes(16);
    const iterations = options.iterations ?? DB_BACKUP_ITERATIONS;
    key = await deriveKey(options.passphrase, salt, iterations);
    keyField = { kind: 'passphrase', kdf: 'PBKDF2-SHA-256', iterations, salt: toHex(salt), check: keyCheck(key) };
  }
  const tables: Record<string, number> = {};
  for (const t of dump.tables) tables[t.name] = t.rows.length;
  const header = headerSchema.parse({
    format: DB_BACKUP_FORMAT,
    v: 1,
    key: keyField,
    aead: { name: 'AES-256-GCM', nonce: toHex(randomBytes(12)) },
    createdAt: (options.now ?? new Date()).toISOString(),
    reason: options.reason,
    schemaVersion: dump.schemaVersion,
    who: whoOf(dump),
    tables,
    plainBytes,
  });
  const headerBytes = canonicalJsonBytes(header);
  const aad = concatBytes(MAGIC, u32be(headerBytes.length), headerBytes);
  const aead = await suite.aesGcmKey(key);
  const ciphertext = await aead.encrypt(fromHex(header.aead.nonce), payload, aad);
  return concatBytes(aad, ciphertext);
}
