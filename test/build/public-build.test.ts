import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, copyFixture, type BuildResult } from './build-site.ts';
import { allFiles } from './link-check.ts';

const PUBLIC = 'incidents/2024-03-05-checkout-resolver.mdx';
const INTERNAL_ID = '2023-11-02-resolver-timeouts';

/** Every output file as text, gzipped ones (Pagefind's index, fragments, filters) decompressed. */
function readEverything(outDir: string): Map<string, string> {
  return new Map(
    allFiles(outDir).map((file) => {
      const bytes = readFileSync(file);
      return [
        file.slice(outDir.length + 1),
        (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('latin1'),
      ];
    }),
  );
}

// The public review names its owner, action-item owners and people, links an internal review, and
// has an <Internal> section: a public build must hold none of them in any output of any kind.
describe('a public build', () => {
  let built: BuildResult;
  let outputs: Map<string, string>;
  beforeAll(() => {
    const dir = copyFixture('minimal');
    const path = join(dir, PUBLIC);
    const text = readFileSync(path, 'utf8')
      .replace('owner: platform-team', 'owner: Priya Raman')
      .replace('owner: network, status: open', 'owner: Jonas Weber, status: open')
      .replace('owner: platform, status: done', 'owner: A.K., status: done')
      // A mistyped year: kept out of the insights figures, with a note.
      .replace('resolved: 2024-03-05T15:40:00+00:00', 'resolved: 2204-03-05T15:40:00+00:00');
    // Also: a misspelt key under `unknownFields: warning`, and a file nothing reads; both only warn.
    writeFileSync(path, text.replace('trigger:', 'trigerr: kept out\ntrigger:'));
    writeFileSync(join(dir, 'hindsight.yaml'), 'unknownFields: warning\n');
    writeFileSync(join(dir, 'incidents/notes.markdown'), '# Notes nothing reads\n');
    built = buildSite(dir, { HINDSIGHT_AUDIENCE: 'public' });
    rmSync(dir, { recursive: true, force: true });
    outputs = readEverything(built.outDir);
  }, 240_000);
  afterAll(() => rmSync(built.outDir, { recursive: true, force: true }));

  test('builds, and the checks below are real: the public review is in HTML, JSON, CSV, feeds and the search index', () => {
    expect(built.ok, built.output).toBe(true);
    for (const kind of ['.html', '.json', '.csv', '.xml', 'pagefind/fragment/']) {
      expect(
        [...outputs].some(([file, text]) => file.includes(kind) && text.includes('resolver')),
        kind,
      ).toBe(true);
    }
  });

  test.each([
    ['the review owner', 'Priya Raman'],
    ['an action-item owner', 'Jonas Weber'],
    ['participant names', /A\.K\.|J\.Y\./],
    ['the internal review id (from `related`)', INTERNAL_ID],
    ['the internal review title', 'Resolver timeouts slowed checkout'],
    ['<Internal> text', 'kestrelmarker'],
  ])('holds no %s in any output file', (_name, needle) => {
    const leaks = [...outputs]
      .filter(([, text]) => (typeof needle === 'string' ? text.includes(needle) : needle.test(text)))
      .map(([file]) => file);
    expect(leaks).toEqual([]);
  });

  test('warns about a misspelt key (unknownFields: warning) and a file nothing reads, naming them', () => {
    expect(built.output).toMatch(
      /incidents\/2024-03-05-checkout-resolver\.mdx: trigerr is not a field: did you mean `trigger`\?/,
    );
    expect(built.output).toMatch(/incidents\/notes\.markdown: nothing reads this file/);
    expect([...outputs.values()].some((text) => text.includes('kept out'))).toBe(false);
  });

  test('insights leave a review with a future timestamp out, and say which and why', () => {
    const note = built.page('insights/')('[data-future-dated]');
    expect(note.text()).toContain('Checkout errors after resolver change');
    expect(note.text()).toContain('resolved 2204-03-05T15:40:00.000Z');
    const stats = JSON.parse(built.file('api/stats.json')) as { futureDated: { id: string }[] };
    expect(stats.futureDated.map((f) => f.id)).toEqual(['2024-03-05-checkout-resolver']);
  });

  test("the review's own page shows no duration ending at the future stamp, and says why", () => {
    const $ = built.page('incidents/2024-03-05-checkout-resolver/');
    const facts = $('.meta-panel');
    expect(facts.text()).toContain('to mitigate');
    expect(facts.text()).not.toContain('to resolve');
    expect($('.future-note').text()).toMatch(
      /Resolved 2204-03-05 lies after this site was built \(2026-11-21\): probably a mistyped year/,
    );
    const brief = built.page('incidents/2024-03-05-checkout-resolver/brief/')('.brief-facts').text();
    expect(brief).toContain('resolved');
    expect(brief).not.toContain('over in');
    expect(built.page('incidents/2024-03-05-checkout-resolver/brief/')('.key-moments').text()).not.toMatch(
      /\+\d{4,} d/,
    );
  });

  test('owners show as their team or role', () => {
    const json = JSON.parse(built.file('incidents/2024-03-05-checkout-resolver.json')) as {
      owner?: string;
      related: string[];
      actionItems: { owner: string }[];
    };
    expect(json.owner).toBeUndefined();
    expect(json.related).toEqual([]);
    expect(json.actionItems.map((a) => a.owner)).toEqual(['Owner not published', 'platform']);
  });

  test('responder load is by team, not by role alias', () => {
    const stats = JSON.parse(built.file('api/stats.json')) as { load: unknown };
    expect(JSON.stringify(stats.load)).not.toMatch(/Incident commander|Subject-matter expert/);
  });
});
