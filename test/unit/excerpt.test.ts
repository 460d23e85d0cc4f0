import { describe, expect, test } from 'vitest';
import { tidyExcerpt } from '../../src/lib/excerpt.ts';

describe('tidyExcerpt', () => {
  test.each([
    ['starts at a sentence', 'The <mark>resolver</mark> failed.', 'The <mark>resolver</mark> failed.'],
    [
      'drops the tail of the sentence before',
      'got here. Then the <mark>resolver</mark> failed.',
      'Then the <mark>resolver</mark> failed.',
    ],
    [
      'keeps a match that sits in the tail, behind an ellipsis',
      'the <mark>resolver</mark> got here. Then it failed.',
      '…the <mark>resolver</mark> got here. Then it failed.',
    ],
    [
      'no sentence end at all',
      'and then the <mark>resolver</mark> failed',
      '…and then the <mark>resolver</mark> failed',
    ],
    [
      'a sentence after a quote or question',
      'was it "down?" Yes, the <mark>pool</mark> was.',
      'Yes, the <mark>pool</mark> was.',
    ],
    [
      'a sentence starting with a number',
      'it ended. 12 percent of <mark>checkout</mark> failed.',
      '12 percent of <mark>checkout</mark> failed.',
    ],
    [
      'a match at the start',
      '<mark>resolver</mark> timeouts. Then more.',
      '…<mark>resolver</mark> timeouts. Then more.',
    ],
    ['a capitalised match at the start', '<mark>Resolver</mark> timeouts.', '<mark>Resolver</mark> timeouts.'],
    ['no excerpt', '', ''],
    ['leading spaces', '  Retire the <mark>cache</mark>.', 'Retire the <mark>cache</mark>.'],
    [
      'a decimal point is not a sentence end',
      'rose to 2.5 s. The <mark>pool</mark> drained.',
      'The <mark>pool</mark> drained.',
    ],
  ])('%s', (_name, html, expected) => {
    expect(tidyExcerpt(html)).toBe(expected);
  });
});
