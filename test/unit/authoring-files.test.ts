import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readContent } from '../../src/lib/content-files.ts';
import { createAliaser, replaceNames, toInitials } from '../../src/lib/initials.ts';
import { lintContentRoot, loadLintConfig } from '../../src/lib/lint/run.ts';
import { renderReview, splitReview, stringifyFrontmatter } from '../../src/lib/review-file.ts';
import { parseTimestampInput, toUtcTimestamp } from '../../src/lib/timestamps.ts';

/** A content root in a temporary folder with the given files. */
function contentRoot(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'hindsight-files-'));
  mkdirSync(join(root, 'incidents'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('readContent', () => {
  test('reads reviews as the loader does: folder reviews by folder name, _files skipped', () => {
    const root = contentRoot({
      'incidents/2024-01-01-a.mdx': 'a',
      'incidents/2024-02-02-b/index.mdx': 'b',
      'incidents/_draft-notes.mdx': 'skipped',
      'incidents/notes.txt': 'skipped',
      'services/checkout-api.yaml': 'name: x',
      'services/edge-dns.yml': 'name: y',
      'hindsight.yaml': 'severities: [critical, major, minor]\n',
    });
    const content = readContent(root);
    expect(content.incidents.map((r) => [r.id, r.text])).toEqual([
      ['2024-01-01-a', 'a'],
      ['2024-02-02-b', 'b'],
    ]);
    expect(content.serviceIds).toEqual(['checkout-api', 'edge-dns']);
    expect(content.severities).toEqual(['critical', 'major', 'minor']);
  });

  test('a folder without incidents/ and an invalid hindsight.yaml are content errors', () => {
    expect(() => readContent(mkdtempSync(join(tmpdir(), 'empty-')))).toThrow(
      /has no incidents\/ folder: is this a Hindsight content root\?/,
    );
    expect(() => readContent(contentRoot({ 'hindsight.yaml': 'severities: []\n' }))).toThrow(
      /hindsight\.yaml: severities/,
    );
  });
});

describe('lint configuration files', () => {
  test("the content root's hindsight-lint.yaml is used; --config must exist; YAML errors name the file", () => {
    const root = contentRoot({ 'hindsight-lint.yaml': 'rules: { just: off }\n', 'bad.yaml': 'rules: [\n' });
    expect(loadLintConfig(root).rules).toEqual({ just: 'off' });
    expect(loadLintConfig(contentRoot({})).rules).toEqual({});
    expect(() => loadLintConfig(root, join(root, 'nope.yaml'))).toThrow(/config file .*nope\.yaml does not exist/);
    expect(() => loadLintConfig(root, join(root, 'bad.yaml'))).toThrow(/bad\.yaml is not valid YAML/);
  });

  test('lintContentRoot applies the config and counts the files it reported on', () => {
    const review =
      '---\ntitle: T\nsummary: S\nstatus: draft\nseverity: SEV3\nstarted: 2024-01-01T00:00:00Z\n---\n\nJust restart it.\n';
    const root = contentRoot({ 'incidents/2024-01-01-a.mdx': review, 'incidents/2024-01-02-b.mdx': review });
    const all = lintContentRoot(root, { today: '2024-02-01' });
    expect(all.files).toBe(2);
    expect(all.findings.filter((f) => f.rule === 'just')).toHaveLength(2);
    writeFileSync(join(root, 'hindsight-lint.yaml'), 'rules: { just: off }\n');
    const one = lintContentRoot(root, { today: '2024-02-01', files: [join(root, 'incidents/2024-01-01-a.mdx')] });
    expect(one.files).toBe(1);
    expect(one.findings.some((f) => f.rule === 'just')).toBe(false);
  });
});

describe('review files', () => {
  test('splitReview gives offsets into the file', () => {
    const text = '---\ntitle: T\n---\n\nBody\n';
    const parts = splitReview(text);
    expect(parts).toMatchObject({ hasFrontmatter: true, frontmatter: 'title: T\n', body: '\nBody\n' });
    expect(text.slice(parts.frontmatterOffset, parts.frontmatterOffset + 8)).toBe('title: T');
    expect(splitReview('No frontmatter').hasFrontmatter).toBe(false);
  });

  test('frontmatter in the house style: word lists inline, one record per line, empty values dropped', () => {
    expect(
      stringifyFrontmatter({
        title: 'Title: with a colon',
        started: '2024-03-05T14:02:00Z',
        published: '2024-03-12',
        tags: ['dns', 'config-change'],
        services: [],
        owner: undefined,
        timeline: [{ at: '2024-03-05T14:09:00Z', event: 'Alert {fired}', kind: 'detection' }],
        impact: { description: 'x', slos: [] },
        lessons: { wentWell: [], wentWrong: [] },
      }),
    ).toBe(
      'title: "Title: with a colon"\nstarted: 2024-03-05T14:02:00Z\npublished: 2024-03-12\ntags: [dns, config-change]\n' +
        'timeline:\n  - { at: 2024-03-05T14:09:00Z, event: "Alert {fired}", kind: detection }\nimpact:\n  description: x\n',
    );
    expect(renderReview({ title: 'T' }, '\n\nBody')).toBe('---\ntitle: T\n---\n\nBody\n');
  });
});

describe('people and times', () => {
  test.each([
    ['Alice Kim', 'A.K.'],
    ['émilie du châtelet', 'É.D.C.'],
    ['priya.n', 'P.N.'],
    ['李 伟', '李.伟.'],
    ['   ', '?'],
  ])('initials of %s → %s', (name, initials) => {
    expect(toInitials(name)).toBe(initials);
  });

  test('distinct people get distinct aliases, the same person the same alias', () => {
    const alias = createAliaser();
    expect([alias('U1', 'Alex Kim'), alias('U2', 'Anna Kowalski'), alias('U1', 'Alex Kim')]).toEqual([
      'A.K.',
      'A.K.2',
      'A.K.',
    ]);
  });

  test('names in text become aliases as whole words, without doubling a full stop', () => {
    const aliases = new Map([
      ['Alice Kim', 'A.K.'],
      ['Alice', 'A.K.'],
      ['Bo', 'B.'],
    ]);
    expect(replaceNames('Paged Alice Kim. Alice said Bob and Bo agreed.', aliases)).toBe(
      'Paged A.K. A.K. said Bob and B. agreed.',
    );
  });

  test('timestamps typed by authors need an offset and are written in UTC', () => {
    const now = new Date('2026-11-21T12:00:30.500Z');
    const parsed = parseTimestampInput('2026-11-20 16:02+02:00', now);
    expect(parsed.ok && toUtcTimestamp(parsed.date)).toBe('2026-11-20T14:02:00Z');
    expect(parseTimestampInput('now', now)).toEqual({ ok: true, date: new Date('2026-11-21T12:00:30Z') });
    expect(parseTimestampInput('2026-11-20', now)).toEqual({
      ok: false,
      message: '"2026-11-20" expected an ISO 8601 timestamp with an offset, e.g. 2024-03-05T14:02:00Z',
    });
  });
});
