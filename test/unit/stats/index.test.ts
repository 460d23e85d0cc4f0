import { describe, expect, test } from 'vitest';
import { toIncidentRecord } from '../../../src/lib/incident-records.ts';
import { computeStats } from '../../../src/lib/stats/index.ts';
import { mockIncidents, mockPatterns } from '../mock-incidents.ts';

const incidents = mockIncidents([
  {
    id: 'a',
    started: '2024-03-05T14:02:00Z',
    detected: '2024-03-05T14:09:00Z',
    resolved: '2024-03-05T15:40:00Z',
    tags: ['dns'],
    timeline: [
      { at: '2024-03-05T15:10:00Z', event: 'Rolled back', kind: 'mitigation' },
      { at: '2024-03-05T14:09:00Z', event: 'Alert', kind: 'detection' },
    ],
  },
  { id: 'b', started: '2024-06-01T00:00:00Z', tags: ['db'] },
]);
const patterns = mockPatterns([
  { id: 'certs', label: 'A certificate expired', tags: ['certificate-expiry'] },
  { id: 'zz-db', label: 'The database', tags: ['db'] },
  { id: 'dns', label: 'It was DNS', tags: ['dns'] },
]);

describe('computeStats', () => {
  const stats = computeStats(incidents, patterns, {
    today: '2024-07-01',
    severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
    reviewDueBusinessDays: 10,
    showResponderNames: true,
  });

  test('is plain JSON: what /api/stats.json publishes is the same object', () => {
    // No Dates, Maps or Sets anywhere, so JSON.stringify loses nothing; undefined fields just drop.
    const hasSpecial = (v: unknown): boolean =>
      v instanceof Date ||
      v instanceof Map ||
      v instanceof Set ||
      (typeof v === 'object' && v !== null && Object.values(v).some(hasSpecial));
    expect(hasSpecial(stats)).toBe(false);
  });

  test('wires every part together as of today', () => {
    expect(stats.today).toBe('2024-07-01');
    expect(stats.incidents).toBe(2);
    // Most recent first (db 30 days, dns 118), never-seen last.
    expect(stats.patterns.map((p) => [p.id, p.daysSince])).toEqual([
      ['zz-db', 30],
      ['dns', 118],
      ['certs', undefined],
    ]);
    expect(stats.patterns[1]).toMatchObject({ lastDate: '2024-03-05' });
    expect(stats.days).toEqual([
      { id: 'a', title: 'a', date: '2024-03-05' },
      { id: 'b', title: 'b', date: '2024-06-01' },
    ]);
    expect(stats.durations.overall.metrics.toResolve.n).toBe(1);
    expect(stats.completeness.total).toBe(2);
  });
});

describe('incident records for /api/incidents.json', () => {
  test('ISO timestamps, sorted timeline, durations in ms (null when unknown)', () => {
    const record = toIncidentRecord(incidents[0]!, (id) => `/incidents/${id}/`);
    expect(record).toMatchObject({
      id: 'a',
      url: '/incidents/a/',
      started: '2024-03-05T14:02:00.000Z',
      resolved: '2024-03-05T15:40:00.000Z',
      mitigated: undefined,
      durations: { toDetect: 7 * 60_000, toMitigate: null, toResolve: 98 * 60_000 },
    });
    expect(record.timeline.map((e) => e.at)).toEqual(['2024-03-05T14:09:00.000Z', '2024-03-05T15:10:00.000Z']);
    expect((JSON.parse(JSON.stringify(record)) as typeof record).durations.toMitigate).toBeNull();
  });
});

describe('computeStats with a near miss', () => {
  const withNearMiss = [
    ...incidents,
    ...mockIncidents([
      {
        id: 'nm',
        kind: 'near-miss',
        severity: undefined,
        started: '2024-06-20T00:00:00Z',
        resolved: '2024-06-21T00:00:00Z',
        tags: ['dns'],
      },
    ]),
  ];
  const stats = computeStats(withNearMiss, patterns, {
    today: '2024-07-01',
    severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
    reviewDueBusinessDays: 10,
    showResponderNames: true,
  });

  test('never resets a "days since" counter: DNS still counts from a (5 Mar → 1 Jul = 118 days)', () => {
    const dns = stats.patterns.find((p) => p.id === 'dns')!;
    expect([dns.daysSince, dns.lastId, dns.ids]).toEqual([118, 'a', ['a']]);
  });

  test('stays out of durations and volume, and counts in the yearly ratio (1 near miss to 2 incidents)', () => {
    expect(stats.durations.overall.metrics.toResolve.n).toBe(1);
    expect(stats.volume.total).toBe(2);
    expect(stats.nearMisses).toEqual({
      total: 1,
      perYear: [{ year: '2024', incidents: 2, nearMisses: 1, ratio: 0.5, ids: ['nm'] }],
    });
  });
});
