/**
 * Materialisation: after an import, the working tables the UI reads (plans, monthlyRecords,
 * summaries and their version tables; evaluations, feedback, registers) are brought in line with the
 * facts. Each fact type plugs in a `Materialiser` — a body check run before anything is written, and
 * a `plan` run inside the import transaction that reads in bulk (IndexedDB only) and computes every
 * write in memory; the import then writes them with one bulk operation per table. Types that show on
 * the same rows (a version and the decisions about it) share one materialiser, planned together.
 *
 * The working row always follows the record's shown head (facts.ts `shownHead`) and the decision in
 * force about that very version, so the result depends only on the set of facts, never on the order
 * they arrived in (P4). On the subject's own device a local draft is never overwritten: an imported
 * version fills an empty slot or replaces a row that is not being edited and is not newer.
 *
 * A supervisor's own decisions go through the same code (shared/store/supervision-repo.ts calls
 * `materialiseOwn` right after appending the fact), so a device shows what it signed exactly as the
 * official's device will after the next exchange.
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import {
  canEditPlan,
  canonicalJson,
  feedbackAckSchema,
  feedbackSchema,
  filingReceiptSchema,
  monthlyRecordVersionSchema,
  planDecisionSchema,
  planVersionSchema,
  quarterSummaryVersionSchema,
  recordReturnSchema,
  registerSchema,
  signedEvaluationSchema,
  type AnnualPlan,
  type FeedbackRow,
  type FilingReceipt,
  type MonthlyRecord,
  type PlanDecision,
  type QuarterSummary,
  type RecordReturn,
} from '../domain';
import type { DutyBookDb } from './db';
import { noteWritten } from './status';
import { decodeBody, factOfRow, recordKeys, shownHead, splitRecordKey } from '../ledger/facts';
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

type Checked = { problem: string } | { value: unknown };

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

type Keyed = { id: string; personId: string; version: number; state: string };

/**
 * The decisions about a kind's versions (核准/退回 of a plan, 退回 of a record book): a record of
 * their own whose head is the decision in force. It shows on the working row only while the version
 * it names is the one shown.
 */
type DecisionKind<W extends Keyed> = {
  /** The decision fact types, e.g. 'plan.approval' and 'plan.return'. */
  types: readonly string[];
  /** Whether a fact of those types is about this kind (a receipt type covers plans and registers). */
  accepts(fact: Pick<Fact, 'recordKey'>): boolean;
  /** The decision record's key for a version record's key, and back. */
  keyFor(versionKey: string): string;
  versionKeyFor(decisionKey: string): string;
  check(body: unknown, fact: Fact): Checked;
  /** The version number a decision body judges. */
  judged(body: unknown): number;
  /** The working row with the decision shown. */
  apply(w: W, body: unknown): W;
};

type VersionKind<V extends { id: string; personId: string }, W extends Keyed> = {
  type: string;
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
  /** What a working row shows (version, state, content, decision): equal means nothing to write. */
  shown(row: W): unknown;
  editable(row: W): boolean;
  /** Decision layers, applied in order on the shown version (核准/退回, then 备案). */
  decisions?: readonly DecisionKind<W>[];
};

/**
 * Every fact of these records: the import's reads (`known`), the facts added, and — for records the
 * import did not read — one index query. Deduplicated by id.
 */
async function factsOfRecords(
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

const bodyOf = (fact: StoredFact, known: Known): unknown =>
  known.bodies.get(fact.id) ?? decodeBody(fact.body);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of any table; each put comes from that table's schema
const asWrites = (table: Table<any, string>, remove: string[], put: unknown[]): TableWrites => ({
  table: table as Table<unknown, string>,
  remove,
  put,
});

function versionMaterialiser<V extends { id: string; personId: string }, W extends Keyed>(
  kind: VersionKind<V, W>,
): Materialiser {
  const { type } = kind;
  const decisions = kind.decisions ?? [];
  const layerOf = (fact: Pick<Fact, 'type' | 'recordKey'>) =>
    decisions.find((d) => d.types.includes(fact.type) && d.accepts(fact));
  return {
    check(body, fact) {
      const layer = layerOf(fact);
      if (layer) return layer.check(body, fact);
      const r = kind.schema.safeParse(body);
      if (!r.success) return { problem: '记录内容格式不正确' };
      if (r.data.personId !== fact.subject || kind.recordKey(r.data) !== fact.recordKey)
        return { problem: '记录内容与记录标识不符' };
      return { value: r.data };
    },
    async plan(ctx, added, known) {
      const { db } = ctx;
      if (added.length === 0) return [];
      const versionRows: V[] = [];
      const versionKeys = new Set<string>();
      for (const fact of added) {
        if (fact.type === type) {
          versionRows.push(kind.schema.parse(bodyOf(fact, known)));
          versionKeys.add(fact.recordKey);
        } else {
          const layer = layerOf(fact);
          if (layer) versionKeys.add(layer.versionKeyFor(fact.recordKey));
        }
      }
      const decisionKeys = decisions.flatMap((d) => [...versionKeys].map((k) => d.keyFor(k)));
      const facts = await factsOfRecords(db, [...versionKeys, ...decisionKeys], added, known);
      const wants = new Map<string, { fact: StoredFact; want: W; v: V }>();
      for (const key of versionKeys) {
        // The shown head depends only on the set of facts (P4), never on their order.
        const head = shownHead((facts.get(key) ?? []).filter((f) => f.type === type));
        if (!head) continue; // a decision about a version this device does not hold waits for it
        const v = kind.schema.parse(bodyOf(head, known));
        let want = kind.derive(v);
        for (const layer of decisions) {
          const d = shownHead(
            (facts.get(layer.keyFor(key)) ?? []).filter((f) => layer.types.includes(f.type)),
          );
          if (!d) continue;
          const body = bodyOf(d, known);
          if (layer.judged(body) === want.version) want = layer.apply(want, body);
        }
        wants.set(key, { fact: head, want, v });
      }
      const working = new Map<string, W>();
      for (const w of await kind.findWorking(
        db,
        [...wants.values()].map((x) => x.v),
      ))
        working.set(kind.workingRecordKey(w), w);
      const remove: string[] = [];
      const put: W[] = [];
      for (const [key, { fact, want }] of wants) {
        const existing = working.get(key);
        if (existing && canonicalJson(kind.shown(existing)) === canonicalJson(kind.shown(want))) continue;
        // On the subject's own device a draft being edited, or a newer local version, stays.
        if (
          existing &&
          fact.subject === ctx.me.personId &&
          (kind.editable(existing) || existing.version > want.version)
        ) {
          continue;
        }
        if (existing && existing.id !== want.id) remove.push(existing.id);
        put.push(want);
      }
      return [asWrites(kind.versions(db), [], versionRows), asWrites(kind.working(db), remove, put)];
    },
  };
}

/** A decision body's check: its schema, its subject, the record key and the fact type it must travel as. */
function decisionCheck<D extends { personId: string }>(
  schema: z.ZodType<D>,
  keyOf: (d: D) => string,
  typeOk: (d: D, type: string) => boolean,
) {
  return (body: unknown, fact: Fact): Checked => {
    const r = schema.safeParse(body);
    if (!r.success) return { problem: '记录内容格式不正确' };
    if (r.data.personId !== fact.subject || keyOf(r.data) !== fact.recordKey || !typeOk(r.data, fact.type)) {
      return { problem: '记录内容与记录标识不符' };
    }
    return { value: r.data };
  };
}

/** 'plan-decision/p/2026' ↔ 'plan/p/2026'. */
const swapKind = (from: string, to: string) => (key: string) =>
  key.startsWith(`${from}/`) ? `${to}${key.slice(from.length)}` : key;

const planKind: VersionKind<z.output<typeof planVersionSchema>, AnnualPlan> = {
  type: 'plan.version',
  schema: planVersionSchema,
  recordKey: (v) => recordKeys.plan(v.personId, v.year),
  workingRecordKey: (w) => recordKeys.plan(w.personId, w.year),
  versions: (db) => db.planVersions,
  working: (db) => db.plans,
  findWorking: (db, vs) =>
    db.plans
      .where('[personId+year]')
      .anyOf(vs.map((v) => [v.personId, v.year]))
      .toArray(),
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
  shown: (r) => [
    r.version,
    r.state,
    r.items,
    r.returnReasons,
    r.approvedBy ?? null,
    r.approvalOpinion ?? null,
    r.filedAt ?? null,
  ],
  editable: (r) => canEditPlan(r.state),
  decisions: [
    {
      types: ['plan.approval', 'plan.return'],
      accepts: () => true,
      keyFor: swapKind('plan', 'plan-decision'),
      versionKeyFor: swapKind('plan-decision', 'plan'),
      check: decisionCheck(
        planDecisionSchema,
        (d) => recordKeys.planDecision(d.personId, d.year),
        (d, type) => type === (d.decision === 'approve' ? 'plan.approval' : 'plan.return'),
      ),
      judged: (body) => (body as PlanDecision).version,
      apply: (w, body) => {
        const d = body as PlanDecision;
        return d.decision === 'approve'
          ? {
              ...w,
              state: 'approved',
              approvedAt: d.decidedAt,
              approvedBy: d.by,
              approvalOpinion: d.opinion,
              updatedAt: d.decidedAt,
            }
          : {
              ...w,
              state: 'returned',
              returnReasons: d.reasons,
              returnedAt: d.decidedAt,
              updatedAt: d.decidedAt,
            };
      },
    },
    {
      // 备案 of the approved version: HR's receipt.
      types: ['filing.receipt'],
      accepts: (f) => /^filing\/[^/]+\/plan-\d+$/.test(f.recordKey),
      keyFor: (key) => {
        const { subject, rest } = splitRecordKey(key);
        return recordKeys.filing(subject, 'plan', Number(rest));
      },
      versionKeyFor: (key) => {
        const { subject, rest } = splitRecordKey(key);
        return recordKeys.plan(subject, Number(rest.slice('plan-'.length)));
      },
      check: decisionCheck(
        filingReceiptSchema,
        (r) => recordKeys.filing(r.personId, r.what, r.year, r.quarter),
        (r) => r.what === 'plan',
      ),
      judged: (body) => (body as FilingReceipt).version,
      apply: (w, body) =>
        w.state === 'approved' ? { ...w, state: 'filed', filedAt: (body as FilingReceipt).filedAt } : w,
    },
  ],
};

const recordKind: VersionKind<z.output<typeof monthlyRecordVersionSchema>, MonthlyRecord> = {
  type: 'record.version',
  schema: monthlyRecordVersionSchema,
  recordKey: (v) => recordKeys.record(v.personId, v.year, v.month),
  workingRecordKey: (w) => recordKeys.record(w.personId, w.year, w.month),
  versions: (db) => db.recordVersions,
  working: (db) => db.monthlyRecords,
  findWorking: (db, vs) =>
    db.monthlyRecords
      .where('[personId+year+month]')
      .anyOf(vs.map((v) => [v.personId, v.year, v.month]))
      .toArray(),
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
  shown: (r) => [r.version, r.state, r.workItems, r.attendance, r.errors, r.returnReason ?? null],
  editable: (r) => r.state !== 'submitted',
  decisions: [
    {
      types: ['record.return'],
      accepts: () => true,
      keyFor: swapKind('record', 'record-decision'),
      versionKeyFor: swapKind('record-decision', 'record'),
      check: decisionCheck(
        recordReturnSchema,
        (d) => recordKeys.recordDecision(d.personId, d.year, d.month),
        () => true,
      ),
      judged: (body) => (body as RecordReturn).version,
      apply: (w, body) => {
        const d = body as RecordReturn;
        return {
          ...w,
          state: 'returned',
          returnReason: d.reason,
          returnedAt: d.returnedAt,
          updatedAt: d.returnedAt,
        };
      },
    },
  ],
};

const summaryKind: VersionKind<z.output<typeof quarterSummaryVersionSchema>, QuarterSummary> = {
  type: 'summary.version',
  schema: quarterSummaryVersionSchema,
  recordKey: (v) => recordKeys.summary(v.personId, v.year, v.quarter),
  workingRecordKey: (w) => recordKeys.summary(w.personId, w.year, w.quarter),
  versions: (db) => db.summaryVersions,
  working: (db) => db.summaries,
  findWorking: (db, vs) =>
    db.summaries
      .where('[personId+year+quarter]')
      .anyOf(vs.map((v) => [v.personId, v.year, v.quarter]))
      .toArray(),
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
  shown: (r) => [r.version, r.state, r.text, r.highlights],
  editable: (r) => r.state === 'editing',
};

// ---- Signed records kept as they are: evaluations, registers; feedback with its acknowledgement ----

/** Each signed version becomes a row of `table`: every version stays readable (the history). */
function logMaterialiser<T extends { id: string }>(
  schema: z.ZodType<T>,
  subjectOf: (t: T) => string,
  keyOf: (t: T) => string,
  table: (db: DutyBookDb) => Table<T, string>,
): Materialiser {
  return {
    check(body, fact) {
      const r = schema.safeParse(body);
      if (!r.success) return { problem: '记录内容格式不正确' };
      if (subjectOf(r.data) !== fact.subject || keyOf(r.data) !== fact.recordKey)
        return { problem: '记录内容与记录标识不符' };
      return { value: r.data };
    },
    plan(ctx, added, known) {
      const put = added.map((f) => schema.parse(bodyOf(f, known)));
      return Promise.resolve(put.length > 0 ? [asWrites(table(ctx.db), [], put)] : []);
    },
  };
}

function checkFeedback(body: unknown, fact: Fact): Checked {
  const ack = fact.type === 'feedback.ack';
  const r = ack ? feedbackAckSchema.safeParse(body) : feedbackSchema.safeParse(body);
  if (!r.success) return { problem: '记录内容格式不正确' };
  const id = 'feedbackId' in r.data ? r.data.feedbackId : r.data.id;
  if (r.data.personId !== fact.subject || recordKeys.feedback(r.data.personId, id) !== fact.recordKey) {
    return { problem: '记录内容与记录标识不符' };
  }
  return { value: r.data };
}

/** 评鉴结果反馈 and the official's 签署意见: one row per feedback, the acknowledgement in force on it. */
const feedbackMaterialiser: Materialiser = {
  check: checkFeedback,
  async plan(ctx, added, known) {
    const keys = new Set(added.map((f) => f.recordKey));
    const facts = await factsOfRecords(ctx.db, keys, added, known);
    const put: FeedbackRow[] = [];
    for (const key of keys) {
      const all = facts.get(key) ?? [];
      const head = shownHead(all.filter((f) => f.type === 'feedback'));
      if (!head) continue; // an acknowledgement without its feedback waits for it
      const row: FeedbackRow = feedbackSchema.parse(bodyOf(head, known));
      const ack = shownHead(all.filter((f) => f.type === 'feedback.ack'));
      if (ack) row.ack = feedbackAckSchema.parse(bodyOf(ack, known));
      put.push(row);
    }
    return put.length > 0 ? [asWrites(ctx.db.feedback, [], put)] : [];
  },
};

const plans = versionMaterialiser(planKind);

/** Every 备案回执 kept as it is (registers and plans alike), for the screens that show 已备案. */
const filingLog = logMaterialiser(
  filingReceiptSchema,
  (r) => r.personId,
  (r) => recordKeys.filing(r.personId, r.what, r.year, r.quarter),
  (db) => db.filings,
);
const records = versionMaterialiser(recordKind);

/** Fact type → how it shows in the working tables. Types without an entry are stored and relayed only. */
export const materialisers: Readonly<Record<string, Materialiser>> = {
  'plan.version': plans,
  'plan.approval': plans,
  'plan.return': plans,
  'record.version': records,
  'record.return': records,
  'summary.version': versionMaterialiser(summaryKind),
  evaluation: logMaterialiser(
    signedEvaluationSchema,
    (e) => e.subject,
    (e) => recordKeys.evaluation(e.subject, e.year, e.quarter),
    (db) => db.evaluations,
  ),
  feedback: feedbackMaterialiser,
  'feedback.ack': feedbackMaterialiser,
  register: logMaterialiser(
    registerSchema,
    (r) => r.supervisorId,
    (r) => recordKeys.register(r.supervisorId, r.year, r.quarter),
    (db) => db.registers,
  ),
  'filing.receipt': filingLog,
};

/**
 * Types that also show through other materialisers besides their own: a plan's receipt changes the
 * plan's state. Each materialiser sees every fact the import adds (`Known.added`), so two of them
 * never disagree about the same record.
 */
const alsoShownBy: Readonly<Record<string, readonly Materialiser[]>> = {
  'filing.receipt': [plans],
};

/**
 * The added facts grouped by the materialiser that shows them: types that share one (a version and
 * its decisions) are planned together, so two plans never compute writes for the same row.
 */
export function groupByMaterialiser(added: readonly StoredFact[]): Map<Materialiser, StoredFact[]> {
  const out = new Map<Materialiser, StoredFact[]>();
  for (const f of added) {
    const primary = materialisers[f.type];
    for (const m of primary ? [primary, ...(alsoShownBy[f.type] ?? [])] : []) {
      const list = out.get(m);
      if (list) list.push(f);
      else out.set(m, [f]);
    }
  }
  return out;
}

/** Writes what the materialisers planned (inside the caller's transaction): deletions, then puts. */
export async function writeMaterialised(writes: readonly TableWrites[]): Promise<void> {
  for (const w of writes) {
    if (w.remove.length > 0) await w.table.bulkDelete(w.remove);
    if (w.put.length > 0) await w.table.bulkPut(w.put);
  }
}

/**
 * Shows facts this install just wrote (already stored, inside the same read-write transaction over
 * every table): the same planning an import runs, so a decision looks the same on every device.
 */
export async function materialiseOwn(ctx: MaterialiseContext, facts: readonly StoredFact[]): Promise<void> {
  const known: Known = { factsOfRecords: new Map(), bodies: new Map(), added: facts };
  for (const [m, list] of groupByMaterialiser(facts)) {
    const writes = await m.plan(ctx, list, known);
    await writeMaterialised(writes);
    await noteWritten(ctx.db, writes.map((w) => ({ table: w.table.name, rows: w.put })));
  }
}
