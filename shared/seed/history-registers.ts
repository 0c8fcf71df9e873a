/**
 * 平时考核备案登记表 in the example history: once a supervisor's whole team is evaluated in a
 * quarter, the supervisor signs the quarter's register, one row per official as supervision-repo's
 * `buildRegisterDraft` makes it, then `signRegister` signs it.
 */
import {
  feedbackKindLabels,
  jsonSnapshot,
  parseOrThrow,
  rankLevelLabel,
  registerSchema,
  type Quarter,
  type Register,
  type RegisterEntry,
} from '../domain';
import { recordKeys } from '../ledger/facts';
import * as words from './content';
import { iso, type HistoryContext } from './history-context';
import type { Writer } from './history-drafts';
import type { Evaluated } from './history-quarters';
import type { SeedPerson } from './organisation';
import { Random } from './random';

/** An official evaluated in a quarter, as their supervisor's register lists them. */
export type Evaluation = {
  supervisorId: string;
  personId: string;
  quarter: Quarter;
  row: RegisterEntry;
  /** When the evaluation, its correction or the feedback was last written. */
  doneAt: number;
};

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

/** A register row exactly as `buildRegisterDraft` (shared/store/supervision-registers.ts) makes it. */
export function registerEntry(p: SeedPerson, e: Evaluated): RegisterEntry {
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
