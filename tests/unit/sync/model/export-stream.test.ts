/**
 * The export's scan and what it sends: a full scan hands the facts to send to a sink as it reads them
 * (createBundle compresses them meanwhile), and the plan's facts are then exactly those, in that
 * order; past the limit the sink stops and the plan sends the first facts by install and counter.
 * Each fact goes out as the canonical bytes the store kept for it.
 */
import { describe, expect, it } from 'vitest';
import { getCurrentRoster, getSelfIdentity } from '../../../../shared/store';
import { byInstallCounter } from '../../../../shared/store/fact-repo';
import { openBundle } from '../../../../shared/bundle/container';
import {
  factBytes,
  factOf,
  factOfRow,
  planExport,
  sha256Hex,
  type FactRow,
} from '../../../../shared/sync';
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
  options: { limit?: number; sink?: (f: FactRow[]) => void } = {},
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

const ids = (facts: readonly { id: string }[]) => facts.map((f) => f.id);

describe('a full scan hands the facts to send to a sink as it reads them', () => {
  it('without a sink: what the peer may take, by install and counter, withholding what cannot be relayed', async () => {
    const org = await orgWithRelayedFacts();
    const { S1 } = org.devices;
    // O2's attestation is gone: its plan cannot be relayed and must be withheld, not sent.
    await S1!.db.attestations.where('author').equals('O2').delete();
    const p = await plan(S1!, org.hr);
    expect(p.streamed).toBe(false);
    expect(p.facts.length).toBeGreaterThan(5);
    expect(ids(p.facts)).toEqual(ids([...p.facts].sort(byInstallCounter)));
    expect(p.withheld.map((w) => w.reason)).toContain('缺少作者的签名,无法转发');
    expect(ids(p.facts)).not.toEqual(expect.arrayContaining(p.withheld.map((w) => w.factId)));
  });

  it('the sink gets exactly the plan’s facts, each part by install and counter, and the plan is otherwise the one made without it', async () => {
    const org = await orgWithRelayedFacts();
    const { S1 } = org.devices;
    await S1!.db.attestations.where('author').equals('O2').delete();
    const seen: FactRow[][] = [];
    const withSink = await plan(S1!, org.hr, { sink: (f) => seen.push(f) });
    const plain = await plan(S1!, org.hr);
    expect(withSink.streamed).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(ids(withSink.facts)).toEqual(ids(seen.flat()));
    for (const part of seen) expect(ids(part)).toEqual(ids([...part].sort(byInstallCounter)));
    expect(ids(withSink.facts).sort()).toEqual(ids(plain.facts).sort());
    expect({ ...withSink, facts: [], streamed: false }).toEqual({ ...plain, facts: [] });
    expect(ids(seen.flat())).not.toEqual(expect.arrayContaining(plain.withheld.map((w) => w.factId)));
  });

  it('past the limit the sink stops and the plan sends the first facts by install and counter', async () => {
    const org = await orgWithRelayedFacts();
    const { S1 } = org.devices;
    const all = await plan(S1!, org.hr);
    const limit = all.facts.length - 2;
    let given = 0;
    const withSink = await plan(S1!, org.hr, { limit, sink: (f) => (given += f.length) });
    expect(given).toBeLessThanOrEqual(limit);
    expect(withSink.streamed).toBe(false);
    expect(withSink.more).toBe(true);
    expect(ids(withSink.facts)).toEqual(ids(all.facts).slice(0, limit));
    expect(withSink).toEqual(await plan(S1!, org.hr, { limit }));
  });

  it('a plan by index (the peer sees part of the roster) never calls the sink', async () => {
    const org = await orgWithRelayedFacts();
    const { S1, O1 } = org.devices;
    let called = false;
    const p = await plan(S1!, O1!, { sink: () => (called = true) });
    expect(called).toBe(false);
    expect(p.streamed).toBe(false);
    expect(p.facts.length).toBeGreaterThan(0);
  });

  it('createBundle writes the plan’s facts in its order, with the roster and attestations, and the peer takes it', async () => {
    const org = await orgWithRelayedFacts();
    const { S1 } = org.devices;
    for (const limit of [undefined, 3]) {
      const out = await send(S1!, org.hr, { full: true, ...(limit ? { limit } : {}) });
      expect(out.plan.streamed).toBe(limit === undefined);
      const opened = await openBundle(out.bytes, {
        suite: await suite(),
        recipientEncryptionKey: org.hr.keys.encryption.seed,
        recipientEncryptionPub: org.hr.keys.encryption.pub,
      });
      const facts = opened.manifest.entries.filter((e) => e.type === 'fact');
      expect(facts.map((e) => e.hash)).toEqual(ids(out.plan.facts));
      expect(opened.manifest.entries.map((e) => e.type)).toContain('roster');
      expect((await receive(org.hr, out.bytes)).status).toBe('ready');
    }
  });

  it('each fact goes out as the bytes it was stored with: the encoding of the fact, hashing to its id', async () => {
    const org = await orgWithRelayedFacts();
    const { S1 } = org.devices;
    const out = await send(S1!, org.hr, { full: true });
    const opened = await openBundle(out.bytes, {
      suite: await suite(),
      recipientEncryptionKey: org.hr.keys.encryption.seed,
      recipientEncryptionPub: org.hr.keys.encryption.pub,
    });
    const stored = new Map((await S1!.db.facts.toArray()).map((r) => [r.id, r]));
    const sent = opened.entries.filter((e) => e.type === 'fact');
    expect(sent.length).toBe(out.plan.facts.length);
    for (const e of sent) {
      const row = stored.get(e.hash)!;
      expect(e.bytes).toEqual(row.bytes);
      expect(factBytes(factOf(factOfRow(row)))).toEqual(row.bytes);
      expect(sha256Hex(row.bytes)).toBe(row.id);
    }
  });
});
