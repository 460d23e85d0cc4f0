import { expect, test } from 'vitest';
import { thinTickLabels } from '../../src/lib/axis-ticks.ts';

const ticks = (spacing: number, width: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ x: i * spacing, width }));

test.each([
  ['labels with room keep every tick', ticks(100, 60, 5), [0, 1, 2, 3, 4]],
  ['labels wider than their spacing keep every other', ticks(45, 60, 7), [0, 2, 4, 6]],
  ['much wider labels keep every third', ticks(30, 70, 10), [0, 3, 6, 9]],
  ['a single label is kept', ticks(10, 100, 1), [0]],
  ['no labels', [], []],
])('%s', (_, labels, kept) => {
  expect(thinTickLabels(labels)).toEqual(kept);
});

test('kept neighbours are at least the gap apart', () => {
  const labels = ticks(44.5, 60, 14);
  const kept = thinTickLabels(labels, 8).map((i) => labels[i]!);
  for (let i = 1; i < kept.length; i += 1) expect(kept[i]!.x - kept[i - 1]!.x - 60).toBeGreaterThanOrEqual(8);
});
