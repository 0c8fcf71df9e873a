/**
 * Backups of the whole database (.dbbak): every table, every row, exactly; compressed, encrypted,
 * verified completely before a restore touches anything, and restored in ONE transaction.
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
import { Deflate, Inflate } from 'fflate';
import { z } from 'zod';
import { concatBytes, fromHex, readU32be, toHex, u32be, utf8 } from '../bundle/bytes';
import { canonicalJsonBytes, isJsonObject, parseCanonicalJson } from '../bundle/canonical-json';
import { detectSuite, randomBytes, type CryptoSuite } from '../bundle/crypto';
import { deriveKey } from '../ledger/key-backup';
import { DutyBookError, type ErrorCode } from '../errors/errors';
import { LOCAL_PROFILE_ID } from '../domain/org';
import { formatChineseDateTime } from '../domain/calendar';
import { newId } from '../domain/ids';
import { appendAudit } from '../store/audit';
import { CURRENT_SCHEMA_VERSION, DutyBookDb, openDatabase, SCHEMA_HISTORY, type SchemaStep } from '../store/db';
import { wrapStorageErrors } from '../store/storage-errors';
import { decodeValue, encodeValue, RowCodecError } from './codec';
import { APP_LOCK_META_KEYS } from '../security/app-lock';

export const DB_BACKUP_FORMAT = 'dutybook-db-backup';
export const DB_BACKUP_EXTENSION = 'dbbak';
export const DB_BACKUP_ITERATIONS = 600_000;
const MAGIC = utf8('DUTYBOOK-DBBAK\n');
const MAX_HEADER_BYTES = 16 * 1024;
const MAX_ITERATIONS = 10_000_000;
/** The largest backup file read, and the most its rows may inflate to. */
export const MAX_DB_BACKUP_BYTES = 512 * 1024 * 1024;
export const MAX_PLAIN_BYTES = 1024 * 1024 * 1024;
/** Compressed bytes per inflate step: DEFLATE expands at most ~1032:1, so a step yields ≤ ~4 MiB. */
const INFLATE_SLICE = 4 * 1024;
/** One row's text at most (an organisation's signed roster is a few MB). */
const MAX_ROW_CHARS = 16 * 1024 * 1024;
const ROWS_FORMAT = 'dutybook-db-rows';

export const BACKUP_REASONS = ['daily', 'pre-import', 'pre-upgrade', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const tableName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const headerSchema = z.strictObject({
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

// ---- Tables and rows ----

export type TableDump = { name: string; keyPath: string; rows: unknown[] };
export type DatabaseDump = { schemaVersion: number; tables: TableDump[] };

/** Every table of an open Dexie database, rows in primary-key order. */
export async function dumpDatabase(db: DutyBookDb): Promise<DatabaseDump> {
  return wrapStorageErrors('back up database', () =>
    db.transaction('r', db.tables, async () => {
      const tables: TableDump[] = [];
      for (const t of [...db.tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const keyPath = t.schema.primKey.keyPath;
        if (typeof keyPath !== 'string') throw new Error(`table ${t.name} has no single inbound key`);
        tables.push({ name: t.name, keyPath, rows: await t.toArray() });
      }
      return { schemaVersion: db.verno, tables };
    }),
  );
}

/**
 * Every object store of a database as IndexedDB has it, WITHOUT Dexie and without upgrading it:
 * for the backup taken before a schema upgrade (openDatabase's `beforeUpgrade`).
 */
export function dumpRawDatabase(factory: IDBFactory, name: string): Promise<DatabaseDump> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name);
    req.onupgradeneeded = () => {
      // The database did not exist: abort so that nothing is created.
      req.transaction?.abort();
    };
    req.onerror = () => reject(req.error ?? new Error(`cannot open ${name}`));
    req.onsuccess = () => {
      const idb = req.result;
      const names = Array.from(idb.objectStoreNames).sort();
      const tables: TableDump[] = [];
      let settled = false;
      const done = (e?: Error | null) => {
        if (settled) return;
        settled = true;
        idb.close();
        if (e) reject(e);
        else resolve({ schemaVersion: idb.version / 10, tables });
      };
      if (names.length === 0) return done();
      const tx = idb.transaction(names, 'readonly');
      for (const n of names) {
        const store = tx.objectStore(n);
        const entry: TableDump = { name: n, keyPath: typeof store.keyPath === 'string' ? store.keyPath : '', rows: [] };
        tables.push(entry);
        if (typeof store.keyPath !== 'string') {
          tx.abort();
          return done(new Error(`store ${n} has no single inbound key`));
        }
        const all = store.getAll();
        all.onsuccess = () => {
          entry.rows = all.result;
        };
      }
      tx.oncomplete = () => done();
      tx.onerror = () => done(tx.error ?? new Error('read failed'));
      tx.onabort = () => done(tx.error ?? new Error('read aborted'));
    };
  });
}

// ---- Keys ----

function keyCheck(key: Uint8Array): string {
  return toHex(sha256(concatBytes(utf8('dutybook-db-backup-check'), key)).subarray(0, 8));
}

async function suiteOf(suite?: CryptoSuite): Promise<CryptoSuite> {
  return suite ?? detectSuite();
}

// ---- Writing ----

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

// ---- Reading ----

const fail = (code: Extract<ErrorCode, `backup-${string}`>, why: string, details: Record<string, unknown> = {}) =>
  new BackupError(code, why, details);

type Parsed = { header: BackupHeader; aad: Uint8Array; ciphertext: Uint8Array };

function startsWithMagic(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) return false;
  return true;
}

/** The header, checked for shape only (not yet authenticated). `prefix` may be the file's start. */
function parseHeader(prefix: Uint8Array, currentVersion: number): { header: BackupHeader; end: number } {
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

function parseFile(bytes: Uint8Array, currentVersion: number): Parsed {
  if (bytes.length > MAX_DB_BACKUP_BYTES) throw new DutyBookError('file-too-large', `backup is ${bytes.length} bytes`);
  const { header, end } = parseHeader(bytes, currentVersion);
  // AES-GCM's tag alone is 16 bytes; the payload starts with a 32-byte hash.
  if (bytes.length < end + 16 + 32) throw fail('backup-damaged', 'file is truncated');
  return { header, aad: bytes.subarray(0, end), ciphertext: bytes.subarray(end) };
}

function summaryOf(header: BackupHeader, fileBytes: number): BackupSummary {
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

export type ReadOptions = BackupKey & {
  suite?: CryptoSuite;
  /** The schema history of this app (default SCHEMA_HISTORY); tests pass an older one. */
  schemaHistory?: readonly SchemaStep[];
};

type Decoded = { header: BackupHeader; dump: DatabaseDump; summary: BackupSummary };

/** The tables (and their primary keys) the schema has at `version`; undefined when no step has it. */
export function tablesAtVersion(history: readonly SchemaStep[], version: number): Map<string, string> | undefined {
  if (!history.some((s) => s.version === version)) return undefined;
  const tables = new Map<string, string>();
  for (const step of history) {
    if (step.version > version) break;
    for (const [name, spec] of Object.entries(step.stores)) {
      if (spec === null) tables.delete(name);
      else tables.set(name, spec.split(',')[0]!.trim().replace(/^(\+\+|&)/, ''));
    }
  }
  return tables;
}

/** Decrypts, inflates and parses every row; throws a BackupError before anything is returned. */
async function decode(bytes: Uint8Array, options: ReadOptions, keepRows: boolean): Promise<Decoded> {
  const history = options.schemaHistory ?? SCHEMA_HISTORY;
  const current = history[history.length - 1]!.version;
  const { header, aad, ciphertext } = parseFile(bytes, current);
  const expected = tablesAtVersion(history, header.schemaVersion);
  if (!expected) throw fail('backup-damaged', `schema version ${header.schemaVersion} never existed`);

  let key: Uint8Array;
  if ('key' in options) {
    if (header.key.kind !== 'device') throw fail('backup-wrong-key', 'a passphrase backup', { keyKind: 'passphrase' });
    key = options.key;
    if (keyCheck(key) !== header.key.check) throw fail('backup-wrong-key', 'made under another backup key');
  } else {
    if (header.key.kind !== 'passphrase') throw fail('backup-wrong-key', 'an automatic backup', { keyKind: 'device' });
    key = await deriveKey(options.passphrase, fromHex(header.key.salt), header.key.iterations);
    if (keyCheck(key) !== header.key.check) throw fail('backup-wrong-passphrase', 'wrong passphrase');
  }
  const suite = await suiteOf(options.suite);
  const payload = await (await suite.aesGcmKey(key)).decrypt(fromHex(header.aead.nonce), ciphertext, aad);
  if (!payload) throw fail('backup-damaged', 'authentication failed');
  if (payload.length < 32) throw fail('backup-damaged', 'payload too short');

  // Inflate in slices, never past the size the (authenticated) header declares.
  const hash = sha256.create();
  const reader = new RowReader(keepRows);
  let inflated = 0;
  const inflate = new Inflate((chunk) => {
    inflated += chunk.length;
    if (inflated > header.plainBytes) throw fail('backup-damaged', 'content longer than declared');
    hash.update(chunk);
    reader.push(chunk);
  });
  try {
    const body = payload.subarray(32);
    if (body.length === 0) inflate.push(body, true);
    for (let at = 0; at < body.length; at += INFLATE_SLICE) {
      const end = Math.min(body.length, at + INFLATE_SLICE);
      inflate.push(body.subarray(at, end), end === body.length);
    }
    reader.finish();
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw fail('backup-damaged', `content unreadable: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (inflated !== header.plainBytes) throw fail('backup-damaged', 'content shorter than declared');
  const digest = hash.digest();
  const stored = payload.subarray(0, 32);
  for (let i = 0; i < 32; i++) if (digest[i] !== stored[i]) throw fail('backup-damaged', 'SHA-256 of the content differs');

  const dump = reader.result();
  if (dump.schemaVersion !== header.schemaVersion) throw fail('backup-damaged', 'schema versions disagree');
  const names = dump.tables.map((t) => t.name);
  if (names.length !== Object.keys(header.tables).length || names.length !== expected.size) {
    throw fail('backup-damaged', 'tables differ from the schema');
  }
  for (const t of dump.tables) {
    if (header.tables[t.name] !== reader.counts.get(t.name)) throw fail('backup-damaged', `row count of ${t.name}`);
    if (expected.get(t.name) !== t.keyPath) throw fail('backup-damaged', `table ${t.name} is not in schema ${dump.schemaVersion}`);
  }
  return { header, dump, summary: summaryOf(header, bytes.length) };
}

/** Splits the inflated text into lines and checks every row as it arrives. */
class RowReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** The start of a line that has not ended yet, in pieces (never re-scanned). */
  private parts: string[] = [];
  private partsLength = 0;
  private meta: { schemaVersion: number; tables: { name: string; keyPath: string; rows: number }[] } | null = null;
  private table = 0;
  private readonly tables: TableDump[] = [];
  readonly counts = new Map<string, number>();

  constructor(private readonly keep: boolean) {}

  push(chunk: Uint8Array): void {
    const text = this.decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const piece = text.slice(start, nl);
      const line = this.parts.length > 0 ? this.parts.join('') + piece : piece;
      this.parts = [];
      this.partsLength = 0;
      this.line(line);
      start = nl + 1;
    }
    if (start < text.length) {
      this.parts.push(text.slice(start));
      this.partsLength += text.length - start;
      if (this.partsLength > MAX_ROW_CHARS) throw fail('backup-damaged', 'a row longer than the limit');
    }
  }

  finish(): void {
    if (this.decoder.decode() !== '' || this.parts.length > 0) throw fail('backup-damaged', 'content does not end with a line break');
    if (!this.meta) throw fail('backup-damaged', 'no table list');
    // Skip past empty tables at the end.
    while (this.table < this.meta.tables.length && this.count() === this.meta.tables[this.table]!.rows) this.table++;
    if (this.table !== this.meta.tables.length) throw fail('backup-damaged', 'rows missing');
  }

  result(): DatabaseDump {
    return { schemaVersion: this.meta!.schemaVersion, tables: this.tables };
  }

  private count(): number {
    return this.counts.get(this.meta!.tables[this.table]!.name) ?? 0;
  }

  private line(line: string): void {
    if (!this.meta) return this.readMeta(line);
    // The next table that still expects rows.
    while (this.table < this.meta.tables.length && this.count() === this.meta.tables[this.table]!.rows) this.table++;
    const t = this.meta.tables[this.table];
    if (!t) throw fail('backup-damaged', 'more rows than listed');
    let row: unknown;
    try {
      row = decodeValue(JSON.parse(line));
    } catch {
      throw fail('backup-damaged', `a row of ${t.name} is unreadable`);
    }
    const key = typeof row === 'object' && row !== null && !Array.isArray(row) ? (row as Record<string, unknown>)[t.keyPath] : undefined;
    if (!(typeof key === 'string' || (typeof key === 'number' && Number.isFinite(key)))) {
      throw fail('backup-damaged', `a row of ${t.name} has no key`);
    }
    this.counts.set(t.name, this.count() + 1);
    if (this.keep) this.tables[this.table]!.rows.push(row);
  }

  private readMeta(line: string): void {
    const schema = z.strictObject({
      format: z.literal(ROWS_FORMAT),
      schemaVersion: z.number().int().min(1),
      tables: z
        .array(z.strictObject({ name: tableName, keyPath: z.string().min(1).max(64), rows: count }))
        .max(200),
    });
    let meta;
    try {
      meta = schema.parse(parseCanonicalJson(utf8(line)));
    } catch {
      throw fail('backup-damaged', 'table list unreadable');
    }
    if (new Set(meta.tables.map((t) => t.name)).size !== meta.tables.length) throw fail('backup-damaged', 'a table twice');
    this.meta = meta;
    for (const t of meta.tables) {
      this.tables.push({ name: t.name, keyPath: t.keyPath, rows: [] });
      this.counts.set(t.name, 0);
    }
  }
}

/** Verifies a backup completely (key, every byte, every row) and says what it holds. Changes nothing. */
export async function inspectBackup(bytes: Uint8Array, options: ReadOptions): Promise<BackupSummary> {
  return (await decode(bytes, options, false)).summary;
}

// ---- Restoring ----

export type RestoreOptions = ReadOptions & {
  /** Default: now. The time of the audit entry. */
  now?: Date;
  /**
   * Keep the backup's install id (meta `deviceId`, the `device` of this install's identity). Default
   * false: a restored install takes a NEW install id, as a key-backup restore does. A backup rolls the
   * fact counters back; under the old id the next facts would reuse (install, counter) pairs peers
   * already acknowledge holding, and incremental exports would never send them. Tests only.
   */
  keepInstallId?: boolean;
};

/** Meta rows that belong to this device and are never replaced by a restore (the password lock). */
export const DEVICE_LOCAL_META_KEYS: readonly string[] = APP_LOCK_META_KEYS;

export type RestoreResult = BackupSummary & { restoredAt: string; upgradedFrom?: number; installId: string };

/**
 * Replaces the whole database with a backup's rows. The file is verified completely first; a backup
 * of an older schema is first written to a scratch database with that schema and upgraded there by
 * the app's own upgrade steps. Then every table is cleared and filled in ONE transaction, with an
 * audit entry ('restore') appended to the restored trail in the same transaction: all or nothing.
 * The install takes a new install id in that transaction (see `keepInstallId`).
 */
export async function restoreBackup(db: DutyBookDb, bytes: Uint8Array, options: RestoreOptions): Promise<RestoreResult> {
  const history = options.schemaHistory ?? db.options.schemaHistory ?? SCHEMA_HISTORY;
  const decoded = await decode(bytes, { ...options, schemaHistory: history }, true);
  let dump = decoded.dump;
  const current = history[history.length - 1]!.version;
  if (db.verno !== current) throw new DutyBookError('internal', `database is at ${db.verno}, app at ${current}`);
  let upgradedFrom: number | undefined;
  if (dump.schemaVersion < current) {
    upgradedFrom = dump.schemaVersion;
    dump = await upgradeDump(db, dump, history);
  }
  const byName = new Map(dump.tables.map((t) => [t.name, t]));
  const names = db.tables.map((t) => t.name);
  if (names.length !== byName.size || names.some((n) => !byName.has(n))) {
    throw fail('backup-damaged', 'tables differ from this database');
  }
  const at = (options.now ?? new Date()).toISOString();
  const s = decoded.summary;
  let installId = newId();
  await wrapStorageErrors('restore backup', () =>
    db.transaction('rw', db.tables, async () => {
      // This device's password lock stays this device's: its record wraps the private keys held by
      // this host, so one taken from the backup (another PC's, or an older password) would lock
      // them away for good.
      const local = await db.meta.bulkGet([...DEVICE_LOCAL_META_KEYS]);
      for (const t of db.tables) {
        await t.clear();
        const rows = byName.get(t.name)!.rows;
        for (let i = 0; i < rows.length; i += 5000) await t.bulkAdd(rows.slice(i, i + 5000));
      }
      await db.meta.bulkDelete([...DEVICE_LOCAL_META_KEYS]);
      await db.meta.bulkPut(local.filter((r) => r !== undefined));
      const kept = (await db.meta.get('deviceId'))?.value;
      if (options.keepInstallId && typeof kept === 'string') {
        installId = kept;
      } else {
        await db.meta.put({ key: 'deviceId', value: installId });
        const self = await db.trust.get('self');
        if (self?.id === 'self') await db.trust.put({ ...self, device: installId });
      }
      const when = formatChineseDateTime(s.createdAt);
      await appendAudit(db, [
        {
          at,
          action: 'restore',
          subject: '',
          ref: s.createdAt,
          summary: `从备份恢复(${REASON_LABELS[s.reason]} ${when}${s.who.name ? `,${s.who.name}` : ''},共${s.rows}条记录)`,
        },
      ]);
    }),
  );
  return { ...s, restoredAt: at, installId, ...(upgradedFrom !== undefined ? { upgradedFrom } : {}) };
}

export const REASON_LABELS: Record<BackupReason, string> = {
  daily: '每日',
  'pre-import': '导入前',
  'pre-upgrade': '升级前',
  manual: '手动',
};

/** Writes an older dump into a scratch database of its schema, lets the upgrades run, reads it back. */
async function upgradeDump(db: DutyBookDb, dump: DatabaseDump, history: readonly SchemaStep[]): Promise<DatabaseDump> {
  const deps = {
    ...(db.options.indexedDB ? { indexedDB: db.options.indexedDB } : {}),
    ...(db.options.IDBKeyRange ? { IDBKeyRange: db.options.IDBKeyRange } : {}),
  };
  const name = `${db.name}-restore-${toHex(randomBytes(4))}`;
  const old = new DutyBookDb(name, { ...deps, schemaHistory: history.filter((s) => s.version <= dump.schemaVersion) });
  try {
    await wrapStorageErrors('restore backup (older schema)', async () => {
      await old.open();
      await old.transaction('rw', old.tables, async () => {
        for (const t of dump.tables) if (t.rows.length > 0) await old.table(t.name).bulkAdd(t.rows);
      });
    });
    old.close();
    const upgraded = await openDatabase(name, { ...deps, schemaHistory: history });
    try {
      return await dumpDatabase(upgraded);
    } finally {
      upgraded.close();
    }
  } finally {
    old.close();
    await old.delete().catch(() => undefined);
  }
}

export { CURRENT_SCHEMA_VERSION };
