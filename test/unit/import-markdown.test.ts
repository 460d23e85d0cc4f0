import { describe, expect, test } from 'vitest';
import { importMarkdown } from '../../src/lib/importers/markdown.ts';
import { escapeCodeSpanPipes, labelsToHeadings } from '../../src/lib/importers/markdown-sections.ts';
import { parseTimeline, zoneOffset } from '../../src/lib/importers/markdown-timeline.ts';
import { guessTimelineKind } from '../../src/lib/timeline-kind.ts';
import { draftOf, readImportFixture, SEVERITIES } from './import-helpers.ts';

const sre = () =>
  importMarkdown(readImportFixture('markdown/search-empty-results.md'), { keepNames: false, severities: SEVERITIES });

describe('the Google-SRE-style template (headings)', () => {
  test('frontmatter is filled from what was found', () => {
    const { data, id } = draftOf(sre());
    expect(id).toBe('2025-06-12-search-results-empty-for-logged-out');
    expect(data).toMatchObject({
      title: 'Search results empty for logged-out users (incident #2291)',
      status: 'draft',
      severity: 'SEV2',
      started: new Date('2025-06-12T14:05:00Z'),
      detected: new Date('2025-06-12T14:09:00Z'),
      mitigated: new Date('2025-06-12T14:49:00Z'),
      resolved: new Date('2025-06-12T14:53:00Z'),
      authors: ['P.N.', 'T.R.', 'L.W.'],
      detection: { method: 'customer-report' },
      trigger: 'Release 2025.06.12-rc2 of search-frontend, rolled out to every host at 14:05 UTC.',
    });
    expect(data.summary).toMatch(/^For 48 minutes, logged-out visitors/);
    expect(data.impact?.description).toMatch(/^About 38,000 search requests/);
    expect(data.contributingFactors.map((f) => f.description)).toEqual([
      'The cache key for search results left out the locale for anonymous sessions, so an empty result cached for one locale was served to every locale.',
      'The canary only received logged-in traffic, so it never exercised the anonymous path.',
      'The key template `search:{locale}:{query}` was expanded before the locale was known.',
    ]);
    expect(data.lessons).toEqual({
      wentWell: [
        'The rollback took under four minutes once started.',
        'Support escalated within 12 minutes of the first ticket.',
      ],
      wentWrong: ['No alert covered the zero-result rate.', 'The canary population had no anonymous users.'],
      gotLucky: ['It happened outside the peak hours of the largest locale.'],
    });
  });

  test('the action items table: types, owners, ticket links, status hints', () => {
    expect(draftOf(sre()).data.actionItems).toEqual([
      {
        title: 'Include the locale in every search cache key',
        owner: 'search-team',
        status: 'open',
        type: 'prevent',
        ticket: 'https://tracker.example/SRCH-812',
      },
      {
        title: 'Send a share of anonymous traffic to the canary (SRCH-813)',
        owner: 'release-eng',
        status: 'open',
        type: 'detect',
      },
      { title: 'Alert on the zero-result rate per locale (SRCH-814)', owner: 'TBD', status: 'open', type: 'detect' },
      {
        title: 'Runbook: flushing the result cache safely (SRCH-815 (DONE))',
        owner: 'search-team',
        status: 'done',
        type: 'mitigate',
      },
    ]);
  });

  test('timeline: markers become stamps and are removed; kinds guessed; names become initials', () => {
    const events = draftOf(sre()).data.timeline.map((e) => `${e.at.toISOString().slice(11, 16)} ${e.kind} ${e.event}`);
    expect(events).toEqual([
      '14:05 action Release 2025.06.12-rc2 reaches every search-frontend host.',
      '14:09 detection First support ticket: "search shows nothing 😱"',
      '14:21 escalation Support pages the search on-call',
      '14:26 action T.R. acknowledges and starts reading the <SearchFrontend> logs {cache: miss}',
      '14:38 escalation Incident declared SEV2; P.N. is incident commander',
      '14:45 mitigation Decision to roll back',
      '14:49 mitigation Rollback complete.',
      '14:52 action Result cache flushed',
      '14:53 resolution Search results return for logged-out users.',
      '15:30 communication Status page updated: resolved',
    ]);
  });

  test('what could not be mapped stays in the body, escaped so it compiles', () => {
    const { text } = draftOf(sre());
    const body = text.slice(text.indexOf('\n---\n', 4) + 5);
    expect(body).toContain('{/* Draft for the Thursday review.');
    expect(body).toContain('## Resolution\n\nThe release was rolled back at 14:49');
    expect(body).toContain('`if (locale == null) { skipCache() }`');
    expect(body).toContain('\\<CacheMiss key="search::faq"/> and \\{"locale": null\\}');
    expect(body).toContain('naïve café 日本語 ✓');
    expect(body).toContain('```\nkey = "search:{locale}:{query}"   # <- not escaped inside code\n```');
    expect(body).toContain('&#105;mport \\{ cache \\} from "search-frontend"');
    expect(body).toContain('## Timeline lines not imported\n\nFollow-up call scheduled with the help-centre team.');
    // Mapped sections left the body.
    expect(body).not.toMatch(
      /## (Summary|Impact|Root Causes|Trigger|Detection|Action Items|Lessons Learned|Timeline)\n/,
    );
  });

  test('--keep-names keeps names as written', () => {
    const result = importMarkdown(readImportFixture('markdown/search-empty-results.md'), {
      keepNames: true,
      severities: SEVERITIES,
    });
    expect(result.fields.authors).toEqual(['Priya Natarajan', 'Tomás Ruiz', 'Li Wei']);
    expect(result.timeline.some((e) => e.event.includes('Tomás acknowledges'))).toBe(true);
  });

  test('the report says what was assumed or not imported', () => {
    expect(sre().notes).toEqual(
      expect.arrayContaining([
        'the document\'s status ("Complete, action items in progress") was not imported: imports are drafts',
        '1 timeline line(s) had no time and were kept in the body',
      ]),
    );
  });
});

describe('the template written as "Label: text" lines', () => {
  test('labels, a zone in the timeline heading, dates on each line', () => {
    const { data } = draftOf(
      importMarkdown(readImportFixture('markdown/label-style.md'), { keepNames: false, severities: SEVERITIES }),
    );
    expect(data).toMatchObject({
      title: 'Batch export stalled (incident #311)',
      severity: 'SEV3',
      started: new Date('2024-09-02T23:10:00Z'),
      detected: new Date('2024-09-03T04:02:00Z'),
      mitigated: new Date('2024-09-03T04:20:00Z'),
      authors: ['S.O.'],
      trigger: 'Planned broker failover at 01:10.',
    });
    expect(data.timeline).toHaveLength(5);
  });

  test('labelsToHeadings leaves code fences alone', () => {
    expect(labelsToHeadings('**Summary:** x\n```\nImpact: y\n```\nImpact: z')).toBe(
      '\n## Summary\n\nx\n```\nImpact: y\n```\n\n## Impact\n\nz',
    );
  });
});

describe('sections that must come through as written', () => {
  const read = (markdown: string) => importMarkdown(markdown, { keepNames: true, severities: SEVERITIES });

  test('`a|b` inside a code span stays in its Action Items cell', () => {
    const { fields } = read(
      [
        '## Action Items',
        '',
        '| Action Item | Type | Owner |',
        '| --- | --- | --- |',
        '| Split `grep a|b` into two alerts | detect | search-team |',
      ].join('\n'),
    );
    expect(fields.actionItems).toEqual([
      { title: 'Split `grep a|b` into two alerts', owner: 'search-team', status: 'open', type: 'detect' },
    ]);
  });

  test.each([
    ['| `a|b` | c |', '| `a\\|b` | c |'],
    ['| ``x`|`y`` | `p|q` |', '| ``x`\\|`y`` | `p\\|q` |'],
    ['| `a\\|b` | c |', '| `a\\|b` | c |'],
    ['| no code | a |', '| no code | a |'],
  ])('escapeCodeSpanPipes(%s)', (row, escaped) => {
    expect(escapeCodeSpanPipes(row)).toBe(escaped);
  });

  test('backticks stay in the title, contributing factors and action items', () => {
    const { fields } = read(
      '# Postmortem: `config.yaml` reload loop\n\n## Contributing factors\n\n- `retries: 0` in the client\n',
    );
    expect(fields.title).toBe('`config.yaml` reload loop');
    expect(fields.contributingFactors).toEqual([{ description: '`retries: 0` in the client' }]);
  });

  test('an `Impact:` label under `## Impact` does not repeat the heading', () => {
    const result = read('# T\n\n## Impact\n\nImpact: 12% of checkouts failed.\n\n## Notes\n\nkept');
    expect(result.fields.impact).toEqual({ description: '12% of checkouts failed.' });
    expect(result.body).not.toContain('Impact');
    expect(labelsToHeadings('## Impact\n\n**Impact:** x')).toBe('## Impact\n\nx');
  });

  test.each([
    ['a heading with HTML', '## Summary <a id="summary"></a>\n\nThe cache served empty results.'],
    ['a heading in bold', '## **Summary**\n\nThe cache served empty results.'],
    ['a code block under it', '## Summary\n\nThe cache served empty results.\n\n```\nkey = a\n```'],
    ['a quote under it', '## Summary\n\nThe cache served empty results.\n\n> from the on-call notes'],
  ])('a Summary with markup is found (%s)', (_, markdown) => {
    const result = read(`# T\n\n${markdown}`);
    expect(result.fields.summary).toBe('The cache served empty results.');
  });
});

describe('timeline lines', () => {
  test.each([
    ['UTC', '+00:00'],
    ['CEST', '+02:00'],
    ['UTC+2', '+02:00'],
    ['GMT-5', '-05:00'],
    ['+0530', '+05:30'],
    ['Mars', undefined],
  ])('zone %s → %s', (zone, offset) => {
    expect(zoneOffset(zone)).toBe(offset);
  });

  test('day rollover, tables, inline dates, explicit zones, unparsed lines', () => {
    const parsed = parseTimeline(
      [
        '2025-01-31 (times in PST)',
        '| Time | Event |',
        '|---|---|',
        '| 23:50 | Alert fired |',
        '| 00:10 | Rolled back |',
        '2025-02-02 09:00 UTC Postmortem',
        'no time here',
        '- 25:99 not a time',
      ].join('\n'),
      {},
    );
    expect(parsed.entries.map((e) => [e.at.toISOString(), e.kind, e.event])).toEqual([
      ['2025-02-01T07:50:00.000Z', 'detection', 'Alert fired'],
      ['2025-02-01T08:10:00.000Z', 'mitigation', 'Rolled back'],
      ['2025-02-02T09:00:00.000Z', 'action', 'Postmortem'],
    ]);
    expect(parsed.unparsed).toEqual(['no time here', '- 25:99 not a time']);
    expect(parsed.notes).toEqual(
      expect.arrayContaining([
        'timeline times without a zone were read as PST (-08:00), as the date line "2025-01-31 (times in PST)" says',
        '"UTC" after the time was read as the zone +00:00 on 1 timeline line(s)',
        '"00:10 | Rolled back |" is earlier than the line before ("23:50 | Alert fired |"); read as the next day, 20 min after it: check it',
      ]),
    );
  });

  // Each line follows `2025-03-01` + `- 08:00 Alert` (no zone), so a zone or a rollover shows in the stamp.
  test.each([
    ['14:25 Zero-results alert', '2025-03-01T14:25:00.000Z', 'Zero-results alert'],
    ['14:25 Zookeeper leader lost', '2025-03-01T14:25:00.000Z', 'Zookeeper leader lost'],
    ['14:25 Z-order index rebuilt', '2025-03-01T14:25:00.000Z', 'Z-order index rebuilt'],
    ['10:05 Estimated 30% of requests fail', '2025-03-01T10:05:00.000Z', 'Estimated 30% of requests fail'],
    ['10:05 ESTIMATE: 30% of requests fail', '2025-03-01T10:05:00.000Z', 'ESTIMATE: 30% of requests fail'],
    ['10:05 Est. 30% of requests fail', '2025-03-01T10:05:00.000Z', 'Est. 30% of requests fail'],
    ['10:30 Cets rolled back', '2025-03-01T10:30:00.000Z', 'Cets rolled back'],
    ['10:30 CETs rolled back', '2025-03-01T10:30:00.000Z', 'CETs rolled back'],
    ['10:30 PSTN gateway down', '2025-03-01T10:30:00.000Z', 'PSTN gateway down'],
    ['10:30 Pst, quiet now', '2025-03-01T10:30:00.000Z', 'Pst, quiet now'],
    ['10:30 UTCTime parser throws', '2025-03-01T10:30:00.000Z', 'UTCTime parser throws'],
    ['10:30 Utc offsets checked', '2025-03-01T10:30:00.000Z', 'Utc offsets checked'],
    ['10:30 Gmtools restarted', '2025-03-01T10:30:00.000Z', 'Gmtools restarted'],
    ['10:30 +1000 requests queued', '2025-03-01T10:30:00.000Z', '+1000 requests queued'],
    ['10:30 MITIGATED by a rollback', '2025-03-01T10:30:00.000Z', 'MITIGATED by a rollback'],
    ['10:30 MST team paged', '2025-03-01T17:30:00.000Z', 'team paged'],
    ['10:30 CET rolled back', '2025-03-01T09:30:00.000Z', 'rolled back'],
    ['10:30 UTC+2 rolled back', '2025-03-01T08:30:00.000Z', 'rolled back'],
    ['10:30Z rolled back', '2025-03-01T10:30:00.000Z', 'rolled back'],
    ['10:30+0100 rolled back', '2025-03-01T09:30:00.000Z', 'rolled back'],
    ['10:30 -05:00 rolled back', '2025-03-01T15:30:00.000Z', 'rolled back'],
    ['**10:30 EST** rolled back', '2025-03-01T15:30:00.000Z', 'rolled back'],
    ['| 10:30 | Cets rolled back |', '2025-03-01T10:30:00.000Z', 'Cets rolled back'],
    ['07:55 Retry storm', '2025-03-02T07:55:00.000Z', 'Retry storm'],
    ['00:15 Past midnight: queue drained', '2025-03-02T00:15:00.000Z', 'Past midnight: queue drained'],
  ])('%s', (line, at, event) => {
    const parsed = parseTimeline(`- 08:00 Alert\n${line}`, { date: '2025-03-01' });
    expect(parsed.entries[1]).toMatchObject({ event });
    expect(parsed.entries[1]?.at.toISOString()).toBe(at);
    const rolled = parsed.notes.some((n) => n.includes('read as the next day'));
    expect(rolled).toBe(at.startsWith('2025-03-02'));
  });

  test('a rollover is reported with the lines and the gap it makes', () => {
    const parsed = parseTimeline('- 23:40 Disk full alert\n- 00:20 Logs rotated', { date: '2025-03-01' });
    expect(parsed.entries.map((e) => e.at.toISOString())).toEqual([
      '2025-03-01T23:40:00.000Z',
      '2025-03-02T00:20:00.000Z',
    ]);
    expect(parsed.notes).toContain(
      '"00:20 Logs rotated" is earlier than the line before ("23:40 Disk full alert"); read as the next day, 40 min after it: check it',
    );
  });

  test.each([
    ['**OUTAGE BEGINS** Release reaches every host', 'started', 'Release reaches every host'],
    ['OUTAGE ENDS. Error rate back to normal', 'resolved', 'Error rate back to normal'],
    ['**OUTAGE MITIGATED** Rollback complete', 'mitigated', 'Rollback complete'],
    ['INCIDENT RESOLVED', 'resolved', '(no description)'],
  ] as const)('marker in "%s" sets %s and is reported', (text, stamp, event) => {
    const parsed = parseTimeline(`- 10:00 ${text}`, { date: '2025-03-01' });
    expect(parsed[stamp]?.toISOString()).toBe('2025-03-01T10:00:00.000Z');
    expect(parsed.entries[0]?.event).toBe(event);
    expect(parsed.notes.some((n) => n.startsWith(`${stamp} was taken from the marker`))).toBe(true);
  });

  test('no zone anywhere: read as UTC, and said so', () => {
    const parsed = parseTimeline('- 10:00 Alert', { date: '2025-03-01' });
    expect(parsed.entries[0]?.at.toISOString()).toBe('2025-03-01T10:00:00.000Z');
    expect(parsed.notes[0]).toMatch(/^the timeline names no time zone; times were read as UTC/);
  });
});

describe('guessTimelineKind', () => {
  test.each([
    ['Alert fired for checkout', 'detection'],
    ['Customer reports of failed payments', 'detection'],
    ['Paged the database on-call', 'escalation'],
    ['Rolled back the release', 'mitigation'],
    ['Status page updated: resolved', 'communication'],
    ['Incident resolved', 'resolution'],
    ['Looked at the dashboards', 'action'],
  ] as const)('%s → %s', (text, kind) => {
    expect(guessTimelineKind(text, 'action')).toBe(kind);
  });
});

test('input with nothing recognisable still becomes a compiling draft with everything in the body', () => {
  const result = importMarkdown('Some notes {with braces} <and tags>\n\n<!-- hidden -->\n', {
    keepNames: false,
    severities: SEVERITIES,
  });
  const { text } = draftOf(result, { title: 'Notes', severity: 'SEV4', started: new Date('2025-01-01T00:00:00Z') });
  expect(text).toContain('Some notes \\{with braces\\} \\<and tags>\n\n{/* hidden */}');
});
