/**
 * 平时考核备案登记表: the quarter's register of a supervisor's team, drafted from the signed
 * evaluations and the feedback, 审核 and signed for HR; HR's screens read every supervisor's.
 */
import { ValidationError, type ValidationIssue } from '../errors/errors';
import {
  feedbackKindLabels,
  jsonSnapshot,
  newId,
  rankLevelLabel,
  type Register,
  type RegisterEntry,
} from '../domain';
import { compareChinese } from '../domain/collate';
import { recordKeys, shownHead } from '../ledger/facts';
import { actingContext, forbidden, inTransaction, signAndShow, type ActingContext } from './acting';
import type { DutyBookDb } from './db';
import { readFactsOfRecord } from './fact-repo';
import { wrapStorageErrors } from './storage-errors';
import { currentEvaluations } from './supervision-evaluations';

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
