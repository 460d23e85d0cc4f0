import { expect, test } from 'vitest';
import { getMostLinked, getMostRead } from '../../src/lib/start-here.ts';
import { createIncidentSchema } from '../../src/schemas/incident.ts';

const schema = createIncidentSchema();
const make = (id: string, readers?: number) => ({
  id,
  data: schema.parse({
    title: id,
    summary: 's',
    status: 'published',
    severity: 'SEV3',
    started: '2024-01-01T00:00:00Z',
    ...(readers === undefined ? {} : { review: { readers } }),
  }),
});

test('most read: by readers, ties by id, unread left out', () => {
  const list = [make('a', 10), make('b', 300), make('c'), make('d', 10), make('e', 0)];
  expect(getMostRead(list).map((i) => i.id)).toEqual(['b', 'a', 'd']);
});

test('most linked: by related links both ways', () => {
  const list = [make('a'), make('b'), make('c')];
  const related = new Map([
    ['a', ['b']],
    ['b', ['a', 'c']],
    ['c', ['b']],
  ]);
  expect(getMostLinked(list, related, 2).map((x) => [x.incident.id, x.links])).toEqual([
    ['b', 2],
    ['a', 1],
  ]);
});
