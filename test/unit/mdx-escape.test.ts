import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { escapeMdx } from '../../src/lib/mdx-escape.ts';

/** Compiles MDX the way the build does (Sätteri); throws on a syntax error. */
const compiles = (mdx: string) => mdxToJs(mdx);

describe('escapeMdx', () => {
  test.each([
    ['JSX-like tags', 'Logs from <SearchFrontend> and </Foo>', 'Logs from \\<SearchFrontend> and \\</Foo>'],
    ['braces', 'key {cache: miss} and }', 'key \\{cache: miss\\} and \\}'],
    ['an HTML comment becomes an MDX comment', 'a <!-- note --> b', 'a {/* note */} b'],
    ['a comment containing */', '<!-- a */ b -->', '{/* a * / b */}'],
    [
      'an autolink becomes a link',
      'see <https://x.example/a_b>',
      'see [https://x.example/a\\_b](https://x.example/a_b)',
    ],
    [
      'import/export at line start',
      'import x from "y"\nexport const z = 1',
      '&#105;mport x from "y"\n&#101;xport const z = 1',
    ],
    ['existing escapes stay', 'a \\{ b \\< c', 'a \\{ b \\< c'],
    ['an escaped backslash before a brace', 'a \\\\{b', 'a \\\\\\{b'],
    ['code spans are kept', 'run `f({x}) <y>` now {z}', 'run `f({x}) <y>` now \\{z\\}'],
    ['an unclosed backtick is just a character', 'a ` b {c}', 'a ` b \\{c\\}'],
    ['control characters are removed', 'a\u0000b\u0007c\r\nd', 'abc\nd'],
  ])('%s', (_name, input, expected) => {
    expect(escapeMdx(input)).toBe(expected);
  });

  test('fenced code blocks are kept verbatim, even unclosed ones', () => {
    const input = 'before {x}\n\n```js\nconst a = {b: <c/>};\n```\n\n~~~\n<unclosed {\n';
    expect(escapeMdx(input)).toBe('before \\{x\\}\n\n```js\nconst a = {b: <c/>};\n```\n\n~~~\n<unclosed {\n');
  });

  // Anything a chat message or an old postmortem may hold must compile and keep its words.
  const hostile = [
    '<Foo bar={1}>unclosed',
    '{ a: { b: [ } }',
    '<!-- a comment\nacross lines -->',
    '</div></div>',
    'x < y > z && a {b}',
    '<https://x.example> <mailto:a@b.example>',
    'import React from "react"',
    'export default function () {}',
    '😱 🔥 ñandú 日本語 ✓ \u200b',
    '`code with {braces}` and ``double `tick` code``',
    '```\nunclosed fence {',
    '*/ {/* */} }{',
    '<script>alert(1)</script>',
    'a\\',
    // Sätteri's parser slows down exponentially on unclosed braces (20 take a second): keep it small.
    `${'{'.repeat(12)}${'<x>'.repeat(12)}`,
  ];

  test('most of these inputs do not compile unescaped (so the test below means something)', () => {
    const broken = hostile.filter((input) => {
      try {
        compiles(input);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken.length).toBeGreaterThanOrEqual(7);
  });

  test.each(hostile)('compiles: %s', (input) => {
    const escaped = escapeMdx(input);
    expect(() => compiles(escaped)).not.toThrow();
  });

  test('readers see the original characters', () => {
    const { html } = markdownToHtml(escapeMdx('Logs: <SearchFrontend> {cache: miss} 😱'));
    expect(html).toContain('Logs: &lt;SearchFrontend&gt; {cache: miss} 😱');
  });

  test('a huge input stays linear (no catastrophic backtracking): work is counted, not timed', () => {
    const huge = `${'{'.repeat(500)}${'word {x} <y> `z` '.repeat(20_000)}`;
    const work = { steps: 0 };
    const escaped = escapeMdx(huge, work);
    expect(work.steps).toBeLessThanOrEqual(2 * huge.length);
    expect(() => compiles(escaped)).not.toThrow();
  });
});
