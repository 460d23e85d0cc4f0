import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const corpus = join(root, 'test/fixtures/insights');

/** Runs the real `node scripts/report.ts` the way `npm run report --` does. */
function report(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/report.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, HINDSIGHT_CONTENT: corpus, HINDSIGHT_NOW: '', FORCE_COLOR: '0', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('report actions', () => {
  test('a table of open items by owner, overdue first, as of --now', () => {
    const { code, stdout, stderr } = report(['actions', '--now', '2026-11-21']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'Open action items as of 2026-11-21: 4 open, 2 overdue.',
        '',
        'OWNER     DUE         LATE              STATUS       ACTION                                  INCIDENT',
        'network   2024-04-30  OVERDUE 935 days  open         Add a canary stage for resolver config  2024-03-05-resolver-change',
        'platform  2026-11-01  OVERDUE 20 days   open         Autoscale the webhook queue             2026-11-10-queue-backlog',
        '          -                             open         Alert on queue depth                    2026-11-10-queue-backlog',
        // Due today is not overdue.
        'data      2026-11-21                    in-progress  Add a second replica                    2025-01-10-db-failover',
        '',
      ].join('\n'),
    );
  });

  test('--trend: the backlog month by month and the median age of open items', () => {
    // As of 15 May 2024 only the resolver review (published 12 Mar) has items: the canary (open, due 30 Apr)
    // and the alert window (done 18 Mar). Age of the open one: 19 + 30 + 15 = 64 days.
    const { code, stdout } = report(['actions', '--trend', '--now', '2024-05-15']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'Action item backlog as of 2024-05-15: 1 open, median age 64 days.',
        '',
        'MONTH    OPENED  CLOSED  OPEN AT END  OVERDUE AT END',
        '2024-03  2       1       1            0',
        '2024-04  0       0       1            0',
        // Due 30 April is not overdue at the end of 30 April, but is by 15 May.
        '2024-05  0       0       1            1',
        '',
      ].join('\n'),
    );
    expect(report(['reviews', '--trend']).code).toBe(2);
  });

  test('--json carries the same items', () => {
    const { code, stdout } = report(['actions', '--json', '--now', '2026-11-21']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { owners: { owner: string; overdue: number; items: object[] }[] };
    expect(json).toMatchObject({ today: '2026-11-21', open: 4, overdue: 2 });
    expect(json.owners.map((o) => [o.owner, o.overdue])).toEqual([
      ['network', 1],
      ['platform', 1],
      ['data', 0],
    ]);
    expect(json.owners[0]!.items[0]).toMatchObject({
      title: 'Add a canary stage for resolver config',
      daysOverdue: 935,
      incidentId: '2024-03-05-resolver-change',
    });
  });

  test('--fail-on-overdue exits 1 when something is overdue, and 0 when nothing is', () => {
    const failing = report(['actions', '--fail-on-overdue', '--now', '2026-11-21']);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toBe('2 action items are overdue (--fail-on-overdue).\n');
    expect(failing.stdout).toContain('OVERDUE 935 days');
    // Before the canary's due date nothing is overdue yet.
    const passing = report(['actions', '--fail-on-overdue', '--now', '2024-04-30']);
    expect(passing.stdout).toContain('0 overdue');
    expect(passing.code).toBe(0);
  });

  test('HINDSIGHT_NOW pins the date when --now is absent', () => {
    expect(report(['actions'], { HINDSIGHT_NOW: '2026-11-02T08:00:00Z' }).stdout).toContain('OVERDUE 1 day ');
  });
});

describe('report reviews', () => {
  test('unpublished reviews past due, by owner, in business days', () => {
    const { code, stdout } = report(['reviews', '--now', '2026-11-21']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'Reviews are due 10 business days after resolution. As of 2026-11-21: 1 overdue, 1 not yet due.',
        '',
        'OWNER       RESOLVED    DUE         LATE              REVIEW                               INCIDENT',
        '(no owner)  2026-10-20  2026-11-03  13 business days  Short TTLs overloaded the resolvers  2026-10-20-dns-ttl',
        '',
      ].join('\n'),
    );
  });

  test('--fail-on-overdue with --json', () => {
    const { code, stdout, stderr } = report(['reviews', '--json', '--fail-on-overdue', '--now', '2026-11-21']);
    expect(code).toBe(1);
    expect(stderr).toBe('1 review is overdue (--fail-on-overdue).\n');
    expect(JSON.parse(stdout)).toMatchObject({
      overdue: 1,
      awaiting: 1,
      dueBusinessDays: 10,
      owners: [{ owner: '(no owner)', items: [{ id: '2026-10-20-dns-ttl', businessDaysLate: 13 }] }],
    });
  });

  test('the due period comes from hindsight.yaml, drafts can be left out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-report-'));
    cpSync(corpus, dir, { recursive: true });
    // 30 business days after 2026-10-20 is 2026-12-01: not overdue yet. Excluding drafts drops it anyway.
    writeFileSync(join(dir, 'hindsight.yaml'), 'reviewDueBusinessDays: 30\n');
    expect(report(['reviews', '--now', '2026-11-21', '--content', dir]).stdout).toContain('0 overdue, 2 not yet due');
    writeFileSync(join(dir, 'hindsight.yaml'), 'drafts: exclude\n');
    expect(report(['reviews', '--now', '2026-11-21', '--content', dir]).stdout).toContain('0 overdue, 1 not yet due');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('usage and content errors exit 2', () => {
  test.each([[[]], [['bogus']], [['actions', '--nope']], [['actions', '--now', 'yesterday']]])('report %j', (args) => {
    const { code, stderr } = report(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Usage: npm run report|--now: "yesterday" is not a date|Unknown option/);
  });

  test('invalid frontmatter names the file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-report-'));
    cpSync(corpus, dir, { recursive: true });
    writeFileSync(
      join(dir, 'incidents/2026-11-19-db-locks.mdx'),
      '---\ntitle: x\nsummary: y\nstatus: done\nseverity: SEV3\nstarted: 2026-11-19T00:00:00Z\n---\n',
    );
    const { code, stderr } = report(['actions', '--content', dir]);
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(2);
    expect(stderr).toContain('2026-11-19-db-locks.mdx: status "done": expected one of draft, in-review, published');
  });

  test('a .md review is refused as the build refuses it, not counted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-report-'));
    cpSync(corpus, dir, { recursive: true });
    renameSync(join(dir, 'incidents/2026-11-19-db-locks.mdx'), join(dir, 'incidents/2026-11-19-db-locks.md'));
    const { code, stdout, stderr } = report(['actions', '--content', dir]);
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^.*incidents\/2026-11-19-db-locks\.md: reviews are \.mdx files: a \.md file is compiled as plain Markdown, so <Internal> sections would be published\. Rename it to \.mdx$/m,
    );
  });

  test('a content root without incidents/ is named as such', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-report-'));
    const { code, stderr } = report(['actions', '--content', dir]);
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(2);
    expect(stderr).toContain('has no incidents/ folder: is this a Hindsight content root?');
  });
});
