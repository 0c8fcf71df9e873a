/**
 * Reading a backup: the whole file verified — key, authentication, every inflated byte against the
 * SHA-256 inside, every row against the header's counts and the schema's tables — before anything
 * is returned. `inspectBackup` stops there; restore.ts puts the rows back.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { Inflate } from 'fflate';
import { z } from 'zod';
import { fromHex, utf8 } from '../bundle/bytes';
import { parseCanonicalJson } from '../bundle/canonical-json';
import type { CryptoSuite } from '../bundle/crypto';
import { deriveKey } from '../ledger/key-backup';
import { DutyBookError } from '../errors/errors';
import { SCHEMA_HISTORY, type SchemaStep } from '../store/db';
import { decodeValue } from './codec';
import type { DatabaseDump, TableDump } from './dump';
import {
  BackupError,
  count,
  fail,
  keyCheck,
  MAX_DB_BACKUP_BYTES,
  parseHeader,
  ROWS_FORMAT,
  suiteOf,
  summaryOf,
  tableName,
  type BackupHeader,
  type BackupKey,
  type BackupSummary,
} from './format';

/** Compressed bytes per inflate step: DEFLATE expands at most ~1032:1, so a step yields ≤ ~4 MiB. */
const INFLATE_SLICE = 4 * 1024;
/** One row's text at most (an organisation's signed roster is a few MB). */
const MAX_ROW_CHARS = 16 * 1024 * 1024;

type Parsed = { header: BackupHeader; aad: Uint8Array; ciphertext: Uint8Array };

function parseFile(bytes: Uint8Array, currentVersion: number): Parsed {
  if (bytes.length > MAX_DB_BACKUP_BYTES) throw new DutyBookError('file-too-large', `backup is ${bytes.length} bytes`);
  const { header, end } = parseHeader(bytes, currentVersion);
  // AES-GCM's tag alone is 16 bytes; the payload starts with a 32-byte hash.
  if (bytes.length < end + 16 + 32) throw fail('backup-damaged', 'file is truncated');
  return { header, aad: bytes.subarray(0, end), ciphertext: bytes.subarray(end) };
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
export async function decodeBackup(bytes: Uint8Array, options: ReadOptions, keepRows: boolean): Promise<Decoded> {
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
  return (await decodeBackup(bytes, options, false)).summary;
}
