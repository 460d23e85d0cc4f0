import { expect, test } from 'vitest';
import { parseRawData } from '../../src/lib/raw-frontmatter.ts';

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
