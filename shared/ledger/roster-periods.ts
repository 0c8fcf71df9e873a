/**
 * The roster over time: each person's dated periods (domain/periods.ts), and the questions the
 * trust rules ask of them — "who supervised X in 2026-Q3?", "was X in the unit in March?", "who may
 * sign a 备案登记表 for 预算科 in Q2?", "who held the HR role then?".
 *
 * Roster v2 carries the periods. A v1 roster (from an earlier version) is read as closely as it
 * allows: one period with no start holding the unit, supervisor and roles it lists; one more for
 * each former supervisor, ending the day before the roster was issued (they were former by then; v1
 * kept no dates, and allowed them any period); for a person marked inactive, the period ends that
 * day too (v1 recorded no date of leaving).
 */
import { parseIsoDate } from '../domain/dates';
import { isWithinUnit } from '../domain/org';
import {
  chineseDay,
  dayBefore,
  leftOn,
  overlaps,
  periodsDuring,
  type DateRange,
  type PersonPeriod,
} from '../domain/periods';
import { findPerson, unitPathOf } from './roster';
import type { Roster, RosterPerson } from './types';

const cache = new WeakMap<RosterPerson, PersonPeriod[]>();

/** The person's periods as this roster holds them (read once per person; rosters are immutable). */
export function periodsOf(roster: Roster, person: RosterPerson): PersonPeriod[] {
  let periods = cache.get(person);
  if (!periods) {
    periods = person.periods ?? upgradeV1(roster, person);
    cache.set(person, periods);
  }
  return periods;
}

function upgradeV1(roster: Roster, p: RosterPerson): PersonPeriod[] {
  // A roster whose issue time is not a date (hand-made; the schema allows any short text) cuts nothing.
  const issued = roster.issuedAt.slice(0, 10);
  const eve = parseIsoDate(issued) ? dayBefore(issued) : null;
  const base = {
    from: null,
    unitId: p.unitId,
    roles: [...p.roles] as PersonPeriod['roles'],
    hrUnitIds: [...p.hrUnitIds],
  };
  return [
    // Former already when this roster was issued: their supervision ended before that day.
    ...(p.formerSupervisorIds ?? []).map((s) => ({ ...base, to: eve, supervisorId: s })),
    { ...base, to: p.active ? null : eve, supervisorId: p.supervisorId },
  ];
}

/** Whether the person belonged to the unit on at least one day of the range. */
export function memberDuring(roster: Roster, person: RosterPerson, range: DateRange): boolean {
  return periodsOf(roster, person).some((p) => overlaps(p, range));
}

/** The periods (sharing a day with the range) in which `supervisorId` was the person's 主管领导 and held the role. */
function supervisedPeriods(
  roster: Roster,
  supervisor: RosterPerson,
  subject: RosterPerson,
  range: DateRange,
): PersonPeriod[] {
  const asSupervisor = periodsOf(roster, supervisor).filter((p) => p.roles.includes('supervisor'));
  return periodsDuring(periodsOf(roster, subject), range).filter(
    (p) =>
      p.supervisorId === supervisor.id &&
      asSupervisor.some((s) => overlaps(s, { from: maxDay(p.from, range.from), to: minDay(p.to, range.to) })),
  );
}

const maxDay = (a: string | null, b: string) => (a !== null && a > b ? a : b);
const minDay = (a: string | null, b: string) => (a !== null && a < b ? a : b);

/** Whether `supervisorId` supervised the person (holding the 主管领导 role) on some day of the range. */
export function supervisedDuring(
  roster: Roster,
  supervisorId: string,
  personId: string,
  range: DateRange,
): boolean {
  const sup = findPerson(roster, supervisorId);
  const subject = findPerson(roster, personId);
  return !!sup && !!subject && supervisedPeriods(roster, sup, subject, range).length > 0;
}

/** Who supervised the person on some day of the range (ids, in the order of the periods). */
export function supervisorsDuring(roster: Roster, personId: string, range: DateRange): string[] {
  const subject = findPerson(roster, personId);
  if (!subject) return [];
  const ids = periodsDuring(periodsOf(roster, subject), range)
    .map((p) => p.supervisorId)
    .filter((s): s is string => s !== null);
  return [...new Set(ids)].filter((s) => supervisedDuring(roster, s, personId, range));
}

/** Whether the person held the role on some day of the range. */
export function heldRoleDuring(
  roster: Roster,
  person: RosterPerson,
  role: string,
  range: DateRange,
): boolean {
  return periodsOf(roster, person).some(
    (p) => p.roles.includes(role as PersonPeriod['roles'][number]) && overlaps(p, range),
  );
}

/** The units the person belonged to on some day of the range. */
function unitsDuring(roster: Roster, person: RosterPerson, range: DateRange): string[] {
  return [...new Set(periodsDuring(periodsOf(roster, person), range).map((p) => p.unitId))];
}

/**
 * Whether an HR person may file for the subject's records of the range: they held the HR role, for
 * a scope covering a unit the subject was in during the range, on some day from the range's first
 * day on. HR files after the fact — a clerk appointed in October files the third quarter — but a
 * clerk whose role ended cannot file for periods that began after it.
 */
export function hrCoversDuring(
  roster: Roster,
  hr: RosterPerson,
  subject: RosterPerson,
  range: DateRange,
): boolean {
  const units = unitsDuring(roster, subject, range)
    .map((u) => unitPathOf(roster, u))
    .filter((p): p is string => p !== undefined);
  const since: DateRange = { from: range.from, to: '9999-12-31' };
  return periodsOf(roster, hr).some(
    (p) =>
      p.roles.includes('hr') &&
      overlaps(p, since) &&
      (p.hrUnitIds.length === 0 ||
        units.some((path) =>
          p.hrUnitIds.some((u) => {
            const scope = unitPathOf(roster, u);
            return scope !== undefined && isWithinUnit(path, scope);
          }),
        )),
  );
}

/**
 * Who may sign a 备案登记表 listing people of `unitId` for the range: everyone who, holding the
 * 主管领导 role, supervised someone of that unit on some day of it.
 */
export function registerSignersFor(roster: Roster, unitId: string, range: DateRange): RosterPerson[] {
  const ids = new Set<string>();
  for (const person of roster.people) {
    if (!unitsDuring(roster, person, range).includes(unitId)) continue;
    for (const s of supervisorsDuring(roster, person.id, range)) ids.add(s);
  }
  return [...ids].map((i) => findPerson(roster, i)!).filter(Boolean);
}

/** The first day after the range's start on which `supervisorId` no longer supervised the person, if any. */
export function supervisionEndedBefore(
  roster: Roster,
  supervisorId: string,
  personId: string,
  range: DateRange,
): { ended?: string; began?: string } {
  const subject = findPerson(roster, personId);
  if (!subject) return {};
  const theirs = periodsOf(roster, subject).filter((p) => p.supervisorId === supervisorId);
  const ends = theirs
    .map((p) => p.to)
    .filter((t): t is string => t !== null && t < range.from)
    .sort();
  const begins = theirs
    .map((p) => p.from)
    .filter((f): f is string => f !== null && f > range.to)
    .sort();
  const out: { ended?: string; began?: string } = {};
  if (ends.length > 0) out.ended = ends.at(-1)!;
  if (begins.length > 0) out.began = begins[0]!;
  return out;
}

/** "自2026年9月1日起已离职(调出)" for a person who has left, else null. */
export function leftWords(roster: Roster, person: RosterPerson): string | null {
  const gone = leftOn(periodsOf(roster, person));
  return gone === null ? null : `自${chineseDay(gone)}起已离职(调出)`;
}
