/**
 * Facts: every submitted record version becomes a fact, identified by the SHA-256 of its canonical
 * bytes. The set of facts only grows, so the order in which they arrive cannot matter; which version
 * is current is decided by parent references (the DAG's heads) and a deterministic tie-break, never
 * by a clock. Pure functions only (the store calls them inside its transactions, so hashing is the
 * synchronous @noble one: an await on WebCrypto would commit a Dexie transaction early).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { canonicalJson as domainCanonicalJson } from '../domain/plan';
import { fromUtf8, utf8 } from '../bundle/bytes';
import { canonicalJson, CanonicalJsonError, isJsonObject, parseCanonicalJson } from '../bundle/canonical-json';
import type { Fact, FactRow, StoredFact } from './types';

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

const TYPE_RE = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/;
const ID_RE = /^[^/\s]+$/;
const HEX64_RE = /^[0-9a-f]{64}$/;
const RECORD_KEY_RE = /^[^/\s]+\/[^/\s]+\/[^\s]+$/;
const isId = (x: unknown) => typeof x === 'string' && x.length >= 1 && x.length <= 64 && ID_RE.test(x);

/**
 * The common case of `factSchema` without zod's per-field machinery (the cost of parsing 10k facts):
 * true only when `factSchema` would accept the value as it is. Anything else goes through the schema,
 * which accepts or explains.
 */
function isPlainFact(value: Record<string, unknown>): value is Fact {
  const { parents } = value;
  return (
    Object.keys(value).length === 11 &&
    value.v === 1 &&
    typeof value.type === 'string' &&
    value.type.length <= 64 &&
    TYPE_RE.test(value.type) &&
    isId(value.subject) &&
    isId(value.author) &&
    typeof value.authorKey === 'string' &&
    HEX64_RE.test(value.authorKey) &&
    isId(value.device) &&
    Number.isSafeInteger(value.counter) &&
    (value.counter as number) >= 1 &&
    typeof value.recordKey === 'string' &&
    value.recordKey.length >= 3 &&
    value.recordKey.length <= 200 &&
    RECORD_KEY_RE.test(value.recordKey) &&
    Array.isArray(parents) &&
    parents.length <= 64 &&
    parents.every((p, i) => typeof p === 'string' && HEX64_RE.test(p) && (i === 0 || (parents[i - 1] as string) < p)) &&
    typeof value.createdAt === 'string' &&
    value.createdAt.length <= 40 &&
    typeof value.body === 'string' &&
    value.body.length <= MAX_FACT_BYTES
  );
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** A fact's keys in canonical (code point) order. */
const FACT_KEYS = ['author', 'authorKey', 'body', 'counter', 'createdAt', 'device', 'parents', 'recordKey', 'subject', 'type', 'v'] as const;

/** `canonicalJson` of a string or safe integer field; undefined for anything else (never throws). */
function scalarJson(v: unknown): string | undefined {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return undefined;
}

/**
 * The canonical JSON of a fact-shaped object — exactly `canonicalJson(value)`, same output and same
 * errors — written field by field into three pieces (before the body, the body, after it; the cost
 * of encoding and checking 10k facts).
 * Undefined when the value does not have exactly a fact's keys with primitive field types, or when a
 * string might hold a lone surrogate: the caller then uses the generic encoder, which throws for one
 * (this path never throws, so every refusal and its message are the generic encoder's).
 * JSON.stringify escapes a lone surrogate as `\udxxx`, so an output without the text `\ud` had none
 * (a `\\ud` in the text only costs the slow path).
 */
function factJson(value: unknown): FactJsonParts | undefined {
  if (!isJsonObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  if (Object.keys(value).length !== FACT_KEYS.length) return undefined;
  for (const k of FACT_KEYS) if (!(k in value)) return undefined;
  const { parents } = value;
  if (!Array.isArray(parents) || !parents.every((p) => typeof p === 'string')) return undefined;
  const author = scalarJson(value.author);
  const authorKey = scalarJson(value.authorKey);
  const body = scalarJson(value.body);
  const counter = scalarJson(value.counter);
  const createdAt = scalarJson(value.createdAt);
  const device = scalarJson(value.device);
  const recordKey = scalarJson(value.recordKey);
  const subject = scalarJson(value.subject);
  const type = scalarJson(value.type);
  const v = scalarJson(value.v);
  if (
    author === undefined ||
    authorKey === undefined ||
    body === undefined ||
    counter === undefined ||
    createdAt === undefined ||
    device === undefined ||
    recordKey === undefined ||
    subject === undefined ||
    type === undefined ||
    v === undefined
  )
    return undefined;
  const parts: FactJsonParts = [
    `{"author":${author},"authorKey":${authorKey},"body":`,
    body,
    `,"counter":${counter},"createdAt":${createdAt},"device":${device},` +
      `"parents":[${parents.map((p: string) => JSON.stringify(p)).join(',')}],` +
      `"recordKey":${recordKey},"subject":${subject},"type":${type},"v":${v}}`,
  ];
  return parts.some((part) => part.includes('\\ud')) ? undefined : parts;
}

/** A fact's canonical JSON in three pieces — before the body, the body, after it — joined by the caller. */
type FactJsonParts = [string, string, string];

export function factBytes(fact: Fact): Uint8Array {
  return utf8(factJson(fact)?.join('') ?? canonicalJson(fact));
}

/** `parseCanonicalJson` with the fact fast path (same result and errors). */
function parseFactJson(bytes: Uint8Array): unknown {
  let text: string;
  let value: unknown;
  try {
    text = fromUtf8(bytes);
    value = JSON.parse(text);
  } catch {
    return parseCanonicalJson(bytes); // throws the generic error
  }
  const fast = factJson(value);
  if (fast === undefined) return parseCanonicalJson(bytes);
  const [head, body, tail] = fast;
  const same =
    text.length === head.length + body.length + tail.length &&
    text.startsWith(head) &&
    text.startsWith(body, head.length) &&
    text.endsWith(tail);
  if (!same) throw new CanonicalJsonError('JSON is not in canonical form');
  return value;
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

/**
 * The facts table's row for a fact: its head and its canonical bytes. `bytes`: those bytes when the
 * caller holds them already (a bundle's entry, the bytes an id was just computed from) — a buffer of
 * their own, since IndexedDB stores a view's whole buffer.
 */
export function factRow(fact: StoredFact, bytes: Uint8Array = factBytes(factOf(fact))): FactRow {
  const { id, type, subject, author, authorKey, device, counter, recordKey } = fact;
  return { id, type, subject, author, authorKey, device, counter, recordKey, bytes };
}

/** The whole fact a stored row holds: its canonical bytes, parsed (the row's own data, not checked again). */
export function factOfRow(row: FactRow): StoredFact {
  return { ...(JSON.parse(fromUtf8(row.bytes)) as Fact), id: row.id };
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

/**
 * Parses a bundle entry: canonical JSON, format v1, every field well-formed. `knownId`: the entry's
 * SHA-256 hex when the container has already computed and verified it (saves hashing twice).
 */
export function parseFact(bytes: Uint8Array, knownId?: string): { fact: Fact; id: string } | { problem: FactParseProblem } {
  if (bytes.length > MAX_FACT_BYTES) return { problem: { kind: 'malformed', detail: 'fact too large' } };
  let value: unknown;
  try {
    value = parseFactJson(bytes);
  } catch (e) {
    return { problem: { kind: 'malformed', detail: e instanceof Error ? e.message : String(e) } };
  }
  if (!isJsonObject(value)) return { problem: { kind: 'malformed', detail: 'not an object' } };
  if (value.v !== FACT_FORMAT_VERSION) {
    return { problem: { kind: 'unsupported', detail: `fact format ${JSON.stringify(value.v)}` } };
  }
  if (isPlainFact(value)) return { fact: value, id: knownId ?? sha256Hex(bytes) };
  const r = factSchema.safeParse(value);
  if (!r.success) return { problem: { kind: 'malformed', detail: r.error.issues[0]?.message ?? 'bad fact' } };
  return { fact: r.data, id: knownId ?? sha256Hex(bytes) };
}

// ---- Record keys ----

const pad2 = (n: number) => String(n).padStart(2, '0');

export const recordKeys = {
  plan: (personId: string, year: number) => `plan/${personId}/${year}`,
  record: (personId: string, year: number, month: number) => `record/${personId}/${year}-${pad2(month)}`,
  summary: (personId: string, year: number, quarter: number) => `summary/${personId}/${year}-Q${quarter}`,
  /** 核准 / 退回 of a plan: one decision record per plan, its head the decision in force. */
  planDecision: (personId: string, year: number) => `plan-decision/${personId}/${year}`,
  recordDecision: (personId: string, year: number, month: number) => `record-decision/${personId}/${year}-${pad2(month)}`,
  evaluation: (personId: string, year: number, quarter: number) => `evaluation/${personId}/${year}-Q${quarter}`,
  /** A feedback and the official's acknowledgement share one record. */
  feedback: (personId: string, feedbackId: string) => `feedback/${personId}/${feedbackId}`,
  /** The supervisor's quarterly register: its subject is the supervisor who signs it. */
  register: (supervisorId: string, year: number, quarter: number) => `register/${supervisorId}/${year}-Q${quarter}`,
  /** HR's 备案回执 for a plan or a register (domain/filing.ts `filingRecordKey`). */
  filing: (personId: string, what: 'plan' | 'register', year: number, quarter?: number) =>
    what === 'plan' ? `filing/${personId}/plan-${year}` : `filing/${personId}/register-${year}-Q${quarter ?? 0}`,
  /** HR's 不予备案 of a plan or a register version (domain/filing-refusal.ts `filingRefusalRecordKey`). */
  filingRefusal: (personId: string, what: 'plan' | 'register', year: number, quarter?: number) =>
    what === 'plan'
      ? `filing-refusal/${personId}/plan-${year}`
      : `filing-refusal/${personId}/register-${year}-Q${quarter ?? 0}`,
  /** 年度考核: the official's 年度个人总结, the supervisor's 评语和等次建议, HR's decision with the official's 本人意见. */
  annualSummary: (personId: string, year: number) => `annual-summary/${personId}/${year}`,
  annualComment: (personId: string, year: number) => `annual-comment/${personId}/${year}`,
  annualDecision: (personId: string, year: number) => `annual-decision/${personId}/${year}`,
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
