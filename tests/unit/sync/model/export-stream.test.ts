/**
 * The streamed export: a full scan hands the facts to send to a sink as it reads them (createBundle
 * encodes and compresses them meanwhile). The plan must be the one planned without a sink — same
 * facts, withheld, attestations and acks — with its facts in the order the sink saw them; past the
 * limit the sink stops and the plan falls back to the first facts by install and counter.
 */
import { describe, expect, it } from 'vitest';
import { getCurrentRoster, getSelfIdentity } from '../../../../shared/store';
import { byInstallCounter } from '../../../../shared/store/fact-repo';
import { openBundle } from '../../../../shared/sync/container';
import { planExport, type ExportPlan, type StoredFact } from '../../../../shared/sync/model';
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
/** Everything but the facts' order and the flag. */
const sameness = (p: ExportPlan) => ({
  facts: ids(p.facts).sort(),
  ownFactIds: [...p.ownFactIds].sort(),
  attestations: p.attestations.map((a) => a.id).sort(),
  withheld: p.withheld,
  acks: p.acks,
  more: p.more,
});

describe('a full scan streams the facts it will send', () => {
  it('the sink sees exactly the plan’s facts, by id, and the plan is the one made without it', async () => {
    const org = await orgWithRelayedFacts();
    const { S1 } = org.devices;
    // O2's attestation is gone: its plan cannot be relayed and must be neither streamed nor sent.
    await S1!.db.attestations.where('author').equals('O2').delete();
    const seen: StoredFact[][] = [];
    const streamed = await plan(S1!, org.hr, { sink: (f) => seen.push(f) });
    const plain = await plan(S1!, org.hr);

    expect(streamed.streamed).toBe(true);
    expect(plain.streamed).toBe(false);
    expect(sameness(streamed)).toEqual(sameness(plain));
    expect(streamed.facts.length).toBeGreaterThan(5);
    expect(seen.length).toBeGreaterThan(0);
    expect(ids(seen.flat())).toEqual(ids(streamed.facts));
    expect(ids(streamed.facts)).toEqual(ids(streamed.facts).sort());
    // Without a sink the order stays by install and counter.
    expect(ids(plain.facts)).toEqual(ids([...plain.facts].sort(byInstallCounter)));
    expect(streamed.withheld.map((w) => w.reason)).toContain('缺少作者的签名,无法转发');
    expect(ids(streamed.facts)).not.toEqual(expect.arrayContaining(streamed.withheld.map((w) => w.factId)));
  });

  it('past the limit the sink stops and the plan sends the first facts by install and counter', async () => {
    const org = await orgWithRelayedFacts();
    const { S1 } = org.devices;
    const total = (await plan(S1!, org.hr)).facts.length;
    const limit = total - 2;
    let given = 0;
    const streamed = await plan(S1!, org.hr, { limit, sink: (f) => (given += f.length) });
    const plain = await plan(S1!, org.hr, { limit });
    expect(streamed.streamed).toBe(false);
    expect(given).toBeLessThanOrEqual(limit);
    expect(streamed.more).toBe(true);
    expect(ids(streamed.facts)).toEqual(ids(plain.facts));
    expect(streamed.facts).toHaveLength(limit);
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

  it('createBundle writes the streamed facts first, then the roster and attestations, and the peer takes it', async () => {
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
      const types = opened.entries.map((e) => e.type);
      const facts = types.filter((t) => t === 'fact').length;
      expect(facts).toBe(out.plan.facts.length);
      expect(types.slice(0, facts).every((t) => t === 'fact')).toBe(true);
      expect(types.slice(facts)).toContain('roster');
      expect(types.slice(facts)).toContain('attestation');
      expect(opened.manifest.entries.slice(0, facts).map((e) => e.hash)).toEqual(ids(out.plan.facts));
      expect((await receive(org.hr, out.bytes)).status).toBe('ready');
    }
  });
});
