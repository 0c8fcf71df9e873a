/**
 * Author attestations: instead of one signature per fact, an author signs once per export the sorted
 * ids of the facts they wrote that go into the bundle. Relays store attestations and pass them on
 * unchanged — they never re-sign content — so HR can prove who wrote a record however it travelled.
 * An attestation that also names facts the recipient does not get reveals only those facts' hashes.
 */
import { z } from 'zod';
import { canonicalJsonBytes, isJsonObject, parseCanonicalJson } from '../bundle/canonical-json';
import type { CryptoSuite } from '../bundle/crypto';
import { factIdSchema, hexKeySchema, sha256Hex } from './facts';
import { DOMAINS, signValue, verifyValue } from './signing';
import type { Attestation, StoredAttestation } from './types';

export const MAX_ATTESTED_IDS = 100_000;

export const attestationSchema = z.strictObject({
  v: z.literal(1),
  author: z.string().min(1).max(64),
  authorKey: hexKeySchema,
  factIds: z
    .array(factIdSchema)
    .min(1)
    .max(MAX_ATTESTED_IDS)
    .refine((ids) => ids.every((x, i) => i === 0 || ids[i - 1]! < x), { error: 'factIds must be sorted and unique' }),
  signature: z.string().regex(/^[0-9a-f]{128}$/),
});

function signedPart(a: Omit<Attestation, 'signature'>) {
  return { v: a.v, author: a.author, authorKey: a.authorKey, factIds: a.factIds };
}

export function attestationBytes(a: Attestation): Uint8Array {
  return canonicalJsonBytes(a);
}

export function storedAttestation(a: Attestation): StoredAttestation {
  return { ...a, id: sha256Hex(attestationBytes(a)) };
}

export async function makeAttestation(
  suite: CryptoSuite,
  signingSeed: Uint8Array,
  input: { author: string; authorKey: string; factIds: readonly string[] },
): Promise<Attestation> {
  const body = { v: 1 as const, author: input.author, authorKey: input.authorKey, factIds: [...new Set(input.factIds)].sort() };
  return { ...body, signature: await signValue(suite, signingSeed, DOMAINS.attestation, signedPart(body)) };
}

export function parseAttestation(
  bytes: Uint8Array,
): { attestation: Attestation; id: string } | { problem: 'malformed' | 'unsupported'; detail: string } {
  let value: unknown;
  try {
    value = parseCanonicalJson(bytes);
  } catch (e) {
    return { problem: 'malformed', detail: e instanceof Error ? e.message : String(e) };
  }
  if (isJsonObject(value) && value.v !== 1) return { problem: 'unsupported', detail: `attestation v${JSON.stringify(value.v)}` };
  const r = attestationSchema.safeParse(value);
  if (!r.success) return { problem: 'malformed', detail: r.error.issues[0]?.message ?? 'bad attestation' };
  return { attestation: r.data, id: sha256Hex(bytes) };
}

export function verifyAttestation(suite: CryptoSuite, a: Attestation): Promise<boolean> {
  return verifyValue(suite, a.authorKey, DOMAINS.attestation, signedPart(a), a.signature);
}
