/**
 * Facts in the local database: this install's own facts are appended in the same transaction as the
 * submission that makes them (a submit and its fact cannot diverge); facts from other installs
 * arrive only through an import (shared/sync/apply.ts). Holdings — which counters of which
 * install this database holds — are derived from the facts themselves, never kept twice.
 */
import Dexie from 'dexie';
import type { AnnualSummaryRecord, MonthlyRecordVersion, PlanVersion, QuarterSummaryVersion } from '../domain';
import {
  decodeBody,
  encodeBody,
  factBytes,
  factOfRow,
  factRow,
  headsOf,
  recordKeys,
  sha256Hex,
  shownHead,
  sortedIds,
} from '../ledger/facts';
import type { Fact, Holdings, SelfIdentityRow, StoredFact } from '../ledger/types';
import { appendAudit, auditOfOwnFact, auditTables } from './audit';
import type { DutyBookDb } from './db';
import { wrapStorageErrors } from './storage-errors';

/** The tables `appendOwnFact` touches: add them to the caller's transaction. */
export function ownFactTables(db: DutyBookDb) {
  // personYears: a submission also updates the person's status row (status.ts); the audit tables:
  // every signed fact (and every submission) appends its audit entry in the same transaction.
  return [db.facts, db.trust, db.personYears, db.statusDigests, ...auditTables(db)] as const;
}

/** This install's identity, read inside the caller's transaction (undefined before keys exist). */
export async function readSelfIdentity(db: DutyBookDb): Promise<SelfIdentityRow | undefined> {
  const row = await db.trust.get('self');
  return row?.id === 'self' ? row : undefined;
}

/** The facts of one record, whole (any order). */
export async function readFactsOfRecord(db: DutyBookDb, recordKey: string): Promise<StoredFact[]> {
  return (await db.facts.where('recordKey').equals(recordKey).toArray()).map(factOfRow);
}

async function lastCounter(db: DutyBookDb, device: string): Promise<number> {
  const last = await db.facts
    .where('[device+counter]')
    .between([device, Dexie.minKey], [device, Dexie.maxKey])
    .last();
  return last?.counter ?? 0;
}

export type OwnFactInput = {
  type: string;
  subject: string;
  recordKey: string;
  /** A JSON value: the snapshot the fact freezes. */
  body: unknown;
  createdAt: string;
  /** Extra facts it judges or supersedes besides the record's current heads. */
  parents?: readonly string[];
};

/**
 * Appends a fact written by this install's person with the next counter, superseding the record's
 * current heads, and its audit entry (audit.ts: the action follows from the fact type). Call it
 * inside a read-write transaction that includes `ownFactTables(db)`; it only touches IndexedDB
 * (hashing is synchronous). Returns undefined when the install has no identity yet
 * (`setSelfIdentity` back-fills the facts of earlier submissions).
 */
export function appendOwnFact(db: DutyBookDb, input: OwnFactInput): Promise<StoredFact | undefined> {
  // A sub-transaction of the caller's (it must include ownFactTables): its async callback keeps
  // Dexie's transaction zone across the awaits below even when the caller's callback is not async.
  return db.transaction('rw', ownFactTables(db), async () => {
    const fact = await writeOwnFact(db, input);
    if (fact) await appendAudit(db, [await auditOfOwnFact(db, input)]);
    return fact;
  });
}

/** The fact alone, without an audit entry (the back-fill of versions already audited). */
async function writeOwnFact(db: DutyBookDb, input: OwnFactInput): Promise<StoredFact | undefined> {
  const self = await readSelfIdentity(db);
  if (!self) return undefined;
  const heads = headsOf(await readFactsOfRecord(db, input.recordKey)).map((f) => f.id);
  const written: Fact = {
    v: 1,
    type: input.type,
    subject: input.subject,
    author: self.personId,
    authorKey: self.signingPub,
    device: self.device,
    counter: (await lastCounter(db, self.device)) + 1,
    recordKey: input.recordKey,
    parents: sortedIds([...heads, ...(input.parents ?? [])]),
    createdAt: input.createdAt,
    body: encodeBody(input.body),
  };
  // Its id is the hash of these bytes; the store keeps them as they are (what an export sends).
  const bytes = factBytes(written);
  const fact: StoredFact = { ...written, id: sha256Hex(bytes) };
  await db.facts.add(factRow(fact, bytes));
  return fact;
}

// ---- The official's versions as facts ----

export function planVersionFact(v: PlanVersion): OwnFactInput {
  return {
    type: 'plan.version',
    subject: v.personId,
    recordKey: recordKeys.plan(v.personId, v.year),
    body: v,
    createdAt: v.submittedAt,
  };
}

export function recordVersionFact(v: MonthlyRecordVersion): OwnFactInput {
  return {
    type: 'record.version',
    subject: v.personId,
    recordKey: recordKeys.record(v.personId, v.year, v.month),
    body: v,
    createdAt: v.submittedAt,
  };
}

export function summaryVersionFact(v: QuarterSummaryVersion): OwnFactInput {
  return {
    type: 'summary.version',
    subject: v.personId,
    recordKey: recordKeys.summary(v.personId, v.year, v.quarter),
    body: v,
    createdAt: v.submittedAt,
  };
}

export function annualSummaryVersionFact(v: AnnualSummaryRecord): OwnFactInput {
  return {
    type: 'annual.summary',
    subject: v.personId,
    recordKey: recordKeys.annualSummary(v.personId, v.year),
    body: v,
    createdAt: v.submittedAt,
  };
}

/**
 * Emits the fact of a version this install's person just submitted about themselves, and audits the
 * submission — also before the install has keys (the submission happened; its fact is back-filled).
 */
export function appendVersionFact(db: DutyBookDb, input: OwnFactInput): Promise<StoredFact | undefined> {
  return db.transaction('rw', ownFactTables(db), async () => {
    const self = await readSelfIdentity(db);
    const fact = self && self.personId === input.subject ? await writeOwnFact(db, input) : undefined;
    await appendAudit(db, [await auditOfOwnFact(db, input)]);
    return fact;
  });
}

/**
 * Writes the facts of every version this person submitted before the install had an identity,
 * oldest first. Runs inside the caller's transaction (facts, trust and the three version tables).
 */
export async function backfillOwnFacts(db: DutyBookDb): Promise<number> {
  const self = await readSelfIdentity(db);
  if (!self) return 0;
  const mine = await db.facts.where('author').equals(self.personId).toArray();
  const done = new Set(
    mine.map((f) => {
      const body = decodeBody(factOfRow(f).body);
      return typeof body === 'object' && body !== null && 'id' in body ? String(body.id) : '';
    }),
  );
  const plans = await db.planVersions.where('[personId+year]').between([self.personId, -Infinity], [self.personId, Infinity]).toArray();
  const records = await db.recordVersions
    .where('[personId+year+month]')
    // Numbers: ±Infinity (Dexie.maxKey twice in one key is a cycle to IndexedDB's key conversion).
    .between([self.personId, -Infinity, -Infinity], [self.personId, Infinity, Infinity])
    .toArray();
  const summaries = (await db.summaryVersions.toArray()).filter((v) => v.personId === self.personId);
  // A 年度个人总结 submitted before keys existed: its version is the row while it stays submitted.
  const annual = (await db.annualSummaries.where('[personId+year]').between([self.personId, -Infinity], [self.personId, Infinity]).toArray())
    .filter((r) => r.state === 'submitted' && r.versionId !== undefined && r.submittedOn !== undefined && r.submittedAt !== undefined)
    .map((r) => ({ id: r.versionId!, personId: r.personId, year: r.year, version: r.version, text: r.text, submittedOn: r.submittedOn!, submittedAt: r.submittedAt! }));
  const pending = [
    ...annual.map((v) => ({ id: v.id, at: v.submittedAt, n: v.version, input: annualSummaryVersionFact(v) })),
    ...plans.map((v) => ({ id: v.id, at: v.submittedAt, n: v.version, input: planVersionFact(v) })),
    ...records.map((v) => ({ id: v.id, at: v.submittedAt, n: v.version, input: recordVersionFact(v) })),
    ...summaries.map((v) => ({ id: v.id, at: v.submittedAt, n: v.version, input: summaryVersionFact(v) })),
  ]
    .filter((p) => !done.has(p.id))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.n - b.n));
  for (const p of pending) await writeOwnFact(db, p.input);
  return pending.length;
}

// ---- Reading ----

/** The version shown for a record and whether concurrent versions exist. */
export async function currentFact(
  db: DutyBookDb,
  recordKey: string,
): Promise<{ shown: StoredFact; heads: StoredFact[] } | undefined> {
  const facts = await wrapStorageErrors('read facts', () => readFactsOfRecord(db, recordKey));
  const heads = headsOf(facts);
  const shown = shownHead(facts);
  return shown ? { shown, heads } : undefined;
}

/**
 * The concurrent versions of a record (two installs of one author each wrote a version without
 * seeing the other's), shown one first; empty when there is no conflict.
 */
export async function conflictsFor(db: DutyBookDb, recordKey: string): Promise<StoredFact[]> {
  const current = await currentFact(db, recordKey);
  return current && current.heads.length > 1 ? current.heads : [];
}

/** Every record key with more than one head, for a "需要处理的冲突" list. */
export async function listConflicts(db: DutyBookDb): Promise<string[]> {
  const facts = (await wrapStorageErrors('read facts', () => db.facts.toArray())).map(factOfRow);
  const byKey = new Map<string, StoredFact[]>();
  for (const f of facts) byKey.set(f.recordKey, [...(byKey.get(f.recordKey) ?? []), f]);
  return [...byKey].filter(([, fs]) => headsOf(fs).length > 1).map(([k]) => k).sort();
}

/** The counters this database holds, per install, as sorted disjoint ranges. */
export async function readHoldings(db: DutyBookDb): Promise<Holdings> {
  const keys = (await db.facts.orderBy('[device+counter]').keys()) as unknown as [string, number][];
  return holdingsOfSorted(keys);
}

/** Orders facts as the [device+counter] index does: by install, then counter. */
export const byInstallCounter = (a: { device: string; counter: number }, b: { device: string; counter: number }) =>
  a.device < b.device ? -1 : a.device > b.device ? 1 : a.counter - b.counter;

/** The holdings of facts already read (any order): same result as `readHoldings` over them. */
export function holdingsOf(facts: readonly { device: string; counter: number }[]): Holdings {
  return holdingsOfSorted([...facts].sort(byInstallCounter));
}

/** `holdingsOf` for facts already in `byInstallCounter` order (no copy, no sort). */
export function holdingsOfSorted(facts: readonly { device: string; counter: number }[] | readonly [string, number][]): Holdings {
  const held: Holdings = {};
  for (const f of facts) {
    const [device, counter] = Array.isArray(f) ? f : [f.device, f.counter];
    const ranges = (held[device] ??= []);
    const last = ranges[ranges.length - 1];
    if (last && counter <= last[1] + 1) last[1] = Math.max(last[1], counter);
    else ranges.push([counter, counter]);
  }
  return held;
}
