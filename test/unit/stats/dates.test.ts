import { describe, expect, test } from 'vitest';
import { addBusinessDays, addDays, businessDaysBetween, shiftYears, toMonth } from '../../../src/lib/stats/dates.ts';

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
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) count++;
      return count;
    };
    for (const from of ['2023-12-25', '2023-12-26', '2023-12-27', '2023-12-28', '2023-12-29', '2023-12-30', '2023-12-31']) {
      for (const span of [0, 1, 6, 7, 8, 59, 366, 1000]) {
        const to = addDays(from, span);
        expect(businessDaysBetween(from, to), `${from} → ${to}`).toBe(dayByDay(from, to));
      }
    }
  });
});
