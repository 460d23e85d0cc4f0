import { expect, test } from 'vitest';
import { formatDays, formatMaybeDuration, formatPercent, formatRatio } from '../../../src/lib/stats/format-stats.ts';

test.each([
  [formatPercent(0.375), '38%'],
  [formatPercent(1 / 3), '33%'],
  [formatPercent(undefined), '—'],
  [formatDays(1), '1 day'],
  [formatDays(0), '0 days'],
  [formatDays(11.5), '11.5 days'],
  [formatDays(undefined), '—'],
  [formatMaybeDuration(67.5 * 60_000), '1 h 08 min'],
  [formatMaybeDuration(undefined), '—'],
  [formatRatio(2 / 3), '0.67'],
  [formatRatio(1), '1'],
  [formatRatio(undefined), '—'],
])('%s is %s', (actual, expected) => {
  expect(actual).toBe(expected);
});
