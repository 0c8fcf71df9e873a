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
import { findPerson, hrCovers } from '../ledger/roster';
import type { Roster, RosterPerson } from '../ledger/types';
import type { DutyBookDb } from './db';
import { readSelfIdentity } from './fact-repo';
import { readYearStatus } from './status';
import { configInForce } from './supervision-team';
import { wrapStorageErrors } from './storage-errors';
import { compareChinese } from '../domain/collate';

export type ReportUnit = { id: string; name: string; path: string };
export type ReportPerson = AnnualPersonInput & { unitName: string };

export type HrYear = {
  year: number;
  config: AssessmentConfig;
  configSource: 'roster' | 'local';
  /** Units in roster order (by path, then sort order). */
  units: ReportUnit[];
  /** Active people HR files for, by unit then name. */
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

/** The people this device's HR person files for (all, when this device is not on the roster as HR). */
async function scopeOf(db: DutyBookDb, roster: Roster): Promise<RosterPerson[]> {
  const me = await readSelfIdentity(db);
  const hr = me ? findPerson(roster, me.personId) : undefined;
  const active = roster.people.filter((p) => p.active);
  return hr?.roles.includes('hr') ? active.filter((p) => hrCovers(roster, hr, p)) : active;
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
    const roster = (await db.rosters.orderBy('version').last())?.signed.roster;
    if (!roster) return null;
    const { config, source } = await configInForce(db);
    const units: ReportUnit[] = [...roster.units]
      .sort((a, b) => a.path.localeCompare(b.path) || a.sortOrder - b.sortOrder)
      .map((u) => ({ id: u.id, name: u.name, path: u.path }));
    const unitOrder = new Map(units.map((u, i) => [u.id, i]));
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const people: ReportPerson[] = (await scopeOf(db, roster))
      .map((p) => ({
        personId: p.id,
        name: p.name,
        unitId: p.unitId,
        unitName: unitNames.get(p.unitId) ?? '',
        post: postOf(p),
      }))
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
    for (const st of await readYearStatus(db, year)) {
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
