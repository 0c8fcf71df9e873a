/**
 * HR's 待办: what waits for HR on this device, in counts a home page can show and link from.
 *
 * Nothing here is computed a second way: the 备案 counts are `filingYear` of the 备案 page, the
 * missing and late counts are cells of `buildTrackingRows` (督促检查's grid), read through
 * `readTrackingYear` (status rows, filings, spot checks and the year's registers: indexed reads,
 * never the record tables). Distribution is read from the bundle log (every bundle written says which
 * roster version it carried, and to whom) and the peers' acknowledgements (which roster version each
 * says it holds). One year is read — two only when the last month or quarter due belongs to the year
 * before (January, and the weeks after a quarter's end in January).
 */
import {
  buildTrackingRows,
  QUARTERS,
  quarterDeadline,
  recordDeadline,
  type Quarter,
  type TrackingRow,
} from '../domain';
import type { Roster } from '../ledger/types';
import type { DutyBookDb } from './db';
import { auditActor } from './audit';
import { wrapStorageErrors } from './storage-errors';
import { filingYear, readTrackingYear, type TrackingData } from './tracking-repo';

/** Missing and late cells of one unit's own people (not its sub-units') for the month and quarter due last. */
export type UnitLateness = {
  unitId: string;
  unitName: string;
  /** Record books of `month`: 缺报 / 逾期 people. */
  monthMissing: number;
  monthLate: number;
  /** Summaries, evaluations and registers of `quarter`: 缺报 / 逾期 items. */
  quarterMissing: number;
  quarterLate: number;
};

export type HrTodo = {
  /** The roster this device issued last; null before the first. */
  roster: { version: number; issuedAt: string; people: number } | null;
  /** Plans and registers signed but not yet filed, per year read (newest first). */
  filing: { year: number; plans: number; registers: number }[];
  /** The month whose record books fell due last, and the quarter whose summaries did (null: none yet this year or last). */
  month: { year: number; month: number } | null;
  quarter: { year: number; quarter: Quarter } | null;
  /** Units with anything missing or late for that month or quarter, in the unit tree's order. */
  lateness: UnitLateness[];
  /** 抽查 findings not yet corrected, per year read: findings and the people they concern. */
  spotChecks: { year: number; open: number; people: number }[];
  /**
   * The current roster's distribution: recipients are the roster's active people with a key, other
   * than this device's own person; `notSent` those no bundle carrying this version (or a later one)
   * was written to and who have not acknowledged holding it; `noKey` active people with no key yet
   * (they cannot receive one until their enrollment request is bound and a roster issued).
   */
  distribution: {
    version: number;
    recipients: number;
    notSent: { personId: string; name: string }[];
    noKey: number;
  } | null;
};

/** The last month (record books) and quarter (summaries) whose deadlines have passed, this year or last. */
export function lastDue(now: Date): { month: HrTodo['month']; quarter: HrTodo['quarter'] } {
  const y = now.getFullYear();
  const t = now.getTime();
  let month: HrTodo['month'] = null;
  let quarter: HrTodo['quarter'] = null;
  for (const year of [y, y - 1]) {
    for (let m = 12; m >= 1 && !month; m--) if (recordDeadline(year, m).end.getTime() <= t) month = { year, month: m };
    for (const q of [...QUARTERS].reverse()) {
      if (!quarter && quarterDeadline('summary', year, q).end.getTime() <= t) quarter = { year, quarter: q };
    }
  }
  return { month, quarter };
}

/** Per unit, the month's record-book cells and the quarter's summary, evaluation and register cells that are missing or late. */
export function latenessByUnit(
  rows: readonly TrackingRow[],
  month: number | null,
  quarter: Quarter | null,
): UnitLateness[] {
  const out = new Map<string, UnitLateness>();
  const unit = (r: TrackingRow) => {
    let u = out.get(r.unitId);
    if (!u) {
      u = { unitId: r.unitId, unitName: r.unitName, monthMissing: 0, monthLate: 0, quarterMissing: 0, quarterLate: 0 };
      out.set(r.unitId, u);
    }
    return u;
  };
  for (const r of rows) {
    if (month !== null) {
      const c = r.months[month - 1];
      if (c?.state === 'missing') unit(r).monthMissing += 1;
      else if (c?.state === 'late') unit(r).monthLate += 1;
    }
    if (quarter !== null) {
      for (const c of [r.summaries[quarter - 1], r.evaluations[quarter - 1], r.registers[quarter - 1]]) {
        if (c?.state === 'missing') unit(r).quarterMissing += 1;
        else if (c?.state === 'late') unit(r).quarterLate += 1;
      }
    }
  }
  return [...out.values()];
}

/** Who should hold roster `roster` and has not been sent it (bundle log) nor said they hold it (acks). */
async function distribution(db: DutyBookDb, roster: Roster): Promise<HrTodo['distribution']> {
  const [self, sent, acks] = await Promise.all([
    // This device's own person (its identity's, else its profile's): HR does not send itself the roster.
    auditActor(db),
    db.bundles.toArray(),
    db.peerHoldings.toArray(),
  ]);
  const has = new Set<string>();
  for (const b of sent) if (b.direction === 'out' && (b.rosterVersion ?? 0) >= roster.version) has.add(b.peer);
  for (const a of acks) if (a.rosterVersion >= roster.version) has.add(a.peer);
  let recipients = 0;
  let noKey = 0;
  const notSent: { personId: string; name: string }[] = [];
  for (const p of roster.people) {
    if (!p.active || p.id === self) continue;
    const keys = p.keys.filter((k) => !k.retired);
    if (keys.length === 0) {
      noKey += 1;
      continue;
    }
    recipients += 1;
    if (!keys.some((k) => has.has(k.signingPub))) notSent.push({ personId: p.id, name: p.name });
  }
  return { version: roster.version, recipients, notSent, noKey };
}

/** HR's 待办 as of `now`; everything empty (and `roster` null) before this device has issued a roster. */
export async function readHrTodo(db: DutyBookDb, now: Date = new Date()): Promise<HrTodo> {
  return wrapStorageErrors('read hr to-do', async () => {
    const current = (await db.rosters.orderBy('version').last())?.signed.roster;
    const { month, quarter } = lastDue(now);
    const empty: HrTodo = {
      roster: null,
      filing: [],
      month,
      quarter,
      lateness: [],
      spotChecks: [],
      distribution: null,
    };
    if (!current) return empty;
    const years = [...new Set([now.getFullYear(), month?.year, quarter?.year])]
      .filter((y): y is number => y !== undefined)
      .sort((a, b) => b - a);
    const [data, dist] = await Promise.all([
      Promise.all(years.map((y) => readTrackingYear(db, y, { registers: true }))),
      distribution(db, current),
    ]);
    const byYear = new Map<number, TrackingData>();
    data.forEach((d, i) => d && byYear.set(years[i]!, d));
    const filing: HrTodo['filing'] = [];
    const spotChecks: HrTodo['spotChecks'] = [];
    for (const [year, d] of byYear) {
      const f = filingYear(d);
      if (f.pendingPlans.length + f.pendingRegisters.length > 0)
        filing.push({ year, plans: f.pendingPlans.length, registers: f.pendingRegisters.length });
      const open = d.spotCheckRows.filter((s) => s.state === 'open');
      if (open.length > 0)
        spotChecks.push({ year, open: open.length, people: new Set(open.map((s) => s.personId)).size });
    }
    // The grid of each year the month or quarter due last falls in (usually one), its cells as 督促检查 shows them.
    const merged = new Map<string, UnitLateness>();
    const order = new Map<string, number>();
    for (const [year, d] of byYear) {
      const m = month?.year === year ? month.month : null;
      const q = quarter?.year === year ? quarter.quarter : null;
      if (m === null && q === null) continue;
      d.unitTree.forEach((u, i) => order.set(u.id, i));
      for (const u of latenessByUnit(buildTrackingRows({ ...d, now }), m, q)) {
        const had = merged.get(u.unitId);
        if (!had) merged.set(u.unitId, u);
        else {
          had.monthMissing += u.monthMissing;
          had.monthLate += u.monthLate;
          had.quarterMissing += u.quarterMissing;
          had.quarterLate += u.quarterLate;
        }
      }
    }
    const lateness = [...merged.values()]
      .filter((u) => u.monthMissing + u.monthLate + u.quarterMissing + u.quarterLate > 0)
      .sort((a, b) => (order.get(a.unitId) ?? Infinity) - (order.get(b.unitId) ?? Infinity));
    return {
      ...empty,
      roster: {
        version: current.version,
        issuedAt: current.issuedAt,
        people: current.people.filter((p) => p.active).length,
      },
      filing,
      lateness,
      spotChecks,
      distribution: dist,
    };
  });
}
