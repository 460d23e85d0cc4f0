import { describe, expect, test } from 'vitest';
import { isIncidentFile, readIncidents, readPatterns } from '../../src/lib/read-corpus.ts';
import { formatTable } from '../../src/lib/report.ts';

const review = (fields: string) => `---\ntitle: T\nsummary: S\nstatus: published\nseverity: SEV2\n${fields}\n---\n\nBody.\n`;
const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

describe('readIncidents (the CLIs’ view of incidents/)', () => {
  test('ids as the build makes them; the build’s glob skips _files and non-Markdown', () => {
    expect(['a.mdx', 'b/index.md', '_draft.mdx', 'x/_partial.mdx', 'notes.txt'].map(isIncidentFile)).toEqual([true, true, false, false, false]);
    const { items, problems } = readIncidents(
      [
        { path: '2024-03-05-Checkout Resolver.mdx', contents: review('started: 2024-03-05T14:02:00Z') },
        { path: '2024-04-01-queue/index.mdx', contents: review('started: 2024-04-01T00:00:00+02:00\ntags: [capacity]') },
        { path: '_template.mdx', contents: 'not even frontmatter' },
      ],
      { severities: SEVERITIES },
    );
    expect(problems).toEqual([]);
    expect(items.map((i) => i.id)).toEqual(['2024-03-05-checkout-resolver', '2024-04-01-queue']);
    expect(items[1]!.data.started.toISOString()).toBe('2024-03-31T22:00:00.000Z');
    expect(items[1]!.data.tags).toEqual(['capacity']);
  });

  test('the same author-facing errors as the build, for every bad file', () => {
    const { items, problems } = readIncidents(
      [
        { path: 'a.mdx', contents: review('started: 2024-03-05T14:02:00') },
        { path: 'b.mdx', contents: review('started: 2024-03-05T14:02:00Z\nseverity: SEV9').replace('severity: SEV2\n', '') },
        { path: 'c.mdx', contents: review('started: 2024-03-05T14:02:00Z') },
        { path: 'c/index.mdx', contents: review('started: 2024-03-05T14:02:00Z') },
      ],
      { severities: SEVERITIES, shown: (p) => `incidents/${p}` },
    );
    expect(items.map((i) => i.id)).toEqual(['c']);
    expect(problems).toEqual([
      'incidents/a.mdx: started "2024-03-05T14:02:00" has no timezone offset: add Z for UTC or an offset such as +02:00',
      'incidents/b.mdx: severity "SEV9": expected one of SEV1, SEV2, SEV3, SEV4',
      'incidents/c/index.mdx: id "c" is already used by incidents/c.mdx',
    ]);
  });
});

describe('readPatterns', () => {
  test('valid list, missing file, broken entries', () => {
    expect(readPatterns('- { id: dns, label: It was DNS, tags: [dns] }').items).toEqual([
      { id: 'dns', data: { id: 'dns', label: 'It was DNS', tags: ['dns'], services: [] } },
    ]);
    expect(readPatterns(undefined)).toEqual({ items: [], problems: [] });
    expect(readPatterns('id: dns').problems).toEqual(['patterns.yaml: expected a list of entries (each line starting with "- ")']);
    const bad = readPatterns('- { id: dns, label: A, tags: [dns] }\n- { id: dns, label: B, tags: [dns] }\n- { id: x, label: C }');
    expect(bad.problems).toEqual(['patterns.yaml: [1] id "dns" appears twice', 'patterns.yaml: [2].tags needs at least one tag or service to match']);
  });
});

describe('formatTable', () => {
  test('pads columns, trims line ends, cuts long cells', () => {
    expect(
      formatTable(
        ['A', 'LONGER'],
        [
          ['x', ''],
          ['yy', 'zzzzzzzzzz'],
        ],
        5,
      ),
    ).toBe('A   LONG…\nx\nyy  zzzz…');
  });
});
