/**
 * Versioned records (a plan, a month's record book, a quarter's summary) and the decisions about
 * their versions, shown as one working row per record.
 *
 * The working row always follows the record's shown head (facts.ts `shownHead`) and the decision in
 * force about that very version, so the result depends only on the set of facts, never on the order
 * they arrived in (P4). On the subject's own device a local draft is never overwritten: an imported
 * version fills an empty slot or replaces a row that is not being edited and is not newer.
 * materialise-submissions.ts says how each kind shows.
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import { canonicalJson } from '../domain';
import type { DutyBookDb } from './db';
import { shownHead } from '../ledger/facts';
import type { Fact, StoredFact } from '../ledger/types';
import {
  asWrites,
  bodyOf,
  bodyProblem,
  factsOfRecords,
  type Checked,
  type Materialiser,
} from './materialise-contract';

export type Keyed = { id: string; personId: string; version: number; state: string };

/**
 * The decisions about a kind's versions (核准/退回 of a plan, 退回 of a record book): a record of
 * their own whose head is the decision in force. It shows on the working row only while the version
 * it names is the one shown.
 */
export type DecisionKind<W extends Keyed> = {
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

export type VersionKind<V extends { id: string; personId: string }, W extends Keyed> = {
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

export function versionMaterialiser<V extends { id: string; personId: string }, W extends Keyed>(
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
      if (!r.success) return { problem: bodyProblem(r.error) };
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
export function decisionCheck<D extends { personId: string }>(
  schema: z.ZodType<D>,
  keyOf: (d: D) => string,
  typeOk: (d: D, type: string) => boolean,
) {
  return (body: unknown, fact: Fact): Checked => {
    const r = schema.safeParse(body);
    if (!r.success) return { problem: bodyProblem(r.error) };
    if (r.data.personId !== fact.subject || keyOf(r.data) !== fact.recordKey || !typeOk(r.data, fact.type)) {
      return { problem: '记录内容与记录标识不符' };
    }
    return { value: r.data };
  };
}

/** 'plan-decision/p/2026' ↔ 'plan/p/2026'. */
export const swapKind = (from: string, to: string) => (key: string) =>
  key.startsWith(`${from}/`) ? `${to}${key.slice(from.length)}` : key;
