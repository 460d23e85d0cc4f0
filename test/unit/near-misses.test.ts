import { describe, expect, test } from 'vitest';
import { getNearMissRatios, getReviewLabel, isNearMiss, splitNearMisses } from '../../src/lib/near-misses.ts';
import { mockIncidents } from './mock-incidents.ts';

const reviews = mockIncidents([
  { id: 'a-2023', started: '2023-05-01T10:00:00Z' },
  { id: 'nm-2023', kind: 'near-miss', severity: undefined, started: '2023-12-31T23:59:00Z' },
  { id: 'b-2024', started: '2024-01-01T00:00:00Z' },
  { id: 'c-2024', started: '2024-06-01T00:00:00Z' },
  { id: 'nm2-2024', kind: 'near-miss', severity: undefined, started: '2024-03-01T00:00:00Z' },
  { id: 'nm1-2024', kind: 'near-miss', started: '2024-02-01T00:00:00Z' },
  { id: 'nm-2025', kind: 'near-miss', severity: undefined, started: '2025-01-01T00:00:00Z' },
]);

describe('near misses', () => {
  test('kind decides, severity does not', () => {
    expect(reviews.map((r) => isNearMiss(r.data))).toEqual([false, true, false, false, true, true, true]);
    const { incidents, nearMisses } = splitNearMisses(reviews);
    expect(incidents.map((r) => r.id)).toEqual(['a-2023', 'b-2024', 'c-2024']);
    expect(nearMisses.map((r) => r.id)).toEqual(['nm-2023', 'nm2-2024', 'nm1-2024', 'nm-2025']);
  });

  test.each([
    ['incident', 'SEV2', 'SEV2'],
    ['near-miss', undefined, 'Near miss'],
    ['near-miss', 'SEV3', 'Near miss · SEV3'],
  ] as const)('a %s with severity %s is labelled %s', (kind, severity, label) => {
    expect(getReviewLabel({ kind, severity })).toBe(label);
  });

  test('ratio per UTC year: 1/1 in 2023, 2/2 in 2024, none to divide by in 2025', () => {
    expect(getNearMissRatios(reviews)).toEqual([
      { year: '2023', incidents: 1, nearMisses: 1, ratio: 1, ids: ['nm-2023'] },
      { year: '2024', incidents: 2, nearMisses: 2, ratio: 1, ids: ['nm1-2024', 'nm2-2024'] },
      { year: '2025', incidents: 0, nearMisses: 1, ratio: undefined, ids: ['nm-2025'] },
    ]);
    expect(getNearMissRatios(reviews.slice(2, 4))).toEqual([
      { year: '2024', incidents: 2, nearMisses: 0, ratio: 0, ids: [] },
    ]);
  });
});
