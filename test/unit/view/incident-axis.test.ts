import { describe, expect, test } from 'vitest';
import { getAxisFilters } from '../../../src/lib/incident-axis.ts';
import { getIncidentAxisView } from '../../../src/lib/view/incident-axis.ts';
import { mockIncidents, mockPatterns } from '../mock-incidents.ts';

const incidents = mockIncidents([
  {
    id: 'b',
    started: '2024-03-02T00:00:00Z',
    resolved: '2024-03-02T01:30:00Z',
    severity: 'SEV1',
    services: ['api', 'ghost'],
    tags: ['dns'],
  },
  { id: 'a', started: '2024-01-05T00:00:00Z', severity: 'SEV4', tags: ['db'] },
]);
const patterns = mockPatterns([{ id: 'dns', label: 'It was DNS', tags: ['dns'] }]);
const serviceNames = new Map([['api', 'API']]);
const filters = getAxisFilters(incidents, serviceNames, patterns);
const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const input = { incidents, filters, filter: undefined, patterns, serviceNames, severities };

describe('getIncidentAxisView', () => {
  test('every incident on the axis, with its rank, time to resolve, named services and patterns', () => {
    const view = getIncidentAxisView(input);
    expect(view.rows.map((r) => (r.kind === 'month' ? r.key : r.label))).toEqual([
      '2024-03',
      'No incidents for 1 month',
      '2024-01',
    ]);
    const [b, a] = view.rows.flatMap((r) => (r.kind === 'month' ? r.incidents : []));
    expect(b).toMatchObject({
      colour: 1,
      toResolve: 90 * 60_000,
      services: [
        { id: 'api', name: 'API' },
        { id: 'ghost', name: 'ghost' },
      ],
      patterns: [{ id: 'dns', label: 'It was DNS' }],
    });
    // The mildest level; unresolved, so no time to resolve.
    expect(a).toMatchObject({ colour: 4, toResolve: undefined, patterns: [] });
  });

  test('a filter keeps only its incidents', () => {
    const filter = filters.find((f) => f.kind === 'tag' && f.value === 'db');
    expect(getIncidentAxisView({ ...input, filter }).incidents.map((i) => i.id)).toEqual(['a']);
  });

  test('the filter menu is grouped services, tags, patterns', () => {
    expect(getIncidentAxisView(input).groups.map((g) => [g.title, g.filters.map((f) => f.label)])).toEqual([
      ['Services', ['API', 'ghost']],
      ['Tags', ['#db', '#dns']],
      ['Patterns', ['It was DNS']],
    ]);
  });
});
