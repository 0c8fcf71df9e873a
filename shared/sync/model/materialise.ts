/**
 * Materialisation: after an import, the working tables the UI reads (plans, monthlyRecords,
 * summaries and their version tables) are brought in line with the facts. Each fact type plugs in a
 * `Materialiser` — a body check run before anything is written, and an `apply` run inside the import
 * transaction that only touches IndexedDB. Later record types (approvals, evaluations, feedback,
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
  /** Every write goes through these (they count writes for the failure-injection test hook). */
  put<T, K>(table: Table<T, K>, row: T): Promise<void>;
  remove<T, K>(table: Table<T, K>, key: K): Promise<void>;
};

export type Materialiser = {
  /** Why the body cannot be this type's (checked before anything is written); null when it can. */
  check(body: unknown, fact: Fact): string | null;
  apply(ctx: MaterialiseContext, fact: StoredFact): Promise<void>;
};

type Keyed = { id: string; personId: string; version: number; state: string };

type VersionKind<V extends { id: string; personId: string }, W extends Keyed> = {
  schema: z.ZodType<V>;
  recordKey(v: V): string;
  versions(db: DutyBookDb): Table<V, string>;
  working(db: DutyBookDb): Table<W, string>;
  findWorking(db: DutyBookDb, v: V): Promise<W | undefined>;
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
      if (!r.success) return '记录内容格式不正确';
      if (r.data.personId !== fact.subject || kind.recordKey(r.data) !== fact.recordKey) return '记录内容与记录标识不符';
      return null;
    },
    async apply(ctx, fact) {
      const { db } = ctx;
      await ctx.put(kind.versions(db), kind.schema.parse(decodeBody(fact.body)));
      const all = await db.facts.where('recordKey').equals(fact.recordKey).toArray();
      const head = shownHead(all.filter((f) => f.type === type));
      if (!head) return;
      const v = kind.schema.parse(decodeBody(head.body));
      const want = kind.derive(v);
      const existing = await kind.findWorking(db, v);
      if (existing && existing.version === want.version && canonicalJson(kind.content(existing)) === canonicalJson(kind.content(v))) {
        return;
      }
      if (existing && fact.subject === ctx.me.personId && (kind.editable(existing) || existing.version >= want.version)) {
        return;
      }
      if (existing && existing.id !== want.id) await ctx.remove(kind.working(db), existing.id);
      await ctx.put(kind.working(db), want);
    },
  };
}

const planKind: VersionKind<z.output<typeof planVersionSchema>, AnnualPlan> = {
  schema: planVersionSchema,
  recordKey: (v) => recordKeys.plan(v.personId, v.year),
  versions: (db) => db.planVersions,
  working: (db) => db.plans,
  findWorking: (db, v) => db.plans.where('[personId+year]').equals([v.personId, v.year]).first(),
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
  versions: (db) => db.recordVersions,
  working: (db) => db.monthlyRecords,
  findWorking: (db, v) => db.monthlyRecords.where('[personId+year+month]').equals([v.personId, v.year, v.month]).first(),
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
  versions: (db) => db.summaryVersions,
  working: (db) => db.summaries,
  findWorking: (db, v) => db.summaries.where('[personId+year+quarter]').equals([v.personId, v.year, v.quarter]).first(),
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
