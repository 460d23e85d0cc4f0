import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { mergeIntoReview } from '../../src/lib/importers/draft.ts';
import type { ImportResult } from '../../src/lib/importers/types.ts';
import { parseRawData } from '../../src/lib/raw-frontmatter.ts';
import { createIncidentSchema } from '../../src/schemas/incident.ts';
import { draftOf, SEVERITIES } from './import-helpers.ts';

const existing = readFileSync(
  resolve(import.meta.dirname, '../fixtures/minimal/incidents/2024-03-05-checkout-resolver.mdx'),
  'utf8',
);
const options = { source: 'PagerDuty log entries x.json', severities: SEVERITIES, file: 'x.mdx' };

const imported: ImportResult = {
  fields: { detected: new Date('2024-03-05T14:07:00Z'), mitigated: new Date('2024-03-05T15:09:00Z') },
  timeline: [
    // Already in the review (same second, same words up to case and spacing).
    { at: new Date('2024-03-05T14:09:00Z'), event: '5xx  alert fired for Checkout', kind: 'detection' },
    { at: new Date('2024-03-05T14:12:00Z'), event: 'Acknowledged by A.K.', kind: 'action', actor: 'A.K.' },
    { at: new Date('2024-03-05T14:30:00Z'), event: 'Note: <Resolver> {upstream} list has a typo', kind: 'observation' },
  ],
  body: '## PagerDuty details\n\nTrigger details \\{x\\}',
  notes: ['from the importer'],
};

describe('mergeIntoReview', () => {
  const merged = mergeIntoReview(existing, imported, options);

  test("adds only new entries, in the review's style, and keeps everything else as written", () => {
    expect(merged.added).toBe(2);
    expect(merged.duplicates).toBe(1);
    expect(merged.text).toContain(
      '  - { at: 2024-03-05T15:10:00Z, event: Resolver config rolled back in every region, kind: mitigation, actor: J.Y. }\n' +
        '  - { at: 2024-03-05T14:12:00Z, event: Acknowledged by A.K., kind: action, actor: A.K. }\n' +
        '  - { at: 2024-03-05T14:30:00Z, event: "Note: <Resolver> {upstream} list has a typo", kind: observation }\n',
    );
    const without = merged.text
      .replace(/ {2}- \{ at: 2024-03-05T14:12:00Z.*\n/, '')
      .replace(/ {2}- \{ at: 2024-03-05T14:30:00Z.*\n/, '')
      .replace(/\n+\{\/\* Imported from [\s\S]*$/, '\n');
    expect(without).toBe(existing.replace(/\s*$/, '\n'));
  });

  test('never changes a stamp the review has; reports the difference', () => {
    expect(parseRawData(merged.text, false)['detected']).toBe('2024-03-05T14:09:00Z');
    expect(merged.notes).toContain(
      "kept the review's detected (2024-03-05T14:09:00Z); the import suggests 2024-03-05T14:07:00Z",
    );
  });

  test('the result is valid and compiles; the unmapped body is appended once', () => {
    createIncidentSchema(SEVERITIES).parse(parseRawData(merged.text, false));
    expect(() => mdxToJs(merged.text)).not.toThrow();
    expect(merged.text).toMatch(
      /\{\/\* Imported from PagerDuty log entries x\.json by npm run import\. \*\/\}\n\n## PagerDuty details\n\nTrigger details \\\{x\\\}\n$/,
    );
  });

  test('merging the same import again changes nothing', () => {
    const again = mergeIntoReview(merged.text, imported, options);
    expect(again.added).toBe(0);
    expect(again.duplicates).toBe(3);
    expect(again.text).toBe(merged.text);
  });

  test('missing stamps are set next to the others; a review without a timeline gets one', () => {
    const draft = draftOf({
      fields: { title: 'T', severity: 'SEV3', started: new Date('2024-03-05T14:00:00Z') },
      timeline: [],
      body: '',
      notes: [],
    }).text;
    const result = mergeIntoReview(draft, imported, options);
    const keys = [...result.text.matchAll(/^(\w+):/gm)].map((m) => m[1]);
    expect(keys.slice(0, 7)).toEqual(['title', 'summary', 'status', 'severity', 'started', 'detected', 'mitigated']);
    expect(parseRawData(result.text, false)['timeline']).toHaveLength(3);
    expect(result.notes).toEqual(
      expect.arrayContaining(['set detected: 2024-03-05T14:07:00Z', 'set mitigated: 2024-03-05T15:09:00Z']),
    );
  });

  test('a stamp before the review started is left out, with a note', () => {
    const early = { ...imported, fields: { resolved: new Date('2024-03-05T13:00:00Z') } };
    const draft = draftOf({
      fields: { title: 'T', severity: 'SEV3', started: new Date('2024-03-05T14:00:00Z') },
      timeline: [],
      body: '',
      notes: [],
    }).text;
    const result = mergeIntoReview(draft, early, options);
    expect(parseRawData(result.text, false)['resolved']).toBeUndefined();
    expect(result.notes).toContain("resolved 2024-03-05T13:00:00Z is before the review's started; left out");
  });

  test('refuses a review whose frontmatter is broken, and one the merge would leave invalid', () => {
    expect(() => mergeIntoReview('---\ntitle: [x\n---\n', imported, options)).toThrow(
      'x.mdx: the frontmatter is not valid YAML',
    );
    expect(() => mergeIntoReview(existing.replace('severity: SEV2', 'severity: SEV9'), imported, options)).toThrow(
      /nothing was written; the result would not be valid:\nx\.mdx: severity "SEV9": expected one of/,
    );
  });
});
