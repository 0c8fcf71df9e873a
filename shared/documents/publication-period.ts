/**
 * The 公示期 of the 优秀 candidates: 《公务员考核规定》 asks for at least five working days, counted on
 * the holiday calendar (法定节假日 off, 调休上班 weekends on) — shared/domain/calendar.ts's dayStatus
 * over the shipped schedules and a unit's own (AssessmentConfig.holidayCalendars).
 *
 * A year with no schedule yet (the notice for next year is published in November or later) falls back
 * to Monday–Friday, less the holidays fixed by date in 《全国年节及纪念日放假办法》 (元旦 1 January,
 * 劳动节 1 May, 国庆节 1–3 October): counting those as working days could let a period through
 * that is too short, and leaving them out can only make the period HR must set longer, never shorter.
 */
import { dayStatus } from '../domain/calendar';
import { datesBetween, parseIsoDate, type IsoDate } from '../domain/dates';
import {
  STATUTORY_HOLIDAYS,
  indexHolidayCalendars,
  type HolidayCalendar,
  type HolidayIndex,
} from '../domain/holidays';
import { formatDate } from './blocks';

/** 《公务员考核规定》: 公示时间不少于5个工作日. */
export const MIN_PUBLICATION_WORKING_DAYS = 5;

const FIXED_HOLIDAYS = new Set(['01-01', '05-01', '10-01', '10-02', '10-03']);

export type PublicationDays = {
  /** Working days from `from` to `to`, both included. */
  workingDays: number;
  /** Years in the period with no holiday schedule: counted Monday–Friday less the fixed-date holidays. */
  yearsWithoutSchedule: number[];
};

function isWorkingDay(date: IsoDate, index: HolidayIndex): { working: boolean; known: boolean } {
  const s = dayStatus(date, index);
  if (s.source === 'statutory') return { working: s.working, known: true };
  return { working: s.working && !FIXED_HOLIDAYS.has(date.slice(5)), known: false };
}

export function publicationWorkingDays(
  from: IsoDate,
  to: IsoDate,
  calendars: readonly HolidayCalendar[] = STATUTORY_HOLIDAYS,
): PublicationDays {
  const index = indexHolidayCalendars(calendars);
  let workingDays = 0;
  const unknown = new Set<number>();
  for (const d of datesBetween(from, to)) {
    const { working, known } = isWorkingDay(d, index);
    if (working) workingDays++;
    if (!known) unknown.add(Number(d.slice(0, 4)));
  }
  return { workingDays, yearsWithoutSchedule: [...unknown].sort((a, b) => a - b) };
}

/** The day the fifth working day from `from` (included) falls on: the earliest end of the 公示期. */
export function earliestPublicationEnd(
  from: IsoDate,
  calendars: readonly HolidayCalendar[] = STATUTORY_HOLIDAYS,
): IsoDate {
  const start = parseIsoDate(from);
  if (!start) throw new RangeError(`not a date: ${from}`);
  const index = indexHolidayCalendars(calendars);
  let count = 0;
  for (let i = 0; i < 60; i++) {
    const d = new Date(Date.UTC(start.year, start.month - 1, start.day + i)).toISOString().slice(0, 10);
    if (isWorkingDay(d, index).working) count++;
    if (count === MIN_PUBLICATION_WORKING_DAYS) return d;
  }
  throw new RangeError(`no ${MIN_PUBLICATION_WORKING_DAYS} working days within 60 days of ${from}`);
}

/**
 * What is wrong with a 公示期, in the words HR reads, or null when it is long enough. The sentence says
 * how many working days the period has and the first end date that would do.
 */
export function publicationPeriodProblem(
  period: { from: IsoDate; to: IsoDate },
  calendars: readonly HolidayCalendar[] = STATUTORY_HOLIDAYS,
): string | null {
  if (!parseIsoDate(period.from) || !parseIsoDate(period.to))
    return '公示期的起止日期应为“年-月-日”，如2026-12-29，请改正。';
  if (period.to < period.from) return '公示期的结束日期早于开始日期，请改正。';
  const { workingDays, yearsWithoutSchedule } = publicationWorkingDays(period.from, period.to, calendars);
  if (workingDays >= MIN_PUBLICATION_WORKING_DAYS) return null;
  const note =
    yearsWithoutSchedule.length > 0
      ? `（${yearsWithoutSchedule.join('、')}年的节假日安排尚未录入，按周一至周五并扣除元旦、劳动节、国庆节计算）`
      : '';
  return `公示期${formatDate(period.from)}至${formatDate(period.to)}只有${workingDays}个工作日${note}。优秀等次公示时间不少于${MIN_PUBLICATION_WORKING_DAYS}个工作日，请把结束日期改为${formatDate(earliestPublicationEnd(period.from, calendars))}或以后。`;
}
