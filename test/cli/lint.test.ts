import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Finding } from '../../src/lib/lint/rules.ts';
import { PARSER_STALL } from '../fixtures/parser-stall.ts';
import { copyCorpus, projectRoot, runTool } from './run-cli.ts';

const CORPUS = 'test/fixtures/lint';
const BLAMEFUL = `${CORPUS}/incidents/2024-06-01-blameful-review.mdx`;
const env = { HINDSIGHT_NOW: '2024-08-01T00:00:00Z' };
const lint = (args: string[], content = CORPUS) => runTool('lint', args, { content, env });

describe('npm run lint', () => {
  test('--help names the options, the disable comment, the config and the exit codes', () => {
    const result = lint(['--help']);
    expect(result.status).toBe(0);
    for (const text of [
      '--format <human|json>',
      '--config <file>',
      'hindsight-disable-line',
      'hindsight-lint.yaml',
      'Exit code: 0',
    ])
      expect(result.stdout).toContain(text);
  });

  test('--list-rules lists every rule with its default level', () => {
    const result = lint(['--list-rules']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^human-error\s+error\s+language\s+"human error"/m);
    expect(result.stdout).toMatch(/^overdue-action\s+warning\s+consistency/m);
    expect(result.stdout.trim().split('\n')).toHaveLength(29);
  });

  test('--list-rules into a reader that closes early (| head) exits 0 without an EPIPE trace', async () => {
    const child = spawn(process.execPath, [join(projectRoot, 'scripts/lint.ts'), '--list-rules'], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // closed before the tool writes a byte
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  test('errors: exit 1, file:line:column, message, rule id and suggestion', () => {
    const result = lint([]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `${BLAMEFUL}:25:1  error    "Sam Rivera forgot" makes Sam Rivera, a participant, the subject of a failure  [blamed-participant]\n    → Describe what the person saw`,
    );
    expect(result.stdout).toContain(`${BLAMEFUL}:2:34  error    "human error" names a person as the cause`);
    expect(result.stdout).toMatch(/✗ 3 reviews checked: 18 errors, 11 warnings\.\n$/);
    // The clean review has no findings at all.
    expect(result.stdout).not.toContain('2024-05-01-clean-review.mdx');
  });

  test('--format json lists every finding with its position', () => {
    const result = lint(['--format', 'json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      files: number;
      errors: number;
      warnings: number;
      findings: Finding[];
    };
    expect(report).toMatchObject({ files: 3, errors: 18, warnings: 11 });
    const counts: Record<string, number> = {};
    for (const f of report.findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
    expect(counts).toEqual({
      'human-error': 1,
      'failed-to': 1,
      'judgemental-words': 2,
      'root-cause': 1,
      obviously: 1,
      just: 1,
      counterfactual: 3,
      'should-have': 1,
      'blamed-participant': 4,
      'unknown-reference': 1,
      'tag-format': 1,
      'tag-near-duplicate': 2,
      owner: 1,
      'action-items': 2,
      'overdue-action': 1,
      'contributing-factors': 1,
      detected: 1,
      'timeline-detection': 1,
      'required-sections': 1,
      'section-in-frontmatter': 2,
    });
    expect(report.findings.find((f) => f.rule === 'just')).toMatchObject({
      file: BLAMEFUL,
      line: 30,
      column: 17,
      endLine: 30,
      endColumn: 30,
      severity: 'error',
    });
  });

  test('warnings only (a draft): exit 0', () => {
    const result = lint([`${CORPUS}/incidents/2024-07-01-draft-review.mdx`]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/! 1 review checked: 0 errors, 7 warnings\.\n$/);
  });

  test('a clean review: exit 0 and a short confirmation; --quiet hides warnings', () => {
    expect(lint([`${CORPUS}/incidents/2024-05-01-clean-review.mdx`]).stdout).toBe('✓ 1 review checked, no problems.\n');
    expect(lint(['--quiet', `${CORPUS}/incidents/2024-07-01-draft-review.mdx`]).stdout).toBe(
      '✓ 1 review checked, no problems.\n',
    );
  });

  test('<content root>/hindsight-lint.yaml lowers rules to warnings or turns them off', () => {
    const root = copyCorpus('lint');
    const rules = [
      'human-error',
      'failed-to',
      'judgemental-words',
      'root-cause',
      'obviously',
      'just',
      'counterfactual',
      'should-have',
      'blamed-participant',
      'unknown-reference',
      'tag-format',
      'action-items',
    ];
    writeFileSync(
      join(root, 'hindsight-lint.yaml'),
      `rules:\n${rules.map((r) => `  ${r}: warning`).join('\n')}\n  overdue-action: off\n`,
    );
    const result = lint(['--format', 'json'], root);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { errors: number; findings: Finding[] };
    expect(report.errors).toBe(0);
    expect(report.findings.some((f) => f.rule === 'overdue-action')).toBe(false);
  });

  test('--config names another file; an invalid config is exit 2 naming the file and the rule', () => {
    const root = copyCorpus('lint');
    writeFileSync(join(root, 'strict.yaml'), 'rules:\n  jsut: off\n');
    const result = lint(['--config', join(root, 'strict.yaml')], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^error: .*strict\.yaml: rules\.jsut "jsut" is not a rule \(did you mean just\? known: /,
    );
  });

  test.each([
    ['a missing file', ['nope.mdx'], 'error: nope.mdx does not exist\n'],
    ['an unknown format', ['--format', 'xml'], 'error: --format must be human or json, not "xml"\n'],
    ['an unknown option', ['--fix'], "error: Unknown option '--fix'. See: npm run lint -- --help\n"],
  ])('%s: exit 2', (_name, args, message) => {
    const result = lint(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(message);
  });

  test('a site-root link to a page that does not exist is an error with its line and the nearest ids', () => {
    const root = copyCorpus('lint');
    const file = join(root, 'incidents/2024-05-01-clean-review.mdx');
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      `${text}\nCompare [the clean review](/incidents/2024-05-01-clean-review/) and [the old one](/incidents/2099-01-01-nope/).\n`,
    );
    const result = lint(['--format', 'json', file], root);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: Finding[] };
    const broken = report.findings.filter((f) => f.rule === 'broken-link');
    expect(broken.map((f) => [f.line, f.severity])).toEqual([[text.split('\n').length + 1, 'error']]);
    expect(broken[0]!.message).toMatch(
      /^link "\/incidents\/2099-01-01-nope\/" points to no review: "2099-01-01-nope" does not exist \(nearest: 2024-/,
    );
  });

  test("a file outside the content root is checked against the root's catalog", () => {
    const root = copyCorpus('lint');
    const outside = join(root, '..', `${Date.now()}-outside.mdx`);
    writeFileSync(
      outside,
      '---\ntitle: T\nsummary: S\nstatus: draft\nseverity: SEV3\nstarted: 2024-01-01T00:00:00Z\nservices: [nope]\n---\n\nIt was human error.\n',
    );
    const result = lint([outside], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('services[0] "nope" is not a service (known: checkout-api, edge-dns)');
    expect(result.stdout).toContain('"human error" names a person');
  });

  test.each([
    ['hindsight.yaml', 'severities: [SEV1\n', /^error: .*hindsight\.yaml is not valid YAML \(line \d\): /],
    [
      'hindsight.yaml',
      `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(9)}*a]\nc: [${'*b, '.repeat(20)}*b]\n`,
      /^error: .*hindsight\.yaml is not read: its YAML aliases expand more than 100 times/,
    ],
  ])('unparseable %s: exit 2 naming the file, no stack trace', (file, text, message) => {
    const root = copyCorpus('lint');
    writeFileSync(join(root, file), text);
    const result = lint([], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('non-UTF-8 bytes: exit 2 naming the file and line', () => {
    const root = copyCorpus('lint');
    const file = join(root, 'incidents/2024-05-01-clean-review.mdx');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from(`${readFileSync(file, 'utf8')}\nCaf`), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    const result = lint([], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: .*2024-05-01-clean-review\.mdx:\d+: is not UTF-8 text/);
  });

  test('the layout rule: a .md review, a nested service and incidents/index.mdx are errors; an unread file is a warning', () => {
    const root = copyCorpus('lint');
    renameSync(join(root, 'incidents/2024-07-01-draft-review.mdx'), join(root, 'incidents/2024-07-01-draft-review.md'));
    mkdirSync(join(root, 'services/sub'));
    writeFileSync(join(root, 'services/sub/api.yaml'), 'name: API\nteam: Platform\ndescription: d\n');
    writeFileSync(join(root, 'incidents/index.mdx'), '---\ntitle: x\n---\n');
    writeFileSync(join(root, 'incidents/2024-08-01-shouting.MDX'), '---\ntitle: x\n---\n');
    const findings = JSON.parse(lint(['--format', 'json'], root).stdout) as { findings: Finding[] };
    const layout = findings.findings
      .filter((f) => f.rule === 'content-file' || f.rule === 'unread-file')
      .map((f) => `${f.severity} ${f.file.replace(`${root}/`, '')}`);
    expect(layout.sort()).toEqual([
      'error incidents/2024-07-01-draft-review.md',
      'error incidents/index.mdx',
      'error services/sub/api.yaml',
      'warning incidents/2024-08-01-shouting.MDX',
    ]);
  });

  test('a misspelt key is an error with a suggestion; unknownFields: warning in hindsight.yaml lowers it', () => {
    const root = copyCorpus('lint');
    const file = join(root, 'incidents/2024-05-01-clean-review.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^resolved:/m, 'resolvd:'));
    const strict = lint([file], root);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/error +resolvd is not a field: did you mean `resolved`\? +\[unknown-field\]/);
    writeFileSync(join(root, 'hindsight.yaml'), 'unknownFields: warning\n');
    expect(lint([file], root).stdout).toMatch(/warning +resolvd is not a field: did you mean `resolved`\?/);
  });

  test('a review the MDX parser cannot finish: an mdx-syntax error naming it once the time limit runs out; the others are still linted', () => {
    const root = copyCorpus('lint');
    const file = join(root, 'incidents/2024-05-01-clean-review.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n${PARSER_STALL}\n`);
    const result = runTool('lint', ['--format', 'json'], {
      content: root,
      env: { ...env, HINDSIGHT_PARSE_TIMEOUT: '1' },
    });
    expect(result.status).toBe(1);
    const { findings } = JSON.parse(result.stdout) as { findings: Finding[] };
    const stalled = findings.filter((f) => f.message.includes('did not finish'));
    expect(stalled.map((f) => [f.rule, f.severity, f.file.replace(`${root}/`, '')])).toEqual([
      ['mdx-syntax', 'error', 'incidents/2024-05-01-clean-review.mdx'],
    ]);
    expect(stalled[0]!.message).toContain('the MDX parser did not finish this review within 1 s');
    // The blameful review next to it is still checked.
    expect(findings.some((f) => f.file.endsWith('2024-06-01-blameful-review.mdx') && f.rule === 'should-have')).toBe(
      true,
    );
  });
});
