/**
 * Signed records kept as they are: every version of an evaluation, a register or a 备案回执 is a row
 * of its own (the history); feedback is one row with the official's acknowledgement in force on it.
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import { feedbackAckSchema, feedbackSchema, type FeedbackRow } from '../domain';
import type { DutyBookDb } from './db';
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

/** Each signed version becomes a row of `table`: every version stays readable (the history). */
export function logMaterialiser<T extends { id: string }>(
  schema: z.ZodType<T>,
  subjectOf: (t: T) => string,
  keyOf: (t: T) => string,
  table: (db: DutyBookDb) => Table<T, string>,
): Materialiser {
  return {
    check(body, fact) {
      const r = schema.safeParse(body);
      if (!r.success) return { problem: bodyProblem(r.error) };
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
  if (!r.success) return { problem: bodyProblem(r.error) };
  const id = 'feedbackId' in r.data ? r.data.feedbackId : r.data.id;
  if (r.data.personId !== fact.subject || recordKeys.feedback(r.data.personId, id) !== fact.recordKey) {
    return { problem: '记录内容与记录标识不符' };
  }
  return { value: r.data };
}

/** 评鉴结果反馈 and the official's 签署意见: one row per feedback, the acknowledgement in force on it. */
export const feedbackMaterialiser: Materialiser = {
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
