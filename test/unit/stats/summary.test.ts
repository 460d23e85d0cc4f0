import { describe, expect, test } from 'vitest';
import { histogram, isSmallSample, median, quantile, share, summarize, tally } from '../../../src/lib/stats/summary.ts';

describe('isSmallSample', () => {
  test.each([
    [0, false],
    [1, true],
    [4, true],
    [5, false],
  ])('%i values: %s', (n, small) => {
    expect(isSmallSample(n)).toBe(small);
  });
});

describe('quantile (type 7, linear interpolation)', () => {
  test.each([
    [[1, 2, 3, 4], 0.5, 2.5],
    // h = (4 − 1) × 0.9 = 2.7 → 3 + 0.7 × (4 − 3)
    [[4, 1, 3, 2], 0.9, 3.7],
    // h = 9 × 0.9 = 8.1 → 9 + 0.1 × (10 − 9)
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1],
    [[7], 0.9, 7],
    [[10, 20, 30], 0, 10],
    [[10, 20, 30], 1, 30],
  ])('quantile(%j, %d) = %d', (values, p, expected) => {
    expect(quantile(values, p)).toBeCloseTo(expected, 10);
  });

  test('an empty sample has no quantile', () => {
    expect(quantile([], 0.5)).toBeUndefined();
  });

  test('values that are not finite (a failed measurement) are skipped', () => {
    expect(quantile([NaN, 4, Infinity, 2], 0.5)).toBe(3);
    expect(quantile([NaN], 0.5)).toBeUndefined();
  });
});

describe('median', () => {
  test.each([
    [[3, 1, 2], 2],
    // An even count: the mean of the middle two, not the upper one.
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])('median(%j) = %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  test('an empty sample has no median', () => {
    expect(median([])).toBeUndefined();
  });
});

describe('summarize', () => {
  test('median, p90 and the incidents behind min and max', () => {
    const s = summarize([
      { id: 'c', value: 30 },
      { id: 'a', value: 10 },
      { id: 'e', value: 100 },
      { id: 'b', value: 20 },
      { id: 'd', value: 40 },
    ]);
    expect(s).toEqual({
      n: 5,
      median: 30,
      p90: 76,
      min: { id: 'a', value: 10 },
      max: { id: 'e', value: 100 },
      smallSample: false,
    });
  });

  test('fewer than five values is a small sample; ties pick the smaller id', () => {
    const s = summarize([
      { id: 'y', value: 5 },
      { id: 'x', value: 5 },
      { id: 'z', value: 1 },
      { id: 'w', value: 1 },
    ]);
    expect(s.smallSample).toBe(true);
    expect(s.min).toEqual({ id: 'w', value: 1 });
    expect(s.max).toEqual({ id: 'x', value: 5 });
    expect(s.median).toBe(3);
  });

  test('an empty sample', () => {
    expect(summarize([])).toEqual({
      n: 0,
      median: undefined,
      p90: undefined,
      min: undefined,
      max: undefined,
      smallSample: true,
    });
  });
});

describe('histogram', () => {
  test('values fall in [from, next from); the last bucket is open-ended', () => {
    const buckets = histogram(
      [
        { id: 'a', value: 0 },
        { id: 'b', value: 9.99 },
        { id: 'c', value: 10 },
        { id: 'd', value: 1000 },
      ],
      [
        { from: 0, label: '< 10' },
        { from: 10, label: '10–20' },
        { from: 20, label: '≥ 20' },
      ],
    );
    expect(buckets.map((b) => [b.label, b.count, b.ids, b.to])).toEqual([
      ['< 10', 2, ['a', 'b'], 10],
      ['10–20', 1, ['c'], 20],
      ['≥ 20', 1, ['d'], undefined],
    ]);
  });
});

describe('tally and share', () => {
  test('each item counts once per key; most frequent first, then by key', () => {
    const result = tally(
      [
        { id: '1', keys: ['b', 'b', 'a'] },
        { id: '2', keys: ['c'] },
        { id: '3', keys: ['c', 'a'] },
      ],
      (x) => x.keys,
    );
    expect(result).toEqual([
      { key: 'a', count: 2, ids: ['1', '3'] },
      { key: 'c', count: 2, ids: ['2', '3'] },
      { key: 'b', count: 1, ids: ['1'] },
    ]);
  });

  test('share of nothing is undefined, not NaN', () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 0)).toBeUndefined();
  });
});
