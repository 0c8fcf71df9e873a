/**
 * Backups of the whole database (.dbbak): every table, every row, exactly; compressed, encrypted,
 * verified completely before a restore touches anything, and restored in ONE transaction.
 *
 * This file is the format: the layout, the header and how a key is told right from wrong. Reading
 * the rows out is dump.ts, writing a file encode.ts, verifying one decode.ts, putting it back restore.ts.
 *
 * File layout:
 *   MAGIC                 "DUTYBOOK-DBBAK\n" (15 bytes; tells a backup from any other file)
 *   u32be headerLength    at most 16 KiB
 *   header                canonical JSON (below), readable without the key — listing shows it
 *   ciphertext            AES-256-GCM(key, header.aead.nonce, payload, AAD = everything before it)
 *   payload               SHA-256(plain) (32 bytes) ‖ DEFLATE(plain)
 *   plain                 UTF-8 lines: line 1 {"format":"dutybook-db-rows","schemaVersion":n,
 *                         "tables":[{"name","keyPath","rows"}]} (canonical JSON); then each table's
 *                         rows in that order, one row per line, in the tagged JSON of codec.ts.
 *
 * header = { format: 'dutybook-db-backup', v: 1,
 *            key: { kind: 'device', check } | { kind: 'passphrase', kdf: 'PBKDF2-SHA-256', iterations, salt, check },
 *            aead: { name: 'AES-256-GCM', nonce }, createdAt, reason, schemaVersion,
 *            who: { name, unitName, roles }, tables: { name: rows }, plainBytes }
 * `check` is the first 8 bytes of SHA-256("dutybook-db-backup-check" ‖ key), hex: it tells a wrong
 * passphrase (or another device's backup key) from a damaged file without weakening the key (a
 * guess costs the same PBKDF2 either way). The header is the AEAD's associated data, so a changed
 * count, name or version makes the file fail as damaged; the SHA-256 inside checks the inflated
 * text end to end.
 *
 * Keys: automatic backups use a random 32-byte device key (automatic.ts keeps it in the host's
 * secret store); files the user takes away use a passphrase, PBKDF2-HMAC-SHA-256 with 600,000
 * rounds as the key backup (shared/ledger/key-backup.ts) — WebCrypto has PBKDF2 natively on every
 * runtime we target (scrypt it has not; pure-JS scrypt at a comparable cost takes seconds and
 * 64+ MiB in the browser), and one KDF for every passphrase file of the app is one thing to audit.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { concatBytes, readU32be, toHex, utf8 } from '../bundle/bytes';
import { isJsonObject, parseCanonicalJson } from '../bundle/canonical-json';
import { detectSuite, type CryptoSuite } from '../bundle/crypto';
import { DutyBookError, type ErrorCode } from '../errors/errors';
import { DB_BACKUP_MAGIC, FILE_LIMITS } from '../host/file-limits';

export const DB_BACKUP_FORMAT = 'dutybook-db-backup';
export const DB_BACKUP_EXTENSION = 'dbbak';
export const DB_BACKUP_ITERATIONS = 600_000;
export const MAGIC = DB_BACKUP_MAGIC;
const MAX_HEADER_BYTES = 16 * 1024;
const MAX_ITERATIONS = 10_000_000;
/** The largest backup file read, and the most its rows may inflate to. */
export const MAX_DB_BACKUP_BYTES = FILE_LIMITS['db-backup'].maxBytes;
export const MAX_PLAIN_BYTES = 1024 * 1024 * 1024;
export const ROWS_FORMAT = 'dutybook-db-rows';

export const BACKUP_REASONS = ['daily', 'pre-import', 'pre-upgrade', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const REASON_LABELS: Record<BackupReason, string> = {
  daily: '每日',
  'pre-import': '导入前',
  'pre-upgrade': '升级前',
  manual: '手动',
};

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
export const tableName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
export const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const headerSchema = z.strictObject({
  format: z.literal(DB_BACKUP_FORMAT),
  v: z.literal(1),
  key: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('device'), check: hex(8) }),
    z.strictObject({
      kind: z.literal('passphrase'),
      kdf: z.literal('PBKDF2-SHA-256'),
      iterations: z.number().int().min(DB_BACKUP_ITERATIONS).max(MAX_ITERATIONS),
      salt: hex(16),
      check: hex(8),
    }),
  ]),
  aead: z.strictObject({ name: z.literal('AES-256-GCM'), nonce: hex(12) }),
  createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/),
  reason: z.enum(BACKUP_REASONS),
  schemaVersion: z.number().int().min(1).max(1_000_000),
  who: z.strictObject({
    name: z.string().max(100),
    unitName: z.string().max(200),
    roles: z.array(z.string().max(20)).max(10),
  }),
  tables: z.record(tableName, count).refine((t) => Object.keys(t).length <= 200),
  plainBytes: z.number().int().nonnegative().max(MAX_PLAIN_BYTES),
});

export type BackupHeader = z.output<typeof headerSchema>;

/** What a verified (or, from `readBackupHeader`, merely readable) backup says about itself. */
export type BackupSummary = {
  createdAt: string;
  reason: BackupReason;
  schemaVersion: number;
  keyKind: 'device' | 'passphrase';
  who: { name: string; unitName: string; roles: string[] };
  /** Rows per table. */
  tables: Record<string, number>;
  /** All rows. */
  rows: number;
  fileBytes: number;
};

/** How a backup is keyed: the device backup key (32 bytes) or a passphrase the user types. */
export type BackupKey = { key: Uint8Array } | { passphrase: string };

export class BackupError extends DutyBookError {
  constructor(code: Extract<ErrorCode, `backup-${string}`>, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
    this.name = 'BackupError';
  }
}

export const fail = (code: Extract<ErrorCode, `backup-${string}`>, why: string, details: Record<string, unknown> = {}) =>
  new BackupError(code, why, details);

// ---- Keys ----

/** The header's `check` of a key (see above): tells a wrong key from a damaged file. */
export function keyCheck(key: Uint8Array): string {
  return toHex(sha256(concatBytes(utf8('dutybook-db-backup-check'), key)).subarray(0, 8));
}

export async function suiteOf(suite?: CryptoSuite): Promise<CryptoSuite> {
  return suite ?? detectSuite();
}

// ---- The header ----

function startsWithMagic(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) return false;
  return true;
}

/** The header, checked for shape only (not yet authenticated). `prefix` may be the file's start. */
export function parseHeader(prefix: Uint8Array, currentVersion: number): { header: BackupHeader; end: number } {
  if (!startsWithMagic(prefix)) throw fail('backup-unrecognised', 'no backup magic');
  if (prefix.length < MAGIC.length + 4) throw fail('backup-damaged', 'file ends in the header');
  const len = readU32be(prefix, MAGIC.length);
  if (len > MAX_HEADER_BYTES) throw fail('backup-damaged', `header length ${len}`);
  const end = MAGIC.length + 4 + len;
  if (prefix.length < end) throw fail('backup-damaged', 'file ends in the header');
  let value: unknown;
  try {
    value = parseCanonicalJson(prefix.subarray(MAGIC.length + 4, end));
  } catch {
    throw fail('backup-damaged', 'header is not canonical JSON');
  }
  if (!isJsonObject(value) || value.format !== DB_BACKUP_FORMAT) throw fail('backup-unrecognised', 'not a database backup');
  if (typeof value.v === 'number' && value.v > 1) throw fail('backup-too-new', `file format v${value.v}`, { fileVersion: value.v });
  const header = headerSchema.safeParse(value);
  if (!header.success) throw fail('backup-damaged', `bad header: ${header.error.issues[0]?.message ?? ''}`);
  if (header.data.schemaVersion > currentVersion) {
    throw fail('backup-too-new', `schema ${header.data.schemaVersion} > ${currentVersion}`, {
      found: header.data.schemaVersion,
      supported: currentVersion,
    });
  }
  return { header: header.data, end };
}

export function summaryOf(header: BackupHeader, fileBytes: number): BackupSummary {
  return {
    createdAt: header.createdAt,
    reason: header.reason,
    schemaVersion: header.schemaVersion,
    keyKind: header.key.kind,
    who: header.who,
    tables: { ...header.tables },
    rows: Object.values(header.tables).reduce((a, b) => a + b, 0),
    fileBytes,
  };
}

/**
 * What a backup says about itself, from its first bytes (the header) — NOT verified: for listing
 * automatic backups. `inspectBackup` verifies.
 */
export function readBackupHeader(prefix: Uint8Array, fileBytes = prefix.length): BackupSummary {
  return summaryOf(parseHeader(prefix, Number.MAX_SAFE_INTEGER).header, fileBytes);
}
