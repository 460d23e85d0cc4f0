import { describe, expect, test } from 'vitest';
import { getPathNav } from '../../../src/lib/view/path-nav.ts';

const review = (id: string) => ({ incident: { id, data: { title: `Review ${id}` } } });
const paths = [
  { id: 'dns', data: { title: 'DNS basics' }, steps: [review('a'), review('b'), review('c')] },
  { id: 'solo', data: { title: 'One stop' }, steps: [review('b')] },
];

describe('getPathNav', () => {
  test('every path a review is in, with the titled steps around it', () => {
    expect(getPathNav('b', paths)).toEqual([
      {
        pathId: 'dns',
        pathTitle: 'DNS basics',
        step: 2,
        total: 3,
        previous: { id: 'a', title: 'Review a' },
        next: { id: 'c', title: 'Review c' },
      },
      { pathId: 'solo', pathTitle: 'One stop', step: 1, total: 1, previous: undefined, next: undefined },
    ]);
  });

  test('a review in no path has no navigation', () => {
    expect(getPathNav('z', paths)).toEqual([]);
  });
});
