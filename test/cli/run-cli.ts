import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseRawData } from '../../src/lib/raw-frontmatter.ts';
import { createIncidentSchema, type IncidentData } from '../../src/schemas/incident.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');

/** What a CLI run printed and how it exited. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/<tool>.ts …args` as `npm run <tool>` would, on the given content root. */
export function runTool(
  tool: 'new' | 'lint' | 'import',
  args: string[],
  options: { content?: string; input?: string; env?: Record<string, string> } = {},
): CliResult {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', `${tool}.ts`), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    input: options.input ?? '',
    env: {
      ...process.env,
      ...(options.content ? { HINDSIGHT_CONTENT: options.content } : {}),
      HINDSIGHT_NOW: '2026-11-21T12:00:00Z',
      FORCE_COLOR: '0',
      ...options.env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A writable copy of a fixture corpus in a temporary folder. */
export function copyCorpus(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `hindsight-cli-${name}-`));
  cpSync(join(projectRoot, 'test/fixtures', name), dir, { recursive: true });
  return dir;
}

/** Review files of a content root, relative to its incidents/ folder. */
export function listReviews(root: string): string[] {
  return readdirSync(join(root, 'incidents'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/.test(f))
    .sort();
}

/** Parses a written review the way the build does (YAML 1.2 frontmatter, incident schema). */
export function readReview(path: string): { text: string; data: IncidentData } {
  const text = readFileSync(path, 'utf8');
  return { text, data: createIncidentSchema().parse(parseRawData(text, false)) };
}
