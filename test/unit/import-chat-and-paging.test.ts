import { describe, expect, test } from 'vitest';
import { importPagerDuty, readPagerDutyEntries } from '../../src/lib/importers/pagerduty.ts';
import { readJsonFile } from '../../src/lib/importers/read-json.ts';
import { importSlack, readSlackExport, slackToText, type SlackImportOptions } from '../../src/lib/importers/slack.ts';
import { draftOf, importFixture } from './import-helpers.ts';

const slack = (options: Partial<SlackImportOptions> = {}) =>
  importSlack(readSlackExport(importFixture('slack/export'), '#inc-2291-search'), {
    select: 'marked',
    keepNames: false,
    ...options,
  });

describe('Slack export', () => {
  test('pinned or reacted-to messages become timeline entries with initials as actors', () => {
    const { data } = draftOf(slack({ to: new Date('2025-06-12T23:59:59Z') }), { severity: 'SEV2' });
    expect(data.title).toBe('Search results empty for logged-out users');
    expect(data.started).toEqual(new Date('2025-06-12T14:21:03Z'));
    expect(data.timeline.map((e) => `${e.at.toISOString().slice(11, 19)} ${e.actor} ${e.kind}`)).toEqual([
      '14:21:03 PagerDuty detection',
      '14:22:40 T.R. observation',
      '14:26:30 T.R. observation',
      '14:27:00 T.R. observation',
      '14:30:12 A.K. communication',
      '14:38:02 P.N. escalation',
      '14:49:05 T.R. mitigation',
      '14:53:00 T.R. observation',
    ]);
  });

  test('Slack markup becomes plain text: mentions as initials, links, entities, groups, files', () => {
    const events = slack({ select: 'all' }).timeline.map((e) => e.event);
    expect(events).toContain(
      'the <SearchFrontend> logs say {cache: miss} for every anon request <!-- weird --> — see the log query (https://logs.example/q/abc)',
    );
    expect(events).toContain("Declaring SEV2. I'm IC, @T.R. ops lead, @L.W. comms. cc @search-oncall @here");
    expect(events).toContain('@A.K. yes please, post an update on the status page');
    expect(events).toContain('rollback of search-frontend to 2025.06.11 complete [file: Rollback dashboard]');
    // A deleted user named in plain text is replaced too.
    expect(events).toContain("A.K.2 says the canary never sees anonymous traffic, that's why it looked green");
  });

  test('a huge message is shortened in the timeline and kept in full, escaped, in the body', () => {
    const { data, text } = draftOf(slack(), { severity: 'SEV2' });
    const long = data.timeline.find((e) => e.event.startsWith('Full log excerpt'))!;
    expect(long.event.length).toBeLessThanOrEqual(281);
    expect(long.event.endsWith('…')).toBe(true);
    expect(text).toContain('## Slack messages in full\n\n### 2025-06-12 14:27 UTC, T.R.\n\nFull log excerpt');
    expect(text).toContain('key=search::\\{locale\\}::q119 took 219ms \\<CacheMiss/>');
  });

  test.each([
    ['pinned', undefined, 2],
    ['reacted', undefined, 7],
    ['reacted', 'pushpin', 1],
    ['marked', undefined, 9],
    ['all', undefined, 13],
  ] as const)('--select %s (reaction %s) → %i entries', (select, reaction, count) => {
    expect(slack({ select, ...(reaction ? { reaction } : {}) }).timeline).toHaveLength(count);
  });

  test('--from/--to keep the range; --keep-names keeps names; --slack-url links messages', () => {
    const result = slack({
      from: new Date('2025-06-12T14:25:00Z'),
      to: new Date('2025-06-12T14:40:00Z'),
      keepNames: true,
      workspaceUrl: 'https://acme.slack.com/',
    });
    expect(result.timeline.map((e) => e.actor)).toEqual([
      'Tomás Ruiz',
      'Tomás Ruiz',
      'Anna Kowalski',
      'Priya Natarajan',
    ]);
    expect(result.timeline[0]?.link).toBe('https://acme.slack.com/archives/C0INC2291/p1749738390000100');
    expect(result.notes).toContain('8 message(s) outside --from/--to were skipped');
  });

  test('slackToText', () => {
    const text = slackToText(
      '<@U1> &lt;b&gt; <#C9|ops> <#C2> <!channel> <mailto:a@b.example|a@b.example> <https://x.example> <!date^1|Jun 12> &amp;',
      (id) => `@${id}`,
      new Map([['C2', 'general']]),
    );
    expect(text).toBe('@U1 <b> #ops #general @channel a@b.example https://x.example Jun 12 &');
  });

  test.each([
    [
      'a malformed day file',
      'broken/slack-export',
      'inc-1',
      /broken\/slack-export\/inc-1\/2025-06-12\.json is not valid JSON \(Expected ',' or '}' after property value in JSON at position \d+ \(line 3 column \d+\)\)/,
    ],
    [
      'an unknown channel',
      'slack/export',
      'inc-9999',
      /--channel "inc-9999" is not a channel in the export \(known: general, inc-2291-search\)/,
    ],
    [
      'a folder that is not an export',
      'markdown',
      'x',
      /markdown has no channels\.json: is it an unzipped Slack export\?/,
    ],
  ])('%s is a clear error', (_name, dir, channel, message) => {
    expect(() => readSlackExport(importFixture(dir), channel)).toThrow(message);
  });
});

describe('PagerDuty log entries', () => {
  const file = importFixture('pagerduty/log_entries.json');
  const pagerduty = (keepNames = false) =>
    importPagerDuty(readPagerDutyEntries(readJsonFile(file), 'log_entries.json'), {
      keepNames,
      file: 'log_entries.json',
    });

  test('lifecycle stamps and timeline, in time order, notifications skipped, names as initials', () => {
    const { data } = draftOf(pagerduty(), { severity: 'SEV2' });
    expect(data).toMatchObject({
      title: '[#2291] Support escalation: search returns no results for logged-out users',
      started: new Date('2025-06-12T14:21:03Z'),
      detected: new Date('2025-06-12T14:21:03Z'),
      resolved: new Date('2025-06-12T14:58:00Z'),
      detection: { method: 'employee-report' },
    });
    expect(
      data.timeline.map((e) => `${e.at.toISOString().slice(11, 19)} ${e.kind} ${e.actor ?? '-'} ${e.event}`),
    ).toEqual([
      '14:21:03 detection A.K. Triggered: Support escalation: search returns no results for logged-out users',
      '14:22:31 action T.R. Acknowledged by T.R.',
      '14:26:40 observation T.R. Note: Anonymous sessions get an empty cached page; <SearchFrontend> cache key has no locale 🤔',
      '14:36:00 escalation P.N. Escalated to level 2 by P.N.',
      '14:36:00 escalation P.N. Assigned to L.W.',
      '14:38:10 escalation P.N. Priority changed from P3 to P2 by P.N.',
      '14:49:20 mitigation T.R. Note: Rolled back search-frontend to 2025.06.11; error rate dropping',
      '14:58:00 resolution P.N. Resolved by P.N.',
      '15:01:00 observation P.N. Something this importer has never seen.',
    ]);
    expect(data.timeline[0]?.link).toBe('https://acme.pagerduty.com/incidents/Q2291SRCH');
  });

  test('the report counts skipped and unknown entries; trigger details stay in the body', () => {
    const result = pagerduty();
    expect(result.notes).toEqual(
      expect.arrayContaining([
        '9 log entries imported',
        '2 notify entries skipped (paging noise)',
        'unknown entry type(s) frobnicate_log_entry were imported as observations',
      ]),
    );
    expect(result.body).toContain(
      '40+ tickets \\<b>search shows nothing\\</b> \\{"locale": null\\} {/* from Zendesk */}',
    );
  });

  test('--keep-names', () => {
    expect(pagerduty(true).timeline[1]).toMatchObject({ actor: 'Tomás Ruiz', event: 'Acknowledged by Tomás Ruiz.' });
  });

  test('a bare list and a list of pages are read too; duplicates across pages count once', () => {
    const page = readJsonFile(file) as { log_entries: unknown[] };
    expect(readPagerDutyEntries(page.log_entries, 'x')).toHaveLength(11);
    const twice = readPagerDutyEntries([page, page], 'x');
    expect(importPagerDuty(twice, { keepNames: false, file: 'x' }).timeline).toHaveLength(9);
  });

  test.each([
    [
      'truncated JSON',
      'broken/pagerduty-truncated.json',
      /pagerduty-truncated\.json is not valid JSON \(Expected double-quoted property name in JSON at position \d+ \(line 4 column 1\)\)/,
    ],
    [
      'the wrong shape',
      'broken/pagerduty-wrong-shape.json',
      /pagerduty-wrong-shape\.json is not a PagerDuty log entries export/,
    ],
    ['a missing file', 'nope.json', /nope\.json does not exist/],
  ])('%s is a clear error naming the file', (_name, path, message) => {
    const run = () => readPagerDutyEntries(readJsonFile(importFixture(path)), path);
    expect(run).toThrow(message);
  });

  test('a timestamp without an offset names the entry', () => {
    const entries = readPagerDutyEntries(
      { log_entries: [{ id: 'R1', type: 'trigger_log_entry', created_at: '2025-06-12T14:21:03' }] },
      'x.json',
    );
    expect(() => importPagerDuty(entries, { keepNames: false, file: 'x.json' })).toThrow(
      'x.json: log entry R1 created_at "2025-06-12T14:21:03" has no timezone offset',
    );
  });
});
