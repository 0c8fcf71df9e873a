/**
 * Calendar dates as the forms write them: 'YYYY-MM-DD' strings, with no time and no time zone.
 *
 * A record book speaks of days, not instants; turning them into `Date` objects in local time would
 * move them across midnight whenever a machine's zone differs, so day arithmetic here runs in UTC.
 */
import { z } from 'zod';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY-MM-DD' for a calendar day; throws RangeError for a day that does not exist. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  if (!isValidYmd(year, month, day)) throw new RangeError(`no such day: ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Splits a 'YYYY-MM-DD' string; `null` when it is not a real calendar day. */
export function parseIsoDate(s: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidYmd(year, month, day) ? { year, month, day } : null;
}

/**
 * Why a date string is not a real day, in words a clerk understands: '2026年2月没有30日' says more
 * than '不是有效日期'. Null when the date is valid.
 */
export function invalidDateReason(s: string): string | null {
  if (parseIsoDate(s) !== null) return null;
  const m = ISO_DATE.exec(s);
  if (!m) return '应按“年-月-日”填写,例如2026-03-31';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return `没有${month}月`;
  if (day < 1) return '日不能为0';
  return `${year}年${month}月没有${day}日(该月共${daysInMonth(year, month)}天)`;
}

/** 0 = Sunday … 6 = Saturday, like `Date#getDay`. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isWeekend(year: number, month: number, day: number): boolean {
  const d = weekdayOf(year, month, day);
  return d === 0 || d === 6;
}

/** Every day from `from` to `to`, both included, as 'YYYY-MM-DD'. */
export function datesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) throw new RangeError(`not a date range: ${from}..${to}`);
  const out: IsoDate[] = [];
  const end = Date.UTC(b.year, b.month - 1, b.day);
  for (let t = Date.UTC(a.year, a.month - 1, a.day); t <= end; t += 86_400_000) {
    const d = new Date(t);
    out.push(isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
  }
  return out;
}

/** The calendar day a `Date` falls on in the machine's own zone (where the clerk sits). */
export function localIsoDate(date: Date): IsoDate {
  return isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

export const isoDateSchema = z
  .string({ error: '请填写日期' })
  .refine((s) => parseIsoDate(s) !== null, { error: '日期格式应为“年-月-日”,如2026-03-31' });
