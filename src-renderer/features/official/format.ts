/** Display helpers for the official's screens. */
import { monthKey } from '../../../shared/domain/calendar';

/** Days as a clerk writes them: 21, 20.5. */
export function days(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The key of the month before or after (上一月/下一月), across the turn of the year. */
export function adjacentMonth(year: number, month: number, by: -1 | 1): string {
  const m = month + by;
  if (m < 1) return monthKey(year - 1, 12);
  if (m > 12) return monthKey(year + 1, 1);
  return monthKey(year, m);
}
