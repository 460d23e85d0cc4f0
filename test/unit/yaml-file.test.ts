import { expect, test } from 'vitest';
import { ContentError } from '../../src/lib/content-errors.ts';
import { readRawData } from '../../src/lib/raw-frontmatter.ts';
import { parseYamlText } from '../../src/lib/yaml-file.ts';

const BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
].join('\n');

const messageOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error('did not throw');
};

test('a syntax error names the file and the line', () => {
  expect(messageOf(() => parseYamlText('a: 1\nb: [x\n', 'glossary.yaml'))).toMatch(
    /^glossary\.yaml is not valid YAML \(line \d\): /,
  );
});

test('an alias bomb is refused, naming the file, without expanding it', () => {
  expect(messageOf(() => parseYamlText(BOMB, 'patterns.yaml'))).toBe(
    'patterns.yaml is not read: its YAML aliases expand more than 100 times (an alias bomb?)',
  );
});

test.each([
  [
    'a list',
    '---\n- title: x\n- summary: y\n---\nbody',
    'x.mdx: frontmatter must be a mapping of fields (key: value lines), not a list',
  ],
  [
    'a scalar',
    '---\njust text\n---\nbody',
    'x.mdx: frontmatter must be a mapping of fields (key: value lines), not the single value "just text"',
  ],
])('a frontmatter that is %s gives one message', (_name, text, message) => {
  expect(messageOf(() => readRawData(text, false, 'x.mdx'))).toBe(message);
});
