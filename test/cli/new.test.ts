import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyCorpus, listReviews, readReview, runTool } from './run-cli.ts';

const FLAGS = [
  '--title',
  'Checkout errors after resolver change',
  '--severity',
  'sev2',
  '--started',
  '2026-11-20T16:02+02:00',
  '--services',
  'checkout-api,edge-dns',
  '--tags',
  'dns,config-change',
  '--owner',
  'platform',
];

describe('npm run new', () => {
  test('--help explains every flag', () => {
    const result = runTool('new', ['--help']);
    expect(result.status).toBe(0);
    for (const flag of [
      '--title',
      '--severity',
      '--near-miss',
      '--started',
      '--services',
      '--tags',
      '--summary',
      '--slug',
      '--interactive',
    ])
      expect(result.stdout).toContain(flag);
  });

  test('all by flags: writes a valid draft named <date>-<slug>.mdx that lints without errors', () => {
    const root = copyCorpus('minimal');
    const result = runTool('new', FLAGS, { content: root });
    expect(result.status).toBe(0);
    const file = join(root, 'incidents/2026-11-20-checkout-errors-after-resolver-change.mdx');
    expect(result.stdout).toContain(
      `Created ${file} (id 2026-11-20-checkout-errors-after-resolver-change, status draft).`,
    );
    const { data, text } = readReview(file);
    expect(data).toMatchObject({
      status: 'draft',
      severity: 'SEV2',
      started: new Date('2026-11-20T14:02:00Z'),
      services: ['checkout-api', 'edge-dns'],
      owner: 'platform',
    });
    expect(text).toContain('started: 2026-11-20T14:02:00Z');
    expect(text).toContain('## What was hard');
    expect(text).not.toContain('## Where we got lucky');
    const lint = runTool('lint', [file], { content: root });
    expect(lint.status).toBe(0);
    expect(lint.stdout).toContain('0 errors');
  });

  test('--near-miss: no --severity needed, kind near-miss, the shorter skeleton, lints without errors', () => {
    const root = copyCorpus('minimal');
    const result = runTool(
      'new',
      ['--near-miss', '--title', 'Expired cert caught by canary', '--started', '2026-11-20T09:00Z'],
      { content: root },
    );
    expect(result.status).toBe(0);
    const { data, text } = readReview(join(root, 'incidents/2026-11-20-expired-cert-caught-by-canary.mdx'));
    expect([data.kind, data.severity]).toEqual(['near-miss', undefined]);
    expect(text).toContain('## What stopped it');
    expect(text).not.toContain('## Where we got lucky');
    const lint = runTool('lint', [join(root, 'incidents/2026-11-20-expired-cert-caught-by-canary.mdx')], {
      content: root,
    });
    expect(lint.stdout).toContain('0 errors');
  });

  test('never overwrites an existing review', () => {
    const root = copyCorpus('minimal');
    const file = join(root, 'incidents/2026-11-20-checkout-errors-after-resolver-change.mdx');
    writeFileSync(file, 'an existing review\n');
    const result = runTool('new', FLAGS, { content: root });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      '2026-11-20-checkout-errors-after-resolver-change.mdx already exists; nothing was written',
    );
    expect(readFileSync(file, 'utf8')).toBe('an existing review\n');
  });

  test('an unknown service is refused with the list of known ones; nothing is written', () => {
    const root = copyCorpus('minimal');
    const before = listReviews(root);
    const result = runTool('new', [...FLAGS.slice(0, 6), '--services', 'checkout-api,edge-dsn'], { content: root });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'error: service "edge-dsn" is not a service in the catalog (did you mean edge-dns? known: checkout-api, edge-dns, payments-db)\n',
    );
    expect(listReviews(root)).toEqual(before);
  });

  test.each([
    [
      'missing flags without a terminal',
      ['--title', 'x'],
      'error: missing --severity, --started (stdin is not a terminal, so nothing can be asked). See: npm run new -- --help',
    ],
    [
      'a start time without an offset',
      ['--title', 'x', '--severity', 'SEV2', '--started', '2026-11-20T14:02'],
      'error: --started "2026-11-20T14:02" has no timezone offset: add Z for UTC or an offset such as +02:00',
    ],
    [
      'an unknown severity',
      ['--title', 'x', '--severity', 'P1', '--started', 'now'],
      'error: severity "P1" is not one of SEV1, SEV2, SEV3, SEV4',
    ],
    [
      'a tag that is not kebab-case',
      ['--title', 'x', '--severity', 'SEV2', '--started', 'now', '--tags', 'Config Change'],
      // One tag, not split at the space: the fix names the kebab-case spelling.
      'error: tag "Config Change" is not lowercase kebab-case (try "config-change")',
    ],
    [
      'a tag list with a space in one tag',
      ['--title', 'x', '--severity', 'SEV2', '--started', 'now', '--tags', 'dns, config change'],
      'error: tag "config change" is not lowercase kebab-case (try "config-change")',
    ],
    ['a misspelt option', ['--tittle', 'x'], "error: Unknown option '--tittle'. See: npm run new -- --help"],
  ])('%s is a clear error', (_name, args, message) => {
    const result = runTool('new', args, { content: copyCorpus('minimal') });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(message);
  });

  test('a folder that is not a content root', () => {
    const result = runTool('new', FLAGS, { content: mkdtempSync(join(tmpdir(), 'empty-')) });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /has no incidents\/ folder: is this a Hindsight content root\? \(set HINDSIGHT_CONTENT/,
    );
  });

  test('--interactive asks for what is missing and re-asks after a wrong answer', () => {
    const root = copyCorpus('minimal');
    const answers = [
      'Queue backlog after deploy',
      'SEV5',
      'SEV3',
      '2026-11-19T08:00Z',
      'payments-dbb',
      'payments-db',
      'capacity',
      'Confirmations were late.',
      '',
    ].join('\n');
    const result = runTool('new', ['--interactive', '--slug', 'queue-backlog'], {
      content: root,
      input: `${answers}\n`,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'Severity (SEV1, SEV2, SEV3, SEV4; SEV1 is the worst): SEV5\n  expected one of SEV1, SEV2, SEV3, SEV4',
    );
    expect(result.stdout).toContain('Services in the catalog: checkout-api, edge-dns, payments-db');
    expect(result.stdout).toContain('Tags in use: ');
    const { data } = readReview(join(root, 'incidents/2026-11-19-queue-backlog.mdx'));
    expect(data).toMatchObject({
      title: 'Queue backlog after deploy',
      severity: 'SEV3',
      services: ['payments-db'],
      tags: ['capacity'],
      summary: 'Confirmations were late.',
    });
  });

  test('interactive input that ends early is an error, not a hang', () => {
    const result = runTool('new', ['--interactive'], { content: copyCorpus('minimal'), input: 'Only a title\n' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('error: input ended before every question was answered\n');
  });
});
