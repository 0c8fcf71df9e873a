/**
 * The export's scan: a full scan hands the facts to send to a sink as it reads them (createBundle
 * encodes them meanwhile). The plan must be the one planned without a sink; past the limit the sink
 * stops and the plan sends the first facts by install and counter.
 */
import { describe, expect, it } from 'vitest';
import { getCurrentRoster, getSelfIdentity } from '../../../../shared/store';
import { byInstallCounter } from '../../../../shared/store/fact-repo';
import { openBundle } from '../../../../shared/sync/container';
import { planExport, type StoredFact } from '../../../../shared/sync/model';
import {
  distributeRoster,
  makeOrg,
  receive,
  send,
  suite,
  writePlan,
  writeRecord,
  type Device,
} from './harness';

async function orgWithRelayedFacts() {
  const org = await makeOrg();
  await distributeRoster(org);
  const { O1, O2, O3, S1 } = org.devices;
  await writePlan(O1!, ['甲']);
  await writeRecord(O1!, 1, '一月');
  await writeRecord(O1!, 2, '二月');
  await writePlan(O2!, ['乙']);
  await writePlan(O3!, ['丙']);
  await writeRecord(O3!, 1, '一月');
  for (const o of [O1!, O2!, O3!]) await receive(S1!, (await send(o, S1!)).bytes);
  await writePlan(S1!, ['主任的计划']);
  return org;
}

async function plan(
  from: Device,
  to: Device,
  options: { limit?: number; sink?: (f: StoredFact[]) => void } = {},
) {
  const me = (await getSelfIdentity(from.db))!;
  const roster = (await getCurrentRoster(from.db))!;
  return planExport(
    from.db,
    {
      me,
      roster,
      peer: { personId: to.personId },
      full: true,
      ...(options.limit ? { limit: options.limit } : {}),
    },
    options.sink,
  );
}

const ids = (facts: readonly StoredFact[]) => facts.map((f) => f.id);

describe('a full scan hands the facts to send to a sink as it reads them', () => {
  it('the sink sees exactly the plan’s facts, and the plan is the one made without it', async () => {
    const org = await orgWithRelayedFacts();
    const { S1 } = org.devices;
    // O2's attestation is gone: its plan cannot be relayed and must be neither given nor sent.
    await S1!.db.attestations.where('author').equals('O2').delete();
    const seen: StoredFact[][] = [];
    const withSink = await plan(S1!, org.hr, { sink: (f) => seen.push(f) });
    const plain = await plan(S1!, org.hr);

    expect(withSink).toEqual(plain);
    expect(plain.facts.length).toBeGreaterThan(5);
    expect(seen.length).toBeGreaterThan(0);
    expect(ids(seen.flat()).sort()).toEqual(ids(plain.facts).sort());
    // The plan's order stays by install and counter.
    expect(ids(plain.facts)).toEqual(ids([...plain.facts].sort(byInstallCounter)));
    expect(plain.withheld.map((w) => w.reason)).toContain('缺少作者的签名,无法转发');
    expect(ids(seen.flat())).not.toEqual(expect.arrayContaining(plain.withheld.map((w) => w.factId)));
  });

  it('past the limit the sink stops and the plan sends the first facts by install and counter', async () => {
    const org = await orgWithRelayedFacts();
    const { S1 } = org.devices;
    const total = (await plan(S1!, org.hr)).facts.length;
    const limit = total - 2;
    let given = 0;
    const withSink = await plan(S1!, org.hr, { limit, sink: (f) => (given += f.length) });
    expect(given).toBeLessThanOrEqual(limit);
    expect(withSink.more).toBe(true);
    expect(withSink.facts).toHaveLength(limit);
    expect(withSink).toEqual(await plan(S1!, org.hr, { limit }));
  });

  it('a plan by index (the peer sees part of the roster) never calls the sink', async () => {
    const org = await orgWithRelayedFacts();
    const { S1, O1 } = org.devices;
    let called = false;
    const p = await plan(S1!, O1!, { sink: () => (called = true) });
    expect(called).toBe(false);
    expect(p.facts.length).toBeGreaterThan(0);
  });

  it('createBundle writes the plan’s facts in its order, after the roster and attestations, and the peer takes it', async () => {
    const org = await orgWithRelayedFacts();
    const { S1 } = org.devices;
    for (const limit of [undefined, 3]) {
      const out = await send(S1!, org.hr, { full: true, ...(limit ? { limit } : {}) });
      const opened = await openBundle(out.bytes, {
        suite: await suite(),
        recipientEncryptionKey: org.hr.keys.encryption.seed,
        recipientEncryptionPub: org.hr.keys.encryption.pub,
      });
      const facts = opened.manifest.entries.filter((e) => e.type === 'fact');
      expect(facts.map((e) => e.hash)).toEqual(ids(out.plan.facts));
      expect(opened.manifest.entries.slice(-facts.length)).toEqual(facts);
      expect(opened.manifest.entries.map((e) => e.type)).toContain('roster');
      expect((await receive(org.hr, out.bytes)).status).toBe('ready');
    }
  });
});
