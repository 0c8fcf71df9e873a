/**
 * The history's clock and what every person's year is generated from: the working-day calendar
 * (`later`: the next plausible moment someone writes), each supervisor's team in register order, the
 * grades aimed at, and which method a supervisor uses in a year — built once for the organisation.
 * Also what one person's year carries from form to form while it is written (`PersonYearRun`).
 */
import {
  dayStatus,
  indexHolidayCalendars,
  resolveHolidayCalendars,
  type HolidayIndex,
  type QuarterGrade,
} from '../domain';
import { compareChinese } from '../domain/collate';
import type { HistoryOptions, Writer } from './history-drafts';
import { beijing, targetGrades } from './forms';
import type { Organisation, SeedPerson } from './organisation';
import { Random } from './random';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** The Beijing calendar day of `ms`, 'YYYY-MM-DD'. */
export const isoDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
export const iso = (ms: number) => new Date(ms).toISOString();

/** What every person's year is generated from, built once for the organisation. */
export type HistoryContext = {
  org: Organisation;
  options: HistoryOptions;
  holidays: HolidayIndex;
  byId: ReadonlyMap<string, SeedPerson>;
  unitName: ReadonlyMap<string, string>;
  /** Each supervisor's team in the register's order (by name). */
  teams: ReadonlyMap<string, readonly SeedPerson[]>;
  grades: ReadonlyMap<string, QuarterGrade>;
  /** A working day `min`–`max` days after `ms`, at a plausible office hour. */
  later: (rng: Random, ms: number, min: number, max: number) => number;
  methodOf: (supervisorId: string, year: number) => 'grade' | 'score';
};

export function historyContext(org: Organisation, options: HistoryOptions): HistoryContext {
  const { config, seed } = options;
  const holidays: HolidayIndex = indexHolidayCalendars(resolveHolidayCalendars(config.holidayCalendars));
  const workingOnOrAfter = (ms: number): number => {
    let t = ms;
    while (!dayStatus(isoDay(t), holidays).working) t += DAY;
    return t;
  };
  const teams = new Map<string, SeedPerson[]>();
  for (const p of org.people) {
    if (p.supervisorId === null) continue;
    const team = teams.get(p.supervisorId);
    if (team) team.push(p);
    else teams.set(p.supervisorId, [p]);
  }
  for (const team of teams.values())
    team.sort((a, b) => compareChinese(a.name, b.name) || a.id.localeCompare(b.id));
  return {
    org,
    options,
    holidays,
    byId: new Map(org.people.map((p) => [p.id, p])),
    unitName: new Map(org.units.map((u) => [u.id, u.name])),
    teams,
    grades: targetGrades(org, options),
    later: (rng, ms, min, max) => {
      const day = workingOnOrAfter(ms + rng.int(min, max) * DAY);
      const base = beijing(...(isoDay(day).split('-').map(Number) as [number, number, number]), 8);
      return Math.max(ms + HOUR, base + rng.int(60, 9 * 60) * 60_000);
    },
    methodOf: (supervisorId, year) => {
      if (config.evaluationMethod !== 'either') return config.evaluationMethod;
      return new Random(`${seed}/method/${supervisorId}/${year}`).chance(0.55) ? 'score' : 'grade';
    },
  };
}

/**
 * One person's year while it is written: the forms are drafted one kind after another (plan, record
 * books, quarters), each drawing from the same random stream in that order.
 */
export type PersonYearRun = {
  ctx: HistoryContext;
  writer: Writer;
  person: SeedPerson;
  year: number;
  /** The person's and the year's own random numbers. */
  rng: Random;
  supervisor: SeedPerson | undefined;
  /** The person's line of work, which the plan and the record books are written about. */
  field: string;
  /** A new record id, dated `at`. */
  id: (at: number) => string;
};
