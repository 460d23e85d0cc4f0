import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import * as cheerio from 'cheerio';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const fixture = (name: string) => join(projectRoot, 'test/fixtures', name);

export interface BuildResult {
  ok: boolean;
  /** stdout and stderr together, ANSI colours removed. */
  output: string;
  outDir: string;
  /** Parsed HTML of a built page, e.g. `page('incidents/x/')`. */
  page: (path: string) => cheerio.CheerioAPI;
  /** Raw text of a built file. */
  file: (path: string) => string;
}

/** Runs the real `npm run build` on a content folder into a fresh output folder. */
export function buildSite(contentDir: string, env: Record<string, string> = {}): BuildResult {
  // Vitest exports its own import.meta.env (BASE_URL, MODE, NODE_ENV=test…) into process.env;
  // a child build must not inherit them, or Vite takes `BASE_URL=/` over the configured base.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(key) && !key.startsWith('VITEST'),
    ),
  );
  // A caller that passes HINDSIGHT_OUT_DIR (incremental builds reuse one folder) gets that one.
  const outDir = env['HINDSIGHT_OUT_DIR'] ?? mkdtempSync(join(tmpdir(), 'hindsight-out-'));
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: {
      ...inherited,
      HINDSIGHT_CONTENT: contentDir,
      HINDSIGHT_OUT_DIR: outDir,
      HINDSIGHT_CACHE_DIR: `${outDir}-cache`,
      HINDSIGHT_NOW: '2026-11-21T12:00:00Z',
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      ...env,
    },
  });
  const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`);
  const file = (path: string) => readFileSync(join(outDir, path), 'utf8');
  const page = (path: string) => cheerio.load(file(path.endsWith('.html') ? path : join(path, 'index.html')));
  return { ok: result.status === 0, output, outDir, page, file };
}

const BLOCKS = 'p,li,dt,dd,td,th,h1,h2,h3,h4,h5,h6,div,section,header,caption';

/**
 * Text of the elements matched by `selector` as a reader sees it: block boundaries become
 * spaces (the built HTML is compressed, so `.text()` alone glues `<dt>Team</dt><dd>x</dd>`).
 */
export function readableText($: cheerio.CheerioAPI, selector: string): string {
  const root = $(selector).clone();
  root.find(BLOCKS).each((_, el) => {
    $(el).prepend(' ').append(' ');
  });
  return root.text().replace(/\s+/g, ' ').trim();
}

/** A writable copy of a fixture corpus, for tests that break one thing in it. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `hindsight-${name}-`));
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}
