import { describe, expect, test } from 'vitest';
import { getPatternCounter } from '../../../src/lib/stats/patterns.ts';
import { getPatternView } from '../../../src/lib/view/pattern.ts';
import { mockIncidents, mockPatterns } from '../mock-incidents.ts';

const incidents = mockIncidents([
  {
    id: 'new',
    title: 'New DNS outage',
    started: '2024-05-01T00:00:00Z',
    tags: ['dns'],
    contributingFactors: [
      { description: 'TTL too long', category: 'config' },
      { description: 'No canary', category: 'process' },
    ],
    lessons: { wentWell: ['Fast rollback'], wentWrong: [], gotLucky: [] },
  },
  {
    id: 'old',
    title: 'Old DNS outage',
    started: '2024-01-01T00:00:00Z',
    services: ['resolver'],
    actionItems: [{ title: 'Lower the TTL', owner: 'ops', status: 'open', type: 'prevent' }],
  },
  { id: 'other', started: '2024-02-01T00:00:00Z', tags: ['db'] },
  { id: 'near', kind: 'near-miss', severity: undefined, started: '2024-03-01T00:00:00Z', tags: ['dns'] },
]);
const patterns = mockPatterns([{ id: 'dns', tags: ['dns'], services: ['resolver'] }]);
const incidentById = new Map(incidents.map((i) => [i.id, i]));
const counter = getPatternCounter(patterns[0]!, incidents.slice(0, 3), '2024-06-01');
const view = getPatternView({
  counter,
  patterns,
  incidentById,
  nearMisses: incidents.slice(3),
  serviceNames: new Map([['resolver', 'DNS resolver']]),
});

describe('getPatternView', () => {
  test('the matching reviews, newest first', () => {
    expect(view.incidents.map((i) => i.id)).toEqual(['new', 'old']);
  });

  test('says what it matches: tags, then service names', () => {
    expect(view.matchedBy).toEqual(['#dns', 'DNS resolver']);
  });

  test('groups factors by review and titles every line with its review', () => {
    expect(view.factorsByIncident).toEqual([
      {
        id: 'new',
        title: 'New DNS outage',
        factors: [
          { description: 'TTL too long', category: 'config' },
          { description: 'No canary', category: 'process' },
        ],
      },
    ]);
    expect(view.lessons).toEqual([
      {
        id: 'went-well',
        title: 'What went well',
        items: [{ id: 'new', item: 'Fast rollback', title: 'New DNS outage' }],
      },
    ]);
  });

  test('lists reviews with action items and the near misses the pattern matches', () => {
    expect(view.withActions.map((i) => i.id)).toEqual(['old']);
    expect(view.nearMisses.map((i) => i.id)).toEqual(['near']);
  });

  test('a counter without its pattern is a bug, not an empty page', () => {
    expect(() =>
      getPatternView({
        counter: { ...counter, id: 'gone' },
        patterns,
        incidentById,
        nearMisses: [],
        serviceNames: new Map(),
      }),
    ).toThrow(/"gone"/);
  });
});
