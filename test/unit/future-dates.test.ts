import { expect, test } from 'vitest';
import { findFutureStamps } from '../../src/lib/future-dates.ts';
import { computeStats } from '../../src/lib/stats/index.ts';
import { mockIncidents } from './mock-incidents.ts';

test('stamps more than a day after today are found, raw or parsed', () => {
  const found = findFutureStamps(
    { started: '2024-03-05T14:02:00Z', resolved: new Date('2204-03-05T15:00:00Z'), timeline: [{ at: '2025-01-01T00:00:00Z' }, { at: '2024-11-22T10:00:00Z' }] },
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
  expect(stats.futureDated).toEqual([expect.objectContaining({ id: 'typo', field: 'resolved', value: '2204-03-05T15:00:00.000Z' })]);
  expect(stats.durations.overall.metrics.toResolve.median).toBe(60 * 60_000);
});
