/**
 * Sync state in the local database: this install's public identity, the pinned HR key, the rosters
 * received or issued, the bundle log and what each peer last acked. Public keys only — private keys
 * never enter IndexedDB (they go through host.storeSecret). Trust decisions (pinning, rotation,
 * roster acceptance) are made in shared/sync; these are the rows they read and write.
 */
import Dexie from 'dexie';
import type {
  BundleLogRow,
  PeerHoldingsRow,
  PinnedHrRow,
  RosterRow,
  SelfIdentityRow,
  SignedRoster,
} from '../ledger/types';
import { getDeviceId, type DutyBookDb } from './db';
import { readNewestRosterRow } from './roster-cache';
import { backfillOwnFacts, readSelfIdentity } from './fact-repo';
import { wrapStorageErrors } from './storage-errors';

export async function getSelfIdentity(db: DutyBookDb): Promise<SelfIdentityRow | undefined> {
  return wrapStorageErrors('read identity', () => readSelfIdentity(db));
}

/**
 * Records this install's person and public keys (after `generateDeviceKeys` and storing the private
 * halves with the host) and, in the same transaction, writes the facts of every version that person
 * submitted before. Replacing an identity (reinstall on the same database is not a thing: a new
 * database gets a new install id) keeps the install id, so counters keep increasing.
 */
export async function setSelfIdentity(
  db: DutyBookDb,
  identity: { personId: string; signingPub: string; encryptionPub: string },
  now: Date = new Date(),
): Promise<{ identity: SelfIdentityRow; backfilled: number }> {
  const device = await getDeviceId(db);
  if (!device) throw new Error('database has no install id');
  const row: SelfIdentityRow = { id: 'self', ...identity, device, createdAt: now.toISOString() };
  return wrapStorageErrors('save identity', () =>
    db.transaction('rw', [db.trust, db.facts, db.planVersions, db.recordVersions, db.summaryVersions, db.annualSummaries], async () => {
      await db.trust.put(row);
      return { identity: row, backfilled: await backfillOwnFacts(db) };
    }),
  );
}

export async function getPinnedHr(db: DutyBookDb): Promise<PinnedHrRow | undefined> {
  const row = await wrapStorageErrors('read trust', () => db.trust.get('hr'));
  return row?.id === 'hr' ? row : undefined;
}

/** Writes the pinned key row; callers are pinHrKey / applyImport, which have checked it. */
export async function putPinnedHr(db: DutyBookDb, row: PinnedHrRow): Promise<void> {
  await wrapStorageErrors('save trust', () => db.trust.put(row));
}

/** The newest roster this database holds. */
export async function getCurrentRoster(db: DutyBookDb): Promise<SignedRoster | undefined> {
  const row = await wrapStorageErrors('read roster', () => readNewestRosterRow(db));
  return row?.signed;
}

export async function listRosterVersions(db: DutyBookDb): Promise<RosterRow[]> {
  return wrapStorageErrors('list rosters', () => db.rosters.orderBy('version').toArray());
}

/** Keeps a roster this device issued (HR) or accepted; an older or equal version is refused. */
export async function saveRoster(db: DutyBookDb, signed: SignedRoster, now: Date = new Date()): Promise<boolean> {
  return wrapStorageErrors('save roster', () =>
    db.transaction('rw', db.rosters, async () => {
      const last = await db.rosters.orderBy('version').last();
      if (last && last.version >= signed.roster.version) return false;
      await db.rosters.put({ version: signed.roster.version, signed, receivedAt: now.toISOString() });
      return true;
    }),
  );
}

// ---- Bundle log ----

export async function findBundle(db: DutyBookDb, id: string): Promise<BundleLogRow | undefined> {
  return wrapStorageErrors('read bundle log', () => db.bundles.get(id));
}

export async function listBundles(
  db: DutyBookDb,
  filter: { peer?: string; direction?: 'in' | 'out' } = {},
): Promise<BundleLogRow[]> {
  const rows = await wrapStorageErrors('list bundle log', () =>
    filter.peer === undefined
      ? db.bundles.toArray()
      : filter.direction === undefined
        ? db.bundles.where('[peer+direction]').between([filter.peer, Dexie.minKey], [filter.peer, Dexie.maxKey]).toArray()
        : db.bundles.where('[peer+direction]').equals([filter.peer, filter.direction]).toArray(),
  );
  return rows
    .filter((r) => filter.direction === undefined || r.direction === filter.direction)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.sequence - b.sequence));
}

/** The sequence number for the next bundle to `peer`: one more than the last sent. */
export async function nextSequence(db: DutyBookDb, peer: string): Promise<number> {
  const sent = await listBundles(db, { peer, direction: 'out' });
  return sent.reduce((m, r) => Math.max(m, r.sequence), 0) + 1;
}

export async function logBundle(db: DutyBookDb, row: BundleLogRow): Promise<void> {
  await wrapStorageErrors('log bundle', () => db.bundles.put(row));
}

export async function getPeerHoldings(db: DutyBookDb, peer: string): Promise<PeerHoldingsRow | undefined> {
  return wrapStorageErrors('read peer holdings', () => db.peerHoldings.get(peer));
}
