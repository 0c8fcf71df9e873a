/**
 * Facts: every submitted record version becomes a fact, identified by the SHA-256 of its canonical
 * bytes. The set of facts only grows, so the order in which they arrive cannot matter; which version
 * is current is decided by parent references (the DAG's heads) and a deterministic tie-break, never
 * by a clock. Pure functions only (the store calls them inside its transactions, so hashing is the
 * synchronous @noble one: an await on WebCrypto would commit a Dexie transaction early).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { canonicalJson as domainCanonicalJson } from '../../domain/plan';
import { toHex } from '../bytes';
import { canonicalJsonBytes, isJsonObject, parseCanonicalJson } from '../canonical-json';
import type { Fact, StoredFact } from './types';

export const FACT_FORMAT_VERSION = 1;
/** A fact's canonical bytes may not exceed this (a record book is a few KiB). */
export const MAX_FACT_BYTES = 1024 * 1024;

export const hexKeySchema = z.string().regex(/^[0-9a-f]{64}$/, { error: '密钥格式不正确' });
export const factIdSchema = z.string().regex(/^[0-9a-f]{64}$/, { error: '编号格式不正确' });
const idSchema = z.string().min(1).max(64).regex(/^[^/\s]+$/);

export const factSchema = z.strictObject({
  v: z.literal(1),
  type: z
    .string()
    .max(64)
    .regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/),
  subject: idSchema,
  author: idSchema,
  authorKey: hexKeySchema,
  device: idSchema,
  counter: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  recordKey: z.string().min(3).max(200).regex(/^[^/\s]+\/[^/\s]+\/[^\s]+$/),
  parents: z
    .array(factIdSchema)
    .max(64)
    .refine((ps) => ps.every((p, i) => i === 0 || ps[i - 1]! < p), { error: 'parents must be sorted and unique' }),
  createdAt: z.string().max(40),
  body: z.string().max(MAX_FACT_BYTES),
});

export function sha256Hex(bytes: Uint8Array): string {
  return toHex(sha256(bytes));
}

export function factBytes(fact: Fact): Uint8Array {
  return canonicalJsonBytes(fact);
}

/** The id of a fact: sha256 hex of its canonical bytes. */
export function factId(fact: Fact): string {
  return sha256Hex(factBytes(fact));
}

/** The fact part of a stored row (the row is the fact plus its id). */
export function factOf(row: StoredFact): Fact {
  const { id: _id, ...fact } = row;
  return fact;
}

export function storedFact(fact: Fact): StoredFact {
  return { ...fact, id: factId(fact) };
}

/** A version snapshot as a fact body (canonical JSON text that may hold fractions). */
export function encodeBody(value: unknown): string {
  return domainCanonicalJson(value);
}

export function decodeBody(body: string): unknown {
  return JSON.parse(body) as unknown;
}

/** Why bytes are not a fact; `unsupported` means a newer format (the user should upgrade). */
export type FactParseProblem = { kind: 'malformed' | 'unsupported'; detail: string };

/** Parses a bundle entry: canonical JSON, format v1, every field well-formed. */
export function parseFact(bytes: Uint8Array): { fact: Fact; id: string } | { problem: FactParseProblem } {
  if (bytes.length > MAX_FACT_BYTES) return { problem: { kind: 'malformed', detail: 'fact too large' } };
  let value: unknown;
  try {
    value = parseCanonicalJson(bytes);
  } catch (e) {
    return { problem: { kind: 'malformed', detail: e instanceof Error ? e.message : String(e) } };
  }
  if (!isJsonObject(value)) return { problem: { kind: 'malformed', detail: 'not an object' } };
  if (value.v !== FACT_FORMAT_VERSION) {
    return { problem: { kind: 'unsupported', detail: `fact format ${JSON.stringify(value.v)}` } };
  }
  const r = factSchema.safeParse(value);
  if (!r.success) return { problem: { kind: 'malformed', detail: r.error.issues[0]?.message ?? 'bad fact' } };
  return { fact: r.data, id: sha256Hex(bytes) };
}

// ---- Record keys ----

const pad2 = (n: number) => String(n).padStart(2, '0');

export const recordKeys = {
  plan: (personId: string, year: number) => `plan/${personId}/${year}`,
  record: (personId: string, year: number, month: number) => `record/${personId}/${year}-${pad2(month)}`,
  summary: (personId: string, year: number, quarter: number) => `summary/${personId}/${year}-Q${quarter}`,
} as const;

/** The record kind (first segment) and subject (second segment) a record key names. */
export function splitRecordKey(recordKey: string): { kind: string; subject: string; rest: string } {
  const [kind = '', subject = '', ...rest] = recordKey.split('/');
  return { kind, subject, rest: rest.join('/') };
}

// ---- Current version ----

/**
 * The deterministic order among concurrent versions: higher counter, then install id, then fact id.
 * Counters of different installs are not comparable in time; the rule only has to be the same on
 * every device.
 */
export function compareShown(a: StoredFact, b: StoredFact): number {
  if (a.counter !== b.counter) return a.counter - b.counter;
  if (a.device !== b.device) return a.device < b.device ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The facts of one record that no other fact of the record supersedes, shown one first. */
export function headsOf(factsOfRecord: readonly StoredFact[]): StoredFact[] {
  const superseded = new Set(factsOfRecord.flatMap((f) => f.parents));
  return factsOfRecord.filter((f) => !superseded.has(f.id)).sort((a, b) => compareShown(b, a));
}

/** The version shown for a record: the first head; undefined for no facts. */
export function shownHead(factsOfRecord: readonly StoredFact[]): StoredFact | undefined {
  return headsOf(factsOfRecord)[0];
}

/** Sorted, unique fact ids (the form `parents` and attestations use). */
export function sortedIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}
