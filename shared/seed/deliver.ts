/**
 * From drafts to what a real organisation exchanges: every person's keys (deterministic from the
 * seed), the facts with their per-install counters and ids, one author attestation per author per
 * bundle, and the bundles themselves — one (or more, split at `MAX_FACTS_PER_BUNDLE`) per supervisor
 * to HR, relaying their team's records as a supervisor → HR exchange does. The bundles are real:
 * written by the container (signed by the supervisor, encrypted to HR), so HR's import verifies them
 * exactly as it verifies anyone's.
 */
import { toHex } from '../bundle/bytes';
import { canonicalJsonBytes } from '../bundle/canonical-json';
import { writeBundle } from '../bundle/container';
import type { CryptoSuite } from '../bundle/crypto';
import { attestationBytes, makeAttestation } from '../ledger/attestations';
import { encodeBody, factBytes, factOf, sortedIds, storedFact } from '../ledger/facts';
import type { DeviceKeys, KeyHalf } from '../ledger/identity';
import type { Acks, SignedRoster, StoredFact } from '../ledger/types';
import { holdingsOf } from '../store/fact-repo';
import type { FactDraft } from './history-drafts';
import type { Organisation, SeedPerson } from './organisation';
import { derivedSeed, Random } from './random';

/** About 10k versions commit in seconds (design/sync.md); stay below. */
export const MAX_FACTS_PER_BUNDLE = 8000;

export type Installs = {
  keys: Map<string, DeviceKeys>;
  /** Each person's install id (the `device` of their facts). */
  devices: Map<string, string>;
};

/** A person's keys from the seed: the same seed always gives the same keys. */
export async function personKeys(suite: CryptoSuite, seed: string, personId: string): Promise<DeviceKeys> {
  const s = derivedSeed(seed, 'person', personId, 'signing');
  const e = derivedSeed(seed, 'person', personId, 'encryption');
  return {
    signing: { seed: s, pub: await suite.ed25519PublicKey(s) },
    encryption: { seed: e, pub: await suite.x25519PublicKey(e) },
  };
}

/** HR's organisation key from the seed. */
export async function orgKeyFor(suite: CryptoSuite, seed: string): Promise<KeyHalf> {
  const s = derivedSeed(seed, 'hr-org');
  return { seed: s, pub: await suite.ed25519PublicKey(s) };
}

/**
 * Everyone's keys and install ids. `hrDevice`: the install id of the database being seeded (HR's
 * own facts carry it, so that its next own fact continues the counter).
 */
export async function makeInstalls(
  suite: CryptoSuite,
  seed: string,
  org: Organisation,
  hrDevice: string,
  createdAt: number,
): Promise<Installs> {
  const keys = new Map<string, DeviceKeys>();
  const devices = new Map<string, string>();
  const rng = new Random(`${seed}/installs`);
  const all = await Promise.all(org.people.map((p) => personKeys(suite, seed, p.id)));
  org.people.forEach((p, i) => {
    keys.set(p.id, all[i]!);
    devices.set(p.id, p.id === org.hrId ? hrDevice : rng.ulid(createdAt));
  });
  return { keys, devices };
}

/**
 * The facts of the drafts in creation-time order: each author's install counts from 1, parents are
 * the ids of the drafts they name (always earlier), bodies are canonical JSON — what `appendOwnFact`
 * writes on the author's own device.
 */
export function factsOf(drafts: readonly FactDraft[], installs: Installs): StoredFact[] {
  const ordered = [...drafts].sort((a, b) => a.at - b.at || a.seq - b.seq);
  const ids = new Map<FactDraft, string>();
  const counters = new Map<string, number>();
  return ordered.map((d) => {
    const counter = (counters.get(d.author) ?? 0) + 1;
    counters.set(d.author, counter);
    const fact = factOfDraft(d, counter, ids, installs);
    ids.set(d, fact.id);
    return fact;
  });
}

/** One draft's fact, given its install counter and the ids of the drafts written before it. */
export function factOfDraft(
  d: FactDraft,
  counter: number,
  ids: ReadonlyMap<FactDraft, string>,
  installs: Installs,
): StoredFact {
  const parents = d.parents.map((p) => {
    const id = ids.get(p);
    if (!id) throw new Error(`seed: parent of ${d.recordKey} not written first`);
    return id;
  });
  return storedFact({
    v: 1,
    type: d.type,
    subject: d.subject,
    author: d.author,
    authorKey: toHex(installs.keys.get(d.author)!.signing.pub),
    device: installs.devices.get(d.author)!,
    counter,
    recordKey: d.recordKey,
    parents: sortedIds(parents),
    createdAt: new Date(d.at).toISOString(),
    body: encodeBody(d.body),
  });
}

/**
 * Who carries a fact to HR: a supervisor's own records and register go in their own bundle;
 * everything about an official goes in their supervisor's (who received it from them, or wrote it);
 * someone with no supervisor sends their own.
 */
export function relayerOf(byId: ReadonlyMap<string, SeedPerson>, fact: StoredFact): string {
  const subject = byId.get(fact.subject)!;
  if (subject.roles.includes('supervisor') && fact.author === subject.id) return subject.id;
  return subject.supervisorId ?? subject.id;
}

export type OutgoingBundle = {
  senderId: string;
  senderName: string;
  sequence: number;
  bundleId: string;
  bytes: Uint8Array;
  facts: number;
  attestations: number;
};

export type RelayOptions = {
  suite: CryptoSuite;
  seed: string;
  org: Organisation;
  installs: Installs;
  roster: SignedRoster;
  facts: readonly StoredFact[];
  /** Carry the signed roster in every bundle, so a fresh HR device can import them alone. */
  includeRoster: boolean;
  /** Milliseconds: the bundles' creation time. */
  now: number;
  /**
   * Who sends each fact to HR: the supervisor of its subject (default: a relay of the team's
   * records) or its author (everyone's own bundle; HR's own facts still come through its supervisor).
   */
  by?: 'supervisor' | 'author';
  /** At most this many bundles, the first senders' (default: all). */
  maxBundles?: number;
};

/** The bundles that bring every fact to HR (none from HR to itself): supervisors' relays, or each author's own. */
export async function relayBundles(options: RelayOptions): Promise<OutgoingBundle[]> {
  const { org } = options;
  const byId = new Map(org.people.map((p) => [p.id, p]));
  const groups = new Map<string, StoredFact[]>();
  const ownBundles = options.by === 'author';
  for (const f of options.facts) {
    // HR's own records cannot go from HR to itself: its supervisor relays them in either case.
    const relayer = ownBundles && f.author !== org.hrId ? f.author : relayerOf(byId, f);
    const list = groups.get(relayer);
    if (list) list.push(f);
    else groups.set(relayer, [f]);
  }
  const relay = relayWriter(options);
  const out: OutgoingBundle[] = [];
  // Senders in roster order, so the output is the same every time.
  const max = options.maxBundles ?? Number.POSITIVE_INFINITY;
  for (const sender of org.people) {
    if (out.length >= max) break;
    const facts = groups.get(sender.id);
    if (facts) out.push(...(await relay(sender, facts)));
  }
  return out.slice(0, max);
}

/**
 * Writes one sender's bundles to HR (split at `MAX_FACTS_PER_BUNDLE`), numbering them and drawing
 * their ids from one sequence: called for the senders in roster order, it gives the bundles
 * `relayBundles` gives, whether the facts come all at once or one sender's at a time.
 */
export function relayWriter(
  options: Omit<RelayOptions, 'facts' | 'by' | 'maxBundles'>,
): (sender: SeedPerson, facts: readonly StoredFact[]) => Promise<OutgoingBundle[]> {
  const { org, installs, suite } = options;
  const hr = org.people.find((p) => p.id === org.hrId)!;
  const hrKeys = installs.keys.get(hr.id)!;
  const rng = new Random(`${options.seed}/bundles`);
  const rosterEntry = options.includeRoster
    ? [{ type: 'roster', bytes: canonicalJsonBytes(options.roster) }]
    : [];
  return async (sender, facts) => {
    if (sender.id === hr.id) throw new Error('seed: HR cannot relay to itself');
    const keys = installs.keys.get(sender.id)!;
    const out: OutgoingBundle[] = [];
    for (let from = 0, sequence = 1; from < facts.length; from += MAX_FACTS_PER_BUNDLE, sequence++) {
      const chunk = facts.slice(from, from + MAX_FACTS_PER_BUNDLE);
      const byAuthor = new Map<string, string[]>();
      for (const f of chunk) {
        const ids = byAuthor.get(f.author);
        if (ids) ids.push(f.id);
        else byAuthor.set(f.author, [f.id]);
      }
      const attestations = await Promise.all(
        [...byAuthor].map(([author, factIds]) =>
          makeAttestation(suite, installs.keys.get(author)!.signing.seed, {
            author,
            authorKey: toHex(installs.keys.get(author)!.signing.pub),
            factIds,
          }),
        ),
      );
      const acks: Acks = {
        v: 1,
        install: installs.devices.get(sender.id)!,
        rosterVersion: options.roster.roster.version,
        held: holdingsOf(chunk),
      };
      const bundleId = rng.ulid(options.now);
      const bytes = await writeBundle({
        suite,
        sender: { signingKey: keys.signing.seed, signingPub: keys.signing.pub, name: sender.name },
        recipient: { encryptionPub: hrKeys.encryption.pub, name: hr.name },
        entries: [
          ...rosterEntry,
          ...attestations.map((a) => ({ type: 'attestation', bytes: attestationBytes(a) })),
          ...chunk.map((f) => ({ type: 'fact', bytes: factBytes(factOf(f)), hash: f.id })),
        ],
        acks,
        sequence,
        bundleId,
        createdAt: options.now,
      });
      out.push({
        senderId: sender.id,
        senderName: sender.name,
        sequence,
        bundleId,
        bytes,
        facts: chunk.length,
        attestations: attestations.length,
      });
    }
    return out;
  };
}
