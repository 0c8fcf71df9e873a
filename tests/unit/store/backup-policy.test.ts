/**
 * The rolling policy of automatic backups (names, the daily check, retention) and the backup taken
 * before an import: one per import or intake batch, and a failed backup never blocks the import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase, type OutgoingBundle } from '../../../shared/seed';
import { getProfile, type DutyBookDb } from '../../../shared/store';
import {
  backupFileName,
  backupsToDelete,
  dailyBackupDue,
  dailyBackupIfDue,
  inspectBackup,
  listAutomaticBackups,
  parseBackupFileName,
  RETENTION,
  takeAutomaticBackup,
  withBackupBefore,
  type BackupListing,
} from '../../../shared/backup';
import { importBatch } from '../../../shared/sync/intake';
import { detectSuite } from '../../../shared/bundle/crypto';
import { freshName, openTestDb } from './helpers';
import { memoryBackupHost } from './backup-host';

const listing = (name: string): BackupListing => ({ name, bytes: 1, modifiedAt: '2026-01-01T00:00:00.000Z' });
const at = (iso: string) => new Date(iso);

describe('names', () => {
  it('carry the reason and the UTC second, and parse back', () => {
    const name = backupFileName('pre-import', at('2026-11-24T08:30:05.123Z'), '3fa9');
    expect(name).toBe('dutybook-pre-import-20261124t083005z-3fa9.dbbak');
    expect(parseBackupFileName(name)).toEqual({ reason: 'pre-import', at: at('2026-11-24T08:30:05Z') });
    for (const bad of ['dutybook-weekly-20261124t083005z-3fa9.dbbak', 'x.dbbak', 'dutybook-daily-20261324t083005z-3fa9.dbbak', 'dutybook-daily-20261124t083005z-3fa9.dbbak.tmp']) {
      expect(parseBackupFileName(bad), bad).toBeNull();
    }
  });
});

describe('the daily backup', () => {
  it('is due when no daily backup is from today (this computer’s day), whatever else there is', () => {
    const now = new Date(2026, 10, 24, 9, 0, 0);
    const todayEarly = backupFileName('daily', new Date(2026, 10, 24, 0, 5, 0), '0001');
    const yesterday = backupFileName('daily', new Date(2026, 10, 23, 23, 55, 0), '0002');
    const importToday = backupFileName('pre-import', new Date(2026, 10, 24, 8, 0, 0), '0003');
    expect(dailyBackupDue([], now)).toBe(true);
    expect(dailyBackupDue([listing(yesterday), listing(importToday)], now)).toBe(true);
    expect(dailyBackupDue([listing(yesterday), listing(todayEarly)], now)).toBe(false);
  });
});

describe('retention', () => {
  it(`keeps ${RETENTION.daily} daily, ${RETENTION['pre-import']} pre-import, ${RETENTION['pre-upgrade']} pre-upgrade, ${RETENTION.manual} manual; deletes the oldest`, () => {
    const names = (reason: 'daily' | 'pre-import' | 'pre-upgrade' | 'manual', n: number) =>
      Array.from({ length: n }, (_, i) => backupFileName(reason, new Date(Date.UTC(2026, 0, 1 + i)), (0x1000 + i).toString(16)));
    const daily = names('daily', 9);
    const imports = names('pre-import', 12);
    const upgrades = names('pre-upgrade', 3);
    const manual = names('manual', 2);
    const all = [...daily, ...imports, ...upgrades, ...manual, 'dutybook-not-ours.dbbak'].map(listing);
    const newest = imports.at(-1)!;
    const gone = backupsToDelete(all, newest);
    expect(gone).toEqual([daily[0], daily[1], imports[0], imports[1]]);
    expect(gone).not.toContain(newest);
  });

  it('rolls off old backups only after a new one was written; a failed write deletes nothing', async () => {
    const db = await openTestDb(freshName('roll'));
    const host = memoryBackupHost();
    const t0 = Date.UTC(2026, 10, 1);
    for (let i = 0; i < RETENTION['pre-import'] + 3; i++) {
      await takeAutomaticBackup(db, host, 'pre-import', { now: new Date(t0 + i * 60_000) });
    }
    const kept = await host.listBackups();
    expect(kept).toHaveLength(RETENTION['pre-import']);
    // The newest ones are kept.
    const times = kept.map((b) => parseBackupFileName(b.name)!.at.getTime()).sort((a, b) => a - b);
    expect(times[0]).toBe(t0 + 3 * 60_000);

    const failing = memoryBackupHost({ failWrites: true });
    const r = await dailyBackupIfDue(db, failing);
    expect(r && !r.ok).toBe(true);
    expect(await failing.listBackups()).toEqual([]);
    db.close();
  });

  it('takes the daily backup once a day', async () => {
    const db = await openTestDb(freshName('daily'));
    const host = memoryBackupHost();
    const morning = new Date(2026, 10, 24, 8, 0, 0);
    expect((await dailyBackupIfDue(db, host, { now: morning }))?.ok).toBe(true);
    expect(await dailyBackupIfDue(db, host, { now: new Date(2026, 10, 24, 17, 0, 0) })).toBeNull();
    expect((await dailyBackupIfDue(db, host, { now: new Date(2026, 10, 25, 8, 0, 0) }))?.ok).toBe(true);
    const list = await listAutomaticBackups(host);
    expect(list.map((b) => b.reason)).toEqual(['daily', 'daily']);
    expect(list[0]!.summary?.reason).toBe('daily');
    db.close();
  });
});

describe('before an import', () => {
  let db: DutyBookDb;
  let bundles: OutgoingBundle[];
  let keys: Awaited<ReturnType<typeof seedDatabase>>['hr']['keys'];

  beforeAll(async () => {
    db = await openTestDb(freshName('pre-import'));
    const seeded = await seedDatabase(db, {
      seed: 'pre-import',
      units: 2,
      people: 8,
      years: 1,
      today: new Date('2026-11-20T04:00:00Z'),
      importBundles: false,
      keepBundles: true,
    });
    bundles = seeded.bundles!;
    keys = seeded.hr.keys;
  }, 120_000);

  afterAll(() => db.close());

  it('an intake batch gets one backup of the state before it, then imports', async () => {
    const host = memoryBackupHost();
    const factsBefore = await db.facts.count();
    const files = bundles.map((b, i) => ({ name: `b${i}.dutybook`, data: b.bytes }));
    expect(files.length).toBeGreaterThan(1);
    const warnings: unknown[] = [];
    const report = await withBackupBefore(
      db,
      host,
      async () => importBatch(db, files, { suite: await detectSuite(), keys, yieldToUi: () => Promise.resolve() }),
      (e) => warnings.push(e),
    );
    expect(warnings).toEqual([]);
    expect(report.totals.imported).toBe(files.length);
    expect(await db.facts.count()).toBeGreaterThan(factsBefore);
    const list = await host.listBackups();
    expect(list).toHaveLength(1);
    expect(list[0]!.name).toMatch(/^dutybook-pre-import-/);
    const key = (await host.loadSecret({ name: 'backup-key' }))!;
    const s = await inspectBackup((await host.readBackup({ name: list[0]!.name }))!, { key });
    expect(s.tables.facts).toBe(factsBefore);
    expect(s.who.name).toBe((await getProfile(db))!.name);
  });

  it('a failed backup is a warning and the import goes on', async () => {
    const other = await openTestDb(freshName('pre-import-fail'));
    const warnings: unknown[] = [];
    const host = memoryBackupHost({ failWrites: true });
    const ran = await withBackupBefore(other, host, () => Promise.resolve('imported'), (e) => warnings.push(e));
    expect(ran).toBe('imported');
    expect(warnings).toHaveLength(1);
    other.close();
  });
});
