/**
 * Materialisation: after an import, the working tables the UI reads (plans, monthlyRecords,
 * summaries and their version tables) are brought in line with the facts. Each fact type plugs in a
 * `Materialiser` — a body check run before anything is written, and a `plan` run inside the import
 * transaction that reads in bulk (IndexedDB only) and computes every write in memory; the import
 * then writes them with one bulk operation per table. Later record types (approvals, evaluations, feedback,
 * receipts) add an entry to `materialisers`; the mechanism does not change.
 *
 * The working row always follows the record's shown head (facts.ts `shownHead`), so the result
 * depends only on the set of facts, never on the order they arrived in (P4). On the subject's own
 * device a local draft is never overwritten: an imported version fills an empty slot or replaces a
 * row that is not being edited and is older.
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import {
  canEditPlan,
  canonicalJson,
  monthlyRecordVersionSchema,
  planVersionSchema,
  quarterSummaryVersionSchema,
  type AnnualPlan,
  type MonthlyRecord,
  type QuarterSummary,
} from '../../domain';
import type { DutyBookDb } from '../../store/db';
import { decodeBody, recordKeys, shownHead } from './facts';
import type { Fact, Roster, SelfIdentityRow, StoredFact } from './types';

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
};

/** The writes a materialiser asks for, per table: deletions first, then puts (unique indexes). */
export type TableWrites = { table: Table<unknown, string>; remove: string[]; put: unknown[] };

export type Materialiser = {
  /**
   * Why the body cannot be this type's (checked before anything is written), or the body as the
   * type's schema parses it (the import keeps it so the write does not parse it again).
   */
  check(body: unknown, fact: Fact): { problem: string } | { value: unknown };
  /**
   * For the facts of this type an import adds: reads what it needs (IndexedDB only, a few bulk
   * queries) and computes, in memory, the writes that bring the working tables in line. Runs inside
   * the import transaction before anything is written; writes nothing itself.
   */
  plan(ctx: MaterialiseContext, added: readonly StoredFact[], known: Known): Promise<TableWrites[]>;
};

type Keyed = { id: string; personId: string; version: number; state: string };

type VersionKind<V extends { id: string; personId: string }, W extends Keyed> = {
  schema: z.ZodType<V>;
  recordKey(v: V): string;
  /** The record key a working row belongs to. */
  workingRecordKey(w: W): string;
  versions(db: DutyBookDb): Table<V, string>;
  working(db: DutyBookDb): Table<W, string>;
  /** The working rows of these versions' records (one bulk query). */
  findWorking(db: DutyBookDb, vs: readonly V[]): Promise<W[]>;
  /** The read-only working row a version shows as. */
  derive(v: V): W;
  /** The fields a version freezes, to tell whether a working row already shows it. */
  content(row: V | W): unknown;
  editable(row: W): boolean;
};

function versionMaterialiser<V extends { id: string; personId: string }, W extends Keyed>(
  type: string,
  kind: VersionKind<V, W>,
): Materialiser {
  return {
    check(body, fact) {
      const r = kind.schema.safeParse(body);
      if (!r.success) return { problem: '记录内容格式不正确' };
      if (r.data.personId !== fact.subject || kind.recordKey(r.data) !== fact.recordKey) return { problem: '记录内容与记录标识不符' };
      return { value: r.data };
    },
    async plan(ctx, added, known) {
      const { db } = ctx;
      if (added.length === 0) return [];
      const parsed = new Map<string, V>();
      const versionRows: V[] = [];
      const byKey = new Map<string, StoredFact[]>();
      for (const fact of added) {
        const v = (known.bodies.get(fact.id) as V | undefined) ?? kind.schema.parse(decodeBody(fact.body));
        parsed.set(fact.id, v);
        versionRows.push(v);
        const list = byKey.get(fact.recordKey);
        if (list) list.push(fact);
        else byKey.set(fact.recordKey, [fact]);
      }
      // What the database already holds of these records: their facts (read by the import) and working rows.
      for (const [key, facts] of byKey) facts.push(...(known.factsOfRecords.get(key) ?? []));
      const heads = new Map<string, { fact: StoredFact; v: V }>();
      for (const [key, facts] of byKey) {
        // The shown head depends only on the set of facts (P4), never on their order.
        const head = shownHead(facts.filter((f) => f.type === type));
        if (!head) continue;
        heads.set(key, { fact: head, v: parsed.get(head.id) ?? kind.schema.parse(decodeBody(head.body)) });
      }
      const working = new Map<string, W>();
      for (const w of await kind.findWorking(db, [...heads.values()].map((h) => h.v))) working.set(kind.workingRecordKey(w), w);
      const remove: string[] = [];
      const put: W[] = [];
      for (const [key, { fact, v }] of heads) {
        const want = kind.derive(v);
        const existing = working.get(key);
        if (existing && existing.version === want.version && canonicalJson(kind.content(existing)) === canonicalJson(kind.content(v))) {
          continue;
        }
        if (existing && fact.subject === ctx.me.personId && (kind.editable(existing) || existing.version >= want.version)) {
          continue;
        }
        if (existing && existing.id !== want.id) remove.push(existing.id);
        put.push(want);
      }
      return [
        { table: kind.versions(db), remove: [], put: versionRows },
        { table: kind.working(db), remove, put },
      ];
    },
  };
}

const planKind: VersionKind<z.output<typeof planVersionSchema>, AnnualPlan> = {
  schema: planVersionSchema,
  recordKey: (v) => recordKeys.plan(v.personId, v.year),
  workingRecordKey: (w) => recordKeys.plan(w.personId, w.year),
  versions: (db) => db.planVersions,
  working: (db) => db.plans,
  findWorking: (db, vs) => db.plans.where('[personId+year]').anyOf(vs.map((v) => [v.personId, v.year])).toArray(),
  derive: (v) => ({
    id: v.planId,
    personId: v.personId,
    year: v.year,
    state: 'submitted',
    items: v.items,
    version: v.version,
    returnReasons: [],
    updatedAt: v.submittedAt,
    submittedAt: v.submittedAt,
  }),
  content: (r) => r.items,
  editable: (r) => canEditPlan(r.state),
};

const recordKind: VersionKind<z.output<typeof monthlyRecordVersionSchema>, MonthlyRecord> = {
  schema: monthlyRecordVersionSchema,
  recordKey: (v) => recordKeys.record(v.personId, v.year, v.month),
  workingRecordKey: (w) => recordKeys.record(w.personId, w.year, w.month),
  versions: (db) => db.recordVersions,
  working: (db) => db.monthlyRecords,
  findWorking: (db, vs) =>
    db.monthlyRecords.where('[personId+year+month]').anyOf(vs.map((v) => [v.personId, v.year, v.month])).toArray(),
  derive: (v) => ({
    id: v.recordId,
    personId: v.personId,
    year: v.year,
    month: v.month,
    state: 'submitted',
    workItems: v.workItems,
    attendance: v.attendance,
    errors: v.errors,
    version: v.version,
    updatedAt: v.submittedAt,
    submittedAt: v.submittedAt,
  }),
  content: (r) => ({ workItems: r.workItems, attendance: r.attendance, errors: r.errors }),
  editable: (r) => r.state !== 'submitted',
};

const summaryKind: VersionKind<z.output<typeof quarterSummaryVersionSchema>, QuarterSummary> = {
  schema: quarterSummaryVersionSchema,
  recordKey: (v) => recordKeys.summary(v.personId, v.year, v.quarter),
  workingRecordKey: (w) => recordKeys.summary(w.personId, w.year, w.quarter),
  versions: (db) => db.summaryVersions,
  working: (db) => db.summaries,
  findWorking: (db, vs) =>
    db.summaries.where('[personId+year+quarter]').anyOf(vs.map((v) => [v.personId, v.year, v.quarter])).toArray(),
  derive: (v) => ({
    id: v.summaryId,
    personId: v.personId,
    year: v.year,
    quarter: v.quarter,
    state: 'submitted',
    text: v.text,
    highlights: v.highlights,
    version: v.version,
    updatedAt: v.submittedAt,
    submittedAt: v.submittedAt,
  }),
  content: (r) => ({ text: r.text, highlights: r.highlights }),
  editable: (r) => r.state === 'editing',
};

/** Fact type → how it shows in the working tables. Types without an entry are stored and relayed only. */
export const materialisers: Readonly<Record<string, Materialiser>> = {
  'plan.version': versionMaterialiser('plan.version', planKind),
  'record.version': versionMaterialiser('record.version', recordKind),
  'summary.version': versionMaterialiser('summary.version', summaryKind),
};
