import { describe, expect, test } from 'vitest';
import {
  getDependents,
  getDurations,
  getRelatedBothWays,
  getYear,
  groupByKeys,
  isOngoing,
  isOverdue,
  sortNewestFirst,
  type IncidentLike,
} from '../../src/lib/incidents.ts';
import { idFromPath } from '../../src/lib/content-ids.ts';
import { createIncidentSchema } from '../../src/schemas/incident.ts';

const schema = createIncidentSchema();

/** Builds validated incidents from the few fields a test cares about. */
function mockIncidents(items: ({ id: string } & Record<string, unknown>)[]): IncidentLike[] {
  return items.map(({ id, ...fields }) => ({
    id,
    data: schema.parse({
      title: id,
      summary: 's',
      status: 'published',
      severity: 'SEV3',
      started: '2024-01-01T00:00:00Z',
      ...fields,
    }),
  }));
}

describe('incidents', () => {
  test('durations are measured from started; missing stamps stay undefined', () => {
    const [a] = mockIncidents([
      {
        id: 'a',
        started: '2024-01-01T10:00:00Z',
        detected: '2024-01-01T10:07:00Z',
        resolved: '2024-01-01T11:00:00+01:00',
      },
    ]);
    expect(getDurations(a!.data)).toEqual({ toDetect: 7 * 60_000, toMitigate: undefined, toResolve: 0 });
    expect(isOngoing(a!.data)).toBe(false);
  });

  test('newest first, ties by id', () => {
    const list = mockIncidents([
      { id: 'b', started: '2024-01-01T00:00:00Z' },
      { id: 'c', started: '2025-01-01T00:00:00Z' },
      { id: 'a', started: '2024-01-01T00:00:00Z' },
    ]);
    expect(sortNewestFirst(list).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });

  test('groupByKeys sorts keys and counts an item once per key', () => {
    const list = mockIncidents([
      { id: 'a', tags: ['dns', 'dns', 'bgp'] },
      { id: 'b', tags: ['dns'] },
    ]);
    const groups = groupByKeys(list, (i) => i.data.tags);
    expect([...groups.keys()]).toEqual(['bgp', 'dns']);
    expect(groups.get('dns')!.map((i) => i.id)).toEqual(['a', 'b']);
  });

  test('year is the UTC year of started', () => {
    const [a] = mockIncidents([{ id: 'a', started: '2024-12-31T23:30:00-02:00' }]);
    expect(getYear(a!.data)).toBe('2025');
  });

  test.each([
    ['open', '2024-04-29', true],
    ['in-progress', '2024-04-29', true],
    ['open', '2024-04-30', false],
    ['open', '2024-05-01', false],
    ['wont-do', '2020-01-01', false],
    ['done', '2020-01-01', false],
    ['open', undefined, false],
  ] as const)('%s due %s is overdue on 2024-04-30: %s', (status, due, expected) => {
    expect(isOverdue(due ? { status, due } : { status }, '2024-04-30')).toBe(expected);
  });

  test('related links show both ways and ignore unknown ids', () => {
    const list = mockIncidents([{ id: 'a', related: ['b', 'ghost', 'a'] }, { id: 'b' }, { id: 'c', related: ['a'] }]);
    expect(Object.fromEntries(getRelatedBothWays(list))).toEqual({ a: ['b', 'c'], b: ['a'], c: ['a'] });
  });

  test('dependents', () => {
    const services = [
      { id: 'api', data: { dependsOn: ['db', 'dns'] } },
      { id: 'web', data: { dependsOn: ['api'] } },
      { id: 'db', data: { dependsOn: [] } },
    ];
    expect(getDependents('api', services)).toEqual(['web']);
    expect(getDependents('db', services)).toEqual(['api']);
  });

  test.each([
    ['2024-03-05-x.mdx', '2024-03-05-x'],
    ['2024-03-05-x/index.mdx', '2024-03-05-x'],
    ['2026/Q1 Big Outage.md', '2026/q1-big-outage'],
  ])('id of %s is %s', (entry, id) => {
    expect(idFromPath(entry)).toBe(id);
  });
});
