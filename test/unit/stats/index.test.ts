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
      v instanceof Date || v instanceof Map || v instanceof Set || (typeof v === 'object' && v !== null && Object.values(v).some(hasSpecial));
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
