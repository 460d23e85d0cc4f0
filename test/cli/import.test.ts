import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyCorpus, listReviews, projectRoot, readReview, runTool } from './run-cli.ts';

const fixture = (path: string) => join(projectRoot, 'test/fixtures/import', path);
const run = (args: string[], content: string) => runTool('import', args, { content });

describe('npm run import', () => {
  test('--help names the sources, the merge and the flags, with examples', () => {
    const result = runTool('import', ['--help']);
    expect(result.status).toBe(0);
    for (const text of [
      'markdown <file|folder>',
      'slack <export-folder>',
      'pagerduty <file.json>',
      '--into <id>',
      '--keep-names',
      '--channel <name>',
      '--select <which>',
      '--dry-run',
      'Examples:',
    ]) {
      expect(result.stdout).toContain(text);
    }
  });

  test('markdown: a new draft, valid for the schema, with the report', () => {
    const root = copyCorpus('minimal');
    const result = run(
      ['markdown', fixture('markdown/search-empty-results.md'), '--services', 'checkout-api', '--tags', 'search'],
      root,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const file = join(root, 'incidents/2025-06-12-search-results-empty-for-logged-out.mdx');
    expect(result.stdout).toContain(
      `Created ${file} (draft) from test/fixtures/import/markdown/search-empty-results.md\n`,
    );
    expect(result.stdout).toContain('  - 1 timeline line(s) had no time and were kept in the body\n');
    const { data } = readReview(file);
    expect(data).toMatchObject({ status: 'draft', severity: 'SEV2', services: ['checkout-api'], tags: ['search'] });
    expect(data.timeline).toHaveLength(10);
  });

  test('markdown: a folder gives one draft per file', () => {
    const root = copyCorpus('minimal');
    const result = run(['markdown', fixture('markdown')], root);
    expect(result.status).toBe(0);
    expect(listReviews(root)).toEqual(
      expect.arrayContaining([
        '2024-09-02-batch-export-stalled-incident-311.mdx',
        '2025-06-12-search-results-empty-for-logged-out.mdx',
      ]),
    );
  });

  test('slack --into merges into an existing review, and a second run adds nothing', () => {
    const root = copyCorpus('minimal');
    const file = join(root, 'incidents/2024-03-05-checkout-resolver.mdx');
    const before = readFileSync(file, 'utf8');
    const args = [
      'slack',
      fixture('slack/export'),
      '--channel',
      'inc-2291-search',
      '--to',
      '2025-06-12',
      '--into',
      '2024-03-05-checkout-resolver',
    ];
    const first = run(args, root);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(
      `Merged Slack export export, #inc-2291-search into ${file}: 8 timeline entries added, 0 already there`,
    );
    const merged = readFileSync(file, 'utf8');
    expect(merged.startsWith(before.slice(0, before.indexOf('timeline:')))).toBe(true);
    expect(readReview(file).data.timeline).toHaveLength(3 + 8);
    const second = run(args, root);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('0 timeline entries added, 8 already there');
    expect(readFileSync(file, 'utf8')).toBe(merged);
  });

  test('pagerduty: a new draft; importing it again is refused and points at --into', () => {
    const root = copyCorpus('minimal');
    const args = ['pagerduty', fixture('pagerduty/log_entries.json'), '--severity', 'SEV2', '--slug', 'search-empty'];
    expect(run(args, root).status).toBe(0);
    const { data } = readReview(join(root, 'incidents/2025-06-12-search-empty.mdx'));
    expect(data.resolved).toEqual(new Date('2025-06-12T14:58:00Z'));
    const again = run(args, root);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      /2025-06-12-search-empty\.mdx already exists; nothing was written \(merge with --into 2025-06-12-search-empty, or choose another --slug\)/,
    );
  });

  test('slack without --title or --severity: the topic gives the title, a "Declaring SEV2" message the severity', () => {
    const root = copyCorpus('minimal');
    const result = run(
      ['slack', fixture('slack/export'), '--channel', 'inc-2291-search', '--slug', 'from-slack'],
      root,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('  - severity SEV2 was taken from the words "SEV2" in the input; check it\n');
    const { data } = readReview(join(root, 'incidents/2025-06-12-from-slack.mdx'));
    expect(data).toMatchObject({ title: 'Search results empty for logged-out users', severity: 'SEV2' });
  });

  test('slack: a channel without a topic is named after the channel', () => {
    const root = copyCorpus('minimal');
    const exportDir = join(root, '..', `${Date.now()}-slack-export`);
    cpSync(fixture('slack/export'), exportDir, { recursive: true });
    const channels = join(exportDir, 'channels.json');
    writeFileSync(
      channels,
      readFileSync(channels, 'utf8').replace('Search results empty for logged-out users | IC: <@U01PRIYA>', ''),
    );
    const result = run(['slack', exportDir, '--channel', 'inc-2291-search', '--slug', 'untitled'], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      '  - the title was made from the channel name #inc-2291-search; make it say what users saw\n',
    );
    expect(readReview(join(root, 'incidents/2025-06-12-untitled.mdx')).data.title).toBe('Incident 2291: search');
  });

  test('pagerduty: the incident summary is the title, and --interactive asks for the severity it lacks', () => {
    const root = copyCorpus('minimal');
    const result = runTool(
      'import',
      ['pagerduty', fixture('pagerduty/log_entries.json'), '--slug', 'asked', '--interactive'],
      {
        content: root,
        input: 'SEV9\nsev3\n',
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'does not say everything a review needs:\nSeverity (SEV1, SEV2, SEV3, SEV4; SEV1 is the worst): SEV9\n  expected one of SEV1',
    );
    expect(result.stdout).not.toContain('Title (');
    const { data } = readReview(join(root, 'incidents/2025-06-12-asked.mdx'));
    expect(data).toMatchObject({
      title: '[#2291] Support escalation: search returns no results for logged-out users',
      severity: 'SEV3',
    });
  });

  test.runIf(existsSync('/usr/bin/script'))('in a real terminal it asks without --interactive', () => {
    const root = copyCorpus('minimal');
    const command = `${process.execPath} scripts/import.ts pagerduty ${fixture('pagerduty/log_entries.json')} --slug in-a-tty`;
    const result = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], {
      cwd: projectRoot,
      encoding: 'utf8',
      input: 'SEV2\n',
      env: { ...process.env, HINDSIGHT_CONTENT: root, HINDSIGHT_NOW: '2026-11-21T12:00:00Z', FORCE_COLOR: '0' },
      timeout: 20_000,
    });
    expect(result.stdout).toContain('Severity (SEV1, SEV2, SEV3, SEV4; SEV1 is the worst): ');
    expect(readReview(join(root, 'incidents/2025-06-12-in-a-tty.mdx')).data.severity).toBe('SEV2');
  });

  test('--dry-run prints the review and writes nothing', () => {
    const root = copyCorpus('minimal');
    const before = listReviews(root);
    const result = run(['pagerduty', fixture('pagerduty/log_entries.json'), '--severity', 'SEV2', '--dry-run'], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^---\ntitle: "\[#2291\] Support escalation/);
    expect(result.stderr).toContain('Would create ');
    expect(listReviews(root)).toEqual(before);
  });

  test.each([
    [
      'malformed Slack JSON',
      ['slack', fixture('broken/slack-export'), '--channel', 'inc-1', '--severity', 'SEV3'],
      /^error: test\/fixtures\/import\/broken\/slack-export\/inc-1\/2025-06-12\.json is not valid JSON \(Expected ',' or '\}' after property value/,
    ],
    [
      'truncated PagerDuty JSON',
      ['pagerduty', fixture('broken/pagerduty-truncated.json')],
      /^error: test\/fixtures\/import\/broken\/pagerduty-truncated\.json is not valid JSON/,
    ],
    [
      'JSON of the wrong shape',
      ['pagerduty', fixture('broken/pagerduty-wrong-shape.json')],
      /^error: test\/fixtures\/import\/broken\/pagerduty-wrong-shape\.json is not a PagerDuty log entries export/,
    ],
    ['an unknown source', ['jira', 'x.json'], /^error: unknown source "jira": use markdown, slack or pagerduty/],
    ['slack without --channel', ['slack', fixture('slack/export')], /^error: slack needs --channel <name>/],
    [
      'a missing severity in a script (stdin not a terminal)',
      ['pagerduty', fixture('pagerduty/log_entries.json')],
      /^error: no severity was found: pass --severity \(one of SEV1, SEV2, SEV3, SEV4\)/,
    ],
    [
      'an unknown service',
      ['pagerduty', fixture('pagerduty/log_entries.json'), '--severity', 'SEV2', '--services', 'search'],
      /^error: --services: "search" is not a service in the catalog \(known: checkout-api, edge-dns, payments-db\)/,
    ],
    [
      'an unknown --into id',
      ['pagerduty', fixture('pagerduty/log_entries.json'), '--into', '2024-03-05-checkout'],
      /^error: --into "2024-03-05-checkout" is not a review \(known: 2023-11-02-resolver-timeouts, 2024-03-05-checkout-resolver, /,
    ],
    [
      'a bad --from',
      ['slack', fixture('slack/export'), '--channel', 'inc-2291-search', '--from', 'yesterday'],
      /^error: --from "yesterday" expected an ISO 8601 timestamp with an offset/,
    ],
    ['no input', ['markdown'], /^error: name a source and an input/],
  ])('%s is a clear error (exit 1, nothing written)', (_name, args, message) => {
    const root = copyCorpus('minimal');
    const before = listReviews(root).map((f) => readFileSync(join(root, 'incidents', f), 'utf8'));
    const result = run(args, root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(listReviews(root).map((f) => readFileSync(join(root, 'incidents', f), 'utf8'))).toEqual(before);
  });
});
