import { describe, expect, test } from 'vitest';
import { cacheKeyOf, frontmatterOf, stableText } from '../../src/lib/cache-key.ts';

const entry = (digest: string, data: object = { title: 'A' }) => ({
  id: 'a',
  collection: 'incidents',
  digest,
  data,
  body: 'text',
});

describe('stableText', () => {
  test.each([
    ['object keys in any order', { b: 1, a: [2, 'x'] }, { a: [2, 'x'], b: 1 }],
    ['undefined properties dropped', { a: 1, b: undefined }, { a: 1 }],
    ['a Date as its instant', new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00.000+00:00')],
    ['an entry by its digest, whatever its data', entry('d1', { title: 'A' }), entry('d1', { title: 'B' })],
  ])('equal: %s', (_, a, b) => {
    expect(stableText(a)).toBe(stableText(b));
  });

  test.each([
    ['different values', { a: 1 }, { a: 2 }],
    ['arrays in a different order', [1, 2], [2, 1]],
    ['a Map with another value', new Map([['a', 1]]), new Map([['a', 2]])],
    ['a Set with another member', new Set(['a']), new Set(['b'])],
    ['a Map and a plain object', new Map([['a', 1]]), { a: 1 }],
    ['entries with different digests', entry('d1'), entry('d2')],
    ['a string and a number', '1', 1],
    ['null and an empty string', null, ''],
  ])('different: %s', (_, a, b) => {
    expect(stableText(a)).not.toBe(stableText(b));
  });
});

describe('cacheKeyOf', () => {
  test('is the same for the same parts and changes with any part', () => {
    expect(cacheKeyOf('site', [1, 2])).toBe(cacheKeyOf('site', [1, 2]));
    expect(cacheKeyOf('site', [1, 2])).not.toBe(cacheKeyOf('site', [1, 3]));
    expect(cacheKeyOf('site', [1, 2])).not.toBe(cacheKeyOf('other', [1, 2]));
    expect(cacheKeyOf('ab', 'c')).not.toBe(cacheKeyOf('a', 'bc'));
  });
});

describe('frontmatterOf', () => {
  test('follows the frontmatter and ignores the body and digest', () => {
    const edited = { ...entry('d2', { title: 'A' }), body: 'other' };
    expect(frontmatterOf(entry('d1', { title: 'A' }))).toBe(frontmatterOf(edited));
    expect(frontmatterOf(entry('d1', { title: 'A' }))).not.toBe(frontmatterOf(entry('d1', { title: 'B' })));
  });
});
