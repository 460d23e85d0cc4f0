import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from './run-cli.ts';

/** Runs `node scripts/<script> …args` from the project root. */
function run(script: string, args: string[]) {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', script), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Every tool answers --help with its usage and exit 0, and a flag it does not know with an error
// that says where the help is: exit 2 where 1 means a finding (lint's errors, report's overdue
// items, a failed benchmark), 1 for the authoring tools that have no findings (new, import).
describe.each([
  ['report.ts', 2, 'npm run report -- --help'],
  ['lint.ts', 2, 'npm run lint -- --help'],
  ['new.ts', 1, 'npm run new -- --help'],
  ['import.ts', 1, 'npm run import -- --help'],
  ['bench.ts', 2, 'npm run bench -- --help'],
  ['screenshots.ts', 2, 'npm run screenshots -- --help'],
  ['fix-lockfile.ts', 2, 'npm run fix-lockfile -- --help'],
  ['search-cost.ts', 2, 'node scripts/search-cost.ts --help'],
  ['serve.ts', 2, 'node scripts/serve.ts --help'],
])('scripts/%s', (script, errorCode, hint) => {
  test('--help prints its usage and exits 0', () => {
    const { code, stdout } = run(script, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/usage/i);
  });

  test(`an unknown flag exits ${errorCode} and says where the help is`, () => {
    const { code, stdout, stderr } = run(script, ['--no-such-flag']);
    expect(code).toBe(errorCode);
    expect(stdout).toBe('');
    expect(stderr).toBe(`error: Unknown option '--no-such-flag'. See: ${hint}\n`);
  });
});
