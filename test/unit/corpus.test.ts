import { describe, expect, test } from 'vitest';
import { idFromPath } from '../../src/lib/content-ids.ts';
import { classifyContentFile } from '../../src/lib/content-layout.ts';
import { checkListEntries, isInBuild, validateCorpus, type CorpusSource } from '../../src/lib/corpus.ts';
import { PatternSchema } from '../../src/schemas/catalog.ts';

const review = (fields: string) =>
  `---\ntitle: T\nsummary: S\nstatus: published\nseverity: SEV2\n${fields}\n---\n\nBody.\n`;
const SETTINGS = { severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'], unknownFields: 'error', drafts: 'include' } as const;

/** A source as the file-system reader makes it: files under `/c/incidents/` split by the layout rule. */
function source(files: Record<string, string>, patterns?: unknown): CorpusSource {
  const entries = Object.keys(files).sort();
  const verdicts = entries.map((entry) => ({ entry, verdict: classifyContentFile('incidents', entry) }));
  return {
    reviews: verdicts
      .filter((v) => v.verdict.kind === 'read')
      .map(({ entry }) => ({ id: idFromPath(entry), path: `/c/incidents/${entry}`, text: files[entry]! })),
    refused: verdicts.flatMap(({ entry, verdict }) =>
      verdict.kind === 'refused' ? [{ path: `/c/incidents/${entry}`, reason: verdict.reason }] : [],
    ),
    patterns: patterns === undefined ? undefined : { file: '/c/patterns.yaml', data: patterns },
  };
}
const shown = (path: string) => path.replace('/c/', '');

describe('validateCorpus (the CLIs’ view of a content root)', () => {
  test('ids as the build makes them, timestamps with their offsets', () => {
    const { incidents, problems } = validateCorpus(
      source({
        '2024-03-05-Checkout Resolver.mdx': review('started: 2024-03-05T14:02:00Z'),
        '2024-04-01-queue/index.mdx': review('started: 2024-04-01T00:00:00+02:00\ntags: [capacity]'),
      }),
      SETTINGS,
      shown,
    );
    expect(problems).toEqual([]);
    expect(incidents.map((i) => i.id)).toEqual(['2024-03-05-checkout-resolver', '2024-04-01-queue']);
    expect(incidents[1]!.data.started.toISOString()).toBe('2024-03-31T22:00:00.000Z');
    expect(incidents[1]!.data.tags).toEqual(['capacity']);
  });

  test('the same author-facing errors as the build, for every bad file', () => {
    const { incidents, problems } = validateCorpus(
      source({
        'a.mdx': review('started: 2024-03-05T14:02:00'),
        'b.mdx': review('started: 2024-03-05T14:02:00Z\nseverity: SEV9').replace('severity: SEV2\n', ''),
        'c.mdx': review('started: 2024-03-05T14:02:00Z'),
        'c/index.mdx': review('started: 2024-03-05T14:02:00Z'),
        'd.md': review('started: 2024-03-05T14:02:00Z'),
        'e.mdx': review('started: 2024-03-05T14:02:00Z\nsevrity: SEV1'),
        'f.mdx': '---\ntitle: [unclosed\n---\n',
      }),
      SETTINGS,
      shown,
    );
    expect(incidents.map((i) => i.id)).toEqual(['c']);
    expect(problems).toEqual([
      'incidents/d.md: reviews are .mdx files: a .md file is compiled as plain Markdown, so <Internal> sections would be published. Rename it to .mdx',
      'incidents/a.mdx: started "2024-03-05T14:02:00" has no timezone offset: add Z for UTC or an offset such as +02:00',
      'incidents/b.mdx: severity "SEV9": expected one of SEV1, SEV2, SEV3, SEV4',
      'incidents/c/index.mdx: id "c" is already used by incidents/c.mdx (the id comes from the file or folder name and must be unique)',
      'incidents/e.mdx: sevrity is not a field: did you mean `severity`?',
      expect.stringMatching(/^\/c\/incidents\/f\.mdx is not valid YAML \(line \d\)/),
    ]);
  });

  test('unknown keys are warnings under unknownFields: warning; drafts leave by the drafts switch', () => {
    const files = {
      'a.mdx': review('started: 2024-03-05T14:02:00Z\nsevrity: SEV1'),
      'b.mdx': review('started: 2024-03-05T14:02:00Z').replace('published', 'draft'),
    };
    const lenient = validateCorpus(source(files), { ...SETTINGS, unknownFields: 'warning', drafts: 'exclude' }, shown);
    expect(lenient.problems).toEqual([]);
    expect(lenient.warnings).toEqual(['incidents/a.mdx: sevrity is not a field: did you mean `severity`?']);
    expect(lenient.incidents.map((i) => i.id)).toEqual(['a']);
    expect([isInBuild('draft', 'include'), isInBuild('draft', 'exclude'), isInBuild('in-review', 'exclude')]).toEqual([
      true,
      false,
      true,
    ]);
  });
});

describe('patterns.yaml', () => {
  const patterns = (data: unknown) => validateCorpus(source({}, data), SETTINGS, shown);

  test('valid list, missing file, broken entries', () => {
    expect(patterns([{ id: 'dns', label: 'It was DNS', tags: ['dns'] }]).patterns).toEqual([
      { id: 'dns', data: { id: 'dns', label: 'It was DNS', tags: ['dns'], services: [] } },
    ]);
    expect(validateCorpus(source({}), SETTINGS, shown)).toEqual({
      incidents: [],
      patterns: [],
      problems: [],
      warnings: [],
    });
    expect(patterns({ id: 'dns' }).problems).toEqual([
      'patterns.yaml: expected a list of entries (each line starting with "- ")',
    ]);
    const bad = patterns([
      { id: 'dns', label: 'A', tags: ['dns'] },
      { id: 'dns', label: 'B', tags: ['dns'] },
      { id: 'x', label: 'C' },
    ]);
    expect(bad.problems).toEqual([
      'patterns.yaml: [1] id "dns" appears twice',
      'patterns.yaml: [2].tags needs at least one tag or service to match',
    ]);
  });

  test('a list file that is empty holds no entries; an entry that is not a mapping is a problem, not a crash', () => {
    const options = {
      file: 'glossary.yaml',
      schema: PatternSchema,
      idOf: (p: Record<string, unknown>) => String(p['id']),
      unknownFields: 'error' as const,
    };
    expect(checkListEntries(null, options)).toEqual({ items: [], problems: [], warnings: [] });
    expect(checkListEntries([null], options).problems).toHaveLength(1);
  });
});
