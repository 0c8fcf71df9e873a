import { describe, expect, it } from 'vitest';
import {
  STATUTORY_HOLIDAYS,
  datesBetween,
  holidayCalendarSchema,
  indexHolidayCalendars,
  parseIsoDate,
  resolveHolidayCalendars,
  weekdayOf,
} from '../../../shared/domain';

describe('statutory holiday data', () => {
  it('ships 2025 and 2026, each valid against the schema and citing its notice', () => {
    expect(STATUTORY_HOLIDAYS.map((c) => c.year)).toEqual([2025, 2026]);
    for (const c of STATUTORY_HOLIDAYS) {
      expect(holidayCalendarSchema.safeParse(c).success).toBe(true);
      expect(c.source).toContain(`${c.year}年部分节假日安排`);
    }
  });

  it('only ever makes a weekend day into a make-up working day', () => {
    for (const c of STATUTORY_HOLIDAYS) {
      for (const p of c.periods) {
        for (const d of p.makeUpWorkdays) {
          const { year, month, day } = parseIsoDate(d)!;
          expect([0, 6], `${p.name} ${d}`).toContain(weekdayOf(year, month, day));
        }
      }
    }
  });

  it('has no day that is both a holiday and a make-up day, and no overlapping holidays', () => {
    for (const c of STATUTORY_HOLIDAYS) {
      const seen = new Set<string>();
      for (const p of c.periods) {
        for (const d of [...datesBetween(p.from, p.to), ...p.makeUpWorkdays]) {
          expect(seen.has(d), d).toBe(false);
          seen.add(d);
        }
      }
    }
  });

  it('records each break with the length the notice gives it', () => {
    // The notice's own length of each break, e.g. 春节 2025 is 8 days: 4 statutory + weekends and 调休.
    const lengths = (year: number) =>
      STATUTORY_HOLIDAYS.find((c) => c.year === year)!.periods.map((p) => [
        p.name,
        datesBetween(p.from, p.to).length,
      ]);
    expect(lengths(2025)).toEqual([
      ['元旦', 1],
      ['春节', 8],
      ['清明节', 3],
      ['劳动节', 5],
      ['端午节', 3],
      ['国庆节、中秋节', 8],
    ]);
    expect(lengths(2026)).toEqual([
      ['元旦', 3],
      ['春节', 9],
      ['清明节', 3],
      ['劳动节', 5],
      ['端午节', 3],
      ['中秋节', 3],
      ['国庆节', 7],
    ]);
  });

  it('lets a unit calendar for a year replace the shipped one whole', () => {
    const own = {
      year: 2026,
      source: '本单位',
      periods: [{ name: '元旦', from: '2026-01-01', to: '2026-01-01', makeUpWorkdays: [] }],
    };
    const index = indexHolidayCalendars(resolveHolidayCalendars([own]));
    expect(index.days.get('2026-01-01')).toEqual({ kind: 'holiday', name: '元旦' });
    expect(index.days.has('2026-02-16')).toBe(false);
    expect(index.sources.get(2026)).toBe('本单位');
    expect(index.days.get('2025-01-28')).toEqual({ kind: 'holiday', name: '春节' });
  });

  it('rejects a period that ends before it starts, in Chinese', () => {
    const r = holidayCalendarSchema.safeParse({
      year: 2027,
      source: 'x',
      periods: [{ name: '元旦', from: '2027-01-03', to: '2027-01-01' }],
    });
    expect(r.error?.issues[0]).toMatchObject({
      path: ['periods', 0, 'to'],
      message: '放假结束日期不能早于开始日期',
    });
  });
});
