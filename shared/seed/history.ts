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
 */
import {
  dayStatus,
  evaluationInputSchema,
  feedbackIssues,
  feedbackKindLabels,
  feedbackSchema,
  finalizeEvaluation,
  indexHolidayCalendars,
  jsonSnapshot,
  monthlyRecordIssues,
  monthlyRecordVersionSchema,
  monthsOfQuarter,
  parseOrThrow,
  planDecisionSchema,
  planItemIssues,
  planVersionSchema,
  quarterHighlights,
  quarterSummaryVersionSchema,
  rankLevelLabel,
  recordReturnSchema,
  registerSchema,
  resolveHolidayCalendars,
  summaryTextIssues,
  templateFor,
  feedbackAckSchema,
  signedEvaluationSchema,
  type Feedback,
  type FeedbackAck,
  type HolidayIndex,
  type MonthlyRecordVersion,
  type PlanDecision,
  type PlanItem,
  type PlanVersion,
  type Quarter,
  type QuarterGrade,
  type QuarterSummaryVersion,
  type RecordReturn,
  type Register,
  type RegisterEntry,
  type SignedEvaluation,
  type WorkItem,
} from '../domain';
import { ValidationError } from '../errors/errors';
import { recordKeys } from '../ledger/facts';
import * as words from './content';
import type { Organisation, SeedPerson } from './organisation';
import { compareChinese } from '../domain/collate';
import {
  beijing,
  errorEntry,
  evaluationForm,
  monthAttendance,
  monthWork,
  planItems,
  summaryText,
  targetGrades,
} from './forms';
import { Random } from './random';

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

export type { HistoryOptions } from './history-options';
import type { HistoryOptions } from './history-options';

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

const DAY = 86_400_000;
const HOUR = 3_600_000;

const isoDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString();

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

type RecordState = {
  month: number;
  recordId: string;
  versions: { at: number; body: MonthlyRecordVersion; draft: FactDraft }[];
  /** When a version was returned (by version number). */
  returnedAt: Map<number, number>;
};

/** The versions of a person's record books as the person's device holds them at `t` (submitted only). */
function submittedAt(records: readonly RecordState[], t: number): MonthlyRecordVersion[] {
  const out: MonthlyRecordVersion[] = [];
  for (const r of records) {
    const v = [...r.versions].reverse().find((x) => x.at <= t);
    if (!v) continue;
    const returned = r.returnedAt.get(v.body.version);
    if (returned !== undefined && returned <= t) continue;
    out.push(v.body);
  }
  return out;
}

type Evaluated = {
  person: SeedPerson;
  quarter: Quarter;
  evaluation: SignedEvaluation;
  feedback?: Feedback;
  /** When the last of these was written. */
  doneAt: number;
};

/** An official evaluated in a quarter, as their supervisor's register lists them. */
export type Evaluation = {
  supervisorId: string;
  personId: string;
  quarter: Quarter;
  row: RegisterEntry;
  /** When the evaluation, its correction or the feedback was last written. */
  doneAt: number;
};

/** What every person's year is generated from, built once for the organisation. */
export type HistoryContext = {
  org: Organisation;
  options: HistoryOptions;
  holidays: HolidayIndex;
  byId: ReadonlyMap<string, SeedPerson>;
  unitName: ReadonlyMap<string, string>;
  /** Each supervisor's team in the register's order (by name). */
  teams: ReadonlyMap<string, readonly SeedPerson[]>;
  grades: ReadonlyMap<string, QuarterGrade>;
  /** A working day `min`–`max` days after `ms`, at a plausible office hour. */
  later: (rng: Random, ms: number, min: number, max: number) => number;
  methodOf: (supervisorId: string, year: number) => 'grade' | 'score';
};

export function historyContext(org: Organisation, options: HistoryOptions): HistoryContext {
  const { config, seed } = options;
  const holidays: HolidayIndex = indexHolidayCalendars(resolveHolidayCalendars(config.holidayCalendars));
  const workingOnOrAfter = (ms: number): number => {
    let t = ms;
    while (!dayStatus(isoDay(t), holidays).working) t += DAY;
    return t;
  };
  const teams = new Map<string, SeedPerson[]>();
  for (const p of org.people) {
    if (p.supervisorId === null) continue;
    const team = teams.get(p.supervisorId);
    if (team) team.push(p);
    else teams.set(p.supervisorId, [p]);
  }
  for (const team of teams.values())
    team.sort((a, b) => compareChinese(a.name, b.name) || a.id.localeCompare(b.id));
  return {
    org,
    options,
    holidays,
    byId: new Map(org.people.map((p) => [p.id, p])),
    unitName: new Map(org.units.map((u) => [u.id, u.name])),
    teams,
    grades: targetGrades(org, options),
    later: (rng, ms, min, max) => {
      const day = workingOnOrAfter(ms + rng.int(min, max) * DAY);
      const base = beijing(...(isoDay(day).split('-').map(Number) as [number, number, number]), 8);
      return Math.max(ms + HOUR, base + rng.int(60, 9 * 60) * 60_000);
    },
    methodOf: (supervisorId, year) => {
      if (config.evaluationMethod !== 'either') return config.evaluationMethod;
      return new Random(`${seed}/method/${supervisorId}/${year}`).chance(0.55) ? 'score' : 'grade';
    },
  };
}

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
  const { org, byId, grades, later, methodOf, holidays } = ctx;
  const { config, today, seed } = ctx.options;
  const stats = writer.stats;
  const evaluated: Evaluated[] = [];

  const rng = new Random(`${seed}/history/${person.id}/${year}`);
  const supervisor = person.supervisorId ? byId.get(person.supervisorId) : undefined;
  const field = org.fieldOf(person.id);
  const id = (at: number) => rng.ulid(at);

  // ---- 个人年度工作计划 ----
  const items = planItems(rng, year, field);
  const planId = id(beijing(year, 1, 2));
  const planKey = recordKeys.plan(person.id, year);
  const decisionKey = recordKeys.planDecision(person.id, year);
  const planVersions: { body: PlanVersion; draft: FactDraft }[] = [];
  const submitPlan = (at: number, planItemsNow: PlanItem[]) => {
    const issues = planItemIssues(planItemsNow, year);
    if (issues.length > 0) throw new ValidationError(issues);
    const body = parseOrThrow(
      planVersionSchema,
      jsonSnapshot({
        id: id(at),
        planId,
        personId: person.id,
        year,
        version: planVersions.length + 1,
        items: planItemsNow,
        submittedAt: iso(at),
      }),
    );
    const prev = planVersions[planVersions.length - 1];
    const draft = writer.add({
      at,
      author: person.id,
      type: 'plan.version',
      subject: person.id,
      recordKey: planKey,
      body,
      parents: prev ? [prev.draft] : [],
    });
    if (draft) planVersions.push({ body, draft });
    return draft;
  };
  let decisionHead: FactDraft | null = null;
  const decide = (at: number, decision: 'approve' | 'return', reasons: PlanDecision['reasons']) => {
    const v = planVersions[planVersions.length - 1]!;
    const body: PlanDecision = parseOrThrow(
      planDecisionSchema,
      jsonSnapshot({
        id: id(at),
        personId: person.id,
        year,
        version: v.body.version,
        decision,
        by: supervisor!.name,
        opinion: decision === 'approve' ? rng.pick(words.APPROVAL_OPINIONS) : '',
        reasons,
        decidedAt: iso(at),
      }),
    );
    const draft = writer.add({
      at,
      author: supervisor!.id,
      type: decision === 'approve' ? 'plan.approval' : 'plan.return',
      subject: person.id,
      recordKey: decisionKey,
      body,
      parents: [...(decisionHead ? [decisionHead] : []), v.draft],
    });
    if (draft) decisionHead = draft;
    return draft;
  };

  let t = later(rng, beijing(year, 1, 3), 0, 14);
  if (!submitPlan(t, items)) return [];
  stats.plans += 1;
  let currentItems = items;
  if (supervisor) {
    t = later(rng, t, 1, 6);
    if (rng.chance(0.1)) {
      const item = rng.chance(0.5) ? rng.pick(items) : null;
      const reason = rng.pick(words.PLAN_RETURN_REASONS);
      if (decide(t, 'return', [{ itemId: item?.id ?? null, reason }])) {
        stats.planReturns += 1;
        currentItems = items.map((i) =>
          item === null || i.id === item.id ? { ...i, target: `${i.target},按季度分解落实` } : i,
        );
        t = later(rng, t, 1, 4);
        if (submitPlan(t, currentItems)) {
          t = later(rng, t, 1, 3);
          decide(t, 'approve', []);
        }
      }
    } else decide(t, 'approve', []);
  }

  // ---- 平时考核记实簿 ----
  const records: RecordState[] = [];
  const progress = new Map<string, number>();
  const lagging = new Set(items.filter(() => rng.chance(0.08)).map((i) => i.id));
  for (let month = 1; month <= 12; month++) {
    const endOfMonth = beijing(year, month, 28);
    const submitted = later(rng, endOfMonth + (rng.chance(0.3) ? 0 : 4 * DAY), 0, 3);
    if (submitted >= today) break;
    const state: RecordState = { month, recordId: id(submitted), versions: [], returnedAt: new Map() };
    const workItems = monthWork(rng, year, month, currentItems, progress, lagging, field);
    const attendance = monthAttendance(rng, year, month, holidays);
    const errors = rng.chance(0.03) ? [errorEntry(rng, year, month, holidays)] : [];
    const write = (at: number, work: WorkItem[]): FactDraft | null => {
      const issues = monthlyRecordIssues({ year, month, workItems: work, attendance, errors });
      if (issues.length > 0) throw new ValidationError(issues);
      const body = parseOrThrow(
        monthlyRecordVersionSchema,
        jsonSnapshot({
          id: id(at),
          recordId: state.recordId,
          personId: person.id,
          year,
          month,
          version: state.versions.length + 1,
          workItems: work,
          attendance,
          errors,
          submittedAt: iso(at),
        }),
      );
      const prev = state.versions[state.versions.length - 1];
      const draft = writer.add({
        at,
        author: person.id,
        type: 'record.version',
        subject: person.id,
        recordKey: recordKeys.record(person.id, year, month),
        body,
        parents: prev ? [prev.draft] : [],
      });
      if (draft) state.versions.push({ at, body, draft });
      return draft;
    };
    if (!write(submitted, workItems)) break;
    records.push(state);
    stats.records += 1;
    if (supervisor && rng.chance(0.03)) {
      const at = later(rng, submitted, 1, 3);
      const v = state.versions[0]!;
      const body: RecordReturn = parseOrThrow(recordReturnSchema, {
        id: id(at),
        personId: person.id,
        year,
        month,
        version: v.body.version,
        by: supervisor.name,
        reason: rng.pick(words.RECORD_RETURN_REASONS),
        returnedAt: iso(at),
      });
      const ret = writer.add({
        at,
        author: supervisor.id,
        type: 'record.return',
        subject: person.id,
        recordKey: recordKeys.recordDecision(person.id, year, month),
        body,
        parents: [v.draft],
      });
      if (ret) {
        stats.recordReturns += 1;
        state.returnedAt.set(v.body.version, at);
        const again = later(rng, at, 1, 2);
        write(
          again,
          workItems.map((w) => ({ ...w, progress: `${w.progress};补充说明:已按要求核实相关材料和数据` })),
        );
      }
    }
  }

  // ---- 季度个人工作小结, 领导评鉴, 评鉴结果反馈 ----
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
  return evaluated.map((e) => ({
    supervisorId: e.person.supervisorId!,
    personId: person.id,
    quarter: e.quarter,
    row: registerEntry(person, e),
    doneAt: e.doneAt,
  }));
}

/**
 * 平时考核备案登记表: a supervisor's register for each quarter of `year` whose team is all evaluated
 * (`evaluated`: what `personYear` returned for the team).
 */
export function registersOf(
  ctx: HistoryContext,
  writer: Writer,
  supervisor: SeedPerson,
  year: number,
  evaluated: readonly Evaluation[],
): void {
  const team = ctx.teams.get(supervisor.id) ?? [];
  if (team.length === 0) return;
  const { later, unitName } = ctx;
  const rng = new Random(`${ctx.options.seed}/register/${supervisor.id}/${year}`);
  for (const quarter of [1, 2, 3, 4] as const) {
    const done = evaluated.filter((e) => e.quarter === quarter);
    if (done.length < team.length) continue;
    const at = later(rng, Math.max(...done.map((e) => e.doneAt)), 1, 3);
    const bySubject = new Map(done.map((e) => [e.personId, e.row]));
    const entries: RegisterEntry[] = team.map((p) => bySubject.get(p.id)!);
    const register: Register = parseOrThrow(
      registerSchema,
      jsonSnapshot({
        id: rng.ulid(at),
        supervisorId: supervisor.id,
        supervisorName: supervisor.name,
        unitName: unitName.get(supervisor.unitId) ?? '',
        year,
        quarter,
        version: 1,
        entries,
        opinion: rng.pick(words.REGISTER_OPINIONS),
        signedAt: iso(at),
      }),
    );
    if (
      writer.add({
        at,
        author: supervisor.id,
        type: 'register',
        subject: supervisor.id,
        recordKey: recordKeys.register(supervisor.id, year, quarter),
        body: register,
        parents: [],
      })
    )
      writer.stats.registers += 1;
  }
}

/** A register row exactly as supervision-repo's `buildRegisterDraft` makes it. */
function registerEntry(p: SeedPerson, e: Evaluated): RegisterEntry {
  const current = e.evaluation;
  const bonus = current.bonuses.reduce((s, b) => s + b.points, 0);
  return {
    personId: p.id,
    name: p.name,
    post: p.title ?? rankLevelLabel(p.rankLevel),
    method: current.method,
    ...(current.resultScore !== undefined ? { score: current.resultScore } : {}),
    grade: current.resultGrade,
    ...(bonus > 0 ? { bonus } : {}),
    evaluationVersion: current.version,
    feedbackWay: e.feedback ? feedbackKindLabels[e.feedback.kind] : '未反馈',
    ...(e.feedback ? { feedbackDate: e.feedback.date } : {}),
    ...(current.version > 1 ? { remark: `第${current.version}版(已更正)` } : {}),
  };
}

export { GRADE_SCORE_BANDS } from './forms';

export type { Quarter };
