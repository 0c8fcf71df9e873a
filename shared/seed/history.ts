/**
 * The example organisation's years, as the signed records its people would have written: each
 * official's plan (some returned and resubmitted), monthly record books (linked to plan items,
 * attendance from the month's working days, occasional leave and errors, a few returned), quarterly
 * summaries; each supervisor's 核准/退回, evaluations (grade or score per the configuration, a
 * realistic spread of grades, the odd correction with its reason), feedback and the official's
 * acknowledgement; and every supervisor's quarterly register.
 *
 * Every body is built the way the store builds it (plan-repo `submitPlan`, record-repo
 * `submitRecord`, summary-repo `submitSummary`, supervision-repo `decidePlan`, `returnRecordBook`,
 * `signEvaluation`, `recordFeedback`, `acknowledgeFeedback`, `signRegister`) and passes the same
 * checks; the facts carry the same record keys and parents `appendOwnFact` would give them. Nothing
 * happens at or after `today`: a year in progress stops where the calendar is.
 *
 * This file walks the organisation year by year and each person's year form by form; the forms are
 * drafted in history-plan.ts, history-records.ts, history-quarters.ts and history-registers.ts, on
 * the clock of history-context.ts, into the numbered drafts of history-drafts.ts.
 */
import { historyContext, type HistoryContext, type PersonYearRun } from './history-context';
import { Writer, type FactDraft, type History, type HistoryOptions } from './history-drafts';
import { writePlan } from './history-plan';
import { writeQuarters } from './history-quarters';
import { writeRecordBooks } from './history-records';
import { registerEntry, registersOf, type Evaluation } from './history-registers';
import type { Organisation, SeedPerson } from './organisation';
import { Random } from './random';

/** Where a part of the history starts in the whole's numbering (`HistoryHooks.block`). */
export const personBlock = (personId: string, year: number) => `person/${personId}/${year}`;
export const registerBlock = (supervisorId: string, year: number) => `registers/${supervisorId}/${year}`;

export type HistoryHooks = {
  /** Receives each draft as it is made; the history returned then holds none. */
  sink?: (draft: FactDraft) => void;
  /** Called with the number of the first draft of each person's year and each supervisor's registers. */
  block?: (key: string, seq: number) => void;
};

export function generateHistory(
  org: Organisation,
  options: HistoryOptions,
  hooks: HistoryHooks = {},
): History {
  const ctx = historyContext(org, options);
  const writer = new Writer(options.today, hooks.sink ? { sink: hooks.sink } : {});
  const supervisors = org.people.filter((p) => p.roles.includes('supervisor'));
  for (const year of options.years) {
    const evaluated = new Map<string, Evaluation[]>(); // by supervisor
    for (const person of org.people) {
      hooks.block?.(personBlock(person.id, year), writer.next);
      for (const e of personYear(ctx, writer, person, year)) {
        const list = evaluated.get(e.supervisorId);
        if (list) list.push(e);
        else evaluated.set(e.supervisorId, [e]);
      }
    }
    for (const supervisor of supervisors) {
      hooks.block?.(registerBlock(supervisor.id, year), writer.next);
      registersOf(ctx, writer, supervisor, year, evaluated.get(supervisor.id) ?? []);
    }
  }
  return { drafts: writer.drafts, stats: writer.stats };
}

/**
 * Generates one person's year into `writer`: the plan, the record books, the quarterly summaries and
 * what the supervisor wrote about them. Returns the quarters in which they were evaluated, for their
 * supervisor's registers. Its random numbers are the person's and the year's own, so the same year
 * comes out the same whether the organisation is generated whole or a team at a time.
 */
export function personYear(
  ctx: HistoryContext,
  writer: Writer,
  person: SeedPerson,
  year: number,
): Evaluation[] {
  const rng = new Random(`${ctx.options.seed}/history/${person.id}/${year}`);
  const run: PersonYearRun = {
    ctx,
    writer,
    person,
    year,
    rng,
    supervisor: person.supervisorId ? ctx.byId.get(person.supervisorId) : undefined,
    field: ctx.org.fieldOf(person.id),
    id: (at: number) => rng.ulid(at),
  };
  // The order matters: each kind of form draws from `rng` after the one before.
  const plan = writePlan(run);
  if (!plan) return [];
  const records = writeRecordBooks(run, plan);
  const evaluated = writeQuarters(run, plan, records);
  return evaluated.map((e) => ({
    supervisorId: e.person.supervisorId!,
    personId: person.id,
    quarter: e.quarter,
    row: registerEntry(person, e),
    doneAt: e.doneAt,
  }));
}
