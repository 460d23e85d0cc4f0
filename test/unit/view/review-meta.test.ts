import { describe, expect, test } from 'vitest';
import { getKeyFacts, getSearchMeta } from '../../../src/lib/view/review-meta.ts';
import { mockIncidents } from '../mock-incidents.ts';

const [review] = mockIncidents([
  {
    id: 'a',
    started: '2024-03-05T14:00:00Z',
    detected: '2024-03-05T14:10:00Z',
    severity: 'SEV2',
    services: ['api', 'ghost'],
    tags: ['dns'],
    participants: [{ name: 'Ana', role: 'responder', team: 'payments' }],
  },
]);
const data = review!.data;

const TODAY = '2026-11-21';

describe('getKeyFacts', () => {
  test('each stamp with the time since impact; a missing one has neither', () => {
    const { stamps } = getKeyFacts(data, {}, TODAY);
    expect(stamps.map((s) => [s.label, s.at?.toISOString(), s.after, s.what])).toEqual([
      ['Started', '2024-03-05T14:00:00.000Z', undefined, undefined],
      ['Detected', '2024-03-05T14:10:00.000Z', 600_000, 'to detect'],
      ['Mitigated', undefined, undefined, 'to mitigate'],
      ['Resolved', undefined, undefined, 'to resolve'],
    ]);
  });

  test('a stamp after the build date (a mistyped year) has no duration, and the note says which and why', () => {
    const typo = { ...data, mitigated: new Date('2024-03-05T15:00:00Z'), resolved: new Date('2204-03-05T15:00:00Z') };
    const facts = getKeyFacts(typo, {}, TODAY);
    expect(facts.stamps.map((s) => s.after)).toEqual([undefined, 600_000, 3_600_000, undefined]);
    expect(facts.futureNote).toBe(
      'Resolved 2204-03-05 lies after this site was built (2026-11-21): probably a mistyped year, so the durations that depend on it are not shown.',
    );
    expect(getKeyFacts(data, {}, TODAY).futureNote).toBeUndefined();
  });

  test('local page time only for responder teams with configured hours', () => {
    expect(getKeyFacts(data, {}, TODAY).paged).toEqual([]);
    const teams = { payments: { timeZone: 'Europe/Berlin', hours: '09:00-18:00' } };
    expect(getKeyFacts(data, teams, TODAY).paged.map((p) => [p.team, p.clock])).toEqual([['payments', '15:10']]);
  });
});

describe('getSearchMeta', () => {
  const search = getSearchMeta(data, new Map([['api', 'API']]), ['SEV1', 'SEV2', 'SEV3']);

  test('result metadata names services, unknown ids as they are', () => {
    expect(search.meta).toEqual(['date:5 Mar 2024', 'severity:SEV2', 'severity_rank:2', 'services:API, ghost']);
  });

  test('filters per facet and numeric sort keys', () => {
    expect(search.filters).toContain('service:API');
    expect(search.filters).toContain('tag:dns');
    expect(search.sorts).toEqual(['date:2024-03-05T14:00:00.000Z', 'severity:2']);
  });

  test('a near miss has no severity metadata', () => {
    const [nearMiss] = mockIncidents([{ id: 'n', kind: 'near-miss', severity: undefined }]);
    expect(getSearchMeta(nearMiss!.data, new Map(), ['SEV1']).meta.some((m) => m.startsWith('severity:'))).toBe(false);
  });
});
