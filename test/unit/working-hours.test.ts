import { describe, expect, test } from 'vitest';
import { getShift, isValidTimeZone, parseHours, toLocalTime } from '../../src/lib/working-hours.ts';

const berlin = { timeZone: 'Europe/Berlin', hours: '09:00-18:00' };
const newYork = { timeZone: 'America/New_York', hours: '09:00-17:30' };

describe('local time via Intl, across daylight saving', () => {
  test.each([
    // Berlin springs forward on Sun 31 Mar 2024 at 02:00 CET → 03:00 CEST.
    ['2024-03-31T00:59:00Z', 'Europe/Berlin', '01:59', '2024-03-31'],
    ['2024-03-31T01:00:00Z', 'Europe/Berlin', '03:00', '2024-03-31'],
    // …and falls back on Sun 27 Oct 2024: 02:30 happens twice, an hour apart in UTC.
    ['2024-10-27T00:30:00Z', 'Europe/Berlin', '02:30', '2024-10-27'],
    ['2024-10-27T01:30:00Z', 'Europe/Berlin', '02:30', '2024-10-27'],
    // New York springs forward on 10 Mar 2024: 07:00Z is 03:00 EDT, a minute earlier 01:59 EST.
    ['2024-03-10T06:59:00Z', 'America/New_York', '01:59', '2024-03-10'],
    ['2024-03-10T07:00:00Z', 'America/New_York', '03:00', '2024-03-10'],
    // The local date can differ from the UTC date.
    ['2024-03-05T23:30:00Z', 'Europe/Berlin', '00:30', '2024-03-06'],
  ])('%s in %s is %s on %s', (iso, zone, clock, date) => {
    expect(toLocalTime(new Date(iso), zone)).toMatchObject({ clock, date });
  });
});

describe('shifts', () => {
  test.each([
    // The same 07:30 UTC on a weekday: 08:30 CET before the change (night), 09:30 CEST after it (working).
    ['2024-03-29T07:30:00Z', berlin, 'night'],
    ['2024-04-02T07:30:00Z', berlin, 'working'],
    ['2024-04-02T16:00:00Z', berlin, 'evening'], // 18:00 CEST: working hours end at 18:00
    ['2024-04-02T15:59:00Z', berlin, 'working'],
    ['2024-04-02T19:59:00Z', berlin, 'evening'], // 21:59
    ['2024-04-02T20:00:00Z', berlin, 'night'], // 22:00
    ['2024-04-03T01:12:00Z', berlin, 'night'], // 03:12
    // Friday 23:30 UTC is already Saturday in Berlin, still Friday evening in New York.
    ['2024-04-05T23:30:00Z', berlin, 'weekend'],
    ['2024-04-05T23:30:00Z', newYork, 'evening'], // 19:30 EDT
    ['2024-04-05T21:29:00Z', newYork, 'working'], // 17:29 EDT
  ] as const)('%s for %o is %s', (iso, team, shift) => {
    expect(getShift(new Date(iso), team)).toBe(shift);
  });
});

describe('configuration values', () => {
  test.each([
    ['Europe/Berlin', true],
    ['UTC', true],
    ['Europe/Berlinn', false],
    ['CEST+2', false],
  ])('%s is a time zone: %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });

  test.each([
    ['09:00-18:00', { start: 540, end: 1080 }],
    ['07:30-24:00', { start: 450, end: 1440 }],
    ['18:00-09:00', undefined],
    ['9-5', undefined],
  ])('hours %s parse to %o', (hours, parsed) => {
    expect(parseHours(hours)).toEqual(parsed);
  });
});
