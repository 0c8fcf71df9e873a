/**
 * The reads behind HR's 年度考核, 统计分析 and 公示 pages: the roster's people HR files for, the rules
 * in force, and the year's state of all of them from the person-year status rows (status.ts) — one
 * indexed query for the year, never the record tables. The 年度考核 report (quotas, markings, the
 * linkage) is read in annual-quota-repo.ts.
 */
import {
  rankLevelLabel,
  type AnnualPersonInput,
  type AnnualEvaluationInput,
  type AssessmentConfig,
  type StatsPlan,
  type StatsRecord,
} from '../domain';
import type { IsoDate } from '../domain/dates';
import { rangeOfPeriodKey, type PersonPeriod } from '../domain/periods';
import { yearDuties } from '../domain/tracking-duties';
import { findPerson } from '../ledger/roster';
import { heldRoleDuring, periodsOf } from '../ledger/roster-periods';
import { hrScopeUnits } from './tracking-repo';
import type { Roster, RosterPerson } from '../ledger/types';
import type { DutyBookDb } from './db';
import { readNewestRosterRow } from './roster-cache';
import { readSelfIdentity } from './fact-repo';
import { readYearStatusViews } from './status';
import { configInForce } from './supervision-team';
import { wrapStorageErrors } from './storage-errors';
import { compareChinese } from '../domain/collate';

export type ReportUnit = { id: string; name: string; path: string };
export type ReportPerson = AnnualPersonInput & {
  unitName: string;
  /** The unit each month (January first) and quarter counts in; null: not owed (tracking-duties.ts). */
  months: (string | null)[];
  quarters: (string | null)[];
  /** The first and last day of the year the person belonged as 公务员 (the roster's periods). */
  memberFrom: IsoDate;
  memberTo: IsoDate;
  /** The year's changes in words ("2026年12月1日入职(调入),此前不需填报"), oldest first. */
  notes: string[];
  /** The roster's dated periods of the person. */
  periods: PersonPeriod[];
};

export type HrYear = {
  year: number;
  config: AssessmentConfig;
  configSource: 'roster' | 'local';
  /** Units in roster order (by path, then sort order). */
  units: ReportUnit[];
  /**
   * The people HR files for who held the 公务员 role on some day of the year (those who left since
   * included; HR clerks without the role not), by unit then name; `unitId` is the last unit they
   * were in as 公务员 that year.
   */
  people: ReportPerson[];
  /** The latest signed evaluation of each person and quarter. */
  evaluations: AnnualEvaluationInput[];
  plans: StatsPlan[];
  records: StatsRecord[];
};

/** "一级主任科员", or the title when the roster gives one ("副科长、二级主任科员"). */
export function postOf(p: Pick<RosterPerson, 'title' | 'rankLevel'>): string {
  const rank = rankLevelLabel(p.rankLevel);
  const title = p.title?.trim();
  if (!title) return rank;
  return title.includes(rank) ? title : `${title}、${rank}`;
}

/**
 * The people this device's HR person files for in the year (all, when this device is not on the
 * roster as HR) who held the 公务员 role on some day of it, with the units HR's scope holds.
 */
async function scopeOf(
  db: DutyBookDb,
  roster: Roster,
  year: number,
): Promise<{ people: RosterPerson[]; units: Set<string> | null }> {
  const me = await readSelfIdentity(db);
  const hr = me ? findPerson(roster, me.personId) : undefined;
  const scoped = hr?.roles.includes('hr') ? hrScopeUnits(roster, hr) : undefined;
  const range = rangeOfPeriodKey(String(year))!;
  return {
    people: roster.people.filter((p) => heldRoleDuring(roster, p, 'official', range)),
    units: scoped ? new Set(scoped) : null,
  };
}

/**
 * The year as HR sees it; null before a roster exists on this device. `records: false` skips the
 * record books (the annual linkage and the notice do not need them).
 */
export async function readHrYear(
  db: DutyBookDb,
  year: number,
  options: { records?: boolean; plans?: boolean } = {},
): Promise<HrYear | null> {
  return wrapStorageErrors('read hr year', async () => {
    const roster = (await readNewestRosterRow(db))?.signed.roster;
    if (!roster) return null;
    const { config, source } = await configInForce(db);
    const units: ReportUnit[] = [...roster.units]
      .sort((a, b) => a.path.localeCompare(b.path) || a.sortOrder - b.sortOrder)
      .map((u) => ({ id: u.id, name: u.name, path: u.path }));
    const unitOrder = new Map(units.map((u, i) => [u.id, i]));
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const scope = await scopeOf(db, roster, year);
    const scoped = (u: string | null) =>
      u !== null && (scope.units === null || scope.units.has(u)) ? u : null;
    const people: ReportPerson[] = scope.people
      .flatMap((p): ReportPerson[] => {
        const periods = periodsOf(roster, p);
        const d = yearDuties(periods, year, { unitName: (id) => unitNames.get(id) ?? '' });
        // Months and quarters in a unit outside HR's scope are another HR person's to count.
        const months = d.months.map((m) => scoped(m.owed ? m.unitId : null));
        const quarters = d.quarters.map((q) => scoped(q.owed ? q.unitId : null));
        const last = [...quarters].reverse().find((u) => u !== null) ?? months.findLast((u) => u !== null);
        if (last === undefined || last === null || d.from === null || d.to === null) return [];
        return [
          {
            personId: p.id,
            name: p.name,
            unitId: last,
            unitName: unitNames.get(last) ?? '',
            post: postOf(p),
            months,
            quarters,
            memberFrom: d.from,
            memberTo: d.to,
            notes: d.notes,
            periods,
          },
        ];
      })
      .sort(
        (a, b) =>
          (unitOrder.get(a.unitId) ?? Infinity) - (unitOrder.get(b.unitId) ?? Infinity) ||
          compareChinese(a.name, b.name) ||
          a.personId.localeCompare(b.personId),
      );
    const ids = people.map((p) => p.personId);
    if (ids.length === 0)
      return { year, config, configSource: source, units, people, evaluations: [], plans: [], records: [] };
    const inScope = new Set(ids);
    const evaluations: AnnualEvaluationInput[] = [];
    const plans: StatsPlan[] = [];
    const records: StatsRecord[] = [];
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
      if (options.plans !== false && st.plan)
        plans.push({ personId: st.personId, year, state: st.plan.state, version: st.plan.version });
      if (options.records !== false) {
        for (const [m, r] of Object.entries(st.months))
          records.push({ personId: st.personId, year, month: Number(m), version: r.version });
      }
    }
    return { year, config, configSource: source, units, people, evaluations, plans, records };
  });
}
