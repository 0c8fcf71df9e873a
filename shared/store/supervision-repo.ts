/**
 * The supervisor's decisions (核准/退回 of plans, 退回 of record books, 领导评鉴, 评鉴结果反馈, the
 * 平时考核备案登记表) and the official's 签署意见, as signed records. Each one is a fact appended in
 * the same transaction that checks it and shows it (`materialiseOwn`: the code an import runs), so
 * what this device shows is what the other devices will show after the next exchange — and a refused
 * decision leaves the database exactly as it was.
 *
 * Who may decide comes from the HR-signed roster, never from a local setting: a supervisor acts only
 * on people whose 主管领导 the roster says they are.
 */
import type Dexie from 'dexie';
import { z } from 'zod';
import { DutyBookError, ValidationError, type ValidationIssue } from '../errors/errors';
import {
  evaluationDraftId,
  evaluationDraftSchema,
  evaluationInputSchema,
  feedbackIssues,
  feedbackKindLabels,
  feedbackSchema,
  finalizeEvaluation,
  jsonSnapshot,
  newId,
  parseConfig,
  parseOrThrow,
  planReturnReasonSchema,
  rankLevelLabel,
  templateFor,
  type AnnualPlan,
  type AssessmentConfig,
  type EvaluationDraft,
  type EvaluationInput,
  type Feedback,
  type FeedbackAck,
  type FeedbackRow,
  type MonthlyRecord,
  type PlanDecision,
  type PlanReturnReason,
  type PositionCategory,
  type QuarterSummary,
  type RecordReturn,
  type Register,
  type RegisterEntry,
  type SignedEvaluation,
} from '../domain';
import { recordKeys, shownHead } from '../ledger/facts';
import { materialiseOwn } from './materialise';
import { rosterConfig } from '../ledger/roster';
import type { RosterPerson } from '../ledger/types';
import type { DutyBookDb } from './db';
import { appendOwnFact, readFactsOfRecord, readSelfIdentity } from './fact-repo';
import { returnReasonIssues } from './plan-repo';
import { getActiveConfig } from './settings-repo';
import { wrapStorageErrors } from './storage-errors';
import {
  actingContext,
  forbidden,
  inTransaction,
  readRoster,
  requireReport,
  signAndShow,
  versionFactId,
  type ActingContext,
} from './acting';
import { compareChinese } from '../domain/collate';

// ---- The rules in force ----

export type ConfigInForce = { config: AssessmentConfig; source: 'roster' | 'local' };

/** The configuration HR distributed in the roster; this device's own until one arrives. */
export async function configInForce(db: DutyBookDb): Promise<ConfigInForce> {
  const roster = await wrapStorageErrors('read roster', () => readRoster(db));
  const raw = roster ? rosterConfig(roster) : null;
  if (raw !== null) {
    try {
      return { config: parseConfig(raw), source: 'roster' };
    } catch {
      // A roster whose configuration this version cannot read: fall back to the local rules.
    }
  }
  return { config: (await getActiveConfig(db)).config, source: 'local' };
}

// ---- The team ----

export type TeamMember = RosterPerson & { unitName: string };

/** The acting supervisor's direct reports in the roster (active), by name. */
export async function listTeam(db: DutyBookDb): Promise<{ me: RosterPerson; team: TeamMember[] }> {
  const ctx = await wrapStorageErrors('read team', () => actingContext(db));
  const units = new Map(ctx.roster.units.map((u) => [u.id, u.name]));
  const team = ctx.roster.people
    .filter((p) => p.supervisorId === ctx.person.id && p.active)
    .map((p) => ({ ...p, unitName: units.get(p.unitId) ?? '' }))
    .sort((a, b) => compareChinese(a.name, b.name) || a.id.localeCompare(b.id));
  return { me: ctx.person, team };
}

/** What this device holds of one person's year: the rows the team overview and the evidence read. */
export type PersonYear = {
  plan?: AnnualPlan;
  records: MonthlyRecord[];
  summaries: QuarterSummary[];
  evaluations: SignedEvaluation[];
  feedback: FeedbackRow[];
};

export async function readPersonYear(db: DutyBookDb, personId: string, year: number): Promise<PersonYear> {
  return wrapStorageErrors('read person year', async () => {
    const range = <T>(t: Dexie.Table<T, string>, index: string) =>
      t.where(index).between([personId, year, -Infinity], [personId, year, Infinity]).toArray();
    const [plan, records, summaries, evaluations, feedback] = await Promise.all([
      db.plans.where('[personId+year]').equals([personId, year]).first(),
      db.monthlyRecords.where('[personId+year]').equals([personId, year]).toArray(),
      range(db.summaries, '[personId+year+quarter]'),
      range(db.evaluations, '[subject+year+quarter]'),
      range(db.feedback, '[personId+year+quarter]'),
    ]);
    return {
      ...(plan ? { plan } : {}),
      records: records.sort((a, b) => a.month - b.month),
      summaries: summaries.sort((a, b) => a.quarter - b.quarter),
      evaluations: evaluations.sort((a, b) => a.quarter - b.quarter || a.version - b.version),
      feedback: feedback.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
    };
  });
}

// ---- 核准 / 退回 of a plan ----

export type PlanDecisionInput =
  | { personId: string; year: number; version: number; decision: 'approve'; opinion: string }
  | { personId: string; year: number; version: number; decision: 'return'; reasons: PlanReturnReason[] };

const opinionSchema = z
  .string({ error: '核准意见应为文字' })
  .trim()
  .max(500, { error: '核准意见不能超过500个字' });

/** 核准 or 退回 the submitted plan version `version` of a direct report. */
export async function decidePlan(
  db: DutyBookDb,
  input: PlanDecisionInput,
  now: Date = new Date(),
): Promise<AnnualPlan> {
  const at = now.toISOString();
  const what = input.decision === 'approve' ? '核准其工作计划' : '退回其工作计划';
  return inTransaction(db, `${input.decision} plan`, async () => {
    const ctx = await actingContext(db);
    requireReport(ctx, input.personId, what);
    const plan = await db.plans.where('[personId+year]').equals([input.personId, input.year]).first();
    if (!plan || plan.version < 1) throw forbidden('尚未收到此人提交的工作计划。');
    if (plan.version !== input.version) {
      throw new DutyBookError('conflict', 'plan version changed', {
        reason: `此人已提交第${plan.version}版计划,请查看最新版本后再${input.decision === 'approve' ? '核准' : '退回'}。`,
      });
    }
    if (plan.state !== 'submitted') {
      throw new DutyBookError('conflict', `plan is ${plan.state}`, {
        reason:
          plan.state === 'approved' || plan.state === 'filed'
            ? '该计划已核准,不能再次核准或退回。'
            : '该计划已退回,等待本人修改后重新提交。',
      });
    }
    let body: PlanDecision;
    if (input.decision === 'approve') {
      const opinion = parseOrThrow(opinionSchema, input.opinion);
      body = {
        id: newId(now.getTime()),
        personId: input.personId,
        year: input.year,
        version: input.version,
        decision: 'approve',
        by: ctx.person.name,
        opinion,
        reasons: [],
        decidedAt: at,
      };
    } else {
      const reasons = parseOrThrow(
        z.array(planReturnReasonSchema, { error: '请填写退回原因' }),
        input.reasons,
      );
      const issues = returnReasonIssues(reasons, plan);
      if (issues.length > 0) throw new ValidationError(issues);
      body = {
        id: newId(now.getTime()),
        personId: input.personId,
        year: input.year,
        version: input.version,
        decision: 'return',
        by: ctx.person.name,
        opinion: '',
        reasons: reasons.map((r) => ({ itemId: r.itemId, reason: r.reason.trim() })),
        decidedAt: at,
      };
    }
    await signAndShow(ctx, {
      type: input.decision === 'approve' ? 'plan.approval' : 'plan.return',
      subject: input.personId,
      recordKey: recordKeys.planDecision(input.personId, input.year),
      body: jsonSnapshot(body),
      createdAt: at,
      parents: await versionFactId(db, recordKeys.plan(input.personId, input.year), 'plan.version'),
    });
    return (await db.plans.where('[personId+year]').equals([input.personId, input.year]).first())!;
  });
}

// ---- 退回 of a record book ----

const recordReasonSchema = z
  .string({ error: '请填写退回原因' })
  .trim()
  .min(1, { error: '请填写退回原因' })
  .max(500, { error: '退回原因不能超过500个字' });

/** 退回 the submitted record book version `version` of a direct report, with the reason. */
export async function returnRecordBook(
  db: DutyBookDb,
  input: { personId: string; year: number; month: number; version: number; reason: string },
  now: Date = new Date(),
): Promise<MonthlyRecord> {
  const at = now.toISOString();
  const reason = parseOrThrow(recordReasonSchema, input.reason);
  return inTransaction(db, 'return record', async () => {
    const ctx = await actingContext(db);
    requireReport(ctx, input.personId, '退回其记实簿');
    const key = [input.personId, input.year, input.month];
    const record = await db.monthlyRecords.where('[personId+year+month]').equals(key).first();
    if (!record || record.version < 1) throw forbidden(`尚未收到此人${input.month}月的记实簿。`);
    if (record.version !== input.version || record.state !== 'submitted') {
      throw new DutyBookError('conflict', `record is ${record.state} v${record.version}`, {
        reason:
          record.state === 'returned'
            ? `${input.month}月记实簿已退回,等待本人修改后重新提交。`
            : `${input.month}月记实簿已有新的版本,请查看后再退回。`,
      });
    }
    const body: RecordReturn = {
      id: newId(now.getTime()),
      personId: input.personId,
      year: input.year,
      month: input.month,
      version: input.version,
      by: ctx.person.name,
      reason,
      returnedAt: at,
    };
    await signAndShow(ctx, {
      type: 'record.return',
      subject: input.personId,
      recordKey: recordKeys.recordDecision(input.personId, input.year, input.month),
      body,
      createdAt: at,
      parents: await versionFactId(
        db,
        recordKeys.record(input.personId, input.year, input.month),
        'record.version',
      ),
    });
    return (await db.monthlyRecords.where('[personId+year+month]').equals(key).first())!;
  });
}

// ---- 领导评鉴 ----

export async function getEvaluationDraft(
  db: DutyBookDb,
  subject: string,
  year: number,
  quarter: number,
): Promise<EvaluationDraft | undefined> {
  return wrapStorageErrors('read evaluation draft', () =>
    db.evaluationDrafts.get(evaluationDraftId(subject, year, quarter)),
  );
}

/** Keeps the form as typed (incomplete or wrong is fine): nothing is lost before signing. */
export async function saveEvaluationDraft(
  db: DutyBookDb,
  input: {
    evaluator: string;
    subject: string;
    year: number;
    quarter: 1 | 2 | 3 | 4;
    form: Record<string, unknown>;
  },
  now: Date = new Date(),
): Promise<EvaluationDraft> {
  const row = parseOrThrow(evaluationDraftSchema, {
    ...input,
    id: evaluationDraftId(input.subject, input.year, input.quarter),
    form: jsonSnapshot(input.form),
    updatedAt: now.toISOString(),
  });
  await wrapStorageErrors('save evaluation draft', () => db.evaluationDrafts.put(row));
  return row;
}

/** Drops an unsigned draft (e.g. a correction abandoned); signed versions are never touched. */
export async function deleteEvaluationDraft(
  db: DutyBookDb,
  subject: string,
  year: number,
  quarter: number,
): Promise<void> {
  await wrapStorageErrors('delete evaluation draft', () =>
    db.evaluationDrafts.delete(evaluationDraftId(subject, year, quarter)),
  );
}

/** Every signed version of a person's evaluation for the quarter, oldest first. */
export async function listEvaluationVersions(
  db: DutyBookDb,
  subject: string,
  year: number,
  quarter: number,
): Promise<SignedEvaluation[]> {
  const rows = await wrapStorageErrors('list evaluations', () =>
    db.evaluations.where('[subject+year+quarter]').equals([subject, year, quarter]).toArray(),
  );
  return rows.sort((a, b) => a.version - b.version);
}

/** The latest signed version of each evaluation (a correction replaces what it corrects). */
export function currentEvaluations(rows: readonly SignedEvaluation[]): SignedEvaluation[] {
  const latest = new Map<string, SignedEvaluation>();
  for (const e of rows) {
    const k = `${e.subject}/${e.year}/${e.quarter}`;
    const seen = latest.get(k);
    if (!seen || e.version > seen.version) latest.set(k, e);
  }
  return [...latest.values()];
}

/** What the supervisor fills in; identity, version and the correction link are the repository's. */
export type EvaluationFormInput = Omit<EvaluationInput, 'id' | 'evaluator' | 'version' | 'correctionOf'> & {
  /** Required when a signed version exists: why it is corrected. */
  correctionReason?: string;
};

/** The configuration and indicator template that apply to a person of the roster. */
export async function rulesFor(db: DutyBookDb, person: Pick<RosterPerson, 'positionCategory' | 'rankLevel'>) {
  const { config, source } = await configInForce(db);
  const template = templateFor(
    config.indicatorTemplates,
    person.positionCategory as PositionCategory,
    person.rankLevel,
  );
  return { config, source, template };
}

/**
 * Signs a 领导评鉴: checks everything (ValidationError listing each problem in Chinese), derives the
 * result, and appends it as version n+1 — a correction of a signed version must give its reason.
 * The draft is removed only when the signature is written.
 */
export async function signEvaluation(
  db: DutyBookDb,
  input: EvaluationFormInput,
  now: Date = new Date(),
): Promise<SignedEvaluation> {
  const at = now.toISOString();
  const { correctionReason, ...form } = input;
  return inTransaction(db, 'sign evaluation', async () => {
    const ctx = await actingContext(db);
    const subject = requireReport(ctx, form.subject, '对其作出领导评鉴');
    const { config, template } = await rulesFor(db, subject);
    const versions = await db.evaluations
      .where('[subject+year+quarter]')
      .equals([form.subject, form.year, form.quarter])
      .toArray();
    const last = versions.reduce((n, e) => Math.max(n, e.version), 0);
    if (last > 0 && (correctionReason ?? '').trim() === '') {
      throw new ValidationError([
        {
          path: 'correctionOf.reason',
          message: `第${last}版评鉴已签署,不能修改;如需更正,请填写更正原因,作为第${last + 1}版签署`,
        },
      ]);
    }
    const candidate = parseOrThrow(evaluationInputSchema, {
      ...form,
      id: newId(now.getTime()),
      evaluator: ctx.person.id,
      version: last + 1,
      ...(last > 0 ? { correctionOf: { version: last, reason: (correctionReason ?? '').trim() } } : {}),
    });
    const evaluation = finalizeEvaluation(candidate, config, template);
    const signed: SignedEvaluation = jsonSnapshot({
      ...evaluation,
      evaluatorName: ctx.person.name,
      signedAt: at,
    });
    const previous = shownHead(
      await readFactsOfRecord(db, recordKeys.evaluation(form.subject, form.year, form.quarter)),
    );
    await signAndShow(ctx, {
      type: 'evaluation',
      subject: form.subject,
      recordKey: recordKeys.evaluation(form.subject, form.year, form.quarter),
      body: signed,
      createdAt: at,
      parents: previous ? [previous.id] : [],
    });
    await db.evaluationDrafts.delete(evaluationDraftId(form.subject, form.year, form.quarter));
    return signed;
  });
}

// ---- 评鉴结果反馈 and 签署意见 ----

export type FeedbackInput = Omit<Feedback, 'id' | 'by' | 'recordedAt'>;

/** Records a 会议点评 or 个人谈话 with a direct report (checked whole first). */
export async function recordFeedback(
  db: DutyBookDb,
  input: FeedbackInput,
  now: Date = new Date(),
): Promise<FeedbackRow> {
  const at = now.toISOString();
  const issues: ValidationIssue[] = feedbackIssues(input);
  if (issues.length > 0) throw new ValidationError(issues);
  return inTransaction(db, 'record feedback', async () => {
    const ctx = await actingContext(db);
    requireReport(ctx, input.personId, '记录评鉴结果反馈');
    const body = parseOrThrow(feedbackSchema, {
      ...input,
      id: newId(now.getTime()),
      by: ctx.person.name,
      recordedAt: at,
    });
    await signAndShow(ctx, {
      type: 'feedback',
      subject: input.personId,
      recordKey: recordKeys.feedback(input.personId, body.id),
      body: jsonSnapshot(body),
      createdAt: at,
    });
    return (await db.feedback.get(body.id))!;
  });
}

const ackTextSchema = z
  .string({ error: '请填写签署意见' })
  .trim()
  .min(1, { error: '请填写签署意见' })
  .max(1000, { error: '签署意见不能超过1000个字' });

/** The official's 签署意见 on feedback about themselves (a later one replaces an earlier one). */
export async function acknowledgeFeedback(
  db: DutyBookDb,
  feedbackId: string,
  text: string,
  now: Date = new Date(),
): Promise<FeedbackRow> {
  const at = now.toISOString();
  const checked = parseOrThrow(ackTextSchema, text);
  return inTransaction(db, 'acknowledge feedback', async () => {
    const me = await readSelfIdentity(db);
    if (!me) throw forbidden('本机尚未生成密钥。请先到“同步”页生成密钥并向人事部门登记,签署意见才能送达。');
    const roster = await readRoster(db);
    if (!roster) throw forbidden('尚未收到人事部门签发的人员名册。');
    const row = await db.feedback.get(feedbackId);
    if (!row) throw forbidden('没有找到这条评鉴结果反馈。');
    if (row.personId !== me.personId) throw forbidden('只能对关于本人的评鉴结果反馈签署意见。');
    const body: FeedbackAck = { feedbackId, personId: me.personId, text: checked, at };
    const fact = await appendOwnFact(db, {
      type: 'feedback.ack',
      subject: me.personId,
      recordKey: recordKeys.feedback(me.personId, feedbackId),
      body,
      createdAt: at,
    });
    if (!fact) throw forbidden('本机尚未生成密钥,不能签名。');
    await materialiseOwn({ db, me, roster }, [fact]);
    return (await db.feedback.get(feedbackId))!;
  });
}

// ---- 平时考核备案登记表 ----

export type RegisterDraft = {
  entries: RegisterEntry[];
  /** Team members without a signed evaluation for the quarter: the register cannot be signed yet. */
  missing: string[];
  unitName: string;
};

/** The quarter's register for the acting supervisor's team, from the signed evaluations and feedback. */
export async function draftRegister(
  db: DutyBookDb,
  year: number,
  quarter: 1 | 2 | 3 | 4,
): Promise<RegisterDraft> {
  return wrapStorageErrors('draft register', () =>
    db.transaction('r', db.tables, async () => {
      const ctx = await actingContext(db);
      return buildRegisterDraft(ctx, year, quarter);
    }),
  );
}

async function buildRegisterDraft(
  ctx: ActingContext,
  year: number,
  quarter: 1 | 2 | 3 | 4,
): Promise<RegisterDraft> {
  const { db, roster } = ctx;
  const team = roster.people
    .filter((p) => p.supervisorId === ctx.person.id && p.active)
    .sort((a, b) => compareChinese(a.name, b.name) || a.id.localeCompare(b.id));
  const units = new Map(roster.units.map((u) => [u.id, u.name]));
  const entries: RegisterEntry[] = [];
  const missing: string[] = [];
  for (const p of team) {
    const versions = await db.evaluations
      .where('[subject+year+quarter]')
      .equals([p.id, year, quarter])
      .toArray();
    const current = currentEvaluations(versions)[0];
    if (!current) {
      missing.push(p.name);
      continue;
    }
    const feedback = (
      await db.feedback.where('[personId+year+quarter]').equals([p.id, year, quarter]).toArray()
    ).sort((a, b) => b.date.localeCompare(a.date))[0];
    const bonus = current.bonuses.reduce((s, b) => s + b.points, 0);
    entries.push({
      personId: p.id,
      name: p.name,
      post: p.title ?? rankLevelLabel(p.rankLevel),
      method: current.method,
      ...(current.resultScore !== undefined ? { score: current.resultScore } : {}),
      grade: current.resultGrade,
      ...(bonus > 0 ? { bonus } : {}),
      evaluationVersion: current.version,
      feedbackWay: feedback ? feedbackKindLabels[feedback.kind] : '未反馈',
      ...(feedback ? { feedbackDate: feedback.date } : {}),
      ...(current.version > 1 ? { remark: `第${current.version}版(已更正)` } : {}),
    });
  }
  return { entries, missing, unitName: units.get(ctx.person.unitId) ?? '' };
}

/** Every signed version of the acting supervisor's register for the quarter, oldest first. */
export async function listRegisterVersions(
  db: DutyBookDb,
  supervisorId: string,
  year: number,
  quarter: number,
): Promise<Register[]> {
  const rows = await wrapStorageErrors('list registers', () =>
    db.registers.where('[supervisorId+year+quarter]').equals([supervisorId, year, quarter]).toArray(),
  );
  return rows.sort((a, b) => a.version - b.version);
}

/**
 * 审核 and signs the quarter's register for HR: every team member must have a signed evaluation. A
 * register already signed is final; a new version needs the reason (e.g. an evaluation was corrected).
 */
export async function signRegister(
  db: DutyBookDb,
  input: { year: number; quarter: 1 | 2 | 3 | 4; opinion: string; correctionReason?: string },
  now: Date = new Date(),
): Promise<Register> {
  const at = now.toISOString();
  return inTransaction(db, 'sign register', async () => {
    const ctx = await actingContext(db);
    if (!ctx.person.roles.includes('supervisor'))
      throw forbidden('只有主管领导可以审核签署平时考核备案登记表。');
    const draft = await buildRegisterDraft(ctx, input.year, input.quarter);
    const issues: ValidationIssue[] = [];
    if (draft.entries.length === 0 && draft.missing.length === 0)
      issues.push({ path: 'entries', message: '名册中没有您的下属,无需填写备案登记表' });
    if (draft.missing.length > 0)
      issues.push({
        path: 'entries',
        message: `${draft.missing.join('、')}尚未完成第${input.quarter}季度领导评鉴,请先评鉴再签署`,
      });
    if (input.opinion.trim() === '') issues.push({ path: 'opinion', message: '请填写审核意见' });
    const versions = await db.registers
      .where('[supervisorId+year+quarter]')
      .equals([ctx.person.id, input.year, input.quarter])
      .toArray();
    const last = versions.reduce((n, r) => Math.max(n, r.version), 0);
    if (last > 0 && (input.correctionReason ?? '').trim() === '') {
      issues.push({
        path: 'correctionOf.reason',
        message: `第${last}版登记表已签署,不能修改;如需更正,请填写更正原因,作为第${last + 1}版签署`,
      });
    }
    if (issues.length > 0) throw new ValidationError(issues);
    const register: Register = jsonSnapshot({
      id: newId(now.getTime()),
      supervisorId: ctx.person.id,
      supervisorName: ctx.person.name,
      unitName: draft.unitName,
      year: input.year,
      quarter: input.quarter,
      version: last + 1,
      entries: draft.entries,
      opinion: input.opinion.trim(),
      signedAt: at,
      ...(last > 0 ? { correctionOf: { version: last, reason: input.correctionReason!.trim() } } : {}),
    });
    const previous = shownHead(
      await readFactsOfRecord(db, recordKeys.register(ctx.person.id, input.year, input.quarter)),
    );
    await signAndShow(ctx, {
      type: 'register',
      subject: ctx.person.id,
      recordKey: recordKeys.register(ctx.person.id, input.year, input.quarter),
      body: register,
      createdAt: at,
      parents: previous ? [previous.id] : [],
    });
    return register;
  });
}

/** The registers HR holds for a quarter (every supervisor's, every version), for HR's screens. */
export async function listRegistersOfQuarter(
  db: DutyBookDb,
  year: number,
  quarter: number,
): Promise<Register[]> {
  const rows = await wrapStorageErrors('list registers', () => db.registers.toArray());
  return rows
    .filter((r) => r.year === year && r.quarter === quarter)
    .sort((a, b) => compareChinese(a.supervisorName, b.supervisorName) || a.version - b.version);
}
