import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { LintProcess } from '../../src/integrations/lint-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'hindsight-lint-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for lint-child.ts: `body` runs on the request, with `send(message, then)` as the real child has it. */
function fakeChild(name: string, body: string): string {
  const script = join(dir, `${name}.mjs`);
  writeFileSync(
    script,
    `const send = (m, then) => process.send(m, undefined, undefined, then);\nprocess.once('message', (request) => {\n${body}\n});\n`,
  );
  return script;
}

describe('LintProcess', () => {
  test('the real linter over hundreds of reviews: every finding arrives (megabytes through the channel)', async () => {
    const root = join(dir, 'many-reviews');
    cpSync('test/fixtures/lint', root, { recursive: true });
    const blameful = readFileSync(join(root, 'incidents/2024-06-01-blameful-review.mdx'), 'utf8');
    for (let i = 0; i < 400; i++) writeFileSync(join(root, `incidents/2024-06-01-copy-${i}.mdx`), blameful);
    const { findings, files } = await new LintProcess({ contentRoot: root, today: '2024-08-01' }, { limitMs: 60_000 })
      .result;
    expect(files).toBe(403);
    const perCopy = findings.filter((f) => f.file.endsWith('2024-06-01-copy-0.mdx')).length;
    expect(perCopy).toBeGreaterThan(3);
    expect(findings.filter((f) => f.file.includes('-copy-')).length).toBe(400 * perCopy);
  }, 120_000);

  test('a review still parsing at the limit is killed and linted again without its parse; the request names it', async () => {
    const script = fakeChild(
      'stall',
      `if (request.unparsed.length === 0) { send({ parse: 'start', path: '/r/slow.mdx' }); setInterval(() => {}, 1000); return; }
send({ result: { findings: [], files: request.unparsed.length } }, () => process.disconnect());`,
    );
    const result = await new LintProcess({ contentRoot: dir, today: '2026-11-21' }, { limitMs: 300, script }).result;
    expect(result.files).toBe(1);
  });

  test('a linter in the background of a build runs ten steps nicer than the build; one run by `npm run lint` does not', async () => {
    // The fake child answers with its own niceness in place of a file count.
    const script = fakeChild(
      'priority',
      `import('node:os').then(({ getPriority }) => send({ result: { findings: [], files: getPriority() } }, () => process.disconnect()));`,
    );
    const request = { contentRoot: dir, today: '2026-11-21' };
    const background = await new LintProcess(request, { limitMs: 5000, script, background: true }).result;
    const foreground = await new LintProcess(request, { limitMs: 5000, script }).result;
    expect(background.files).toBe(Math.min(19, getPriority() + 10));
    expect(foreground.files).toBe(getPriority());
  });

  test('a content error in the child comes back as a ContentError with its problems; a crash as an error', async () => {
    const failing = fakeChild(
      'problems',
      `send({ error: 'x', problems: ['hindsight.yaml is not valid YAML (line 2)'] }, () => process.disconnect());`,
    );
    await expect(
      new LintProcess({ contentRoot: dir, today: '2026-11-21' }, { limitMs: 5000, script: failing }).result,
    ).rejects.toMatchObject({
      name: 'HindsightContentError',
      problems: ['hindsight.yaml is not valid YAML (line 2)'],
    });
    const crashing = fakeChild('crash', `process.exit(3);`);
    await expect(
      new LintProcess({ contentRoot: dir, today: '2026-11-21' }, { limitMs: 5000, script: crashing }).result,
    ).rejects.toThrow('the review linter stopped (exit code 3)');
  });
});
