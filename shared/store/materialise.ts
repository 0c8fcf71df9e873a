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
 *
 * The pieces: materialise-contract.ts (what a materialiser is, the reads they share),
 * materialise-versioned.ts (a versioned record and the decisions about it, as one working row),
 * materialise-submissions.ts (plans, record books, summaries), materialise-signed.ts (evaluations,
 * registers, 备案回执, feedback). This file routes each fact type to its materialiser and writes.
 */
import { filingReceiptSchema, filingRefusalSchema, registerSchema, signedEvaluationSchema } from '../domain';
import { noteWritten } from './status';
import { recordKeys } from '../ledger/facts';
import type { StoredFact } from '../ledger/types';
import type { Known, MaterialiseContext, Materialiser, TableWrites } from './materialise-contract';
import { feedbackMaterialiser, logMaterialiser } from './materialise-signed';
import { planKind, recordKind, summaryKind } from './materialise-submissions';
import { versionMaterialiser } from './materialise-versioned';
import { annualCommentMaterialiser, annualDecisionMaterialiser, annualSummaryMaterialiser } from './materialise-annual';

export type { Known, MaterialiseContext, Materialiser, TableWrites } from './materialise-contract';

const plans = versionMaterialiser(planKind);

/** Every 备案回执 kept as it is (registers and plans alike), for the screens that show 已备案. */
const filingLog = logMaterialiser(
  filingReceiptSchema,
  (r) => r.personId,
  (r) => recordKeys.filing(r.personId, r.what, r.year, r.quarter),
  (db) => db.filings,
);
/** Every 不予备案 kept as it is: the register pages and HR's list read them; a plan's also shows on the plan. */
const refusalLog = logMaterialiser(
  filingRefusalSchema,
  (r) => r.personId,
  (r) => recordKeys.filingRefusal(r.personId, r.what, r.year, r.quarter),
  (db) => db.filingRefusals,
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
  'filing.refusal': refusalLog,
  'annual.summary': annualSummaryMaterialiser,
  'annual.comment': annualCommentMaterialiser,
  'annual.decision': annualDecisionMaterialiser,
  'annual.opinion': annualDecisionMaterialiser,
};

/**
 * Types that also show through other materialisers besides their own: a plan's receipt changes the
 * plan's state. Each materialiser sees every fact the import adds (`Known.added`), so two of them
 * never disagree about the same record.
 */
const alsoShownBy: Readonly<Record<string, readonly Materialiser[]>> = {
  'filing.receipt': [plans],
  'filing.refusal': [plans],
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
