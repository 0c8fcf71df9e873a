/**
 * Import, step two: apply a verified plan in ONE read-write transaction that only touches IndexedDB
 * (any other await — WebCrypto, a file read — would let Dexie commit early). Facts, attestations,
 * the peer's acks, the bundle log row, a newer roster (and the org tables it feeds), a rotated HR
 * pin, and the working tables through the materialisers: all of it, or — on any failure — nothing
 * (P8). Applying the same bundle again is a no-op (P3).
 */
import { SyncError } from './errors';
import { unionHoldings } from './holdings';
import type { ImportPlan } from './import';
import { materialisers, type MaterialiseContext } from './materialise';
import { rotatedPin } from './trust';
import type { DutyBookDb } from '../../store/db';
import { wrapStorageErrors } from '../../store/storage-errors';
import type { OrgUnit, Person } from '../../domain';
import type { BundleLogRow, PeerHoldingsRow, Roster } from './types';

export type ApplyOptions = {
  now?: Date;
  /** Tests only: throw after this many write operations, to prove the transaction rolls back. */
  failAfterWrites?: number;
};

export type ApplyResult = {
  status: 'applied' | 'already-imported';
  facts: number;
  rosterVersion: number | null;
};

function orgRows(roster: Roster): { units: OrgUnit[]; people: Person[] } {
  return {
    units: roster.units.map((u) => ({ ...u })),
    people: roster.people.map((p) => {
      const person: Person = {
        id: p.id,
        name: p.name,
        unitId: p.unitId,
        positionCategory: p.positionCategory as Person['positionCategory'],
        rankLevel: p.rankLevel,
        roles: p.roles as Person['roles'],
        supervisorId: p.supervisorId,
        active: p.active,
      };
      if (p.title !== undefined) person.title = p.title;
      return person;
    }),
  };
}

export async function applyImport(db: DutyBookDb, plan: ImportPlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  if (plan.status === 'rejected') {
    throw new SyncError('bundle-rejected', plan.rejected.map((r) => `${r.what}:${r.reason}`).join(';'), {
      rejected: plan.rejected,
    });
  }
  const at = (options.now ?? new Date()).toISOString();
  const { payload } = plan;
  const roster = payload.effectiveRoster;
  if (plan.status === 'already-imported' || !roster) return { status: 'already-imported', facts: 0, rosterVersion: null };
  let writes = 0;
  const wrote = () => {
    writes += 1;
    if (options.failAfterWrites !== undefined && writes >= options.failAfterWrites) {
      throw new Error(`injected failure after ${writes} writes`);
    }
  };
  const ctx: MaterialiseContext = {
    db,
    me: payload.me,
    roster,
    async put(table, row) {
      await table.put(row);
      wrote();
    },
    async remove(table, key) {
      await table.delete(key);
      wrote();
    },
  };
  return wrapStorageErrors('import bundle', () =>
    db.transaction('rw', db.tables, async () => {
      if (await db.bundles.get(plan.bundleId)) {
        return { status: 'already-imported' as const, facts: 0, rosterVersion: null };
      }
      const fresh = [...new Map(payload.facts.map((f) => [f.id, f])).values()];
      const known = await db.facts.bulkGet(fresh.map((f) => f.id));
      const added = fresh.filter((_, i) => !known[i]);
      if (added.length > 0) {
        await db.facts.bulkPut(added);
        wrote();
      }
      if (payload.attestations.length > 0) {
        await db.attestations.bulkPut(payload.attestations);
        wrote();
      }
      if (payload.acks) {
        const before = await db.peerHoldings.get(plan.sender.signingPub);
        const same = before?.install === payload.acks.install;
        const row: PeerHoldingsRow = {
          peer: plan.sender.signingPub,
          install: payload.acks.install,
          rosterVersion: Math.max(payload.acks.rosterVersion, same ? before.rosterVersion : 0),
          held: same ? unionHoldings(before.held, payload.acks.held) : payload.acks.held,
          updatedAt: at,
        };
        await ctx.put(db.peerHoldings, row);
      }
      let rosterVersion: number | null = null;
      if (payload.roster) {
        const held = await db.rosters.orderBy('version').last();
        if (!held || held.version < payload.roster.roster.version) {
          rosterVersion = payload.roster.roster.version;
          await ctx.put(db.rosters, { version: rosterVersion, signed: payload.roster, receivedAt: at });
          const { units, people } = orgRows(payload.roster.roster);
          await db.orgUnits.clear();
          await db.people.clear();
          await db.orgUnits.bulkPut(units);
          await db.people.bulkPut(people);
          wrote();
        }
      }
      if (payload.newHrKey) {
        const pinned = await db.trust.get('hr');
        if (pinned?.id === 'hr') await ctx.put(db.trust, rotatedPin(pinned, payload.newHrKey, options.now ?? new Date()));
      }
      const logRow: BundleLogRow = {
        id: plan.bundleId,
        peer: plan.sender.signingPub,
        peerName: plan.sender.name,
        direction: 'in',
        sequence: plan.sequence,
        facts: added.length,
        attestations: payload.attestations.length,
        rosterVersion,
        at,
      };
      await ctx.put(db.bundles, logRow);
      for (const fact of added) await materialisers[fact.type]?.apply(ctx, fact);
      return { status: 'applied' as const, facts: added.length, rosterVersion };
    }),
  );
}

