/**
 * The organisation the roster and 考核办法 fuzz tests share: HR, a supervisor and two officials, the
 * first roster distributed and pinned everywhere, and HR's real next roster (version 2, carrying the
 * national preset's 考核办法) made by the real issue path and sent to the supervisor by the real export.
 * Mutated rosters are signed again with HR's organisation key and carried in a bundle from HR's device.
 */
import { presetConfig } from '../../../shared/domain';
import { getCurrentRoster, saveRoster, type DutyBookDb } from '../../../shared/store';
import { canonicalJsonBytes } from '../../../shared/bundle/canonical-json';
import { writeBundle } from '../../../shared/bundle/container';
import type { CryptoSuite } from '../../../shared/bundle/crypto';
import {
  DOMAINS,
  draftNextRoster,
  signRoster,
  signValue,
  type Roster,
  type SignedRoster,
} from '../../../shared/sync';
import {
  distributeRoster,
  makeOrg,
  ORG,
  PEOPLE,
  send,
  suite,
  type Device,
  type Org,
} from '../sync/model/harness';

export type RosterOrg = {
  s: CryptoSuite;
  org: Org;
  H: Device;
  S1: Device;
  /** Version 2 as HR signed it. */
  signed: SignedRoster;
  /** The real bundle HR → S1 that carries it. */
  bundle: Uint8Array;
};

export async function rosterOrg(): Promise<RosterOrg> {
  const s = await suite();
  const org = await makeOrg({ people: PEOPLE.filter((p) => ['H', 'S1', 'O1', 'O2'].includes(p.id)) });
  await distributeRoster(org);
  const [H, S1] = [org.devices.H, org.devices.S1];
  if (!H || !S1) throw new Error('the organisation lacks H or S1');
  const draft = await draftNextRoster(H.db, {
    orgId: ORG,
    hrKey: org.hrKey,
    config: presetConfig('national'),
  });
  const signed = await signRoster(s, org.orgKey.seed, draft);
  await saveRoster(H.db, signed);
  const { bytes } = await send(H, S1);
  return { s, org, H, S1, signed, bundle: bytes };
}

/** JSON bytes of a value: canonical when it can be, else plain JSON (which a reader must refuse). */
export function jsonBytes(v: unknown): Uint8Array {
  try {
    return canonicalJsonBytes(v);
  } catch {
    return new TextEncoder().encode(JSON.stringify(v));
  }
}

/** A roster value signed with HR's organisation key (or another seed), as a bundle entry's bytes. */
export async function signedRosterBytes(
  o: RosterOrg,
  roster: unknown,
  seed: Uint8Array = o.org.orgKey.seed,
): Promise<Uint8Array> {
  let signature: string;
  try {
    signature = await signValue(o.s, seed, DOMAINS.roster, roster);
  } catch {
    signature = o.signed.signature; // a value canonical JSON cannot write: no signature can cover it
  }
  return jsonBytes({ roster, signature });
}

/** A bundle from HR's device to S1 carrying exactly this roster entry. */
export function rosterBundle(o: RosterOrg, rosterEntry: Uint8Array, sequence = 77): Promise<Uint8Array> {
  return writeBundle({
    suite: o.s,
    sender: { signingKey: o.H.keys.signing.seed, signingPub: o.H.keys.signing.pub, name: 'H' },
    recipient: { encryptionPub: o.S1.keys.encryption.pub, name: 'S1' },
    entries: [{ type: 'roster', bytes: rosterEntry }],
    acks: null,
    sequence,
  });
}

export function rosterOf(o: RosterOrg): Roster {
  return structuredClone(o.signed.roster);
}

export async function currentRosterVersion(db: DutyBookDb): Promise<number | undefined> {
  return (await getCurrentRoster(db))?.roster.version;
}
