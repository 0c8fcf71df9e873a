/**
 * What a supervisor works from: the rules in force (HR's, from the roster, until then this device's
 * own), the team the roster gives them, and what this device holds of one person's year.
 */
import type Dexie from 'dexie';
import {
  parseConfig,
  templateFor,
  type AnnualPlan,
  type AssessmentConfig,
  type FeedbackRow,
  type MonthlyRecord,
  type PositionCategory,
  type QuarterSummary,
  type SignedEvaluation,
} from '../domain';
import { compareChinese } from '../domain/collate';
import { rosterConfig } from '../ledger/roster';
import { supervisedDuring } from '../ledger/roster-periods';
import { rangeOfPeriodKey } from '../domain/periods';
import type { RosterPerson } from '../ledger/types';
import { actingContext, readRoster } from './acting';
import type { DutyBookDb } from './db';
import { getActiveConfig } from './settings-repo';
import { wrapStorageErrors } from './storage-errors';

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

/**
 * The people this device's person supervised on at least one day of `year`, by the roster's dated
 * periods: today's reports and those who moved to another 主管领导 (or left) during the year — the
 * people whose 年度考核评语 they may sign (authz: a supervisor of any day of the year).
 */
export async function listTeamOfYear(db: DutyBookDb, year: number): Promise<TeamMember[]> {
  const ctx = await wrapStorageErrors('read team', () => actingContext(db));
  const range = rangeOfPeriodKey(String(year).padStart(4, '0'));
  if (!range) return [];
  const units = new Map(ctx.roster.units.map((u) => [u.id, u.name]));
  return ctx.roster.people
    .filter((p) => p.id !== ctx.person.id && supervisedDuring(ctx.roster, ctx.person.id, p.id, range))
    .map((p) => ({ ...p, unitName: units.get(p.unitId) ?? '' }))
    .sort((a, b) => compareChinese(a.name, b.name) || a.id.localeCompare(b.id));
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
