import { expect, test } from 'vitest';
// Astro's own splitter, which the build's `splitFrontmatter` must agree with.
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { parseRawData, splitFrontmatter } from '../../src/lib/raw-frontmatter.ts';

test('timestamps keep their text so a missing offset can be reported', () => {
  expect(parseRawData('---\nstarted: 2024-03-05T14:02:00\n---\nbody', false)).toEqual({
    started: '2024-03-05T14:02:00',
  });
});

test('keys written with no value count as absent, at any depth', () => {
  const data = parseRawData('---\ntitle:\nlessons:\nimpact:\n  description: x\n  slos:\ntags: [a, null]\n---\n', false);
  expect(data).toEqual({ impact: { description: 'x' }, tags: ['a', null] });
});

test('a whole YAML file, and no frontmatter at all', () => {
  expect(parseRawData('name: Edge DNS\ndependsOn: []\n', true)).toEqual({ name: 'Edge DNS', dependsOn: [] });
  expect(parseRawData('# just a body\n', false)).toEqual({});
});

test('splitFrontmatter cuts the body where Astro does, without reading the YAML', () => {
  const files = [
    '---\ntitle: A\n---\n\n# Body\n\ntext\n',
    '\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n',
    '\n\n---\ntitle: A\n---\nBody',
    '---\ntitle: A\n---\nBody with --- inside\n---\nmore',
    '---\ntitle: A\n---\n',
    '# No frontmatter\n\nat all\n',
    '+++\ntitle = "A"\n+++\nBody',
    '---\ntitle: A\n+++\nmismatched fences',
  ];
  for (const contents of files) {
    const astro = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
    expect(splitFrontmatter(contents)).toEqual({ body: astro.content.trim(), rawData: astro.rawFrontmatter });
  }
});
