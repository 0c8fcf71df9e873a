/**
 * What a generated history is made of, and the one place drafts are numbered: the options a history
 * is generated from, a fact before its counter and id are known (`FactDraft`), the counts kept along
 * the way (`HistoryStats`), and the `Writer` that numbers the drafts in creation order and drops
 * anything dated at or after `today`.
 */
import type { AssessmentConfig, QuarterGrade } from '../domain';

/** What a generated history covers: its random seed, its years, the moment it stops, the unit's rules. */
export type HistoryOptions = {
  seed: string;
  years: readonly number[];
  /** Milliseconds: nothing is written at or after it. */
  today: number;
  config: AssessmentConfig;
};

/** A fact before its counter and id are known: parents are other drafts. */
export type FactDraft = {
  /** Creation order: parents always come before the facts that name them. */
  seq: number;
  at: number;
  author: string;
  type: string;
  subject: string;
  recordKey: string;
  body: unknown;
  parents: FactDraft[];
};

export type HistoryStats = {
  plans: number;
  planReturns: number;
  records: number;
  recordReturns: number;
  summaries: number;
  evaluations: number;
  corrections: number;
  feedback: number;
  acknowledgements: number;
  registers: number;
  grades: Record<QuarterGrade, number>;
};

export type History = { drafts: FactDraft[]; stats: HistoryStats };

const emptyStats = (): HistoryStats => ({
  plans: 0,
  planReturns: 0,
  records: 0,
  recordReturns: 0,
  summaries: 0,
  evaluations: 0,
  corrections: 0,
  feedback: 0,
  acknowledgements: 0,
  registers: 0,
  grades: { good: 0, fairlyGood: 0, average: 0, poor: 0 },
});

/**
 * Numbers the drafts in creation order and keeps them, or hands each to `sink` (then keeps none).
 * `start`: the number of the first draft (a part of the history generated on its own continues the
 * numbering of the whole).
 */
export class Writer {
  readonly drafts: FactDraft[] = [];
  readonly stats = emptyStats();
  private seq: number;
  constructor(
    private readonly today: number,
    private readonly options: { start?: number; sink?: (draft: FactDraft) => void } = {},
  ) {
    this.seq = options.start ?? 0;
  }

  /** The number the next draft gets. */
  get next(): number {
    return this.seq;
  }

  /** A draft, or null when `at` is not before today (then nothing that depends on it happens). */
  add(d: Omit<FactDraft, 'seq'>): FactDraft | null {
    if (d.at >= this.today) return null;
    for (const p of d.parents) {
      if (p.at >= d.at) throw new Error(`seed: ${d.recordKey} is not after its parent ${p.recordKey}`);
    }
    const draft = { ...d, seq: this.seq++ };
    if (this.options.sink) this.options.sink(draft);
    else this.drafts.push(draft);
    return draft;
  }
}
