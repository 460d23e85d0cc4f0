import { describe, expect, test } from 'vitest';
import { classifyContentFile } from '../../src/lib/content-layout.ts';

describe.each([
  ['incidents', '2024-03-05-x.mdx', 'read'],
  ['incidents', '2024-03-05-x/index.mdx', 'read'],
  ['incidents', '2024/2024-03-05-x.mdx', 'read'],
  ['incidents', '_notes.mdx', 'skipped'],
  ['incidents', '2024-03-05-x/diagram.png', 'skipped'],
  ['incidents', '2024-03-05-x.md', 'refused'],
  ['incidents', 'index.mdx', 'refused'],
  ['incidents', '2024-03-05-x.MDX', 'unread'],
  ['incidents', '2024-03-05-x.markdown', 'unread'],
  ['services', 'api.yaml', 'read'],
  ['services', 'api.yml', 'read'],
  ['services', '_template.yaml', 'skipped'],
  ['services', 'sub/api.yaml', 'refused'],
  ['services', 'api.YAML', 'unread'],
  ['services', 'api.json', 'unread'],
  ['paths', 'team/p9.yaml', 'refused'],
  ['paths', 'p9.yaml', 'read'],
] as const)('%s/%s', (folder, entry, kind) => {
  test(`is ${kind}`, () => expect(classifyContentFile(folder, entry).kind).toBe(kind));
});

test('refusals say the rule', () => {
  expect(classifyContentFile('incidents', 'x.md')).toMatchObject({
    reason: expect.stringContaining('<Internal> sections would be published') as unknown,
  });
  expect(classifyContentFile('services', 'sub/api.yaml')).toMatchObject({
    reason: 'a service is services/<id>.yaml: subfolders are not supported, move it up',
  });
  expect(classifyContentFile('incidents', 'index.mdx')).toMatchObject({
    reason: expect.stringContaining('a review needs an id') as unknown,
  });
});
