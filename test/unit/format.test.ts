import { describe, expect, test } from 'vitest';
import { formatDate, formatDuration, formatTimestamp, lowerFirst, plural } from '../../src/lib/format.ts';

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
  test('plural', () => {
    expect(plural(1, 'incident')).toBe('1 incident');
    expect(plural(0, 'incident')).toBe('0 incidents');
    expect(plural(2, 'body', 'bodies')).toBe('2 bodies');
  });
});

test('lowerFirst lowers the first letter of a word, not of an acronym', () => {
  expect(['New on-call engineers', 'Élan', 'SREs joining', 'API owners', '', 'new'].map(lowerFirst)).toEqual([
    'new on-call engineers',
    'élan',
    'SREs joining',
    'API owners',
    '',
    'new',
  ]);
});
