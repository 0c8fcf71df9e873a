/**
 * A person's time in the unit as dated periods: from which day to which day they belonged, in which
 * unit, under which 主管领导, holding which roles. The roster carries them (ledger/roster.ts), HR's
 * people table keeps them (store/org-repo.ts), and every signed record is checked against the
 * periods of the time it is about (ledger/authz.ts), not against who holds what today.
 *
 * Dates are calendar days 'YYYY-MM-DD'. A period runs from `from` to `to`, both days included;
 * `from: null` means "since before any record" (a roster written before periods existed), `to: null`
 * "still so". Every change takes effect on its date: the period before it ends the day before.
 * 离职(调出) on a date means: no longer in the unit from that day on.
 */
import { ValidationError } from '../errors/errors';
import { tryParsePeriodKey } from './calendar';
import { daysInMonth, isoDate, parseIsoDate, type IsoDate } from './dates';
import type { Role } from './vocabulary';

export type PersonPeriod = {
  from: IsoDate | null;
  to: IsoDate | null;
  unitId: string;
  supervisorId: string | null;
  roles: Role[];
  /** HR only: the units (with everything below) this HR person files for; empty = the whole org. */
  hrUnitIds: string[];
};

/** The days a record is about, both included. */
export type DateRange = { from: IsoDate; to: IsoDate };

const EARLIEST = '0000-01-01';
const LATEST = '9999-12-31';

/** The days of a period key: '2026' → the year, '2026-Q3' → July to September, '2026-09' → September. */
export function rangeOfPeriodKey(key: string): DateRange | null {
  const p = tryParsePeriodKey(key);
  if (!p) return null;
  switch (p.kind) {
    case 'year':
      return { from: isoDate(p.year, 1, 1), to: isoDate(p.year, 12, 31) };
    case 'month':
      return {
        from: isoDate(p.year, p.month, 1),
        to: isoDate(p.year, p.month, daysInMonth(p.year, p.month)),
      };
    case 'quarter': {
      const last = p.quarter * 3;
      return { from: isoDate(p.year, last - 2, 1), to: isoDate(p.year, last, daysInMonth(p.year, last)) };
    }
  }
}

/** The day before / after a calendar day. */
export function dayBefore(day: IsoDate): IsoDate {
  return shiftDay(day, -1);
}
export function dayAfter(day: IsoDate): IsoDate {
  return shiftDay(day, 1);
}

function shiftDay(day: IsoDate, by: number): IsoDate {
  const d = parseIsoDate(day);
  if (!d) throw new RangeError(`not a date: ${day}`);
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + by));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whether the period and the range share at least one day. */
export function overlaps(p: { from: IsoDate | null; to: IsoDate | null }, range: DateRange): boolean {
  return (p.from ?? EARLIEST) <= range.to && (p.to ?? LATEST) >= range.from;
}

/** Whether the period covers the day. */
export function covers(p: { from: IsoDate | null; to: IsoDate | null }, day: IsoDate): boolean {
  return (p.from ?? EARLIEST) <= day && (p.to ?? LATEST) >= day;
}

/** The periods sharing a day with the range, oldest first. */
export function periodsDuring(periods: readonly PersonPeriod[], range: DateRange): PersonPeriod[] {
  return periods.filter((p) => overlaps(p, range));
}

/** The period in force on a day (the latest one covering it), or undefined: not in the unit that day. */
export function periodOn(periods: readonly PersonPeriod[], day: IsoDate): PersonPeriod | undefined {
  return periods.filter((p) => covers(p, day)).at(-1);
}

/** The first day the person belonged to the unit (null: before any record), undefined for none. */
export function firstDay(periods: readonly PersonPeriod[]): IsoDate | null | undefined {
  if (periods.length === 0) return undefined;
  return periods.some((p) => p.from === null) ? null : periods.map((p) => p.from!).sort()[0];
}

/** The first day the person no longer belongs (离职/调出), or null while they do. */
export function leftOn(periods: readonly PersonPeriod[]): IsoDate | null {
  if (periods.length === 0 || periods.some((p) => p.to === null)) return null;
  const last = periods
    .map((p) => p.to!)
    .sort()
    .at(-1)!;
  return dayAfter(last);
}

/** The same period in canonical form (roles sorted official → supervisor → hr, unit scope sorted). */
function sameAssignment(a: PersonPeriod, b: Omit<PersonPeriod, 'from' | 'to'>): boolean {
  return (
    a.unitId === b.unitId &&
    a.supervisorId === b.supervisorId &&
    a.roles.join() === b.roles.join() &&
    a.hrUnitIds.join() === b.hrUnitIds.join()
  );
}

/** A change dated before the latest change already recorded cannot be placed (it would rewrite history). */
function latestStart(periods: readonly PersonPeriod[]): IsoDate | null {
  const starts = periods.map((p) => p.from).filter((f): f is IsoDate => f !== null);
  return starts.length === 0 ? null : starts.sort().at(-1)!;
}

function chineseDay(day: IsoDate): string {
  const d = parseIsoDate(day);
  return d ? `${d.year}年${d.month}月${d.day}日` : day;
}

/**
 * The periods after an assignment change taking effect on `on` (调动、更换主管领导、角色变动, or 入职/调入
 * when the person was not in the unit): the open period ends the day before, the new one starts on
 * `on`. A change equal to what holds changes nothing. Refused (ValidationError) when dated before
 * the latest recorded change.
 */
export function withAssignment(
  periods: readonly PersonPeriod[],
  on: IsoDate,
  assignment: Omit<PersonPeriod, 'from' | 'to'>,
): PersonPeriod[] {
  const latest = latestStart(periods);
  if (latest !== null && on < latest) {
    throw new ValidationError([
      { path: 'effectiveFrom', message: `变动日期不能早于上一次变动的日期(${chineseDay(latest)})` },
    ]);
  }
  const open = lastOpen(periods);
  const current = open >= 0 ? periods[open]! : undefined;
  if (current && sameAssignment(current, assignment)) return [...periods];
  const out = periods.map((p) => ({ ...p }));
  if (current) {
    if (current.from !== null && current.from === on) {
      // Changed again on the day it started: the day's assignment is the new one.
      out[open] = { ...assignment, from: on, to: null };
      return out;
    }
    out[open] = { ...current, to: dayBefore(on) };
  }
  out.push({ ...assignment, from: on, to: null });
  return out;
}

/** The index of the latest period still open (-1: none). */
function lastOpen(periods: readonly PersonPeriod[]): number {
  for (let i = periods.length - 1; i >= 0; i -= 1) if (periods[i]!.to === null) return i;
  return -1;
}

/** The periods after 离职/调出 on `on` (no longer in the unit from that day). */
export function withLeaving(periods: readonly PersonPeriod[], on: IsoDate): PersonPeriod[] {
  const open = lastOpen(periods);
  if (open < 0) {
    throw new ValidationError([{ path: 'leftOn', message: '此人已办理离职(调出)' }]);
  }
  const current = periods[open]!;
  if (current.from !== null && on === current.from) {
    // Leaving on the day a change took effect: that change never held.
    return periods.filter((_, i) => i !== open).map((p) => ({ ...p }));
  }
  if (current.from !== null && on < current.from) {
    throw new ValidationError([
      { path: 'leftOn', message: `离职(调出)日期不能早于最近一次变动的日期(${chineseDay(current.from)})` },
    ]);
  }
  const out = periods.map((p) => ({ ...p }));
  out[open] = { ...current, to: dayBefore(on) };
  return out;
}

/** The Chinese form of a day, for messages: '2026-07-01' → '2026年7月1日'. */
export { chineseDay };

/** A period key in words: '2026-Q4' → '2026年第4季度', '2026-09' → '2026年9月', '2026' → '2026年度'. */
export function periodKeyWords(key: string): string {
  const p = tryParsePeriodKey(key);
  if (!p) return key;
  switch (p.kind) {
    case 'year':
      return `${p.year}年度`;
    case 'quarter':
      return `${p.year}年第${p.quarter}季度`;
    case 'month':
      return `${p.year}年${p.month}月`;
  }
}
