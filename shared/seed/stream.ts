/**
 * The organisation's history a team at a time, for organisations too big to hold whole: at 5,000
 * people × 2 years the whole history, signed, took 1.9 GB of a page's heap, and 20,000 people would
 * not fit in V8's 4 GB. Two passes give the facts `generateHistory` + `factsOf` give, byte for byte:
 *
 *   1. `indexHistory` generates the whole history once, keeping of each draft only its author and
 *      time (typed arrays, 12 bytes a draft), and where each person's year and each supervisor's
 *      registers start in the numbering. From these it numbers each author's facts in creation-time
 *      order, as `factsOf` does (the counter is part of a fact's id, and a child names its parent's id).
 *   2. `relayedFacts` regenerates what one sender relays to HR — their own year and their team's,
 *      each from its own random numbers and starting at its number from pass 1 — and turns the
 *      drafts into facts with the counters from pass 1. Each sender's facts are bundled, imported
 *      and dropped before the next sender's are made.
 *
 * Every draft of pass 2 is checked against pass 1 (author and time at its number), so a change that
 * made the two passes differ fails loudly instead of seeding different data.
 */
import type { StoredFact } from '../ledger/types';
import { factOfDraft, relayerOf, type Installs } from './deliver';
import { generateHistory, personBlock, personYear, registerBlock } from './history';
import { historyContext, type HistoryContext } from './history-context';
import { Writer, type FactDraft, type HistoryOptions, type HistoryStats } from './history-drafts';
import { registersOf, type Evaluation } from './history-registers';
import type { Organisation, SeedPerson } from './organisation';

export type HistoryIndex = {
  ctx: HistoryContext;
  stats: HistoryStats;
  /** How many drafts (= facts) the history has. */
  count: number;
  /** By draft number: its author's install counter. */
  counters: Int32Array;
  /** By draft number: its author (index in `org.people`) and time, to check pass 2 against. */
  authors: Int32Array;
  times: Float64Array;
  /** The first draft number of each person's year and each supervisor's registers. */
  starts: Map<string, number>;
};

/** Pass 1: the whole history, keeping only what numbers the facts. */
export function indexHistory(org: Organisation, options: HistoryOptions): HistoryIndex {
  const authorIndex = new Map(org.people.map((p, i) => [p.id, i]));
  let authors = new Int32Array(1 << 16);
  let times = new Float64Array(1 << 16);
  let count = 0;
  const starts = new Map<string, number>();
  const { stats } = generateHistory(org, options, {
    sink: (d) => {
      if (d.seq !== count) throw new Error(`seed: draft ${d.seq} out of order`);
      if (count === authors.length) {
        const a = new Int32Array(count * 2);
        a.set(authors);
        authors = a;
        const t = new Float64Array(count * 2);
        t.set(times);
        times = t;
      }
      authors[count] = authorIndex.get(d.author)!;
      times[count] = d.at;
      count += 1;
    },
    block: (key, seq) => starts.set(key, seq),
  });
  authors = authors.slice(0, count);
  times = times.slice(0, count);
  // As factsOf: each author's install counts from 1 in creation-time order (ties: creation order).
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => authors[a]! - authors[b]! || times[a]! - times[b]! || a - b);
  const counters = new Int32Array(count);
  for (let k = 0, counter = 0; k < count; k++) {
    const i = order[k]!;
    counter = k > 0 && authors[order[k - 1]!] === authors[i] ? counter + 1 : 1;
    counters[i] = counter;
  }
  return { ctx: historyContext(org, options), stats, count, counters, authors, times, starts };
}

/**
 * Pass 2 for one sender: the facts `relayBundles` gives `sender` to carry to HR (`relayerOf`), in
 * the same order (creation time, then creation order). Empty for someone who relays nothing.
 */
export function relayedFacts(index: HistoryIndex, installs: Installs, sender: SeedPerson): StoredFact[] {
  const { ctx } = index;
  const { org, options } = ctx;
  const team = ctx.teams.get(sender.id) ?? [];
  // Whose years hold what `sender` relays: their own (their own records as a supervisor, or
  // everything about them when no one supervises them) and their team's.
  const members = [sender, ...team];
  const drafts: FactDraft[] = [];
  const sink = (d: FactDraft) => drafts.push(d);
  const writerAt = (key: string) => {
    const start = index.starts.get(key);
    if (start === undefined) throw new Error(`seed: no ${key} in the first pass`);
    return new Writer(options.today, { start, sink });
  };
  for (const year of options.years) {
    const evaluated: Evaluation[] = [];
    for (const p of members) {
      const done = personYear(ctx, writerAt(personBlock(p.id, year)), p, year);
      if (p !== sender) evaluated.push(...done);
    }
    if (team.length > 0) registersOf(ctx, writerAt(registerBlock(sender.id, year)), sender, year, evaluated);
  }
  const byId = ctx.byId;
  const ids = new Map<FactDraft, string>();
  const out: { fact: StoredFact; seq: number; at: number }[] = [];
  // Drafts in the order each part made them: a parent always before the drafts that name it.
  for (const d of drafts) {
    if (
      d.seq >= index.count ||
      index.times[d.seq] !== d.at ||
      org.people[index.authors[d.seq]!]!.id !== d.author
    )
      throw new Error(
        `seed: the second pass made ${d.recordKey} (#${d.seq}, by ${d.author}) unlike the first`,
      );
    const fact = factOfDraft(d, index.counters[d.seq]!, ids, installs);
    ids.set(d, fact.id);
    if (relayerOf(byId, fact) === sender.id) out.push({ fact, seq: d.seq, at: d.at });
  }
  out.sort((a, b) => a.at - b.at || a.seq - b.seq);
  return out.map((x) => x.fact);
}
