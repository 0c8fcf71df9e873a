/**
 * Import, step two: apply a verified plan in ONE read-write transaction that only touches IndexedDB
 * (any other await — WebCrypto, a file read — would let Dexie commit early). Facts, attestations,
 * the peer's acks, the bundle log row, a newer roster (and the org tables it feeds), a rotated HR
 * pin, and the working tables through the materialisers: all of it, or — on any failure — nothing
 * (P8). Everything is read first (a few bulk queries), computed in memory, then written with one
 * bulk operation per table: per-row requests inside the transaction were the import's cost. Applying the same bundle again is a no-op (P3).
 */
import { SyncError } from '../ledger/errors';
import { factOfRow, factRow } from '../ledger/facts';
import { unionHoldings } from '../ledger/holdings';
import type { ImportPlan } from './import';
import { groupByMaterialiser, type Known, type MaterialiseContext, type TableWrites } from '../store/materialise';
import { rotatedPin } from './trust';
import { appendAudit } from '../store/audit';
import type { DutyBookDb } from '../store/db';
import { noteWritten } from '../store/status';
import { wrapStorageErrors } from '../store/storage-errors';
import type { OrgUnit, Person } from '../domain';
import type { BundleLogRow, PeerHoldingsRow, Roster, StoredFact } from '../ledger/types';

export type ApplyOptions = {
  now?: Date;
  /** Tests only: throw after this many (bulk) write operations, to prove the transaction rolls back. */
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
  /** Every write goes through here: one bulk operation per call (the failure hook counts them). */
  const write = async (op: () => PromiseLike<unknown>) => {
    await op();
    writes += 1;
    if (options.failAfterWrites !== undefined && writes >= options.failAfterWrites) {
      throw new Error(`injected failure after ${writes} writes`);
    }
  };
  const ctx: MaterialiseContext = { db, me: payload.me, roster };
  return wrapStorageErrors('import bundle', () =>
    db.transaction('rw', db.tables, async () => {
      // Reads first (a few bulk queries), everything computed in memory, then one bulk write per table.
      if (await db.bundles.get(plan.bundleId)) {
        return { status: 'already-imported' as const, facts: 0, rosterVersion: null };
      }
      const fresh = [...new Map(payload.facts.map((f) => [f.id, f])).values()];
      // The stored facts of the records this bundle touches: tells which facts are new (the plan's
      // view may be stale) and is what materialisation needs — one index query, no per-id lookups.
      const storedRows = await db.facts.where('recordKey').anyOf([...new Set(fresh.map((f) => f.recordKey))]).toArray();
      const storedIds = new Set(storedRows.map((f) => f.id));
      const added = fresh.filter((f) => !storedIds.has(f.id));
      const stored = storedRows.map(factOfRow);
      const factsOfRecords = new Map<string, StoredFact[]>();
      for (const f of stored) {
        const list = factsOfRecords.get(f.recordKey);
        if (list) list.push(f);
        else factsOfRecords.set(f.recordKey, [f]);
      }
      const known: Known = { factsOfRecords, bodies: payload.bodies ?? new Map(), added };
      const before = payload.acks ? await db.peerHoldings.get(plan.sender.signingPub) : undefined;
      const heldRoster = payload.roster ? await db.rosters.orderBy('version').last() : undefined;
      const pinned = payload.newHrKey ? await db.trust.get('hr') : undefined;
      const materialised: TableWrites[] = [];
      for (const [m, facts] of groupByMaterialiser(added)) materialised.push(...(await m.plan(ctx, facts, known)));

      if (added.length > 0) {
        // The bundle's own bytes, copied out of its decompressed content (IndexedDB would store the
        // whole buffer a view is on).
        const rows = added.map((f) => factRow(f, payload.bytes?.get(f.id)?.slice()));
        await write(() => db.facts.bulkPut(rows));
      }
      if (payload.attestations.length > 0) await write(() => db.attestations.bulkPut(payload.attestations));
      if (payload.acks) {
        const same = before?.install === payload.acks.install;
        const row: PeerHoldingsRow = {
          peer: plan.sender.signingPub,
          install: payload.acks.install,
          rosterVersion: Math.max(payload.acks.rosterVersion, same ? before.rosterVersion : 0),
          held: same ? unionHoldings(before.held, payload.acks.held) : payload.acks.held,
          updatedAt: at,
        };
        await write(() => db.peerHoldings.put(row));
      }
      let rosterVersion: number | null = null;
      if (payload.roster && (!heldRoster || heldRoster.version < payload.roster.roster.version)) {
        const version = payload.roster.roster.version;
        rosterVersion = version;
        const signed = payload.roster;
        await write(() => db.rosters.put({ version, signed, receivedAt: at }));
        const { units, people } = orgRows(signed.roster);
        await write(async () => {
          await db.orgUnits.clear();
          await db.people.clear();
          await db.orgUnits.bulkPut(units);
          await db.people.bulkPut(people);
        });
      }
      if (payload.newHrKey && pinned?.id === 'hr') {
        const newHrKey = payload.newHrKey;
        await write(() => db.trust.put(rotatedPin(pinned, newHrKey, options.now ?? new Date())));
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
      await write(() => db.bundles.put(logRow));
      for (const w of materialised) {
        if (w.remove.length > 0) await write(() => w.table.bulkDelete(w.remove));
        if (w.put.length > 0) await write(() => w.table.bulkPut(w.put));
      }
      await write(() => noteWritten(db, materialised.map((w) => ({ table: w.table.name, rows: w.put }))));
      // One audit entry per applied bundle (never per fact), in this transaction: a refused or
      // failed import rolls it back with everything else.
      await appendAudit(db, [
        {
          at,
          actor: payload.me.personId,
          action: 'import',
          subject: plan.sender.personId ?? '',
          ref: plan.bundleId,
          summary:
            `导入 来自 ${plan.sender.name} 的数据包:新增${added.length}条记录` +
            (rosterVersion !== null ? `,人员名册第${rosterVersion}版` : ''),
        },
      ]);
      return { status: 'applied' as const, facts: added.length, rosterVersion };
    }),
  );
}
