import { describe, expect, test } from 'vitest';
import {
  addBusinessDays,
  addDays,
  addMonths,
  businessDaysBetween,
  calendarDaysAgo,
  calendarDiff,
  daysBetween,
  daysInMonth,
  parseCalendarDate,
  parseDateOrTimestamp,
  shiftYears,
  toCalendarDate,
  toMonth,
} from '../../src/lib/dates.ts';
import { getCounterFigures } from '../../src/lib/stats/patterns.ts';

describe('calendar arithmetic (UTC dates)', () => {
  test.each([
    // Tuesday + 10 business days skips two weekends.
    ['2024-03-05', 10, '2024-03-19'],
    // Friday + 1 is Monday.
    ['2024-03-08', 1, '2024-03-11'],
    // Saturday + 1 is Monday too.
    ['2024-03-09', 1, '2024-03-11'],
    // Across a month end and a leap day.
    ['2024-02-28', 2, '2024-03-01'],
    ['2024-03-05', 0, '2024-03-05'],
  ])('%s + %d business days = %s', (date, n, expected) => {
    expect(addBusinessDays(date, n)).toBe(expected);
  });

  test.each([
    ['2024-03-19', '2024-03-25', 4],
    ['2024-03-08', '2024-03-10', 0],
    ['2024-03-08', '2024-03-08', 0],
    ['2024-03-25', '2024-03-19', 0],
  ])('business days after %s up to %s: %d', (from, to, expected) => {
    expect(businessDaysBetween(from, to)).toBe(expected);
  });

  test('addDays and toMonth', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(toMonth(new Date('2024-03-31T23:30:00-02:00'))).toBe('2024-04');
  });

  test('shiftYears keeps the date, and 29 February falls back to the 28th', () => {
    expect(shiftYears('2025-07-01', -1)).toBe('2024-07-01');
    expect(shiftYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(shiftYears('2024-02-29', -4)).toBe('2020-02-29');
  });
});

describe('businessDaysBetween over long spans', () => {
  test('agrees with counting day by day across years, leap days and every starting weekday', () => {
    const dayByDay = (from: string, to: string) => {
      let count = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1))
        if (![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) count++;
      return count;
    };
    for (const from of [
      '2023-12-25',
      '2023-12-26',
      '2023-12-27',
      '2023-12-28',
      '2023-12-29',
      '2023-12-30',
      '2023-12-31',
    ]) {
      for (const span of [0, 1, 6, 7, 8, 59, 366, 1000]) {
        const to = addDays(from, span);
        expect(businessDaysBetween(from, to), `${from} → ${to}`).toBe(dayByDay(from, to));
      }
    }
  });
});

describe('calendar dates and instants', () => {
  test('an instant has the UTC calendar date and month', () => {
    expect(toCalendarDate(new Date('2024-12-31T23:30:00-02:00'))).toBe('2025-01-01');
    expect(toMonth(new Date('2024-12-31T23:30:00-02:00'))).toBe('2025-01');
  });

  test('a calendar date is midnight UTC; a timestamp is read as written', () => {
    expect(parseCalendarDate('2024-03-05').toISOString()).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDateOrTimestamp('2026-11-21').toISOString()).toBe('2026-11-21T00:00:00.000Z');
    expect(parseDateOrTimestamp('2026-11-21T12:00:00+02:00').toISOString()).toBe('2026-11-21T10:00:00.000Z');
    expect(parseDateOrTimestamp('yesterday').getTime()).toBeNaN();
  });

  test.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  test('daysBetween counts calendar days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });

  test('calendar months clamp at month ends and never overshoot', () => {
    expect(addMonths(new Date('2024-01-31T10:00:00Z'), 1).toISOString()).toBe('2024-02-29T10:00:00.000Z');
    expect(calendarDiff(new Date('2024-01-31T00:00:00Z'), new Date('2024-03-01T00:00:00Z'))).toEqual({
      months: 1,
      days: 1,
    });
    expect(calendarDiff(new Date('2024-03-05T15:00:00Z'), new Date('2024-04-05T14:00:00Z'))).toEqual({
      months: 0,
      days: 30,
    });
  });
});

describe('calendarDaysAgo: calendar days in UTC, the same count as the pattern counters', () => {
  test.each([
    ['2026-11-21T11:00:00Z', '2026-11-21T12:00:00Z', 0],
    ['2026-11-20T23:59:00Z', '2026-11-21T00:01:00Z', 1],
    ['2026-11-06T23:00:00Z', '2026-11-21T12:00:00Z', 15],
    ['2026-11-06T10:00:00+02:00', '2026-11-21T00:30:00Z', 15],
    ['2024-02-28T12:00:00Z', '2024-03-01T01:00:00Z', 2],
  ])('%s → %s is %i', (then, now, days) => {
    expect(calendarDaysAgo(new Date(then), new Date(now))).toBe(days);
    // The pattern counters' "days since" for the same incident on the same day.
    expect(getCounterFigures([toCalendarDate(new Date(then))], toCalendarDate(new Date(now))).daysSince).toBe(days);
  });
});
