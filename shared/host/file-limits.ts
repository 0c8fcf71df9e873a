/**
 * The files a person picks for DutyBook to read, and how much of each it reads: one table for the
 * desktop shell (src-main/files.ts), the browser preview (src-renderer/host/web-host.ts) and the
 * command line (scripts/bundle.ts). Every reader does the same three things, in this order:
 *
 *   1. sizes first, from the file system (fs.stat / File.size), before a byte is read: each file
 *      within its kind's `maxBytes`, and a selection of several within `maxSelectionBytes` in all
 *      (over it, the whole selection is refused, not the files past the line);
 *   2. the first bytes next (at most HEAD_BYTES): a file whose start is not its kind's is refused
 *      before the rest of it is read;
 *   3. only then the whole file.
 *
 * The caps are set from measured sizes with wide headroom (docs/reliability.md, "Files read"):
 *   bundle      256 MiB each, 512 MiB a selection. The largest bundle the app writes is a
 *               supervisor → HR relay, split at 8,000 records (shared/seed MAX_FACTS_PER_BUNDLE):
 *               2.3 MB at 500 people; a bundle may hold at most 100,000 entries (DEFAULT_LIMITS), about
 *               17 MB at the measured 168 bytes an entry. A quarter from 5,000 people, every file at
 *               once in 接收数据包, is well under 100 MB.
 *   enrollment  16 KiB each (a request is 556 bytes), 16 MiB a selection (a whole organisation's).
 *   key backup  64 KiB (one is 888 bytes); one file at a time.
 *   db backup   512 MiB (500 people × 2 years: 18.6 MB, so about 190 MB at 5,000 people — size grows
 *               with the rows); the same as the most the app writes (contract.ts
 *               MAX_BACKUP_FILE_BYTES), so every backup it wrote can be restored.
 *
 * The kinds' names and the words of every refusal are in shared/errors/messages.zh.ts.
 */
import { DutyBookError } from '../errors/errors';

const KiB = 1024;
const MiB = 1024 * KiB;

export const FILE_KINDS = ['bundle', 'enrollment', 'key-backup', 'db-backup'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/**
 * A bundle's 16 bytes (docs/bundle-format.md): 0x89 is not ASCII (catches 7-bit transfers) nor a
 * valid UTF-8 start (no editor opens it as text); "DUTYBOOK-BNDL" names the file in a hex dump; CR LF
 * catches newline conversion. shared/bundle/format.ts's MAGIC.
 */
export const BUNDLE_MAGIC = Uint8Array.of(0x89, ...ascii('DUTYBOOK-BNDL'), 0x0d, 0x0a);
/** A database backup's 15 bytes (shared/backup/format.ts's MAGIC). */
export const DB_BACKUP_MAGIC = ascii('DUTYBOOK-DBBAK\n');
/** The `format` of the canonical-JSON files (shared/ledger/identity.ts, key-backup.ts). */
export const ENROLLMENT_FORMAT = 'dutybook-enrollment';
export const KEY_BACKUP_FORMAT = 'dutybook-key-backup';

/**
 * How a file's first bytes show its kind: a fixed magic, or — for the canonical-JSON files, whose
 * keys are sorted, so `format` is not first — an object whose first HEAD_BYTES name the format.
 */
export type FileHead = { magic: Uint8Array } | { jsonFormat: string };

export type FileLimit = {
  /** The most one file may hold. */
  maxBytes: number;
  /** The most the files of one selection may hold in all. */
  maxSelectionBytes: number;
  head: FileHead;
};

export const FILE_LIMITS: Readonly<Record<FileKind, Readonly<FileLimit>>> = {
  bundle: { maxBytes: 256 * MiB, maxSelectionBytes: 512 * MiB, head: { magic: BUNDLE_MAGIC } },
  enrollment: { maxBytes: 16 * KiB, maxSelectionBytes: 16 * MiB, head: { jsonFormat: ENROLLMENT_FORMAT } },
  'key-backup': { maxBytes: 64 * KiB, maxSelectionBytes: 64 * KiB, head: { jsonFormat: KEY_BACKUP_FORMAT } },
  'db-backup': { maxBytes: 512 * MiB, maxSelectionBytes: 512 * MiB, head: { magic: DB_BACKUP_MAGIC } },
};

/** The most of a file read to tell its kind (a key backup names its format after about 700 bytes). */
export const HEAD_BYTES = 4096;

/** Whether `head` (a file's first bytes, or the whole of a shorter file) starts as `kind` does. */
export function headMatches(kind: FileKind, head: Uint8Array): boolean {
  const spec = FILE_LIMITS[kind].head;
  if ('magic' in spec) {
    if (head.length < spec.magic.length) return false;
    return spec.magic.every((b, i) => head[i] === b);
  }
  // Canonical JSON: no white space, no byte-order mark; the object starts at the first byte.
  if (head[0] !== 0x7b) return false;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, HEAD_BYTES));
  return text.includes(`"format":${JSON.stringify(spec.jsonFormat)}`);
}

/** The kind whose start `head` has, if any. */
export function kindOfHead(head: Uint8Array): FileKind | null {
  return FILE_KINDS.find((k) => headMatches(k, head)) ?? null;
}

/** Refused for its size: `file-too-large` with what the message needs (messages.zh.ts). */
export function fileTooLarge(kind: FileKind, name: string, size: number): DutyBookError {
  const limit = FILE_LIMITS[kind].maxBytes;
  return new DutyBookError('file-too-large', `${name} is ${size} bytes (limit ${limit} for ${kind})`, {
    kind,
    name,
    size,
    limit,
  });
}

/** Refused from its first bytes: `file-wrong-kind`. */
export function fileWrongKind(kind: FileKind, name: string): DutyBookError {
  return new DutyBookError('file-wrong-kind', `${name} does not start as a ${kind} file`, { kind, name });
}

/**
 * Step 1, before anything is read: every file within its cap (the first one over it is named), and
 * the selection within its total. Throws `file-too-large`; a selection over its total carries `count`.
 */
export function checkSizes(kind: FileKind, files: readonly { name: string; size: number }[]): void {
  const limit = FILE_LIMITS[kind];
  for (const f of files) if (f.size > limit.maxBytes) throw fileTooLarge(kind, f.name, f.size);
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (files.length > 1 && total > limit.maxSelectionBytes) {
    throw new DutyBookError('file-too-large', `${files.length} files, ${total} bytes (limit ${limit.maxSelectionBytes} for ${kind})`, {
      kind,
      count: files.length,
      size: total,
      limit: limit.maxSelectionBytes,
    });
  }
}

/** Step 2: the file's first bytes are its kind's, or `file-wrong-kind`. */
export function checkHead(kind: FileKind, name: string, head: Uint8Array): void {
  if (!headMatches(kind, head)) throw fileWrongKind(kind, name);
}
