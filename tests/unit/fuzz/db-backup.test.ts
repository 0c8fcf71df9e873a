/**
 * Fuzz: database backup files (.dbbak), as 设置 → 备份与恢复 reads them: `readBackupHeader` (the
 * listing, no key), and `restoreBackup` into a database that holds data. From a real backup of a
 * seeded organisation: damaged bytes, random files, and files correctly encrypted under the key whose
 * content is wrong (a faulty writer; a decompression bomb). Every case: a clear DutyBookError in
 * Chinese (or, for content that is still valid, a clean restore), the database byte-identical when
 * refused, and memory growth bounded. Passphrase files cost a PBKDF2 each, so those runs are few.
 */
import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2.js';
import { deflateSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDatabase } from '../../../shared/seed';
import { CURRENT_SCHEMA_VERSION, type DutyBookDb } from '../../../shared/store';
import { createBackup, readBackupHeader, restoreBackup } from '../../../shared/backup';
import { concatBytes, fromHex, toHex, u32be, utf8 } from '../../../shared/bundle/bytes';
import { canonicalJson, canonicalJsonBytes } from '../../../shared/bundle/canonical-json';
import { detectSuite, randomBytes } from '../../../shared/bundle/crypto';
import { cloneDb, dbBytes, equalBytes, growthDuring, MemoryProbe, MiB, mutatedBytes, randomBytesAfter, read } from './fuzz';
import { freshName, openTestDb } from '../store/helpers';

const PASSPHRASE = '正确的备份口令2026';
const MAGIC = utf8('DUTYBOOK-DBBAK\n');
const memory = new MemoryProbe();
const key = randomBytes(32);
let source: DutyBookDb;
let target: DutyBookDb;
/** The target's starting state, kept to start again from after a case that restored. */
let pristine: DutyBookDb;
let targetBytes: Buffer;
let backup: Uint8Array;
let passBackup: Uint8Array;
let cases = 0;
let applied = 0;
/** 48 MB of '0' without a line break, deflated to ~50 KB (only the sealed file is kept). */
let bombFile: Uint8Array;

const opts = (seed: number, numRuns: number) => ({ seed, numRuns, timeout: 30_000 });

beforeAll(async () => {
  source = await openTestDb(freshName('fuzz-backup-src'));
  await seedDatabase(source, { seed: 'fuzz-backup', units: 2, people: 8, years: 1, today: new Date('2026-11-20T04:00:00Z') });
  backup = await createBackup(source, { reason: 'daily', key });
  passBackup = await createBackup(source, { reason: 'manual', passphrase: PASSPHRASE });
  pristine = await openTestDb(freshName('fuzz-backup-pristine'));
  await pristine.journalEntries.put({ id: 'J1', personId: 'p', date: '2026-11-02', text: '本机已有的记录' } as never);
  target = await cloneDb(pristine);
  targetBytes = await dbBytes(target);
  bombFile = await sealed(utf8('{"x":"' + '0'.repeat(48 * 1024 * 1024)));
  memory.reset();
}, 120_000);

afterAll(() => {
  expect(memory.peak).toBeLessThan(96 * MiB);
  if (process.env.FUZZ_REPORT)
    console.log(`db backup fuzz: ${cases} cases (${applied} applied), peak ${(memory.peak / MiB).toFixed(1)} MiB`);
  source.close();
  target.close();
  pristine.close();
});

/** Restores `bytes` into the target: refused → the target is byte-identical; applied → start again from a copy. */
async function attempt(how: string, bytes: Uint8Array, keyOpts: { key: Uint8Array } | { passphrase: string }) {
  cases++;
  const r = await read(`restoreBackup (${how})`, () => restoreBackup(target, bytes, keyOpts));
  if (r.ok) {
    applied++;
    target.close();
    target = await cloneDb(pristine);
    expect((await dbBytes(target)).equals(targetBytes)).toBe(true);
  } else {
    expect((await dbBytes(target)).equals(targetBytes), `${how}: the database changed`).toBe(true);
  }
  memory.sample();
  return r;
}

/** A backup file around any plain text, correctly encrypted under `key` (as a faulty writer would). */
async function sealed(plain: Uint8Array, header: Partial<Record<string, unknown>> = {}): Promise<Uint8Array> {
  const suite = await detectSuite();
  const check = toHex(sha256(concatBytes(utf8('dutybook-db-backup-check'), key)).subarray(0, 8));
  const h = {
    format: 'dutybook-db-backup',
    v: 1,
    key: { kind: 'device', check },
    aead: { name: 'AES-256-GCM', nonce: toHex(randomBytes(12)) },
    createdAt: '2026-11-20T04:00:00.000Z',
    reason: 'daily',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    who: { name: '张三', unitName: '综合科', roles: ['official'] },
    tables: {},
    plainBytes: plain.length,
    ...header,
  };
  const headerBytes = canonicalJsonBytes(h);
  const aad = concatBytes(MAGIC, u32be(headerBytes.length), headerBytes);
  const payload = concatBytes(sha256(plain), deflateSync(plain));
  const aead = await suite.aesGcmKey(key);
  return concatBytes(aad, await aead.encrypt(fromHex(h.aead.nonce), payload, aad));
}

describe('database backups', () => {
  test('the readable header of damaged backups and random files: a clear error, or a short summary', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: mutatedBytes(backup) }, randomBytesAfter(MAGIC, 2048)), async (m) => {
        cases++;
        const r = await read(`readBackupHeader (${m.how})`, () => readBackupHeader(m.bytes));
        if (r.ok) {
          expect([...r.value.who.name].length, m.how).toBeLessThanOrEqual(100);
          expect(Object.keys(r.value.tables).length, m.how).toBeLessThanOrEqual(200);
        }
        memory.sample();
      }),
      opts(0xdb01, 400),
    );
  });

  test('restoring a damaged backup or a random file: always refused, the database untouched', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: mutatedBytes(backup) }, randomBytesAfter(MAGIC, 4096)), async (m) => {
        fc.pre(!equalBytes(m.bytes, backup));
        const r = await attempt(m.how, m.bytes, { key });
        expect(r.ok, m.how).toBe(false);
      }),
      opts(0xdb02, 250),
    );
  });

  test('a damaged passphrase backup: refused, untouched', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedBytes(passBackup), async (m) => {
        fc.pre(!equalBytes(m.bytes, passBackup));
        const r = await attempt(m.how, m.bytes, { passphrase: PASSPHRASE });
        expect(r.ok, m.how).toBe(false);
      }),
      opts(0xdb03, 12),
    );
  });

  test('correctly encrypted, wrong content: a clear error (untouched) or a clean restore', async () => {
    const tables = target.tables.map((t) => ({ name: t.name, keyPath: t.schema.primKey.keyPath as string }));
    const sorted = [...tables].sort((a, b) => (a.name < b.name ? -1 : 1));
    const plainOf = (rows: Record<string, unknown[]>, counts?: Record<string, number>) => {
      const meta = { format: 'dutybook-db-rows', schemaVersion: CURRENT_SCHEMA_VERSION, tables: sorted.map((t) => ({ ...t, rows: counts?.[t.name] ?? rows[t.name]?.length ?? 0 })) };
      let text = canonicalJson(meta) + '\n';
      for (const t of sorted) for (const row of rows[t.name] ?? []) text += JSON.stringify(row) + '\n';
      return utf8(text);
    };
    const realPlain = plainOf({
      people: [{ id: 'P1', name: '张三', unitId: 'U1', roles: ['official'] }],
      journalEntries: [{ id: 'J9', personId: 'P1', text: { $b: '00ff' } }],
    });
    const countsOf = (plain: Uint8Array) => {
      const meta = JSON.parse(new TextDecoder().decode(plain).split('\n')[0]!) as { tables: { name: string; rows: number }[] };
      // The header lists what the (possibly damaged) table list says, where it says it sensibly.
      return Object.fromEntries(
        meta.tables
          .filter((t) => typeof t.name === 'string' && Number.isSafeInteger(t.rows) && t.rows >= 0)
          .map((t) => [t.name, t.rows]),
      );
    };
    const plaintexts = fc.oneof(
      { weight: 3, arbitrary: mutatedBytes(realPlain) },
      fc.constantFrom(
        { how: 'valid', bytes: realPlain },
        { how: 'duplicate key', bytes: plainOf({ people: [{ id: 'P1' }, { id: 'P1' }] }) },
        { how: 'bad tag', bytes: plainOf({ people: [{ id: 'P1', x: { $z: 1 } }] }) },
        { how: 'untagged $ key', bytes: plainOf({ people: [{ id: 'P1', $x: 1 }] }) },
        { how: 'array row', bytes: plainOf({ people: [[1, 2]] }) },
        { how: 'counts lie', bytes: plainOf({ people: [{ id: 'P1' }] }, { people: 2 }) },
        { how: 'deep nesting', bytes: plainOf({ people: [{ id: 'P1', x: JSON.parse('['.repeat(500) + ']'.repeat(500)) as unknown }] }) },
        { how: 'bomb', bytes: new Uint8Array(0) },
      ),
      fc.uint8Array({ maxLength: 256 }).map((bytes) => ({ how: 'random', bytes })),
    );
    await fc.assert(
      fc.asyncProperty(plaintexts, async (p) => {
        let counts: Record<string, number>;
        try {
          counts = countsOf(p.bytes);
        } catch {
          counts = {};
        }
        const file = p.how === 'bomb' ? bombFile : await sealed(p.bytes, { tables: counts });
        await attempt(p.how, file, { key });
      }),
      opts(0xdb04, 120),
    );
  });

  test('a decompression bomb (48 MB in one row, ~50 KB sealed) is refused within bounded memory', async () => {
    let error: unknown = null;
    const growth = await growthDuring(async () => {
      error = await restoreBackup(target, bombFile, { key }).then(() => null, (e: unknown) => e);
    });
    expect((error as { code?: string } | null)?.code).toBe('backup-damaged');
    expect(growth).toBeLessThan(64 * MiB);
    expect((await dbBytes(target)).equals(targetBytes)).toBe(true);
  });

  test('the real backup restores (the fuzzing started from a file that works)', async () => {
    const copy = await cloneDb(target);
    await restoreBackup(copy, backup, { key });
    expect(await copy.facts.count()).toBe(await source.facts.count());
    copy.close();
  });
});
