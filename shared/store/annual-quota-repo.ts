/**
 * HR's own inputs to the year's 年度考核, kept as local settings of HR's device (one row per year
 * each), and the linkage read with them:
 * - the 优秀 quota saved per unit and year (or for the whole 机关, under ORGANISATION_GROUP_ID);
 * - the per-person marking of what the roster cannot show (病、事假累计超过规定, 立案审查 …) with
 *   its reason — participation as 不定等次 or 不参加.
 * Both the 年度考核 page and the 公示 read the report from here, so they agree on the quota.
 */
import { z } from 'zod';
import { ValidationError } from '../errors/errors';
import {
  annualLinkage,
  parseQuota,
  quotaIssues,
  type AnnualEvaluationInput,
  type AnnualLinkage,
  type AnnualPersonInput,
  type AssessmentConfig,
  type ParticipationMarking,
} from '../domain';
import { rangeOfPeriodKey } from '../domain/periods';
import { compareChinese } from '../domain/collate';
import { findPerson, hrCovers } from '../ledger/roster';
import { memberDuring, periodsOf } from '../ledger/roster-periods';
import type { Roster, RosterPerson } from '../ledger/types';
import type { DutyBookDb } from './db';
import { readNewestRosterRow } from './roster-cache';
import { readSelfIdentity } from './fact-repo';
import { postOf } from './hr-reports-repo';
import { readYearStatusViews } from './status';
import { configInForce } from './supervision-team';
import { wrapStorageErrors } from './storage-errors';

/** One settings row per year (the key kept from the first version: quotas saved then still read). */
const quotaKey = (year: number) => `hr.annualQuotas.${year}`;
const markingKey = (year: number) => `hr.annualMarkings.${year}`;

/** HR's saved 优秀 quotas of the year, by group id (a unit's id, or ORGANISATION_GROUP_ID). */
export async function readAnnualQuotas(db: DutyBookDb, year: number): Promise<Record<string, number>> {
  return wrapStorageErrors('read quotas', async () => {
    const value = (await db.settings.get(quotaKey(year)))?.value;
    if (!value || typeof value !== 'object') return {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter(
        (e): e is [string, number] => typeof e[1] === 'number' && Number.isInteger(e[1]) && e[1] >= 0,
      ),
    );
  });
}

/**
 * Saves (or, with null, clears back to the configured default) a group's 优秀 quota for the year.
 * Refused with a Chinese ValidationError, storing nothing, when it is not a whole number from 0 to
 * the group's head count (those taking part with a 等次 to decide).
 */
export async function saveAnnualQuota(
  db: DutyBookDb,
  input: { year: number; unitId: string; unitName: string; headcount: number; quota: string | number | null },
): Promise<void> {
  const value = input.quota === null ? null : parseQuota(input.unitName, input.quota, input.headcount);
  await wrapStorageErrors('save quota', () =>
    db.transaction('rw', db.settings, async () => {
      const key = quotaKey(input.year);
      const row = await db.settings.get(key);
      const quotas = { ...((row?.value as Record<string, number> | undefined) ?? {}) };
      if (value === null) delete quotas[input.unitId];
      else quotas[input.unitId] = value;
      await db.settings.put({ key, value: quotas, updatedAt: new Date().toISOString() });
    }),
  );
}

const markingSchema = z.object({
  kind: z.enum(['ungraded', 'notParticipating'], { error: '请选择“参加考核、不定等次”或“不参加年度考核”' }),
  reason: z
    .string({ error: '请写明原因' })
    .trim()
    .min(2, { error: '请写明原因(如“病、事假累计超过考核年度半年”)' })
    .max(200, { error: '原因不能超过200个字' }),
});

/** HR's markings of the year, by person id. */
export async function readAnnualMarkings(
  db: DutyBookDb,
  year: number,
): Promise<Record<string, ParticipationMarking>> {
  return wrapStorageErrors('read markings', async () => {
    const value = (await db.settings.get(markingKey(year)))?.value;
    if (!value || typeof value !== 'object') return {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).flatMap(([id, v]) => {
        const r = markingSchema.safeParse(v);
        return r.success ? [[id, r.data] as const] : [];
      }),
    );
  });
}

/**
 * Marks a person's participation in the year (or, with null, clears the marking). Refused with a
 * Chinese ValidationError, storing nothing, when the kind is missing or the reason is empty.
 */
export async function saveAnnualMarking(
  db: DutyBookDb,
  input: { year: number; personId: string; marking: ParticipationMarking | null },
): Promise<void> {
  let value: ParticipationMarking | null = null;
  if (input.marking !== null) {
    const r = markingSchema.safeParse(input.marking);
    if (!r.success) {
      throw new ValidationError(
        r.error.issues.map((i) => ({ path: i.path.join('.') || 'marking', message: i.message })),
      );
    }
    value = r.data;
  }
  await wrapStorageErrors('save marking', () =>
    db.transaction('rw', db.settings, async () => {
      const key = markingKey(input.year);
      const row = await db.settings.get(key);
      const all = { ...((row?.value as Record<string, ParticipationMarking> | undefined) ?? {}) };
      if (value === null) delete all[input.personId];
      else all[input.personId] = value;
      await db.settings.put({ key, value: all, updatedAt: new Date().toISOString() });
    }),
  );
}

export type AnnualReport = {
  year: number;
  config: AssessmentConfig;
  configSource: 'roster' | 'local';
  linkage: AnnualLinkage;
  /** Unit names by id (a 机关-wide group's rows name their own unit). */
  unitNames: Record<string, string>;
  markings: Record<string, ParticipationMarking>;
  /** Saved quotas that no longer fit the group (the roster changed): the default is used instead. */
  staleQuotas: string[];
};

/** Everyone who belonged on some day of the year and whom this device's HR person files for. */
async function peopleOfYear(db: DutyBookDb, roster: Roster, year: number): Promise<RosterPerson[]> {
  const range = rangeOfPeriodKey(String(year))!;
  const me = await readSelfIdentity(db);
  const hr = me ? findPerson(roster, me.personId) : undefined;
  const inYear = roster.people.filter((p) => memberDuring(roster, p, range));
  return hr?.roles.includes('hr') ? inYear.filter((p) => hrCovers(roster, hr, p)) : inYear;
}

/**
 * The year's 年度考核 from what this device holds: participation from the roster's periods, HR's
 * markings and saved quotas, the latest signed evaluations. Null before a roster exists.
 */
export async function readAnnualReport(
  db: DutyBookDb,
  year: number,
  options: { organisationName?: string } = {},
): Promise<AnnualReport | null> {
  return wrapStorageErrors('read annual report', async () => {
    const roster = (await readNewestRosterRow(db))?.signed.roster;
    if (!roster) return null;
    const { config, source } = await configInForce(db);
    const units = [...roster.units]
      .sort((a, b) => a.path.localeCompare(b.path) || a.sortOrder - b.sortOrder)
      .map((u) => ({ id: u.id, name: u.name }));
    const people: AnnualPersonInput[] = (await peopleOfYear(db, roster, year))
      .map((p) => ({
        personId: p.id,
        name: p.name,
        unitId: p.unitId,
        post: postOf(p),
        periods: periodsOf(roster, p),
        joinedOn: p.profile?.joinedOn,
        probationEnd: p.profile?.probationEnd,
      }))
      .sort((a, b) => compareChinese(a.name, b.name) || a.personId.localeCompare(b.personId));
    const inScope = new Set(people.map((p) => p.personId));
    const evaluations: AnnualEvaluationInput[] = [];
    for (const st of await readYearStatusViews(db, year)) {
      if (!inScope.has(st.personId)) continue;
      for (const [q, e] of Object.entries(st.evaluations)) {
        evaluations.push({
          subject: st.personId,
          year,
          quarter: Number(q),
          version: e.version,
          resultGrade: e.grade,
          resultScore: e.score,
        });
      }
    }
    const [saved, markings] = await Promise.all([readAnnualQuotas(db, year), readAnnualMarkings(db, year)]);
    const base = { config, year, units, people, evaluations, markings, ...options };
    // The head counts a quota is checked against come from the linkage itself (those graded).
    const first = annualLinkage(base);
    const quotas: Record<string, number> = {};
    const staleQuotas: string[] = [];
    for (const u of first.units) {
      const q = saved[u.unitId];
      if (q === undefined) continue;
      const issues = quotaIssues(u.unitName, q, u.headcount);
      if (issues.length === 0) quotas[u.unitId] = q;
      else staleQuotas.push(...issues.map((i) => `${i.message}(已保存的名额),已按默认名额计算。`));
    }
    const linkage = Object.keys(quotas).length > 0 ? annualLinkage({ ...base, quotas }) : first;
    return {
      year,
      config,
      configSource: source,
      linkage,
      unitNames: Object.fromEntries(units.map((u) => [u.id, u.name])),
      markings,
      staleQuotas,
    };
  });
}
