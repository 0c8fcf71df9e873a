/**
 * The status digests (schema v12, `statusDigests`) HR's 督促检查, 备案, 年度考核 and 统计分析 read instead
 * of the status rows: on a seeded organisation — every record through the signed-record import path —
 * each equals the digest of its status row, and the digests of a full rebuild from the record tables;
 * after a restore (of a current backup, and of one taken before v12, upgraded on the way) the same.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../shared/seed';
import {
  digestOf,
  readTrackingYear,
  readYearStatusViews,
  rebuildStatus,
  SCHEMA_HISTORY,
  viewOfDigest,
  type DutyBookDb,
  type PersonYearStatus,
  type StatusDigestRow,
} from '../../../shared/store';
import { createBackup, restoreBackup } from '../../../shared/backup';
import { freshName, openTestDb } from './helpers';

const TODAY = new Date('2026-11-20T04:00:00Z');
const key = randomBytes(32);
const open: DutyBookDb[] = [];
async function fresh(label: string, schemaHistory?: typeof SCHEMA_HISTORY) {
  const db = await openTestDb(freshName(label), schemaHistory ? { schemaHistory } : {});
  open.push(db);
  return db;
}

/** The digests as stored, read back, by id. */
async function stored(db: DutyBookDb) {
  const rows: StatusDigestRow[] = await db.statusDigests.toArray();
  return new Map(rows.map((r) => [r.id, viewOfDigest(r)]));
}
/** The digests the status rows give, by id. */
async function fromStatus(db: DutyBookDb) {
  const rows: PersonYearStatus[] = await db.personYears.toArray();
  return new Map(rows.map((r) => [r.id, viewOfDigest(digestOf(r))]));
}

let seeded: DutyBookDb;
beforeAll(async () => {
  seeded = await fresh('digests');
  await seedDatabase(seeded, { seed: 'digest-test', units: 2, people: 14, years: 2, today: TODAY });
}, 180_000);
afterAll(() => {
  for (const db of open) db.close();
});

describe('status digests', () => {
  it('are written with every status row by the import path, and equal a full rebuild from the tables', async () => {
    const held = await stored(seeded);
    expect(held.size).toBeGreaterThan(14);
    expect(held.size).toBe(await seeded.personYears.count());
    expect(held).toEqual(await fromStatus(seeded));
    // What the screens read: received material, evaluations, registers — not empty digests.
    const views = await readYearStatusViews(seeded, 2026);
    expect(views.some((v) => Object.keys(v.months).length > 0)).toBe(true);
    expect(views.some((v) => Object.keys(v.evaluations).length > 0)).toBe(true);
    expect(views.some((v) => Object.values(v.registers).some((r) => r.listed))).toBe(true);
    expect(views.every((v) => !('feedback' in v))).toBe(true);

    const grid = await readTrackingYear(seeded, 2026);
    await seeded.transaction('rw', seeded.tables, () => rebuildStatus(seeded));
    expect(await stored(seeded)).toEqual(held);
    // The screens' data is the same from the rebuilt digests.
    expect(await readTrackingYear(seeded, 2026)).toEqual(grid);
  });

  it('come back with a restore, and a backup from before v12 gets them from its status rows on the way', async () => {
    const held = await stored(seeded);
    const restored = await fresh('digests-restored');
    await restoreBackup(restored, await createBackup(seeded, { reason: 'daily', key }), { key });
    expect(await stored(restored)).toEqual(held);

    const v10 = SCHEMA_HISTORY.filter((s) => s.version <= 10);
    const old = await fresh('digests-v10', v10);
    for (const t of old.tables) await t.bulkPut(await seeded.table(t.name).toArray());
    const upgraded = await fresh('digests-upgraded');
    const result = await restoreBackup(upgraded, await createBackup(old, { reason: 'daily', key }), { key });
    expect(result.upgradedFrom).toBe(10);
    expect(await stored(upgraded)).toEqual(held);
  });
});
