import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/errors/errors';
import {
  currentPeriod,
  dayStatus,
  formatChineseDate,
  formatPeriodChinese,
  formatPeriodKey,
  monthKey,
  monthKeySchema,
  monthKeysOfQuarter,
  monthsOfQuarter,
  parsePeriodKey,
  quarterKey,
  quarterKeySchema,
  quarterOfMonth,
  tryParsePeriodKey,
  workingDays,
  type HolidayCalendar,
} from '../../../shared/domain';

describe('quarters and months', () => {
  it('puts each month in its quarter', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(quarterOfMonth)).toEqual([
      1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4,
    ]);
    expect(monthsOfQuarter(1)).toEqual([1, 2, 3]);
    expect(monthsOfQuarter(4)).toEqual([10, 11, 12]);
  });

  it('refuses months and quarters that do not exist', () => {
    expect(() => quarterOfMonth(0)).toThrow(RangeError);
    expect(() => quarterOfMonth(13)).toThrow(RangeError);
    expect(() => quarterOfMonth(2.5)).toThrow(RangeError);
    expect(() => monthsOfQuarter(5 as 1)).toThrow(RangeError);
  });
});

describe('period keys', () => {
  it('formats month, quarter and year keys', () => {
    expect(monthKey(2026, 3)).toBe('2026-03');
    expect(quarterKey(2026, 1)).toBe('2026-Q1');
    expect(monthKeysOfQuarter(2026, 2)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(formatPeriodKey({ kind: 'year', year: 2026 })).toBe('2026');
  });

  it('parses what it formats', () => {
    for (const key of ['2026', '2026-Q4', '2026-12', '2025-01']) {
      expect(formatPeriodKey(parsePeriodKey(key))).toBe(key);
    }
    expect(parsePeriodKey('2026-Q1')).toEqual({ kind: 'quarter', year: 2026, quarter: 1 });
    expect(parsePeriodKey('2026-03')).toEqual({ kind: 'month', year: 2026, month: 3 });
  });

  it('rejects malformed keys with a Chinese message naming the text', () => {
    for (const key of ['2026-13', '2026-00', '2026-Q5', '26-03', '2026-3', '2026Q1', '']) {
      expect(tryParsePeriodKey(key)).toBeNull();
    }
    try {
      parsePeriodKey('2026-Q5', 'quarter');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]).toEqual({
        path: 'quarter',
        message: '“2026-Q5”不是有效的年度、季度或月份(如2026、2026-Q1、2026-03)',
      });
    }
  });

  it('has schemas that accept only their own kind of key', () => {
    expect(monthKeySchema.safeParse('2026-03').success).toBe(true);
    expect(monthKeySchema.safeParse('2026-Q1').success).toBe(false);
    expect(quarterKeySchema.safeParse('2026-Q1').success).toBe(true);
    expect(quarterKeySchema.safeParse('2026-03').error?.issues[0]?.message).toBe(
      '季度格式应为“年-Q季度”,如2026-Q1',
    );
  });

  it('finds the current period from a local date', () => {
    expect(currentPeriod(new Date(2026, 2, 31, 23, 59))).toEqual({
      year: 2026,
      quarter: 1,
      month: 3,
      date: '2026-03-31',
      monthKey: '2026-03',
      quarterKey: '2026-Q1',
    });
  });
});

describe('Chinese formatting', () => {
  it('writes dates the way the forms do', () => {
    expect(formatChineseDate(new Date(2026, 2, 31))).toBe('2026年3月31日');
    expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(() => formatChineseDate('2026-02-30')).toThrow(RangeError);
  });

  it('writes periods', () => {
    expect(formatPeriodChinese('2026')).toBe('2026年度');
    expect(formatPeriodChinese('2026-Q2')).toBe('2026年第2季度');
    expect(formatPeriodChinese({ kind: 'month', year: 2026, month: 3 })).toBe('2026年3月');
  });
});

describe('working days', () => {
  it('counts 2026-02: 20 weekdays, minus 春节 on 6 weekdays, plus make-up Saturdays 2/14 and 2/28 = 16', () => {
    const r = workingDays(2026, 2);
    expect(r.days).toBe(16);
    expect(r.source).toBe('statutory');
    expect(r.holidays).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-23',
    ]);
    expect(r.makeUpWorkdays).toEqual(['2026-02-14', '2026-02-28']);
    expect(r.sourceNote).toContain('2026年部分节假日安排');
  });

  it('counts 2025-10: 23 weekdays, minus 国庆中秋 on 6 weekdays, plus Saturday 10/11 = 18', () => {
    const r = workingDays(2025, 10);
    expect(r.days).toBe(18);
    expect(r.makeUpWorkdays).toEqual(['2025-10-11']);
  });

  it('counts 2026-01: 22 weekdays, minus 元旦 on Thu/Fri, plus Sunday 1/4 = 21', () => {
    expect(workingDays(2026, 1).days).toBe(21);
  });

  it('counts 2025-01: 23 weekdays, minus 元旦 and four 春节 weekdays, plus Sunday 1/26 = 19', () => {
    expect(workingDays(2025, 1).days).toBe(19);
  });

  it('adds up a whole year: 261 weekdays − 18 holiday weekdays + 5 make-up days = 248 in 2025; 261 − 19 + 6 = 248 in 2026', () => {
    const year = (y: number) => {
      let total = 0;
      for (let m = 1; m <= 12; m++) total += workingDays(y, m).days;
      return total;
    };
    expect(year(2025)).toBe(248);
    expect(year(2026)).toBe(248);
  });

  it('falls back to Monday–Friday for a year without a schedule, and says so', () => {
    const r = workingDays(2027, 1);
    expect(r.days).toBe(21); // 2027-01-01 is a Friday: 1 + 4 × 5 weekdays
    expect(r.source).toBe('weekdays-only');
    expect(r.sourceNote).toBeNull();
    expect(r.holidays).toEqual([]);
  });

  it('uses a schedule the unit configured for a year that has none shipped', () => {
    const c2027: HolidayCalendar = {
      year: 2027,
      source: '本单位录入',
      periods: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', makeUpWorkdays: [] }],
    };
    const r = workingDays(2027, 1, [c2027]);
    expect(r.days).toBe(20);
    expect(r.source).toBe('statutory');
    expect(r.sourceNote).toBe('本单位录入');
  });

  it('explains a single day', () => {
    expect(dayStatus('2026-02-14')).toEqual({
      working: true,
      reason: 'makeUpWorkday',
      name: '春节',
      source: 'statutory',
    });
    expect(dayStatus('2026-02-16')).toMatchObject({ working: false, reason: 'holiday', name: '春节' });
    expect(dayStatus('2026-03-02')).toMatchObject({ working: true, reason: 'weekday' });
    expect(dayStatus('2026-03-01')).toMatchObject({ working: false, reason: 'weekend' });
    expect(dayStatus('2030-01-01')).toMatchObject({ working: true, source: 'weekdays-only' });
  });

  it('refuses a month that does not exist', () => {
    expect(() => workingDays(2026, 13)).toThrow(RangeError);
  });
});
