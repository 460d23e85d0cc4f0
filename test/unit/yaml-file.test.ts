import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { ContentError } from '../../src/lib/content-errors.ts';
import { readRawData } from '../../src/lib/raw-frontmatter.ts';
import { MAX_YAML_ALIASES, parseYaml12, parseYamlText } from '../../src/lib/yaml-file.ts';

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

/** What `yaml` alone makes of `text`: the data, or its error's first line. */
const byYaml = (text: string) => {
  try {
    return { data: parse(text, { maxAliasCount: MAX_YAML_ALIASES }) as unknown };
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0] };
  }
};
const byUs = (text: string) => {
  try {
    return { data: parseYaml12(text) };
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0] };
  }
};

// Scalars where YAML 1.1, js-yaml's own schemas and YAML 1.2 disagree, and text either parser refuses.
const EDGE_CASES = [
  ...['0b101', '0o17', '017', '+12', '-0', '0x1F', '0xFFFFFFFFFFFFFFFFFF', '123456789012345678901', '1_000', '0o8'],
  ...['.5', '+.5', '-.5e-3', '1e3', '1e400', '1.', '.', '1e', '1_000.5', '.inf', '-.Inf', '.NaN', 'nan'],
  ...['~', 'Null', 'NULL', '', 'TRUE', 'True', 'yes', 'no', 'on', 'off', 'y', 'n'],
  ...['2024-03-05T10:00:00Z', '2024-03-05 10:00', '2024-03-05', '12:30', '1:20:30', '<<', '=', '@x', '`x'],
  ...["'it''s'", '"tab\\there"', '"#nope"', 'x # comment', 'R&D', 'a*b', "Don't!", '"*quoted*"'],
].map((value) => `key: ${value}`);
const DOCUMENTS = [
  ...EDGE_CASES,
  '1: x\ntrue: y\n~: z\n2024-03-05: w',
  'a:\n  - 1\n  - b: 2\n    c: [x, {d: e}]',
  'text: |\n  line one\n  line two\nfolded: >-\n  folded\n  text\n',
  '? complex\n: key',
  'a: 1\na: 2',
  'a: b: c',
  '\ta: 1',
  'a: [1, 2',
  'a: &x 1\nb: *x',
  'a: !!str 12',
  'a: !custom x',
  '- just\n- a list',
  '---\na: 1\n---\nb: 2',
];

test.each(DOCUMENTS)('js-yaml with the YAML 1.2 core schema reads %j as yaml does', (text) => {
  const ours = byUs(text);
  const theirs = byYaml(text);
  // Errors are `yaml`'s own (the fast path hands refused text over), so they match to the letter.
  expect(ours).toEqual(theirs);
});

test('every review, catalog and settings file of the example corpus and the fixtures reads the same both ways', () => {
  const files = ['src/content', 'test/fixtures']
    .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file)))
    .filter((file) => /\.(mdx?|ya?ml)$/.test(file));
  expect(files.length).toBeGreaterThan(100);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const yamlText = /\.ya?ml$/.test(file) ? text : (/^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '');
    expect(byUs(yamlText), file).toEqual(byYaml(yamlText));
  }
});
