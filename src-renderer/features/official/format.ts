/** Display helpers for the official's screens. */
import { monthKey } from '../../../shared/domain/calendar';

/** '2026-03-31 20:31' in the machine's own zone, from an ISO timestamp. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

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
