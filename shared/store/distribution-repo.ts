/**
 * Who has the roster last issued, read from what this device already records: the bundles it wrote
 * (each logs the roster version it carried) and what each peer's last bundle acknowledged holding.
 * HR's 导出给所有人 and its 待办 ("人员名册第N版尚未分发给M人") read this; nothing new is stored.
 */
import type { DutyBookDb } from './db';
import { getCurrentRoster, getSelfIdentity } from './sync-repo';
import { wrapStorageErrors } from './storage-errors';
import { activeKeys } from '../ledger/roster';

export type DistributionPerson = { personId: string; name: string; unitId: string };

export type RosterDistribution = {
  /** The roster version issued last. */
  version: number;
  /** Active people (not this device's own) with a key, who have that version: sent in a bundle, or acknowledged. */
  distributed: DistributionPerson[];
  /** Active people with a key who have not: 导出给所有人 still has to reach them. */
  pending: DistributionPerson[];
  /** Active people without a key yet (no enrollment request bound): nothing can be sent to them. */
  noKey: DistributionPerson[];
};

/** null when no roster has been issued or received on this device. */
export async function readRosterDistribution(db: DutyBookDb): Promise<RosterDistribution | null> {
  return wrapStorageErrors('read roster distribution', async () => {
    // Every table read at once, before any other await, so a live query watches them all.
    const [signed, me, bundles, holdings] = await Promise.all([
      getCurrentRoster(db),
      getSelfIdentity(db),
      db.bundles.toArray(),
      db.peerHoldings.toArray(),
    ]);
    if (!signed) return null;
    const { version, people } = signed.roster;
    const has = new Set<string>();
    for (const b of bundles) if (b.direction === 'out' && (b.rosterVersion ?? 0) >= version) has.add(b.peer);
    for (const h of holdings) if (h.rosterVersion >= version) has.add(h.peer);
    const out: RosterDistribution = { version, distributed: [], pending: [], noKey: [] };
    for (const p of people) {
      if (!p.active || p.id === me?.personId) continue;
      const row = { personId: p.id, name: p.name, unitId: p.unitId };
      const keys = activeKeys(p);
      if (keys.length === 0) out.noKey.push(row);
      else if (keys.some((k) => has.has(k.signingPub))) out.distributed.push(row);
      else out.pending.push(row);
    }
    return out;
  });
}
