/**
 * Each quarter of the example history: the official's 季度个人工作小结 (its highlights from the
 * record books their device holds), the supervisor's 领导评鉴 (the grade aimed at, by grade or score
 * per the configuration; the odd correction with its reason), the 评鉴结果反馈 and the official's
 * acknowledgement. Bodies are built as summary-repo's `submitSummary` and supervision-repo's
 * `signEvaluation`, `recordFeedback` and `acknowledgeFeedback` build them.
 */
import {
  evaluationInputSchema,
  feedbackAckSchema,
  feedbackIssues,
  feedbackSchema,
  finalizeEvaluation,
  jsonSnapshot,
  monthsOfQuarter,
  parseOrThrow,
  quarterHighlights,
  quarterSummaryVersionSchema,
  signedEvaluationSchema,
  summaryTextIssues,
  templateFor,
  type Feedback,
  type FeedbackAck,
  type Quarter,
  type QuarterGrade,
  type QuarterSummaryVersion,
  type SignedEvaluation,
} from '../domain';
import { ValidationError } from '../errors/errors';
import { recordKeys } from '../ledger/facts';
import * as words from './content';
import { iso, isoDay, type PersonYearRun } from './history-context';
import type { PlanOfYear } from './history-plan';
import { submittedAt, type RecordState } from './history-records';
import { evaluationForm, summaryText } from './forms';
import type { SeedPerson } from './organisation';

/** An official's quarter as their supervisor left it: the evaluation in force and the feedback given. */
export type Evaluated = {
  person: SeedPerson;
  quarter: Quarter;
  evaluation: SignedEvaluation;
  feedback?: Feedback;
  /** When the last of these was written. */
  doneAt: number;
};

/**
 * The year's quarters, in order, until one has no record book for its last month or its summary
 * would fall on or after today. Returns the quarters in which the official was evaluated.
 */
export function writeQuarters(
  run: PersonYearRun,
  plan: PlanOfYear,
  records: readonly RecordState[],
): Evaluated[] {
  const { ctx, writer, person, year, rng, supervisor, id } = run;
  const { grades, later, methodOf } = ctx;
  const { config } = ctx.options;
  const stats = writer.stats;
  const { currentItems, versions: planVersions } = plan;
  const evaluated: Evaluated[] = [];

  for (const quarter of [1, 2, 3, 4] as const) {
    const months = monthsOfQuarter(quarter);
    const last = records.find((r) => r.month === months[2]);
    if (!last) break;
    const lastVersionAt = last.versions[last.versions.length - 1]!.at;
    const summaryAt = later(rng, lastVersionAt, 1, 4);
    const held = submittedAt(records, summaryAt);
    const highlights = quarterHighlights({ year, items: currentItems }, held, year, quarter);
    const text = summaryText(
      rng,
      highlights.completedItems.map((c) => c.content),
    );
    const textIssues = summaryTextIssues(text);
    if (textIssues.length > 0) throw new ValidationError(textIssues);
    const summary: QuarterSummaryVersion = parseOrThrow(
      quarterSummaryVersionSchema,
      jsonSnapshot({
        id: id(summaryAt),
        summaryId: id(summaryAt),
        personId: person.id,
        year,
        quarter,
        version: 1,
        text,
        highlights,
        submittedAt: iso(summaryAt),
      }),
    );
    const summaryDraft = writer.add({
      at: summaryAt,
      author: person.id,
      type: 'summary.version',
      subject: person.id,
      recordKey: recordKeys.summary(person.id, year, quarter),
      body: summary,
      parents: [],
    });
    if (!summaryDraft) break;
    stats.summaries += 1;
    if (!supervisor) continue;

    const target = grades.get(`${person.id}/${year}/${quarter}`) ?? 'fairlyGood';
    const method = methodOf(supervisor.id, year);
    const evalAt = later(rng, summaryAt, 2, 8);
    const evidence = {
      ...(planVersions.length > 0
        ? { planVersion: planVersions[planVersions.length - 1]!.body.version }
        : {}),
      recordVersions: submittedAt(records, evalAt)
        .filter((r) => months.includes(r.month))
        .map((r) => ({ month: r.month, version: r.version })),
      summaryVersion: 1,
    };
    const sign = (at: number, grade: QuarterGrade, version: number, correction?: string) => {
      const form = evaluationForm(rng, config, person, method, grade);
      const candidate = parseOrThrow(evaluationInputSchema, {
        ...form,
        subject: person.id,
        year,
        quarter,
        evidence,
        id: id(at),
        evaluator: supervisor.id,
        version,
        ...(correction ? { correctionOf: { version: version - 1, reason: correction } } : {}),
      });
      const template = templateFor(config.indicatorTemplates, person.positionCategory, person.rankLevel);
      const evaluation = finalizeEvaluation(candidate, config, template);
      return parseOrThrow(
        signedEvaluationSchema,
        jsonSnapshot({ ...evaluation, evaluatorName: supervisor.name, signedAt: iso(at) }),
      );
    };
    const first = sign(evalAt, target, 1);
    const evalKey = recordKeys.evaluation(person.id, year, quarter);
    const evalDraft = writer.add({
      at: evalAt,
      author: supervisor.id,
      type: 'evaluation',
      subject: person.id,
      recordKey: evalKey,
      body: first,
      parents: [],
    });
    if (!evalDraft) continue;
    stats.evaluations += 1;
    let current = first;
    let doneAt = evalAt;
    if (rng.chance(0.04)) {
      const better: QuarterGrade =
        target === 'poor' ? 'average' : target === 'average' ? 'fairlyGood' : target;
      const at = later(rng, evalAt, 1, 3);
      const corrected = sign(at, better, 2, rng.pick(words.CORRECTION_REASONS));
      const draft = writer.add({
        at,
        author: supervisor.id,
        type: 'evaluation',
        subject: person.id,
        recordKey: evalKey,
        body: corrected,
        parents: [evalDraft],
      });
      if (draft) {
        current = corrected;
        doneAt = at;
        stats.evaluations += 1;
        stats.corrections += 1;
      }
    }
    stats.grades[current.resultGrade] += 1;
    const entry: Evaluated = { person, quarter, evaluation: current, doneAt };
    evaluated.push(entry);

    // 评鉴结果反馈 and the official's 签署意见.
    const feedbackAt = later(rng, doneAt, 1, 5);
    const grade = current.resultGrade;
    const kind = grade === 'average' || grade === 'poor' || rng.chance(0.5) ? 'talk' : 'meeting';
    const input = {
      personId: person.id,
      year,
      quarter,
      kind,
      date: isoDay(feedbackAt),
      place: rng.pick(words.FEEDBACK_PLACES),
      participants: kind === 'talk' ? `${supervisor.name}、${person.name}` : '科室全体人员',
      content: rng.pick(words.FEEDBACK_CONTENT[grade]!),
      improvements: rng.pick(words.IMPROVEMENTS),
    } as const;
    const fbIssues = feedbackIssues(input);
    if (fbIssues.length > 0) throw new ValidationError(fbIssues);
    const feedback: Feedback = jsonSnapshot(
      parseOrThrow(feedbackSchema, {
        ...input,
        id: id(feedbackAt),
        by: supervisor.name,
        recordedAt: iso(feedbackAt),
      }),
    );
    const fbKey = recordKeys.feedback(person.id, feedback.id);
    const fbDraft = writer.add({
      at: feedbackAt,
      author: supervisor.id,
      type: 'feedback',
      subject: person.id,
      recordKey: fbKey,
      body: feedback,
      parents: [],
    });
    if (!fbDraft) continue;
    stats.feedback += 1;
    entry.feedback = feedback;
    entry.doneAt = feedbackAt;
    if (rng.chance(0.9)) {
      const ackAt = later(rng, feedbackAt, 0, 3);
      const ack: FeedbackAck = parseOrThrow(feedbackAckSchema, {
        feedbackId: feedback.id,
        personId: person.id,
        text: rng.pick(words.ACK_TEXTS),
        at: iso(ackAt),
      });
      if (
        writer.add({
          at: ackAt,
          author: person.id,
          type: 'feedback.ack',
          subject: person.id,
          recordKey: fbKey,
          body: ack,
          parents: [fbDraft],
        })
      )
        stats.acknowledgements += 1;
    }
  }
  return evaluated;
}
