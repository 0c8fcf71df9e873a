/**
 * P4 (any import order, with duplicates → identical state) and P9 (relay completeness), as
 * fast-check properties over real bundles between real databases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCurrentRoster, getSelfIdentity, saveRoster, setSelfIdentity } from '../../../../shared/store';
import { appendOwnFact, ownFactTables } from '../../../../shared/store';
import type { SignedEvaluation } from '../../../../shared/domain';
import { fingerprintHex, mayRead, pinHrKey } from '../../../../shared/sync';
import { freshName, openTestDb } from '../../store/helpers';
import {
  distributeRoster,
  dump,
  makeOrg,
  PEOPLE,
  receive,
  send,
  writePlan,
  writeRecord,
  writeSummary,
  type Device,
  type Org,
} from './harness';

/** Another database for the same person and keys: HR's state after some import order. */
async function replica(org: Org, of: Device): Promise<Device> {
  const db = await openTestDb(freshName(`${of.label}-replica`));
  const self = (await getSelfIdentity(of.db))!;
  const { identity } = await setSelfIdentity(db, {
    personId: self.personId,
    signingPub: self.signingPub,
    encryptionPub: self.encryptionPub,
  });
  await saveRoster(db, (await getCurrentRoster(org.hr.db))!);
  await pinHrKey(db, { hrKey: org.hrKey, confirmedFingerprint: fingerprintHex(org.hrKey) });
  return { ...of, db, deviceId: identity.device };
}

async function importAll(to: Device, bundles: readonly Uint8Array[]): Promise<void> {
  for (const b of bundles) await receive(to, b);
}

describe('P4: import order does not matter', () => {
  it('1 HR, 2 supervisors, 5 officials (one on two PCs): any order, with duplicates → identical state', async () => {
    const org = await makeOrg({ O1b: true });
    await distributeRoster(org);
    const d = org.devices;
    const H = d.H!;
    await writePlan(d.O1!, ['甲']);
    await writePlan(d.O1b!, ['乙']); // concurrent with O1's: a conflict HR must resolve the same way
    await writeRecord(d.O1!, 1, '一月');
    await writePlan(d.O2!, ['丙']);
    await writeRecord(d.O3!, 2, '二月');
    await writePlan(d.O4!, ['丁']);
    await writeSummary(d.O5!, 1, '第一季度完成了全部计划任务,工作质量较好,按期完成。');
    await writePlan(d.S1!, ['主任的计划']);
    await writePlan(d.S2!, ['科长的计划']);

    const pool: Uint8Array[] = [];
    pool.push((await send(d.O1!, H, { limit: 1 })).bytes);
    pool.push((await send(d.O1!, H)).bytes);
    pool.push((await send(d.O1b!, H)).bytes);
    for (const o of ['O1', 'O1b', 'O2', 'O3']) await receive(d.S1!, (await send(d[o]!, d.S1!)).bytes);
    for (const o of ['O4', 'O5']) await receive(d.S2!, (await send(d[o]!, d.S2!)).bytes);
    pool.push((await send(d.S1!, H, { limit: 2 })).bytes);
    pool.push((await send(d.S1!, H)).bytes);
    pool.push((await send(d.S2!, H)).bytes);
    pool.push((await send(d.O5!, H)).bytes);
    // A later version that supersedes one of the earlier ones.
    await writeRecord(d.O4!, 3, '三月');
    pool.push((await send(d.O4!, H)).bytes);

    const reference = await replica(org, H);
    await importAll(reference, pool);
    const expected = await dump(reference.db);
    expect(expected.facts).toHaveLength(10);
    expect(expected.plans).toHaveLength(5);

    const all = pool.map((_, i) => i);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(pool.length - 1), { maxLength: 5 }),
        fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
        async (dups, order) => {
          const r = await replica(org, H);
          await importAll(
            r,
            [...dups, ...order, ...dups].map((i) => pool[i]!),
          );
          expect(await dump(r.db)).toEqual(expected);
          r.db.close();
        },
      ),
      { numRuns: 25 },
    );
  });
});

type Op =
  | { kind: 'write'; who: number }
  | { kind: 'evaluate'; whom: number }
  | { kind: 'send'; edge: number; limit: number }
  | { kind: 'deliver'; to: number; pick: number; keep: boolean };

/** A supervisor's signed 领导评鉴 of a report (its nth correction when the quarter repeats). */
async function evaluate(sup: Device, subject: string, n: number): Promise<void> {
  const quarter = ((n % 4) + 1) as 1 | 2 | 3 | 4;
  const body: SignedEvaluation = {
    id: `E${n}`,
    subject,
    evaluator: sup.personId,
    year: 2026,
    quarter,
    method: 'grade',
    grade: 'good',
    bonuses: [],
    peerOpinion: { consulted: 5, scope: '本科室同事', gist: '工作积极' },
    publicFeedback: null,
    opinion: `第${n}次评鉴`,
    evidence: { recordVersions: [] },
    version: Math.floor(n / 4) + 1,
    resultGrade: 'good',
    evaluatorName: '王主任',
    signedAt: '2026-04-01T00:00:00.000Z',
  };
  await sup.db.transaction('rw', ownFactTables(sup.db), () =>
    appendOwnFact(sup.db, {
      type: 'evaluation',
      subject,
      recordKey: `evaluation/${subject}/2026-Q${quarter}`,
      body,
      createdAt: '2026-04-01T00:00:00.000Z',
    }),
  );
}

describe('P9: relay completeness', () => {
  it('official → supervisor → HR with partial, lost, duplicated and out-of-order bundles: HR ends with everything in scope', async () => {
    // O3 sits in unit '10', outside the HR officer's units: facts about O3 leave gaps in the
    // supervisor's counters as HR sees them, so holdings must not be a bare "highest counter".
    const people = PEOPLE.filter((p) => ['H', 'S1', 'O1', 'O2', 'O3'].includes(p.id)).map((p) =>
      p.id === 'O3' ? { ...p, unitId: '10' } : p,
    );
    const org = await makeOrg({ people, hrUnitIds: { H: ['1'] } });
    await distributeRoster(org);
    const d = org.devices;
    const officials = ['O1', 'O2', 'O3'];
    const edges: [string, string][] = [
      ['O1', 'S1'],
      ['O2', 'S1'],
      ['O3', 'S1'],
      ['S1', 'H'],
      ['H', 'S1'],
      ['S1', 'O1'],
      ['S1', 'O2'],
      ['S1', 'O3'],
      ['O1', 'H'],
      ['H', 'O1'],
    ];
    const nodes = ['O1', 'O2', 'O3', 'S1', 'H'];
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('write' as const), who: fc.nat(2) }),
      fc.record({ kind: fc.constant('evaluate' as const), whom: fc.nat(2) }),
      fc.record({
        kind: fc.constant('send' as const),
        edge: fc.nat(edges.length - 1),
        limit: fc.integer({ min: 1, max: 3 }),
      }),
      fc.record({
        kind: fc.constant('deliver' as const),
        to: fc.nat(nodes.length - 1),
        pick: fc.nat(),
        keep: fc.boolean(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 40 }), async (ops) => {
        const live: Record<string, Device> = {};
        for (const n of nodes) live[n] = await replica(org, d[n]!);
        const inbox: Record<string, Uint8Array[]> = Object.fromEntries(nodes.map((n) => [n, []]));
        const written: Record<string, number> = { O1: 0, O2: 0, O3: 0 };
        let evaluations = 0;
        for (const o of ops) {
          if (o.kind === 'write') {
            const who = officials[o.who]!;
            written[who]! += 1;
            await writeRecord(live[who]!, written[who]!, `${who} 第${written[who]}次`);
          } else if (o.kind === 'evaluate') {
            await evaluate(live.S1!, officials[o.whom]!, evaluations++);
          } else if (o.kind === 'send') {
            const [from, to] = edges[o.edge]!;
            inbox[to]!.push((await send(live[from]!, live[to]!, { limit: o.limit })).bytes);
          } else {
            const box = inbox[nodes[o.to]!]!;
            if (box.length === 0) continue;
            const i = o.pick % box.length;
            const bytes = box[i]!;
            if (!o.keep) box.splice(i, 1);
            await receive(live[nodes[o.to]!]!, bytes);
          }
        }
        // Then the sticks go round incrementally (no full export) until nothing is left to send.
        for (let round = 0; round < 30; round++) {
          let moved = 0;
          for (const [from, to] of edges) {
            const out = await send(live[from]!, live[to]!, { limit: 3 });
            moved += out.plan.facts.length;
            await receive(live[to]!, out.bytes);
          }
          if (moved === 0) break;
        }
        const roster = (await getCurrentRoster(live.H!.db))!.roster;
        const inScope = new Set<string>();
        let total = 0;
        for (const n of ['O1', 'O2', 'O3', 'S1']) {
          for (const f of await live[n]!.db.facts.toArray()) {
            if (f.device === live[n]!.deviceId) total += 1;
            if (mayRead(roster, 'H', f)) inScope.add(f.id);
          }
        }
        expect(total).toBe(Object.values(written).reduce((a, b) => a + b, 0) + evaluations);
        const atHr = new Set((await live.H!.db.facts.toArray()).map((f) => f.id));
        expect(atHr).toEqual(inScope);
        for (const n of nodes) live[n]!.db.close();
      }),
      { numRuns: 10 },
    );
  });
});
