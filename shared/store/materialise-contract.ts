/**
 * What a materialiser is (materialise.ts explains what materialising does), and the reads every one
 * of them shares: the facts of a record, a fact's body, a table's writes.
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import type { DutyBookDb } from './db';
import { decodeBody, factOfRow } from '../ledger/facts';
import type { Fact, Roster, SelfIdentityRow, StoredFact } from '../ledger/types';

export type MaterialiseContext = {
  db: DutyBookDb;
  me: SelfIdentityRow;
  roster: Roster;
};

/** What the import has already read and checked, for the materialisers. */
export type Known = {
  /** The stored facts of the records the added facts belong to (read inside the transaction). */
  factsOfRecords: ReadonlyMap<string, readonly StoredFact[]>;
  /** Bodies `check` parsed during planImport, by fact id (others are parsed again). */
  bodies: ReadonlyMap<string, unknown>;
  /** Every fact this import adds (of any type): a materialiser reading a record sees them all. */
  added?: readonly StoredFact[];
};

/** The writes a materialiser asks for, per table: deletions first, then puts (unique indexes). */
export type TableWrites = { table: Table<unknown, string>; remove: string[]; put: unknown[] };

export type Checked = { problem: string } | { value: unknown };

export type Materialiser = {
  /**
   * Why the body cannot be this type's (checked before anything is written), or the body as the
   * type's schema parses it (the import keeps it so the write does not parse it again).
   */
  check(body: unknown, fact: Fact): Checked;
  /**
   * For the facts of its types an import adds: reads what it needs (IndexedDB only, a few bulk
   * queries) and computes, in memory, the writes that bring the working tables in line. Runs inside
   * the import transaction before anything is written; writes nothing itself.
   */
  plan(ctx: MaterialiseContext, added: readonly StoredFact[], known: Known): Promise<TableWrites[]>;
};

/**
 * Every fact of these records: the import's reads (`known`), the facts added, and — for records the
 * import did not read — one index query. Deduplicated by id.
 */
export async function factsOfRecords(
  db: DutyBookDb,
  keys: Iterable<string>,
  added: readonly StoredFact[],
  known: Known,
): Promise<Map<string, StoredFact[]>> {
  const all = new Map<string, Map<string, StoredFact>>();
  const missing: string[] = [];
  for (const k of keys) {
    const m = new Map<string, StoredFact>();
    all.set(k, m);
    const held = known.factsOfRecords.get(k);
    if (held) for (const f of held) m.set(f.id, f);
    else missing.push(k);
  }
  if (missing.length > 0) {
    for (const row of await db.facts.where('recordKey').anyOf(missing).toArray())
      all.get(row.recordKey)?.set(row.id, factOfRow(row));
  }
  for (const f of [...(known.added ?? []), ...added]) all.get(f.recordKey)?.set(f.id, f);
  return new Map([...all].map(([k, m]) => [k, [...m.values()]]));
}

/** A fact's body: as the import's check parsed it, or decoded now. */
export const bodyOf = (fact: StoredFact, known: Known): unknown =>
  known.bodies.get(fact.id) ?? decodeBody(fact.body);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of any table; each put comes from that table's schema
export const asWrites = (table: Table<any, string>, remove: string[], put: unknown[]): TableWrites => ({
  table: table as Table<unknown, string>,
  remove,
  put,
});

/**
 * Why a body does not fit its schema, as the import lists it: the field's own words when the schema
 * has them (“记录内容格式不正确:工作内容不能超过2000个字”), so the sender learns what to change.
 */
export function bodyProblem(error: z.ZodError): string {
  const said = error.issues.find((i) => /[\u4e00-\u9fff]/.test(i.message))?.message;
  return said ? `记录内容格式不正确:${said}` : '记录内容格式不正确';
}
