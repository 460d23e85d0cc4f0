import { describe, expect, test } from 'vitest';
import {
  getCounterFigures,
  getPatternCounter,
  getPatternDigest,
  matchesPattern,
  withMatchDates,
} from '../../../src/lib/stats/patterns.ts';
import { mockIncidents, mockPatterns } from '../mock-incidents.ts';

const [dns] = mockPatterns([{ id: 'dns', label: 'It was DNS', tags: ['dns'], services: ['edge-dns'] }]);

// Start dates (UTC): a 2024-01-01, b 2024-03-01, c 2024-12-25, d 2025-06-01 (by service), x never matches.
const incidents = mockIncidents([
  { id: 'a', started: '2024-01-01T08:00:00Z', tags: ['dns'] },
  { id: 'b', started: '2024-03-01T12:00:00Z', tags: ['dns', 'config-change'], status: 'draft' },
  // 23:30 at −02:00 is 01:30 UTC the next day: the UTC calendar date counts.
  { id: 'c', started: '2024-12-24T23:30:00-02:00', tags: ['dns'] },
  { id: 'd', started: '2025-06-01T00:00:00Z', services: ['edge-dns'] },
  { id: 'x', started: '2025-06-20T00:00:00Z', tags: ['database'], services: ['payments-db'] },
]);

describe('matchesPattern', () => {
  test('by any tag or any service', () => {
    expect(incidents.filter((i) => matchesPattern(dns!.data, i)).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('getPatternCounter', () => {
  test('days since, totals and the longest gap, by hand', () => {
    const counter = getPatternCounter(dns!, incidents, '2025-07-01');
    expect(counter).toEqual({
      id: 'dns',
      label: 'It was DNS',
      ids: ['d', 'c', 'b', 'a'],
      total: 4,
      // After 2024-07-01: c and d.
      lastYear: 2,
      lastDate: '2025-06-01',
      lastId: 'd',
      // 1 June → 1 July.
      daysSince: 30,
      // a→b 60 days (Jan 31 + Feb 29), b→c 299, c→d 158: b→c is the record.
      longestPriorGap: { days: 299, from: '2024-03-01', fromId: 'b', to: '2024-12-25', toId: 'c' },
      longestGap: { days: 299, from: '2024-03-01', fromId: 'b', to: '2024-12-25', toId: 'c' },
    });
  });

  test('the current streak becomes the record only when strictly longer', () => {
    // 2025-06-01 + 299 days = 2026-03-27: a tie keeps the earlier record.
    expect(getPatternCounter(dns!, incidents, '2026-03-27').longestGap?.toId).toBe('c');
    const counter = getPatternCounter(dns!, incidents, '2026-03-28');
    expect(counter.daysSince).toBe(300);
    expect(counter.longestGap).toEqual({ days: 300, from: '2025-06-01', fromId: 'd', to: undefined, toId: undefined });
    expect(counter.longestPriorGap?.days).toBe(299);
    expect(counter.lastYear).toBe(1);
  });

  test('incidents after today are listed but do not reset the counter', () => {
    const counter = getPatternCounter(dns!, incidents, '2024-06-01');
    expect(counter.total).toBe(4);
    expect(counter.lastId).toBe('b');
    expect(counter.daysSince).toBe(92);
    expect(counter.lastYear).toBe(2);
  });

  test('on the day of an incident the count is zero', () => {
    expect(getPatternCounter(dns!, incidents, '2025-06-01').daysSince).toBe(0);
  });

  test('a pattern that never happened has no counter', () => {
    const [never] = mockPatterns([{ id: 'certs', tags: ['certificate-expiry'] }]);
    expect(getPatternCounter(never!, incidents, '2025-07-01')).toMatchObject({
      total: 0,
      lastYear: 0,
      lastDate: undefined,
      daysSince: undefined,
      longestGap: undefined,
      longestPriorGap: undefined,
    });
  });

  test('a single incident: the current streak is the only gap', () => {
    const [db] = mockPatterns([{ id: 'db', tags: ['database'] }]);
    const counter = getPatternCounter(db!, incidents, '2025-06-30');
    expect(counter.longestPriorGap).toBeUndefined();
    expect(counter.longestGap).toEqual({ days: 10, from: '2025-06-20', fromId: 'x', to: undefined, toId: undefined });
  });
});

describe('withMatchDates', () => {
  test('gives a counter the UTC start dates of its matches, newest first, skipping reviews not in the build', () => {
    const counter = getPatternCounter(dns!, incidents, '2025-07-01');
    const days = [
      { id: 'a', date: '2024-01-01' },
      { id: 'c', date: '2024-12-25' },
      { id: 'd', date: '2025-06-01' },
    ];
    expect(withMatchDates([counter], days)).toEqual([{ counter, dates: ['2025-06-01', '2024-12-25', '2024-01-01'] }]);
  });
});

describe('getPatternDigest', () => {
  test('collects factors, actions and lessons of the matches, newest incident first', () => {
    const list = mockIncidents([
      {
        id: 'old',
        started: '2023-01-01T00:00:00Z',
        tags: ['dns'],
        trigger: 'A resolver restart.',
        contributingFactors: [{ description: 'No canary', category: 'change-management' }],
        lessons: { wentWell: ['Fast rollback'] },
      },
      {
        id: 'new',
        started: '2024-01-01T00:00:00Z',
        tags: ['dns'],
        contributingFactors: [
          { description: 'Alert too slow', category: 'monitoring' },
          { description: 'Config not reviewed', category: 'change-management' },
          { description: 'Uncategorised' },
        ],
        actionItems: [{ title: 'Canary', owner: 'net', status: 'open', type: 'prevent' }],
        lessons: { wentWrong: ['Slow alert'], gotLucky: ['Low traffic'] },
      },
      { id: 'other', tags: ['database'], lessons: { wentWell: ['Not included'] } },
    ]);
    const digest = getPatternDigest(dns!, list);
    expect(digest.factors.map((f) => `${f.id}: ${f.item.description}`)).toEqual([
      'new: Alert too slow',
      'new: Config not reviewed',
      'new: Uncategorised',
      'old: No canary',
    ]);
    expect(digest.categories).toEqual([
      { key: 'change-management', count: 2 },
      { key: 'monitoring', count: 1 },
    ]);
    expect(digest.actionItems.map((a) => [a.id, a.item.title])).toEqual([['new', 'Canary']]);
    expect(digest.wentWell).toEqual([{ id: 'old', item: 'Fast rollback' }]);
    expect(digest.wentWrong).toEqual([{ id: 'new', item: 'Slow alert' }]);
    expect(digest.gotLucky).toEqual([{ id: 'new', item: 'Low traffic' }]);
    expect(digest.triggers).toEqual([{ id: 'old', item: 'A resolver restart.' }]);
  });
});

describe('getCounterFigures (what the page script recomputes)', () => {
  test.each(['2024-02-01', '2024-06-01', '2025-06-01', '2025-07-01', '2026-03-27', '2026-03-28', '2030-01-01'])(
    'agrees with the build-time counter on %s',
    (today) => {
      const counter = getPatternCounter(dns!, incidents, today);
      const dates = incidents
        .filter((i) => counter.ids.includes(i.id))
        .map((i) => i.data.started.toISOString().slice(0, 10));
      expect(getCounterFigures(dates, today)).toEqual({
        daysSince: counter.daysSince,
        longestDays: counter.longestGap?.days,
        lastYear: counter.lastYear,
      });
    },
  );

  test('no past dates: no counter', () => {
    expect(getCounterFigures(['2030-01-01'], '2025-01-01')).toEqual({
      daysSince: undefined,
      longestDays: undefined,
      lastYear: 0,
    });
  });
});
