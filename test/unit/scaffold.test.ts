import { mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { parseRawData } from '../../src/lib/raw-frontmatter.ts';
import {
  checkScaffoldInput,
  NEAR_MISS_SECTIONS,
  renderScaffold,
  REVIEW_SECTIONS,
  reviewIdFor,
  slugForTitle,
  type ScaffoldInput,
} from '../../src/lib/scaffold.ts';
import { promptForScaffold, type PromptIO } from '../../src/lib/scaffold-prompts.ts';
import { createIncidentSchema } from '../../src/schemas/incident.ts';
import { lintReviews } from '../../src/lib/lint/lint.ts';

const catalog = {
  severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
  serviceIds: ['checkout-api', 'edge-dns', 'payments-db'],
};
const input: ScaffoldInput = {
  title: 'Checkout <errors> after: "resolver" change {again}',
  severity: 'sev2',
  started: new Date('2026-11-20T16:02:00+02:00'),
  services: ['checkout-api', 'edge-dns'],
  tags: ['dns', 'config-change'],
  authors: ['A.K.'],
};

describe('slugs and ids', () => {
  test.each([
    ['Checkout errors after resolver change', 'checkout-errors-after-resolver-change'],
    ['Ça coûte: DNS résolveur à Zürich', 'ca-coute-dns-resolveur-a-zurich'],
    ['One two three four five six seven eight', 'one-two-three-four-five-six'],
    ['Averylongwordthatgoesonandon pneumonoultramicroscopicsilicovolcanoconiosis end', 'averylongwordthatgoesonandon'],
    ['A very-long-hyphenated-identifier-that-goes-on-and-on-and-on-forever', 'a-very-long-hyphenated-identifier-that'],
    ['🔥🔥🔥', 'incident'],
  ])('%s → %s', (title, slug) => {
    expect(slugForTitle(title)).toBe(slug);
    expect(slug.length).toBeLessThanOrEqual(48);
  });

  test('the id starts with the UTC date impact started', () => {
    expect(reviewIdFor(new Date('2026-11-20T23:30:00-02:00'), 'Late night')).toBe('2026-11-21-late-night');
    expect(reviewIdFor(new Date('2026-11-20T10:00:00Z'), 'My Slug', true)).toBe('2026-11-20-my-slug');
  });
});

describe('renderScaffold', () => {
  const text = renderScaffold(input, catalog);

  test('frontmatter is valid for the schema, a draft, with the severity spelled as configured and UTC times', () => {
    const raw = parseRawData(text, false);
    const data = createIncidentSchema(catalog.severities).parse(raw);
    expect(data).toMatchObject({
      status: 'draft',
      severity: 'SEV2',
      title: input.title,
      services: ['checkout-api', 'edge-dns'],
      tags: ['dns', 'config-change'],
    });
    expect(raw['started']).toBe('2026-11-20T14:02:00Z');
    expect(data.summary).toMatch(/^To be written/);
  });

  test('has every section with a prompt, and compiles as MDX', () => {
    for (const { heading } of REVIEW_SECTIONS) expect(text).toContain(`\n## ${heading}\n\n{/* `);
    expect(() => mdxToJs(text)).not.toThrow();
  });

  test('commented hints for the fields still to fill in', () => {
    expect(text).toMatch(/^# detected: 2026-11-20T14:02:00Z/m);
    expect(text).toMatch(/^# actionItems:/m);
    expect(text).toMatch(/^# lessons: /m);
  });

  test('the body has no section for a list the frontmatter owns', () => {
    expect(text).not.toMatch(/^## (Contributing factors|What went well|What went wrong|Where we got lucky)/m);
  });

  test('a fresh scaffold has no lint errors, only reminders (warnings)', () => {
    const findings = lintReviews({
      reviews: [{ id: 'x', path: 'x.mdx', text }],
      serviceIds: catalog.serviceIds,
      severities: catalog.severities,
      today: '2026-11-21',
    });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    // No --owner was given, so the draft is reminded to name one.
    expect(new Set(findings.map((f) => f.rule))).toEqual(
      new Set(['required-sections', 'owner', 'contributing-factors', 'action-items', 'detected', 'timeline-detection']),
    );
  });
});

describe('renderScaffold for a near miss', () => {
  const withoutSeverity: ScaffoldInput = { ...input, severity: undefined };
  const text = renderScaffold({ ...withoutSeverity, nearMiss: true }, catalog);

  test('is a valid near-miss draft without a severity', () => {
    const data = createIncidentSchema(catalog.severities).parse(parseRawData(text, false));
    expect([data.kind, data.severity, data.status]).toEqual(['near-miss', undefined, 'draft']);
  });

  test('has the shorter skeleton: its four sections and none of the incident-only ones', () => {
    expect(text.match(/^## .+$/gm)).toEqual(NEAR_MISS_SECTIONS.map((s) => `## ${s.heading}`));
    expect(text).not.toMatch(/^# (mitigated|resolved|impact):/m);
    expect(() => mdxToJs(text)).not.toThrow();
  });

  test('a severity is still required for an incident', () => {
    expect(checkScaffoldInput(withoutSeverity, catalog)).toEqual([
      'a severity is required (one of SEV1, SEV2, SEV3, SEV4); only a near miss may leave it out',
    ]);
    expect(checkScaffoldInput({ ...withoutSeverity, nearMiss: true }, catalog)).toEqual([]);
  });
});

describe('checkScaffoldInput', () => {
  test('accepts valid input', () => {
    expect(checkScaffoldInput(input, catalog)).toEqual([]);
  });

  test('names every problem, listing known services', () => {
    expect(
      checkScaffoldInput(
        { ...input, title: ' ', severity: 'SEV9', services: ['edge-dsn'], tags: ['Config Change'], slug: '---' },
        catalog,
      ),
    ).toEqual([
      'the title is empty',
      'severity "SEV9" is not one of SEV1, SEV2, SEV3, SEV4',
      'service "edge-dsn" is not a service in the catalog (did you mean edge-dns? known: checkout-api, edge-dns, payments-db)',
      'tag "Config Change" is not lowercase kebab-case (try "config-change")',
      'slug "---" has no letters or digits',
    ]);
  });
});

/** A PromptIO that answers from a script and records what was asked and said. */
function scripted(answers: string[]): PromptIO & { transcript: string[] } {
  const transcript: string[] = [];
  return {
    transcript,
    async ask(question) {
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unexpected question: ${question}`);
      transcript.push(`? ${question}${answer}`);
      return answer;
    },
    say(text) {
      transcript.push(text);
    },
  };
}

describe('promptForScaffold', () => {
  const tagCounts = new Map([
    ['dns', 4],
    ['config-change', 2],
  ]);
  const now = new Date('2026-11-21T12:00:30Z');

  test('asks for what is missing, re-asks after a bad answer, suggests catalog services and tags', async () => {
    const io = scripted([
      '',
      'Checkout errors',
      'sev7',
      'sev2',
      '2026-11-20 16:02',
      '2026-11-20 16:02+02:00',
      'checkout-apl',
      'checkout-api, edge-dns',
      'DNS',
      'Config Change',
      'Sev Two',
      'dns-outage',
      'It broke.',
      'platform',
    ]);
    const result = await promptForScaffold({}, { ...catalog, tagCounts }, io, now);
    expect(result).toEqual({
      title: 'Checkout errors',
      severity: 'SEV2',
      started: new Date('2026-11-20T14:02:00Z'),
      services: ['checkout-api', 'edge-dns'],
      tags: ['dns-outage'],
      summary: 'It broke.',
      owner: 'platform',
    });
    const said = io.transcript.filter((line) => !line.startsWith('? '));
    expect(said).toEqual([
      '  a title is required',
      '  expected one of SEV1, SEV2, SEV3, SEV4',
      '  "2026-11-20 16:02" has no timezone offset: add Z for UTC or an offset such as +02:00',
      'Services in the catalog: checkout-api, edge-dns, payments-db',
      '  "checkout-apl" is not a service in the catalog (did you mean checkout-api? known: checkout-api, edge-dns, payments-db)',
      'Tags in use: dns (4), config-change (2)',
      '  "DNS" is not lowercase kebab-case; the corpus already uses "dns"',
      '  "Config Change" is not lowercase kebab-case; the corpus already uses "config-change"',
      '  "Sev Two" is not lowercase kebab-case; try "sev-two"',
      '  note: "dns-outage" is new; the corpus already uses "dns"',
    ]);
  });

  test('only asks for what the flags did not give; "now" is accepted', async () => {
    const io = scripted(['now', '', '']);
    const result = await promptForScaffold(
      { title: 'T', severity: 'SEV3', services: [], tags: [] },
      { ...catalog, tagCounts },
      io,
      now,
    );
    expect(result).toEqual({
      title: 'T',
      severity: 'SEV3',
      started: new Date('2026-11-21T12:00:30Z'),
      services: [],
      tags: [],
    });
    expect(io.transcript.filter((l) => l.startsWith('? '))).toHaveLength(3);
  });

  test('gives up after five bad answers', async () => {
    const io = scripted(['x', 'x', 'x', 'x', 'x']);
    await expect(promptForScaffold({ title: 'T' }, { ...catalog, tagCounts }, io, now)).rejects.toThrow(
      'no valid answer to "Severity',
    );
  });
});
