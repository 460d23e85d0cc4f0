import { describe, expect, test } from 'vitest';
import { isPlainMarkdown } from '../../src/lib/plain-markdown.ts';

describe('isPlainMarkdown', () => {
  test.each([
    ['headings, lists, emphasis', '## Detection\n\nThe **alert** fired.\n\n- one\n- two\n'],
    ['code spans with braces and tags', 'Set `limit: {max: 5}` and `<br>` in config.\n'],
    ['a fenced block with JSX-looking text', '```mermaid\nflowchart LR\n  a-->b{ok?}\n```\n\nAfter.\n'],
    ['a tilde fence', '~~~\n<Internal>\n~~~\n'],
    ['a nested list indented two columns', '- one\n  - two\n'],
    ['words only', 'No braces here, just words.\n'],
  ])('plain: %s', (_, body) => {
    expect(isPlainMarkdown(body)).toBe(true);
  });

  test.each([
    ['a component', 'Text.\n\n<Internal>\nSecret.\n</Internal>\n'],
    ['an HTML tag', 'Line<br/>break\n'],
    ['an HTML comment', '<!-- note -->\n'],
    ['an autolink', 'See <https://example.com>.\n'],
    ['an expression', 'Total: {1 + 1}\n'],
    ['an import', "import Chart from '../Chart.astro';\n\nText.\n"],
    ['an export', 'export const x = 1;\n'],
    ['an indented code block', 'Text.\n\n    code here\n'],
    ['a tab-indented line', '\tcode\n'],
    ['an unclosed fence', '```\ncode\n'],
    ['an unclosed code span', 'A `stray tick\n'],
    ['a shorter fence inside a longer one stays code', '````\n```\n<X/>\n````\n<Y/>\n'],
  ])('MDX: %s', (_, body) => {
    expect(isPlainMarkdown(body)).toBe(false);
  });
});
