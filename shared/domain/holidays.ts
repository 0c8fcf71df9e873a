/**
 * Statutory holiday schedules (法定节假日安排) as data. Each year the State Council's general office
 * publishes the year's holidays and the weekend days that become working days (调休上班).
 *
 * 2026-11-23: entered by hand from 《国务院办公厅关于2025年部分节假日安排的通知》 and
 * 《国务院办公厅关于2026年部分节假日安排的通知》. They must be checked against the notices
 * themselves before a unit relies on them, and a unit can override or add a year in its
 * configuration (`AssessmentConfig.holidayCalendars`). Years with no data fall back to Monday–Friday,
 * and `workingDays` says so.
 */
import { z } from 'zod';
import { datesBetween, isoDateSchema, parseIsoDate, type IsoDate } from './dates';

export const holidayPeriodSchema = z
  .object({
    name: z.string().trim().min(1, { error: '请填写节日名称' }),
    from: isoDateSchema,
    to: isoDateSchema,
    /** Weekend days worked in exchange (调休上班). */
    makeUpWorkdays: z.array(isoDateSchema).default([]),
  })
  .refine((p) => p.from <= p.to, { path: ['to'], error: '放假结束日期不能早于开始日期' });
export type HolidayPeriod = z.output<typeof holidayPeriodSchema>;

export const holidayCalendarSchema = z
  .object({
    year: z.number().int().min(2000, { error: '年份不正确' }).max(2100, { error: '年份不正确' }),
    /** Where the data comes from, shown to the clerk. */
    source: z.string().trim().min(1, { error: '请注明节假日安排的依据' }),
    periods: z.array(holidayPeriodSchema),
  })
  .superRefine((c, ctx) => {
    c.periods.forEach((p, i) => {
      // A holiday may reach into a neighbouring year (元旦), but it belongs to this year's notice.
      for (const [field, d] of [
        ['from', p.from],
        ['to', p.to],
      ] as const) {
        const y = parseIsoDate(d)?.year;
        if (y !== undefined && Math.abs(y - c.year) > 1) {
          ctx.addIssue({
            code: 'custom',
            path: ['periods', i, field],
            message: `日期${d}不在${c.year}年前后`,
          });
        }
      }
    });
  });
export type HolidayCalendar = z.output<typeof holidayCalendarSchema>;

const period = (name: string, from: IsoDate, to: IsoDate, makeUpWorkdays: IsoDate[] = []): HolidayPeriod => ({
  name,
  from,
  to,
  makeUpWorkdays,
});

export const STATUTORY_HOLIDAYS: readonly HolidayCalendar[] = [
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知',
    periods: [
      period('元旦', '2025-01-01', '2025-01-01'),
      period('春节', '2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08']),
      period('清明节', '2025-04-04', '2025-04-06'),
      period('劳动节', '2025-05-01', '2025-05-05', ['2025-04-27']),
      period('端午节', '2025-05-31', '2025-06-02'),
      period('国庆节、中秋节', '2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11']),
    ],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知',
    periods: [
      period('元旦', '2026-01-01', '2026-01-03', ['2026-01-04']),
      period('春节', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']),
      period('清明节', '2026-04-04', '2026-04-06'),
      period('劳动节', '2026-05-01', '2026-05-05', ['2026-05-09']),
      period('端午节', '2026-06-19', '2026-06-21'),
      period('中秋节', '2026-09-25', '2026-09-27'),
      period('国庆节', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']),
    ],
  },
];

export type DayKind = { kind: 'holiday'; name: string } | { kind: 'makeUpWorkday'; name: string };

export type HolidayIndex = {
  /** Years that have a schedule. */
  years: ReadonlySet<number>;
  /** Days that a schedule marks, by 'YYYY-MM-DD'. */
  days: ReadonlyMap<IsoDate, DayKind>;
  sources: ReadonlyMap<number, string>;
};

/**
 * One lookup table from a list of calendars. A later calendar for the same year replaces an earlier
 * one whole, so a unit's configured schedule overrides the shipped one.
 */
export function indexHolidayCalendars(calendars: readonly HolidayCalendar[]): HolidayIndex {
  const byYear = new Map<number, HolidayCalendar>();
  for (const c of calendars) byYear.set(c.year, c);
  const days = new Map<IsoDate, DayKind>();
  const sources = new Map<number, string>();
  for (const c of byYear.values()) {
    sources.set(c.year, c.source);
    for (const p of c.periods) {
      for (const d of datesBetween(p.from, p.to)) days.set(d, { kind: 'holiday', name: p.name });
      for (const d of p.makeUpWorkdays) days.set(d, { kind: 'makeUpWorkday', name: p.name });
    }
  }
  return { years: new Set(byYear.keys()), days, sources };
}

/** The shipped schedules followed by a unit's overrides. */
export function resolveHolidayCalendars(overrides: readonly HolidayCalendar[] = []): HolidayCalendar[] {
  return [...STATUTORY_HOLIDAYS, ...overrides];
}
