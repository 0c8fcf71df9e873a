/**
 * The 年度考核's signed records as they show: one row per person and year in each of annualSummaries,
 * annualComments and annualDecisions, always the record's shown head (facts.ts `shownHead`), so the
 * rows depend only on the set of facts, never on the order they arrived in (P4).
 *
 * - 年度个人总结: on the official's own device a draft being typed, or a newer local version, stays.
 * - 评语和考核等次建议: the version in force (a later one replaces; if a former and the present 主管领导
 *   both signed without seeing each other's, the shown head — the same on every device — is shown).
 * - 年度考核结果 and 本人意见 share one record: the decision in force, with the official's latest
 *   opinion on it (which names the decision version it answers: `opinionOnCurrent`).
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import {
  annualCommentRecordSchema,
  annualDecisionRecordSchema,
  annualOpinionRecordSchema,
  annualSummaryRecordSchema,
  annualSummaryRowId,
  canonicalJson,
  type AnnualCommentRow,
  type AnnualDecisionRow,
  type AnnualSummaryRow,
} from '../domain';
import { recordKeys, shownHead } from '../ledger/facts';
import type { Fact } from '../ledger/types';
import {
  asWrites,
  bodyOf,
  bodyProblem,
  factsOfRecords,
  type Checked,
  type Materialiser,
} from './materialise-contract';

type Yearly = { personId: string; year: number };

/** The body parses with `schema`, names the fact's subject and lives under the fact's record key. */
function yearlyCheck<T extends Yearly>(
  schema: z.ZodType<T>,
  keyOf: (personId: string, year: number) => string,
) {
  return (body: unknown, fact: Fact): Checked => {
    const r = schema.safeParse(body);
    if (!r.success) return { problem: bodyProblem(r.error) };
    if (r.data.personId !== fact.subject || keyOf(r.data.personId, r.data.year) !== fact.recordKey)
      return { problem: '记录内容与记录标识不符' };
    return { value: r.data };
  };
}

/** The rows held for these records (one bulk query on [personId+year]). */
async function rowsFor<R extends Yearly & { id: string }>(
  table: Table<R, string>,
  keys: readonly Yearly[],
): Promise<Map<string, R>> {
  const rows = keys.length === 0 ? [] : await table.where('[personId+year]').anyOf(keys.map((k) => [k.personId, k.year])).toArray();
  return new Map(rows.map((r) => [`${r.personId}/${r.year}`, r]));
}

/** Puts `want` in place of what is held for its person and year (removing a row of another id). */
function replaceRows<R extends Yearly & { id: string }>(
  wants: readonly R[],
  held: Map<string, R>,
  keep: (existing: R, want: R) => boolean = () => false,
): { remove: string[]; put: R[] } {
  const remove: string[] = [];
  const put: R[] = [];
  for (const want of wants) {
    const existing = held.get(`${want.personId}/${want.year}`);
    if (existing && canonicalJson(existing) === canonicalJson(want)) continue;
    if (existing && keep(existing, want)) continue;
    if (existing && existing.id !== want.id) remove.push(existing.id);
    put.push(want);
  }
  return { remove, put };
}

export const annualSummaryMaterialiser: Materialiser = {
  check: yearlyCheck(annualSummaryRecordSchema, recordKeys.annualSummary),
  async plan(ctx, added, known) {
    const keys = new Set(added.map((f) => f.recordKey));
    const facts = await factsOfRecords(ctx.db, keys, added, known);
    const wants: AnnualSummaryRow[] = [];
    for (const key of keys) {
      const head = shownHead((facts.get(key) ?? []).filter((f) => f.type === 'annual.summary'));
      if (!head) continue;
      const v = annualSummaryRecordSchema.parse(bodyOf(head, known));
      wants.push({
        id: annualSummaryRowId(v.personId, v.year),
        personId: v.personId,
        year: v.year,
        state: 'submitted',
        text: v.text,
        version: v.version,
        updatedAt: v.submittedAt,
        versionId: v.id,
        submittedOn: v.submittedOn,
        submittedAt: v.submittedAt,
      });
    }
    const held = await rowsFor(ctx.db.annualSummaries, wants);
    // On the official's own device a draft being typed, or a newer local version, stays.
    const { remove, put } = replaceRows(
      wants,
      held,
      (existing, want) =>
        want.personId === ctx.me.personId && (existing.state === 'editing' || existing.version > want.version),
    );
    return put.length + remove.length > 0 ? [asWrites(ctx.db.annualSummaries, remove, put)] : [];
  },
};

export const annualCommentMaterialiser: Materialiser = {
  check: yearlyCheck(annualCommentRecordSchema, recordKeys.annualComment),
  async plan(ctx, added, known) {
    const keys = new Set(added.map((f) => f.recordKey));
    const facts = await factsOfRecords(ctx.db, keys, added, known);
    const wants: AnnualCommentRow[] = [];
    for (const key of keys) {
      const head = shownHead((facts.get(key) ?? []).filter((f) => f.type === 'annual.comment'));
      if (head) wants.push({ ...annualCommentRecordSchema.parse(bodyOf(head, known)), factId: head.id });
    }
    const { remove, put } = replaceRows(wants, await rowsFor(ctx.db.annualComments, wants));
    return put.length + remove.length > 0 ? [asWrites(ctx.db.annualComments, remove, put)] : [];
  },
};

function checkDecisionOrOpinion(body: unknown, fact: Fact): Checked {
  return fact.type === 'annual.opinion'
    ? yearlyCheck(annualOpinionRecordSchema, recordKeys.annualDecision)(body, fact)
    : yearlyCheck(annualDecisionRecordSchema, recordKeys.annualDecision)(body, fact);
}

/** 年度考核结果 and 本人意见: one row per person and year, the decision in force with the latest opinion. */
export const annualDecisionMaterialiser: Materialiser = {
  check: checkDecisionOrOpinion,
  async plan(ctx, added, known) {
    const keys = new Set(added.map((f) => f.recordKey));
    const facts = await factsOfRecords(ctx.db, keys, added, known);
    const wants: AnnualDecisionRow[] = [];
    for (const key of keys) {
      const all = facts.get(key) ?? [];
      const head = shownHead(all.filter((f) => f.type === 'annual.decision'));
      if (!head) continue; // an opinion without the decision it answers waits for it
      const row: AnnualDecisionRow = { ...annualDecisionRecordSchema.parse(bodyOf(head, known)), factId: head.id };
      const opinion = shownHead(all.filter((f) => f.type === 'annual.opinion'));
      if (opinion) row.opinion = annualOpinionRecordSchema.parse(bodyOf(opinion, known));
      wants.push(row);
    }
    const { remove, put } = replaceRows(wants, await rowsFor(ctx.db.annualDecisions, wants));
    return put.length + remove.length > 0 ? [asWrites(ctx.db.annualDecisions, remove, put)] : [];
  },
};
