import { describe, expect, test } from 'vitest';
import { getVolumeStats } from '../../../src/lib/stats/volume.ts';
import { mockIncidents } from '../mock-incidents.ts';

const incidents = mockIncidents([
  {
    id: 'a',
    severity: 'SEV2',
    started: '2024-01-31T23:30:00-01:00',
    services: ['api'],
    tags: ['dns'],
    detection: { method: 'alert' },
  },
  {
    id: 'b',
    severity: 'SEV1',
    started: '2024-02-10T00:00:00Z',
    services: ['api', 'db'],
    tags: ['dns', 'db'],
    detection: { method: 'customer-report' },
  },
  { id: 'c', severity: 'SEV2', started: '2024-02-11T00:00:00Z', services: ['db'], detection: { method: 'alert' } },
  { id: 'd', severity: 'SEV2', started: '2024-05-01T00:00:00Z', detection: { method: 'synthetic' } },
  { id: 'e', severity: 'SEV4', started: '2024-05-02T00:00:00Z' },
]);

describe('volume', () => {
  const v = getVolumeStats(incidents, ['SEV1', 'SEV2', 'SEV3', 'SEV4']);

  test('per UTC month and severity; empty cells left out', () => {
    // a starts 2024-02-01 00:30 UTC.
    expect(v.perMonth.map((c) => [c.month, c.severity, c.count])).toEqual([
      ['2024-02', 'SEV1', 1],
      ['2024-02', 'SEV2', 2],
      ['2024-05', 'SEV2', 1],
      ['2024-05', 'SEV4', 1],
    ]);
    expect(v.span).toEqual({ from: '2024-02', to: '2024-05' });
  });

  test('per service, tag and detection method', () => {
    expect(v.perService.map((t) => [t.key, t.count])).toEqual([
      ['api', 2],
      ['db', 2],
    ]);
    expect(v.perTag.map((t) => [t.key, t.count])).toEqual([
      ['dns', 2],
      ['db', 1],
    ]);
    expect(v.perDetection.map((t) => [t.key, t.count])).toEqual([
      ['alert', 2],
      ['customer-report', 1],
      ['synthetic', 1],
      ['unknown', 1],
    ]);
  });

  test('shares of customers vs alerts are of incidents whose method is known', () => {
    expect(v.detectedBy).toEqual({ known: 4, customer: 1, alert: 2, customerShare: 0.25, alertShare: 0.5 });
  });

  test('no incidents', () => {
    const empty = getVolumeStats([], ['SEV1']);
    expect(empty.span).toBeUndefined();
    expect(empty.detectedBy.customerShare).toBeUndefined();
  });
});
