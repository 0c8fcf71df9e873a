/**
 * The table of files the app reads (shared/host/file-limits.ts): the caps the issue settled on, and
 * first-byte checks that accept every real file of a kind and no file of another.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSizes, FILE_LIMITS, HEAD_BYTES, headMatches, kindOfHead } from '../../../shared/host/file-limits';
import { MAGIC as BUNDLE_FORMAT_MAGIC, DEFAULT_LIMITS } from '../../../shared/bundle/format';
import { MAX_DB_BACKUP_BYTES } from '../../../shared/backup';
import { MAX_BACKUP_FILE_BYTES, FOLDER_MAX_TOTAL_BYTES } from '../../../shared/host/contract';
import { formatSize } from '../../../shared/errors/messages.zh';
import { CAPS, KINDS, realFiles, type Kind } from './real-files';

let real: Record<Kind, Uint8Array>;
beforeAll(async () => {
  real = await realFiles();
}, 60_000);

describe('the caps', () => {
  it('are those documented, and every reader takes them from the table', () => {
    for (const kind of KINDS) {
      expect(FILE_LIMITS[kind].maxBytes, kind).toBe(CAPS[kind].each);
      expect(FILE_LIMITS[kind].maxSelectionBytes, kind).toBe(CAPS[kind].selection);
      expect(FILE_LIMITS[kind].maxSelectionBytes).toBeGreaterThanOrEqual(FILE_LIMITS[kind].maxBytes);
    }
    expect(DEFAULT_LIMITS.maxFileBytes).toBe(FILE_LIMITS.bundle.maxBytes);
    expect(FOLDER_MAX_TOTAL_BYTES).toBe(FILE_LIMITS.bundle.maxSelectionBytes);
    // A backup the app wrote can always be read back.
    expect(MAX_DB_BACKUP_BYTES).toBe(FILE_LIMITS['db-backup'].maxBytes);
    expect(MAX_BACKUP_FILE_BYTES).toBe(FILE_LIMITS['db-backup'].maxBytes);
  });

  it('leave generous room above the real files', () => {
    for (const kind of KINDS) expect(real[kind].length * 10, kind).toBeLessThan(FILE_LIMITS[kind].maxBytes);
  });

  it('a selection is measured whole; one file is only measured against its own cap', () => {
    expect(() => checkSizes('key-backup', [{ name: 'a', size: 64 * 1024 }])).not.toThrow();
    expect(() => checkSizes('key-backup', [{ name: 'a', size: 1 }, { name: 'b', size: 64 * 1024 }])).toThrow(/2 files/);
  });
});

describe('the first bytes', () => {
  it('accept each real file as its kind and as no other', () => {
    for (const kind of KINDS) {
      expect(kindOfHead(real[kind].subarray(0, HEAD_BYTES)), kind).toBe(kind);
      for (const other of KINDS) if (other !== kind) expect(headMatches(other, real[kind]), `${kind} as ${other}`).toBe(false);
    }
  });

  it('are the formats\' own magic', () => {
    expect(FILE_LIMITS.bundle.head).toEqual({ magic: BUNDLE_FORMAT_MAGIC });
  });

  it('refuse what is too short to tell, empty files, zeros, and JSON of another format', () => {
    for (const kind of KINDS) {
      expect(headMatches(kind, real[kind].subarray(0, 5))).toBe(false);
      expect(headMatches(kind, new Uint8Array(0))).toBe(false);
      expect(headMatches(kind, new Uint8Array(HEAD_BYTES))).toBe(false);
    }
    expect(headMatches('enrollment', new TextEncoder().encode('{"format":"dutybook-key-backup","v":1}'))).toBe(false);
    // The format named only past the first HEAD_BYTES does not count.
    const late = new TextEncoder().encode(`{"a":"${'x'.repeat(HEAD_BYTES)}","format":"dutybook-enrollment"}`);
    expect(headMatches('enrollment', late)).toBe(false);
  });
});

describe('sizes in words', () => {
  it.each([
    [1024 ** 3, '1.0 GB'],
    [256 * 1024 ** 2, '256 MB'],
    [16 * 1024 ** 2 + 16 * 1024, '16.0 MB'],
    [300.5 * 1024 ** 2, '300.5 MB'],
    [16 * 1024, '16 KB'],
    [556, '556 字节'],
  ])('%d bytes: %s', (bytes, words) => expect(formatSize(bytes)).toBe(words));
});
