/**
 * The reads behind HR's 督促检查 and 备案 pages, and HR's drawn 抽查 sample.
 *
 * Plans, record books, summaries and evaluations come from the person-year status rows (status.ts:
 * one indexed query for the year, never the record tables; who the registers listed is in the supervisors'
 * status rows); the registers themselves, for 备案, by [supervisorId+year+quarter]
 * ranges of the supervisors in scope, filings by [what+year], spot checks by year — never one query
 * per person and never a table scan.
 */
import {
  sortUnitsAsTree,
  type AnnualPlan,
  type FilingReceipt,
  type MonthlyRecord,
  type Quarter,
  type QuarterSummary,
  type Register,
  type SpotCheck,
  type TrackedPerson,
  type TrackedUnit,
  type TrackingInput,
} from '../domain';
import { isWithinUnit } from '../domain/org';
import { overlaps, rangeOfPeriodKey, type PersonPeriod } from '../domain/periods';
import { findPerson, hrCovers, unitPathOf } from '../ledger/roster';
import { heldRoleDuring, periodsOf } from '../ledger/roster-periods';
import type { Roster, RosterPerson } from '../ledger/types';
import type { DutyBookDb } from './db';
import { readNewestRosterRow } from './roster-cache';
import { readSelfIdentity } from './fact-repo';
import { readYearStatusViews } from './status';
import { wrapStorageErrors } from './storage-errors';
import { compareChinese } from '../domain/collate';

/** A plan as the status row knows it: enough to track and to file it. */
export type PlanStatusRow = {
  id: string;
  personId: string;
  year: number;
  state: AnnualPlan['state'];
  version: number;
  submittedAt?: string;
  approvedAt?: string;
  filedAt?: string;
};

export type TrackingData = Omit<TrackingInput, 'now' | 'rules'> & {
  roster: Roster;
  /** The HR person this device acts as (undefined: not on the roster as HR; everyone is shown). */
  hr: RosterPerson | undefined;
  /** Units in tree order, with their depth for indenting. */
  unitTree: (TrackedUnit & { depth: number })[];
  /** Every signed register version of the year by the supervisors in scope. */
  registerRows: Register[];
  planRows: PlanStatusRow[];
  filings: FilingReceipt[];
  /** Register versions HR refused to file (不予备案), as `supervisorId/quarter/version`: not waiting any more. */
  refusedRegisters?: ReadonlySet<string>;
  spotCheckRows: SpotCheck[];
};

/**
 * The people this device's HR person files for in the year (all, when this device is not on the
 * roster as HR): everyone who held the 公务员 role on some day of the year — those who have left
 * since included, HR clerks without the role not — in a unit of HR's scope on some day of it.
 */
async function scope(
  db: DutyBookDb,
  roster: Roster,
  year: number,
): Promise<{ hr: RosterPerson | undefined; people: RosterPerson[]; unitsInScope: string[] | undefined }> {
  const me = await readSelfIdentity(db);
  const found = me ? findPerson(roster, me.personId) : undefined;
  const hr = found?.roles.includes('hr') ? found : undefined;
  const unitsInScope = hr ? hrScopeUnits(roster, hr) : undefined;
  const inScope = unitsInScope ? new Set(unitsInScope) : null;
  const range = rangeOfPeriodKey(String(year))!;
  const people = roster.people.filter(
    (p) =>
      heldRoleDuring(roster, p, 'official', range) &&
      (inScope === null || periodsOf(roster, p).some((x) => overlaps(x, range) && inScope.has(x.unitId))),
  );
  return { hr, people, unitsInScope };
}

/** The units (with everything below) an HR person files for; undefined for the whole organisation. */
export function hrScopeUnits(roster: Roster, hr: RosterPerson): string[] | undefined {
  if (hr.hrUnitIds.length === 0) return undefined;
  const scopes = hr.hrUnitIds.map((u) => unitPathOf(roster, u)).filter((x): x is string => x !== undefined);
  return roster.units.filter((u) => scopes.some((s) => isWithinUnit(u.path, s))).map((u) => u.id);
}

/**
 * The person's dated periods in the newest roster this device holds, with the names of the roster's
 * units; null without a roster or when the roster does not list the person.
 */
export async function readOwnPeriods(
  db: DutyBookDb,
  personId: string,
): Promise<{ periods: PersonPeriod[]; unitNames: Record<string, string> } | null> {
  return wrapStorageErrors('read roster', async () => {
    const roster = (await readNewestRosterRow(db))?.signed.roster;
    const person = roster ? findPerson(roster, personId) : undefined;
    if (!roster || !person) return null;
    return {
      periods: periodsOf(roster, person),
      unitNames: Object.fromEntries(roster.units.map((u) => [u.id, u.name])),
    };
  });
}

const quarterRange = (id: string, year: number) =>
  [
    [id, year, -Infinity],
    [id, year, Infinity],
  ] as [unknown[], unknown[]];

/** The year as HR's tracking grid needs it; null before this device holds a roster. */
export async function readTrackingYear(
  db: DutyBookDb,
  year: number,
  /** `registers`: also read the signed registers themselves (备案 lists them; the grid does not). */
  options: { registers?: boolean } = {},
): Promise<TrackingData | null> {
  return wrapStorageErrors('read tracking year', async () => {
    const roster = (await readNewestRosterRow(db))?.signed.roster;
    if (!roster) return null;
    const { hr, people: inScope, unitsInScope } = await scope(db, roster, year);
    const tree = sortUnitsAsTree(roster.units);
    const depthOf = (path: string) => path.split('/').filter(Boolean).length - 1;
    const unitTree = tree.map((u) => ({ id: u.id, name: u.name, path: u.path, depth: depthOf(u.path) }));
    const order = new Map(tree.map((u, i) => [u.id, i]));
    const people: TrackedPerson[] = [...inScope]
      .sort(
        (a, b) =>
          (order.get(a.unitId) ?? Infinity) - (order.get(b.unitId) ?? Infinity) ||
          compareChinese(a.name, b.name) ||
          a.id.localeCompare(b.id),
      )
      .map((p) => ({
        id: p.id,
        name: p.name,
        unitId: p.unitId,
        supervisorId: p.supervisorId,
        periods: periodsOf(roster, p),
      }));
    const names = new Map(roster.people.map((p) => [p.id, p.name]));
    const ids = people.map((p) => p.id);
    const supervisors = [
      ...new Set([
        ...people.flatMap((p) => (p.supervisorId ? [p.supervisorId] : [])),
        ...people.flatMap((p) => (p.periods ?? []).flatMap((x) => (x.supervisorId ? [x.supervisorId] : []))),
        ...inScope.filter((p) => p.roles.includes('supervisor')).map((p) => p.id),
      ]),
    ];
    const none = <T>() => Promise.resolve<T[]>([]);
    const [statusRows, registers, filings, spotChecks, registerRefusals] = await Promise.all([
      readYearStatusViews(db, year),
      options.registers && supervisors.length
        ? db.registers
            .where('[supervisorId+year+quarter]')
            .inAnyRange(supervisors.map((id) => quarterRange(id, year)))
            .toArray()
        : none<Register>(),
      Promise.all([
        db.filings.where('[what+year]').equals(['plan', year]).toArray(),
        db.filings.where('[what+year]').equals(['register', year]).toArray(),
      ]).then(([a, b]) => [...a, ...b]),
      db.spotChecks.where('year').equals(year).toArray(),
      options.registers
        ? db.filingRefusals.where('[what+year]').equals(['register', year]).toArray()
        : Promise.resolve([]),
    ]);
    const inScopeIds = new Set(ids);
    const plans: PlanStatusRow[] = [];
    const records: TrackingData['records'][number][] = [];
    const summaries: TrackingData['summaries'][number][] = [];
    const evaluations: TrackingData['evaluations'][number][] = [];
    // Who each supervisor's registers listed, and when first: from the supervisors' status rows,
    // one entry per distinct signing time (buildTrackingRows takes the earliest per person).
    const listedBy: TrackingData['registers'][number][] = [];
    for (const st of statusRows) {
      for (const [q, reg] of Object.entries(st.registers)) {
        const byTime = new Map<string, { personId: string }[]>();
        for (const [personId, at] of Object.entries(reg.listed ?? {})) {
          const list = byTime.get(at);
          if (list) list.push({ personId });
          else byTime.set(at, [{ personId }]);
        }
        for (const [signedAt, entries] of byTime) {
          listedBy.push({
            supervisorId: st.personId,
            quarter: Number(q) as Quarter,
            version: reg.version,
            signedAt,
            entries,
          });
        }
      }
    }
    for (const st of statusRows) {
      if (!inScopeIds.has(st.personId)) continue;
      if (st.plan) {
        plans.push({
          id: st.id,
          personId: st.personId,
          year,
          state: st.plan.state as AnnualPlan['state'],
          version: st.plan.version,
          ...(st.plan.submittedAt ? { submittedAt: st.plan.submittedAt } : {}),
          ...(st.plan.approvedAt ? { approvedAt: st.plan.approvedAt } : {}),
          ...(st.plan.filedAt ? { filedAt: st.plan.filedAt } : {}),
        });
      }
      for (const [m, r] of Object.entries(st.months)) {
        records.push({
          personId: st.personId,
          month: Number(m),
          state: r.state as MonthlyRecord['state'],
          version: r.version,
          submittedAt: r.submittedAt,
        });
      }
      for (const [q, r] of Object.entries(st.summaries)) {
        summaries.push({
          personId: st.personId,
          quarter: Number(q) as Quarter,
          state: r.state as QuarterSummary['state'],
          version: r.version,
          submittedAt: r.submittedAt,
        });
      }
      for (const [q, e] of Object.entries(st.evaluations)) {
        evaluations.push({
          subject: st.personId,
          quarter: Number(q) as Quarter,
          signedAt: e.firstSignedAt,
        });
      }
    }
    const units = unitTree.map(({ id, name, path }) => ({ id, name, path }));
    return {
      year,
      roster,
      hr,
      units,
      unitTree,
      people,
      ...(unitsInScope ? { unitsInScope } : {}),
      names,
      plans,
      planRows: plans,
      records,
      summaries,
      evaluations,
      registers: listedBy,
      registerRows: registers,
      refusedRegisters: new Set(registerRefusals.map((r) => `${r.personId}/${r.quarter ?? 0}/${r.version}`)),
      filings,
      spotChecks,
      spotCheckRows: [...spotChecks].sort((a, b) => b.checkedAt.localeCompare(a.checkedAt)),
    };
  });
}

// ---- 备案 ----

export type PendingPlan = { plan: PlanStatusRow; name: string; unitName: string };
export type PendingRegister = { register: Register; name: string; unitName: string };
export type FiledItem = FilingReceipt & { name: string; unitName: string };

export type FilingYear = {
  pendingPlans: PendingPlan[];
  pendingRegisters: PendingRegister[];
  filed: FiledItem[];
};

/** Approved plans and signed register versions with no receipt yet, and the receipts, for the year. */
export function filingYear(data: TrackingData): FilingYear {
  const people = new Map(data.roster.people.map((p) => [p.id, p]));
  const unitNames = new Map(data.roster.units.map((u) => [u.id, u.name]));
  const who = (id: string) => ({
    name: people.get(id)?.name ?? id,
    unitName: unitNames.get(people.get(id)?.unitId ?? '') ?? '',
  });
  const filedKey = (f: { what: string; personId: string; quarter?: number | undefined; version: number }) =>
    `${f.what}/${f.personId}/${f.quarter ?? 0}/${f.version}`;
  const filed = new Set(data.filings.map(filedKey));
  const inScope = new Set(data.people.map((p) => p.id));
  const covered = (id: string) => {
    const p = people.get(id);
    return p !== undefined && (data.hr === undefined ? inScope.has(id) : hrCovers(data.roster, data.hr, p));
  };
  const order = new Map(data.people.map((p, i) => [p.id, i]));
  const byPerson = (a: string, b: string) =>
    (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b);
  const pendingPlans = data.planRows
    .filter(
      (p) =>
        p.state === 'approved' &&
        !filed.has(filedKey({ what: 'plan', personId: p.personId, version: p.version })),
    )
    .map((plan) => ({ plan, ...who(plan.personId) }))
    .sort((a, b) => byPerson(a.plan.personId, b.plan.personId));
  const pendingRegisters = data.registerRows
    .filter(
      (r) =>
        covered(r.supervisorId) &&
        !data.refusedRegisters?.has(`${r.supervisorId}/${r.quarter}/${r.version}`) &&
        !filed.has(
          filedKey({ what: 'register', personId: r.supervisorId, quarter: r.quarter, version: r.version }),
        ),
    )
    .map((register) => ({ register, ...who(register.supervisorId) }))
    .sort(
      (a, b) =>
        a.register.quarter - b.register.quarter ||
        byPerson(a.register.supervisorId, b.register.supervisorId) ||
        a.register.version - b.register.version,
    );
  const filedItems = data.filings
    .map((f) => ({ ...f, ...who(f.personId) }))
    .sort((a, b) => b.filedAt.localeCompare(a.filedAt));
  return { pendingPlans, pendingRegisters, filed: filedItems };
}

// ---- 抽查: the drawn sample, kept until HR has recorded a result for each ----

export type SpotSample = {
  drawnAt: string;
  /** How it was drawn, in words ("随机抽取人员 3 人"). */
  how: string;
  month: number | null;
  chosen: 'random' | 'manual';
  personIds: string[];
};

const sampleKey = (year: number) => `hr.spotSample.${year}`;

export async function readSpotSample(db: DutyBookDb, year: number): Promise<SpotSample | null> {
  return wrapStorageErrors('read spot sample', async () => {
    const row = await db.settings.get(sampleKey(year));
    const v = row?.value as SpotSample | undefined;
    return v && Array.isArray(v.personIds) ? v : null;
  });
}

export async function saveSpotSample(db: DutyBookDb, year: number, sample: SpotSample | null): Promise<void> {
  await wrapStorageErrors('save spot sample', async () => {
    if (sample === null) await db.settings.delete(sampleKey(year));
    else await db.settings.put({ key: sampleKey(year), value: sample, updatedAt: new Date().toISOString() });
  });
}
