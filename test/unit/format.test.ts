import { describe, expect, test } from 'vitest';
import { calendarDaysAgo, daysBetween, formatDate, formatDuration, formatTimestamp, plural, toCalendarDate } from '../../src/lib/format.ts';
import { getCounterFigures } from '../../src/lib/stats/patterns.ts';

const MIN = 60_000;

describe('formatDuration', () => {
  test.each([
    [0, '0 min'],
    [30_000, '< 1 min'],
    [7 * MIN, '7 min'],
    [59 * MIN, '59 min'],
    [60 * MIN, '1 h'],
    [68 * MIN, '1 h 08 min'],
    [23 * 60 * MIN + 59 * MIN, '23 h 59 min'],
    [24 * 60 * MIN, '1 d'],
    [51 * 60 * MIN, '2 d 3 h'],
    [-1, '—'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('dates', () => {
  test('timestamps are written in UTC with the zone named', () => {
    expect(formatTimestamp(new Date('2023-11-02T09:05:00+02:00'))).toBe('2023-11-02 07:05 UTC');
  });
  test('formatDate reads calendar dates as UTC', () => {
    expect(formatDate('2024-03-12')).toBe('12 Mar 2024');
    expect(formatDate(new Date('2024-12-31T23:30:00-02:00'))).toBe('1 Jan 2025');
  });
  test('daysBetween counts calendar days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });
  test('plural', () => {
    expect(plural(1, 'incident')).toBe('1 incident');
    expect(plural(0, 'incident')).toBe('0 incidents');
    expect(plural(2, 'body', 'bodies')).toBe('2 bodies');
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
