import { describe, expect, test } from 'vitest';
import { suggestRelated, tfidfVectors, tokenize, type RelatedInput } from '../../src/lib/related.ts';

const item = (id: string, fields: Partial<RelatedInput> = {}): RelatedInput => ({
  id,
  services: [],
  tags: [],
  categories: [],
  text: '',
  ...fields,
});

describe('tokenize and tf-idf', () => {
  test('lowercase words of 3+ letters without stopwords', () => {
    expect(tokenize('The DNS resolver was slow; a TTL of 5s and the BGP routes.')).toEqual([
      'dns',
      'resolver',
      'slow',
      'ttl',
      'bgp',
      'routes',
    ]);
  });
  test('a term in every document weighs nothing; vectors are unit length', () => {
    const [a] = tfidfVectors([tokenize('resolver canary resolver'), tokenize('canary database')]);
    expect(a!.has('canary')).toBe(false);
    expect(a!.get('resolver')).toBeCloseTo(1);
  });
});

describe('suggestRelated', () => {
  test('ranks by shared services, tags, categories and wording, with reasons', () => {
    const items = [
      item('a', {
        services: ['edge-dns'],
        tags: ['dns', 'config-change'],
        categories: ['change-management'],
        text: 'resolver canary rollout resolver',
      }),
      item('b', { services: ['edge-dns'], tags: ['config-change'], text: 'resolver canary outage' }),
      item('c', { tags: ['dns'] }),
      item('d', { services: ['payments-db'], text: 'database vacuum' }),
      item('e', { categories: ['change-management'] }),
    ];
    const suggestions = suggestRelated(items);
    const forA = suggestions.get('a')!;
    expect(forA.map((s) => s.id)).toEqual(['b', 'c']);
    expect(forA[0]!.reasons).toEqual([
      'same service: edge-dns',
      'both tagged config-change',
      expect.stringMatching(/^similar wording: (resolver|canary)/),
    ]);
    expect(forA[1]).toEqual({ id: 'c', score: 2, reasons: ['both tagged dns'] });
    // One shared category alone (score 1) is below the threshold.
    expect(suggestions.get('e')).toEqual([]);
    expect(suggestions.get('d')).toEqual([]);
  });

  test('keeps at most `limit` suggestions', () => {
    const items = Array.from({ length: 10 }, (_, i) => item(`i${i}`, { tags: ['dns'] }));
    expect(
      suggestRelated(items, 3)
        .get('i0')!
        .map((s) => s.id),
    ).toEqual(['i1', 'i2', 'i3']);
  });

  test('a key shared by hundreds of reviews does not gather candidates, but still counts in the score', () => {
    const items = Array.from({ length: 300 }, (_, i) => item(`i${String(i).padStart(3, '0')}`, { services: ['core'] }));
    items.push(item('x', { services: ['core'], tags: ['rare'] }), item('y', { services: ['core'], tags: ['rare'] }));
    const forX = suggestRelated(items).get('x')!;
    expect(forX[0]).toEqual({ id: 'y', score: 5, reasons: ['same service: core', 'both tagged rare'] });
  });
});
