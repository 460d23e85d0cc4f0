import { expect, test } from 'vitest';
import { findFutureStamps, getPlausibleDurations } from '../../src/lib/future-dates.ts';
import { computeStats } from '../../src/lib/stats/index.ts';
import { mockIncidents } from './mock-incidents.ts';

test('stamps more than a day after today are found, raw or parsed', () => {
  const found = findFutureStamps(
    {
      started: '2024-03-05T14:02:00Z',
      resolved: new Date('2204-03-05T15:00:00Z'),
      timeline: [{ at: '2025-01-01T00:00:00Z' }, { at: '2024-11-22T10:00:00Z' }],
    },
    '2024-11-21',
  );
  expect(found.map((f) => f.field)).toEqual(['resolved', 'timeline[0].at']);
});

test('insights leave a future-dated review out of every figure, and say so', () => {
  const incidents = mockIncidents([
    { id: 'ok', started: '2024-03-05T14:00:00Z', resolved: '2024-03-05T15:00:00Z' },
    { id: 'typo', started: '2024-03-05T14:00:00Z', resolved: '2204-03-05T15:00:00Z' },
  ]);
  const stats = computeStats(incidents, [], {
    today: '2024-11-21',
    severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
    reviewDueBusinessDays: 10,
    showResponderNames: false,
  });
  expect(stats.incidents).toBe(1);
  expect(stats.futureDated).toEqual([
    expect.objectContaining({ id: 'typo', field: 'resolved', value: '2204-03-05T15:00:00.000Z' }),
  ]);
  expect(stats.durations.overall.metrics.toResolve.median).toBe(60 * 60_000);
});

test("a review page's durations leave out those that start or end at a future stamp, and name the stamps", () => {
  const at = (iso: string) => new Date(iso);
  const typo = getPlausibleDurations(
    {
      started: at('2024-03-05T14:00:00Z'),
      detected: at('2024-03-05T14:10:00Z'),
      mitigated: at('2024-03-05T15:00:00Z'),
      resolved: at('2204-03-05T15:00:00Z'),
    },
    '2024-11-21',
  );
  expect(typo.durations).toEqual({ toDetect: 10 * 60_000, toMitigate: 60 * 60_000, toResolve: undefined });
  expect(typo.future.map((f) => `${f.field} ${f.value}`)).toEqual(['resolved 2204-03-05T15:00:00.000Z']);
  // A future start makes every duration meaningless.
  const late = getPlausibleDurations(
    {
      started: at('2204-03-05T14:00:00Z'),
      detected: at('2204-03-05T14:10:00Z'),
      mitigated: undefined,
      resolved: undefined,
    },
    '2024-11-21',
  );
  expect(late.durations).toEqual({ toDetect: undefined, toMitigate: undefined, toResolve: undefined });
  expect(late.future.map((f) => f.field)).toEqual(['started', 'detected']);
  // Within the grace day nothing is hidden.
  const today = getPlausibleDurations(
    {
      started: at('2024-11-21T23:00:00Z'),
      detected: undefined,
      mitigated: undefined,
      resolved: at('2024-11-22T01:00:00Z'),
    },
    '2024-11-21',
  );
  expect(today).toEqual({
    durations: { toDetect: undefined, toMitigate: undefined, toResolve: 2 * 3600_000 },
    future: [],
  });
});
