import { describe, expect, test, vi } from 'vitest';

// Count the MDX parser's calls: a refused body must never reach it (the bound on work done).
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('satteri', async (importOriginal) => {
  const actual = await importOriginal<typeof import('satteri')>();
  return {
    ...actual,
    mdxToMdast: (...args: Parameters<typeof actual.mdxToMdast>) => (parses.count++, actual.mdxToMdast(...args)),
  };
});

const { MAX_ATTRIBUTE_DEPTH, prescanMdx } = await import('../../src/lib/mdx-prescan.ts');
const { lintReviews } = await import('../../src/lib/lint/lint.ts');

const FRONTMATTER = '---\ntitle: t\n---\n';

describe.each([
  ['`<a b={` thirty times', `${FRONTMATTER}# T\n\n${'<a b={\n'.repeat(30)}`, 6],
  ['nested `<a b={<c d={` thirty times', `${FRONTMATTER}Intro\n\n${'<a b={<c d={\n'.repeat(30)}`, 6],
  ['a spread that never closes', `${FRONTMATTER}<a {...props>\ntext\n`, 4],
])('%s', (_name, text, line) => {
  test('is refused at the first unclosed brace, with a bounded number of steps', () => {
    const { problem, steps } = prescanMdx(text);
    expect(problem).toMatchObject({ line, message: expect.stringContaining('is never closed') as unknown });
    expect(steps).toBeLessThanOrEqual(2 * text.length);
  });

  test('the linter reports it without calling the MDX parser', () => {
    parses.count = 0;
    const findings = lintReviews({
      reviews: [{ id: 'x', path: 'x.mdx', text }],
      serviceIds: [],
      severities: ['SEV1'],
      today: '2024-01-01',
    });
    expect(parses.count).toBe(0);
    expect(findings.find((f) => f.rule === 'mdx-syntax')).toMatchObject({
      line,
      message: expect.stringContaining('is never closed') as unknown,
    });
  });
});

test('braces nested deeper than the limit are refused', () => {
  const text = `<a b={${'{'.repeat(MAX_ATTRIBUTE_DEPTH)}1${'}'.repeat(MAX_ATTRIBUTE_DEPTH + 1)} />`;
  expect(prescanMdx(text).problem?.message).toMatch(/nest more than 16 deep/);
});

test.each([
  ['attribute objects', '<Chart data={{ a: { b: 1 } }} label="x" />'],
  ['a brace in a string', '<a title={"}{"} />\n'],
  ['braces in prose and code', 'Use \\{ or `{` and\n\n```js\n<a b={\n```\n\n{/* a comment */}\n'],
  ['an apostrophe in a tag child', "<Internal>It's {1 + 1} fine</Internal>\n"],
  ['an autolink', '<https://example.com/{x}>\n'],
])('%s pass the pre-scan', (_name, text) => {
  expect(prescanMdx(text).problem).toBeUndefined();
});
