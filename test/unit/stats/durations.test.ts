import { describe, expect, test } from 'vitest';
import { getDurationStats, getSamples } from '../../../src/lib/stats/durations.ts';
import { mockIncidents } from '../mock-incidents.ts';

const MIN = 60_000;
const at = (minutes: number) => new Date(Date.parse('2024-05-01T10:00:00Z') + minutes * MIN).toISOString();

// Time to resolve (min): a 20, b 45, c 90, d 600, e 4000 (2024); f ongoing, g 10 (2023).
const incidents = mockIncidents([
  { id: 'a', severity: 'SEV1', started: at(0), detected: at(5), resolved: at(20) },
  { id: 'b', severity: 'SEV2', started: at(0), detected: at(1), mitigated: at(30), resolved: at(45) },
  { id: 'c', severity: 'SEV2', started: at(0), resolved: at(90) },
  { id: 'd', severity: 'SEV3', started: at(0), detected: at(60), resolved: at(600) },
  { id: 'e', severity: 'SEV3', started: at(0), resolved: at(4000) },
  { id: 'f', severity: 'SEV3', started: at(0) },
  { id: 'g', severity: 'SEV3', started: '2023-02-01T00:00:00Z', resolved: '2023-02-01T00:10:00Z' },
]);

describe('durations', () => {
  const stats = getDurationStats(incidents, ['SEV1', 'SEV2', 'SEV3', 'SEV4']);

  test('missing stamps are skipped, not counted as zero', () => {
    expect(getSamples(incidents, 'toDetect').map((s) => [s.id, s.value / MIN])).toEqual([
      ['a', 5],
      ['b', 1],
      ['d', 60],
    ]);
  });

  test('overall time to resolve: median and p90 by hand', () => {
    const r = stats.overall.metrics.toResolve;
    // Sorted: 10, 20, 45, 90, 600, 4000 → median (45 + 90) / 2; p90: h = 5 × 0.9 = 4.5 → 600 + 0.5 × 3400.
    expect(r.n).toBe(6);
    expect(r.median! / MIN).toBe(67.5);
    expect(r.p90! / MIN).toBe(2300);
    expect(r.min).toEqual({ id: 'g', value: 10 * MIN });
    expect(r.max).toEqual({ id: 'e', value: 4000 * MIN });
    expect(r.smallSample).toBe(false);
    expect(stats.overall.incidents).toBe(7);
  });

  test('per severity in configured order, empty levels included and flagged', () => {
    expect(
      stats.bySeverity.map((g) => [g.key, g.incidents, g.metrics.toResolve.n, g.metrics.toResolve.median! / MIN]),
    ).toEqual([
      ['SEV1', 1, 1, 20],
      ['SEV2', 2, 2, 67.5],
      // d 600, e 4000, g 10 → median 600; f is ongoing.
      ['SEV3', 4, 3, 600],
      ['SEV4', 0, 0, NaN],
    ]);
    expect(stats.bySeverity.every((g) => g.metrics.toResolve.smallSample)).toBe(true);
  });

  test('per year, newest first', () => {
    expect(stats.byYear.map((g) => [g.key, g.incidents, g.metrics.toResolve.n])).toEqual([
      ['2024', 6, 5],
      ['2023', 1, 1],
    ]);
  });

  test('histogram buckets widen with duration', () => {
    const counts = Object.fromEntries(stats.histograms.toResolve.map((b) => [b.label, b.ids]));
    expect(counts).toEqual({
      '< 15 min': ['g'],
      '15–30 min': ['a'],
      '30–60 min': ['b'],
      '1–2 h': ['c'],
      '2–4 h': [],
      '4–8 h': [],
      '8–24 h': ['d'],
      '1–3 d': ['e'],
      '≥ 3 d': [],
    });
  });
});
