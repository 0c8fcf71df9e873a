/**
 * Years, quarters and months as the assessment counts them, their keys ('2026', '2026-Q1',
 * '2026-03'), Chinese date formatting, and working days under the statutory holiday schedule.
 */
import { z } from 'zod';
import { ValidationError } from '../errors/errors';
import { daysInMonth, isoDate, isWeekend, localIsoDate, parseIsoDate, type IsoDate } from './dates';
import {
  STATUTORY_HOLIDAYS,
  indexHolidayCalendars,
  type HolidayCalendar,
  type HolidayIndex,
} from './holidays';

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: Quarter }
  | { kind: 'month'; year: number; month: number };

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`bad year ${year}`);
}

function assertMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`bad month ${month}`);
}

export function isQuarter(n: unknown): n is Quarter {
  return n === 1 || n === 2 || n === 3 || n === 4;
}

export function quarterOfMonth(month: number): Quarter {
  assertMonth(month);
  return Math.ceil(month / 3) as Quarter;
}

export function monthsOfQuarter(quarter: Quarter): [number, number, number] {
  if (!isQuarter(quarter)) throw new RangeError(`bad quarter ${String(quarter)}`);
  const first = (quarter - 1) * 3 + 1;
  return [first, first + 1, first + 2];
}

// ---- Keys ----

export function yearKey(year: number): string {
  assertYear(year);
  return String(year).padStart(4, '0');
}

export function monthKey(year: number, month: number): string {
  assertMonth(month);
  return `${yearKey(year)}-${String(month).padStart(2, '0')}`;
}

export function quarterKey(year: number, quarter: Quarter): string {
  if (!isQuarter(quarter)) throw new RangeError(`bad quarter ${String(quarter)}`);
  return `${yearKey(year)}-Q${quarter}`;
}

export function monthKeysOfQuarter(year: number, quarter: Quarter): [string, string, string] {
  const [a, b, c] = monthsOfQuarter(quarter);
  return [monthKey(year, a), monthKey(year, b), monthKey(year, c)];
}

export function formatPeriodKey(p: Period): string {
  switch (p.kind) {
    case 'year':
      return yearKey(p.year);
    case 'quarter':
      return quarterKey(p.year, p.quarter);
    case 'month':
      return monthKey(p.year, p.month);
  }
}

const KEY = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/** Reads '2026', '2026-Q1' or '2026-03'; `null` when the text is none of them. */
export function tryParsePeriodKey(key: string): Period | null {
  const m = KEY.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1) return null;
  if (m[2] !== undefined) return { kind: 'quarter', year, quarter: Number(m[2]) as Quarter };
  if (m[3] !== undefined) return { kind: 'month', year, month: Number(m[3]) };
  return { kind: 'year', year };
}

/** Like `tryParsePeriodKey`, but throws a ValidationError the UI can show. */
export function parsePeriodKey(key: string, path = 'period'): Period {
  const p = tryParsePeriodKey(key);
  if (!p)
    throw new ValidationError([
      { path, message: `“${key}”不是有效的年度、季度或月份(如2026、2026-Q1、2026-03)` },
    ]);
  return p;
}

export const monthKeySchema = z
  .string({ error: '请选择月份' })
  .refine((s) => tryParsePeriodKey(s)?.kind === 'month', { error: '月份格式应为“年-月”,如2026-03' });

export const quarterKeySchema = z
  .string({ error: '请选择季度' })
  .refine((s) => tryParsePeriodKey(s)?.kind === 'quarter', { error: '季度格式应为“年-Q季度”,如2026-Q1' });

/** The period containing `date`, in the machine's own zone. */
export function currentPeriod(date: Date = new Date()): {
  year: number;
  quarter: Quarter;
  month: number;
  date: IsoDate;
  monthKey: string;
  quarterKey: string;
} {
  const year = date.getFullYear();
  const month = date.getMonth() + 1;
  const quarter = quarterOfMonth(month);
  return {
    year,
    quarter,
    month,
    date: localIsoDate(date),
    monthKey: monthKey(year, month),
    quarterKey: quarterKey(year, quarter),
  };
}

// ---- Chinese formatting ----

/** '2026年3月31日', from a `Date` (local day) or a 'YYYY-MM-DD' string. */
export function formatChineseDate(date: Date | IsoDate): string {
  const d = typeof date === 'string' ? parseIsoDate(date) : parseIsoDate(localIsoDate(date));
  if (!d) throw new RangeError(`not a date: ${String(date)}`);
  return `${d.year}年${d.month}月${d.day}日`;
}

/** '2026年3月31日 20:31' in the machine's own zone, from a `Date` or an ISO timestamp; unparseable text comes back as it is. */
export function formatChineseDateTime(at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** '2026年度', '2026年第1季度', '2026年3月'. */
export function formatPeriodChinese(period: Period | string): string {
  const p = typeof period === 'string' ? parsePeriodKey(period) : period;
  switch (p.kind) {
    case 'year':
      return `${p.year}年度`;
    case 'quarter':
      return `${p.year}年第${p.quarter}季度`;
    case 'month':
      return `${p.year}年${p.month}月`;
  }
}

// ---- Working days ----

export type WorkingDaySource = 'statutory' | 'weekdays-only';

export type WorkingDays = {
  year: number;
  month: number;
  days: number;
  /** 'weekdays-only' when no holiday schedule is known for the year: Monday–Friday were counted. */
  source: WorkingDaySource;
  /** The notice the schedule came from, when there is one. */
  sourceNote: string | null;
  /** Weekdays that are statutory holidays. */
  holidays: IsoDate[];
  /** Weekend days that are working days (调休上班). */
  makeUpWorkdays: IsoDate[];
};

function toIndex(calendars: readonly HolidayCalendar[] | HolidayIndex): HolidayIndex {
  return Array.isArray(calendars) ? indexHolidayCalendars(calendars) : (calendars as HolidayIndex);
}

/** Weekdays of the month, minus statutory holidays, plus make-up working days. */
export function workingDays(
  year: number,
  month: number,
  calendars: readonly HolidayCalendar[] | HolidayIndex = STATUTORY_HOLIDAYS,
): WorkingDays {
  assertYear(year);
  assertMonth(month);
  const index = toIndex(calendars);
  const known = index.years.has(year);
  const holidays: IsoDate[] = [];
  const makeUpWorkdays: IsoDate[] = [];
  let days = 0;
  for (let day = 1; day <= daysInMonth(year, month); day++) {
    const d = isoDate(year, month, day);
    const weekend = isWeekend(year, month, day);
    const mark = known ? index.days.get(d) : undefined;
    if (mark?.kind === 'holiday') {
      if (!weekend) holidays.push(d);
    } else if (mark?.kind === 'makeUpWorkday') {
      if (weekend) makeUpWorkdays.push(d);
      days++;
    } else if (!weekend) {
      days++;
    }
  }
  return {
    year,
    month,
    days,
    source: known ? 'statutory' : 'weekdays-only',
    sourceNote: index.sources.get(year) ?? null,
    holidays,
    makeUpWorkdays,
  };
}

export type DayStatus = {
  working: boolean;
  reason: 'weekday' | 'weekend' | 'holiday' | 'makeUpWorkday';
  /** The holiday's name for 'holiday' and 'makeUpWorkday'. */
  name: string | null;
  source: WorkingDaySource;
};

/** Whether one day is a working day, and why. */
export function dayStatus(
  date: IsoDate,
  calendars: readonly HolidayCalendar[] | HolidayIndex = STATUTORY_HOLIDAYS,
): DayStatus {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`not a date: ${date}`);
  const index = toIndex(calendars);
  const known = index.years.has(d.year);
  const source: WorkingDaySource = known ? 'statutory' : 'weekdays-only';
  const mark = known ? index.days.get(date) : undefined;
  if (mark) return { working: mark.kind === 'makeUpWorkday', reason: mark.kind, name: mark.name, source };
  const weekend = isWeekend(d.year, d.month, d.day);
  return { working: !weekend, reason: weekend ? 'weekend' : 'weekday', name: null, source };
}
