/**
 * What a person owes in a year, month by month and quarter by quarter, read from their dated periods
 * (periods.ts): a month's 记实簿 and a quarter's 小结 are owed when the person belonged to the unit as
 * 公务员 (the `official` role: 被考核人) on at least one day of it, and they count in the unit (and
 * under the 主管领导) of the latest such period — the one in force when the month or quarter ended
 * for them. Everything else is not owed, and says why in the words the screens show: 入职(调入)前,
 * 离职(调出)后, not a 公务员 then (an HR clerk, say), or away from the unit between two stays.
 *
 * 督促检查 (tracking-grid.ts), 统计分析 (statistics.ts) and the official's 年度概览 (overview.ts) all
 * ask this, so a person who joined in December is 缺报 on no screen for January to November.
 */
import { monthsOfQuarter, QUARTERS } from './calendar';
import { daysInMonth, isoDate, type IsoDate } from './dates';
import { chineseDay, dayAfter, dayBefore, overlaps, type DateRange, type PersonPeriod } from './periods';
import {
  DEFAULT_TRACKING_RULES,
  planDeadlineFor,
  type Deadline,
  type TrackingRules,
} from './tracking-deadlines';

/** Why something is not owed. */
export const NOT_OWED_KINDS = [
  'beforeStart',
  'afterLeaving',
  'notOfficial',
  'away',
  'transferredIn',
  'transferredOut',
] as const;
export type NotOwedKind = (typeof NOT_OWED_KINDS)[number];

/** The short words of a cell (the whole reason is its title). */
export const notOwedLabels: Readonly<Record<NotOwedKind, string>> = {
  beforeStart: '入职前',
  afterLeaving: '离职后',
  notOfficial: '非考核对象',
  away: '不在本单位',
  transferredIn: '调入前',
  transferredOut: '调出后',
};

export type Duty =
  | { owed: true; unitId: string; supervisorId: string | null }
  | { owed: false; kind: NotOwedKind; reason: string };

export type YearDuties = {
  year: number;
  /** The first and last day of the year the person belonged as 公务员; null when not one day. */
  from: IsoDate | null;
  to: IsoDate | null;
  /** January first. */
  months: Duty[];
  /** The first quarter first. */
  quarters: Duty[];
  /** The annual plan: owed in the unit the person was in on its deadline (or nearest to it). */
  plan: Duty;
  planDue: Deadline;
  /** The year's changes in words, oldest first: "2026年12月1日入职(调入),此前不需填报". */
  notes: string[];
  /** The year's moves between units (调动), oldest first. */
  moves: { on: IsoDate; fromUnitId: string; toUnitId: string }[];
};

const NEVER = '0000-01-01';
const ALWAYS = '9999-12-31';
const startOf = (p: PersonPeriod) => p.from ?? NEVER;
const endOf = (p: PersonPeriod) => p.to ?? ALWAYS;
const isOfficial = (p: PersonPeriod) => p.roles.includes('official');

type YearRanges = { year: DateRange; months: DateRange[]; quarters: DateRange[] };
let rangesCache: { year: number; ranges: YearRanges } | undefined;

/** The days of the year, of each month and of each quarter (the same for everyone: made once a year). */
function rangesOf(year: number): YearRanges {
  if (rangesCache?.year === year) return rangesCache.ranges;
  const month = (m: number) => ({ from: isoDate(year, m, 1), to: isoDate(year, m, daysInMonth(year, m)) });
  const ranges = {
    year: { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) },
    months: Array.from({ length: 12 }, (_, i) => month(i + 1)),
    quarters: QUARTERS.map((q) => {
      const [first, , last] = monthsOfQuarter(q);
      return { from: month(first).from, to: month(last).to };
    }),
  };
  rangesCache = { year, ranges };
  return ranges;
}

/** The person's periods by start, oldest first (periods are kept so; a copy sorted to be sure). */
function byStart(periods: readonly PersonPeriod[]): PersonPeriod[] {
  return [...periods].sort((a, b) => startOf(a).localeCompare(startOf(b)));
}

/** Whether the person belonged to the unit (any role) on some day of the range. */
const memberIn = (periods: readonly PersonPeriod[], r: DateRange) => periods.some((p) => overlaps(p, r));

/** The duty of a range of days (a month or a quarter). */
function dutyOf(all: readonly PersonPeriod[], official: readonly PersonPeriod[], r: DateRange): Duty {
  const during = official.filter((p) => overlaps(p, r));
  const last = during.at(-1);
  if (last) return { owed: true, unitId: last.unitId, supervisorId: last.supervisorId };
  if (official.length === 0) {
    return { owed: false, kind: 'notOfficial', reason: '未担任公务员(被考核人)角色,不需填报' };
  }
  const firstOfficial = startOf(official[0]!);
  if (firstOfficial > r.to) {
    const firstMember = startOf(all[0]!);
    return firstMember === firstOfficial || !memberIn(all, r)
      ? { owed: false, kind: 'beforeStart', reason: `${chineseDay(firstOfficial)}入职(调入),此前不需填报` }
      : {
          owed: false,
          kind: 'notOfficial',
          reason: `自${chineseDay(firstOfficial)}起担任公务员(被考核人),此前不需填报`,
        };
  }
  const lastOfficial = official.reduce((end, p) => (endOf(p) > end ? endOf(p) : end), NEVER);
  if (lastOfficial < r.from) {
    if (memberIn(all, r)) {
      return {
        owed: false,
        kind: 'notOfficial',
        reason: `自${chineseDay(dayAfter(lastOfficial))}起不再担任公务员(被考核人),此后不需填报`,
      };
    }
    // Left: the first day no longer in the unit after the last day as 公务员.
    const lastMember = all
      .filter((p) => endOf(p) < r.from)
      .reduce((end, p) => (endOf(p) > end ? endOf(p) : end), lastOfficial);
    return {
      owed: false,
      kind: 'afterLeaving',
      reason: `自${chineseDay(dayAfter(lastMember))}起离职(调出),此后不需填报`,
    };
  }
  if (memberIn(all, r)) {
    return { owed: false, kind: 'notOfficial', reason: '此期间未担任公务员(被考核人)角色,不需填报' };
  }
  // Between two stays in the unit.
  const before = all
    .filter((p) => endOf(p) < r.from)
    .reduce((end, p) => (endOf(p) > end ? endOf(p) : end), NEVER);
  const after = all
    .filter((p) => startOf(p) > r.to)
    .reduce((s, p) => (startOf(p) < s ? startOf(p) : s), ALWAYS);
  return {
    owed: false,
    kind: 'away',
    reason: `${chineseDay(dayAfter(before))}至${chineseDay(dayBefore(after))}不在本单位,不需填报`,
  };
}

/**
 * The year's duties of a person with these periods. `unitName` names units in the notes (a transfer
 * between units says where from and to); without it, transfers are noted by date only.
 */
export function yearDuties(
  periods: readonly PersonPeriod[],
  year: number,
  options: { rules?: TrackingRules; unitName?: (unitId: string) => string } = {},
): YearDuties {
  const rules = options.rules ?? DEFAULT_TRACKING_RULES;
  const ranges = rangesOf(year);
  const yearRange = ranges.year;
  // Most people: one period as 公务员 covering the whole year. Everything owed, nothing to note.
  if (periods.length === 1) {
    const only = periods[0]!;
    if (isOfficial(only) && startOf(only) <= yearRange.from && endOf(only) >= yearRange.to) {
      const duty: Duty = { owed: true, unitId: only.unitId, supervisorId: only.supervisorId };
      return {
        year,
        from: yearRange.from,
        to: yearRange.to,
        months: Array<Duty>(12).fill(duty),
        quarters: Array<Duty>(4).fill(duty),
        plan: duty,
        planDue: planDeadlineFor(year, null, rules),
        notes: [],
        moves: [],
      };
    }
  }
  const all = byStart(periods);
  const official = all.filter(isOfficial);
  const inYear = official.filter((p) => overlaps(p, yearRange));
  const from = inYear.length > 0 ? maxDay(startOf(inYear[0]!), yearRange.from) : null;
  const to =
    inYear.length > 0
      ? minDay(
          inYear.reduce((end, p) => (endOf(p) > end ? endOf(p) : end), NEVER),
          yearRange.to,
        )
      : null;
  const months = ranges.months.map((r) => dutyOf(all, official, r));
  const quarters = ranges.quarters.map((r) => dutyOf(all, official, r));
  const started = from !== null && from > yearRange.from ? from : null;
  const planDue = planDeadlineFor(year, started, rules);
  let plan: Duty;
  if (from === null || to === null) {
    plan = dutyOf(all, official, yearRange);
  } else {
    // The period in force on the deadline, or the nearest day of the year the person belonged.
    const day = planDue.date < from ? from : planDue.date > to ? to : planDue.date;
    const on =
      inYear.filter((p) => startOf(p) <= day && endOf(p) >= day).at(-1) ??
      inYear.filter((p) => startOf(p) <= day).at(-1) ??
      inYear[0]!;
    plan = { owed: true, unitId: on.unitId, supervisorId: on.supervisorId };
  }
  // The notes: each distinct reason of the months (in order), and each move between units.
  const notes: string[] = [];
  const note = (s: string) => {
    if (!notes.includes(s)) notes.push(s);
  };
  const name = options.unitName;
  // A move is a new unit from the day after the last one ended (not a leaving and a return).
  const moves: YearDuties['moves'] = [];
  inYear.forEach((p, i) => {
    const prev = inYear[i - 1];
    if (
      prev &&
      p.unitId !== prev.unitId &&
      p.from !== null &&
      prev.to !== null &&
      p.from === dayAfter(prev.to)
    )
      moves.push({ on: p.from, fromUnitId: prev.unitId, toUnitId: p.unitId });
  });
  const reasons = [...months, ...quarters].flatMap((d) => (d.owed ? [] : [d]));
  for (const d of reasons) if (d.kind === 'beforeStart' || d.kind === 'notOfficial') note(d.reason);
  for (const m of moves) {
    note(
      name ? `${chineseDay(m.on)}由${name(m.fromUnitId)}调入${name(m.toUnitId)}` : `${chineseDay(m.on)}调动`,
    );
  }
  for (const d of reasons) if (d.kind === 'away' || d.kind === 'afterLeaving') note(d.reason);
  return { year, from, to, months, quarters, plan, planDue, notes, moves };
}

const maxDay = (a: string, b: string) => (a > b ? a : b);
const minDay = (a: string, b: string) => (a < b ? a : b);

/** A person with no periods (an older caller): owed everything, in one unit, under one supervisor. */
export function alwaysIn(unitId: string, supervisorId: string | null): PersonPeriod[] {
  return [{ from: null, to: null, unitId, supervisorId, roles: ['official'], hrUnitIds: [] }];
}

/**
 * The units a person's year counts in, in order of time (a transfer gives two), each with the first
 * and last month (1–12) it owns. Used to give a transferred person a row per unit.
 */
export function unitsOfYear(d: YearDuties): { unitId: string; firstMonth: number; lastMonth: number }[] {
  // Most people: the whole year in one unit.
  const first = d.months[0]!;
  if (first.owed && d.months.every((m) => m === first) && d.quarters.every((q) => q === first))
    return [{ unitId: first.unitId, firstMonth: 1, lastMonth: 12 }];
  const out: { unitId: string; firstMonth: number; lastMonth: number }[] = [];
  const slots: { unitId: string; month: number }[] = [];
  d.months.forEach((m, i) => {
    if (m.owed) slots.push({ unitId: m.unitId, month: i + 1 });
  });
  // A unit that owns only a quarter or the plan (a stay shorter than any month's end) still gets a row.
  d.quarters.forEach((q, i) => {
    if (q.owed) slots.push({ unitId: q.unitId, month: i * 3 + 3 });
  });
  const plan = d.plan;
  if (plan.owed && !slots.some((s) => s.unitId === plan.unitId))
    slots.push({ unitId: plan.unitId, month: 1 });
  for (const s of slots) {
    const u = out.find((x) => x.unitId === s.unitId);
    if (!u) out.push({ unitId: s.unitId, firstMonth: s.month, lastMonth: s.month });
    else {
      u.firstMonth = Math.min(u.firstMonth, s.month);
      u.lastMonth = Math.max(u.lastMonth, s.month);
    }
  }
  return out.sort((a, b) => a.firstMonth - b.firstMonth);
}

/**
 * Why a month or quarter owed in another unit is not in this unit's row (a transferred person has a
 * row per unit): "2026年7月1日由办公室调入,此前计入办公室" / "2026年7月1日调往法规科,此后计入法规科".
 */
export function elsewhere(
  d: YearDuties,
  rowUnitId: string,
  owedIn: string,
  /** The slot's last month (1–12). */
  month: number,
  rowFirstMonth: number,
  unitName: (unitId: string) => string,
): Duty {
  const there = unitName(owedIn);
  if (month < rowFirstMonth) {
    const into = d.moves.find((m) => m.toUnitId === rowUnitId);
    return {
      owed: false,
      kind: 'transferredIn',
      reason: into
        ? `${chineseDay(into.on)}由${unitName(into.fromUnitId)}调入,此前计入${there}`
        : `此前计入${there}`,
    };
  }
  const end = isoDate(d.year, month, daysInMonth(d.year, month));
  const out = d.moves.filter((m) => m.fromUnitId === rowUnitId && m.on <= end).at(-1);
  return {
    owed: false,
    kind: 'transferredOut',
    reason: out ? `${chineseDay(out.on)}调往${unitName(out.toUnitId)},此后计入${there}` : `此后计入${there}`,
  };
}
