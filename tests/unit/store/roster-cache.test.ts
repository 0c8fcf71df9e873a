/**
 * The newest roster is read once per version and connection (shared/store/roster-cache.ts): handed
 * out again while the newest version's key is the same, read again after any write to the table.
 */
import { describe, expect, it } from 'vitest';
import type { RosterRow } from '../../../shared/ledger/types';
import { readNewestRosterRow } from '../../../shared/store/roster-cache';
import { openTestDb } from './helpers';

const row = (version: number, name: string) =>
  ({ version, signed: { roster: { version, units: [], people: [], name } }, receivedAt: '' }) as unknown as RosterRow;

describe('the newest roster, kept per connection', () => {
  it('is read once per version, and again after a new version, a replacement or a clear', async () => {
    const db = await openTestDb();
    expect(await readNewestRosterRow(db)).toBeUndefined();
    await db.rosters.put(row(1, 'first'));
    const first = await readNewestRosterRow(db);
    expect(first?.version).toBe(1);
    expect(await readNewestRosterRow(db)).toBe(first);

    await db.rosters.put(row(2, 'second'));
    expect((await readNewestRosterRow(db))?.version).toBe(2);

    // The same version written again (a restore): read again, not the kept one.
    const kept = await readNewestRosterRow(db);
    await db.rosters.put(row(2, 'restored'));
    const again = await readNewestRosterRow(db);
    expect(again).not.toBe(kept);
    expect((again?.signed.roster as unknown as { name: string }).name).toBe('restored');

    await db.rosters.clear();
    expect(await readNewestRosterRow(db)).toBeUndefined();
    db.close();
  });

  it('is kept per connection: another connection reads its own', async () => {
    const name = `roster-cache-${Math.random().toString(36).slice(2)}`;
    const a = await openTestDb(name);
    const b = await openTestDb(name);
    await a.rosters.put(row(1, 'one'));
    const fromA = await readNewestRosterRow(a);
    const fromB = await readNewestRosterRow(b);
    expect(fromB).toEqual(fromA);
    expect(fromB).not.toBe(fromA);
    // A newer version written through the other connection is seen by its key.
    await b.rosters.put(row(3, 'three'));
    expect((await readNewestRosterRow(a))?.version).toBe(3);
    a.close();
    b.close();
  });
});
