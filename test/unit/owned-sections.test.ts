import { describe, expect, test } from 'vitest';
import { frontmatterSectionFor, placeFrontmatterSections } from '../../src/lib/owned-sections.ts';

describe('frontmatterSectionFor', () => {
  test.each([
    ['Contributing factors', 'contributingFactors'],
    ['Contributing Factors (draft)', 'contributingFactors'],
    ['What went well?', 'wentWell'],
    ['What went wrong', 'wentWrong'],
    ['Where we got lucky', 'gotLucky'],
    ['What went wellness', undefined],
    ['What happened', undefined],
  ])('%s → %s', (heading, key) => {
    expect(frontmatterSectionFor(heading)?.key).toBe(key);
  });
});

test('placeFrontmatterSections: the first level-2 heading of each list, by id', () => {
  const placed = placeFrontmatterSections([
    { depth: 2, slug: 'what-happened', text: 'What happened' },
    { depth: 3, slug: 'contributing-factors', text: 'Contributing factors' },
    { depth: 2, slug: 'contributing-factors-1', text: 'Contributing factors' },
    { depth: 2, slug: 'contributing-factors-2', text: 'Contributing factors' },
    { depth: 2, slug: 'what-went-well', text: 'What went well' },
  ]);
  expect([...placed]).toEqual([
    ['contributing-factors-1', 'contributingFactors'],
    ['what-went-well', 'wentWell'],
  ]);
});
