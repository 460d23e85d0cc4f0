import { describe, expect, test } from 'vitest';
import { getYear, groupByKeys } from '../../../src/lib/incidents.ts';
import { getHomeView } from '../../../src/lib/view/home.ts';
import { mockIncidents } from '../mock-incidents.ts';

// Newest first, as the site keeps them.
const incidents = mockIncidents([
  { id: 'c', started: '2025-03-01T00:00:00Z', tags: ['dns', 'cache'], services: ['edge'], severity: 'SEV1' },
  {
    id: 'b',
    started: '2024-06-01T00:00:00Z',
    resolved: '2024-06-01T02:00:00Z',
    tags: ['dns'],
    services: ['edge', 'api'],
  },
  { id: 'a', started: '2023-01-01T00:00:00Z', resolved: '2023-01-01T01:00:00Z', tags: ['cache'], services: ['api'] },
]);
const view = getHomeView({
  incidents,
  byTag: groupByKeys(incidents, (i) => i.data.tags),
  byService: groupByKeys(incidents, (i) => i.data.services),
  bySeverity: groupByKeys(incidents, (i) => (i.data.severity ? [i.data.severity] : [])),
  byYear: new Map([...groupByKeys(incidents, (i) => [getYear(i.data)])].reverse()),
  serviceById: new Map([['api', { name: 'API' }]]),
  serviceNames: new Map([['api', 'API']]),
  related: new Map(),
  severities: ['SEV1', 'SEV2', 'SEV3'],
});

describe('getHomeView', () => {
  test('lists unresolved incidents as ongoing', () => {
    expect(view.ongoing.map((i) => i.id)).toEqual(['c']);
  });

  test('counts every configured severity, zero included, worst first', () => {
    expect(view.severities).toEqual([
      { key: 'SEV1', count: 1 },
      { key: 'SEV2', count: 0 },
      { key: 'SEV3', count: 2 },
    ]);
  });

  test('ranks tags and services by review count, ties alphabetical, services named (id when unknown)', () => {
    expect(view.topTags).toEqual([
      { key: 'cache', count: 2 },
      { key: 'dns', count: 2 },
    ]);
    expect(view.topServices).toEqual([
      { key: 'api', count: 2, name: 'API' },
      { key: 'edge', count: 2, name: 'edge' },
    ]);
  });

  test('the start-here busiest list keeps only catalog services', () => {
    expect(view.busiestServices).toEqual([{ service: { name: 'API' }, count: 2 }]);
  });

  test('the years covered run from the oldest to the newest', () => {
    expect(view.years).toEqual({ first: '2023', last: '2025' });
    expect(getHomeView({ ...viewInputWithout(), severities: [] }).years).toBeUndefined();
  });
});

function viewInputWithout() {
  return {
    incidents: [],
    byTag: new Map(),
    byService: new Map(),
    bySeverity: new Map(),
    byYear: new Map(),
    serviceById: new Map(),
    serviceNames: new Map(),
    related: new Map(),
  };
}
