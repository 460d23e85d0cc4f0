/**
 * Incremental builds (`experimental.incrementalBuild` with a cacheKey on every generated page):
 * after an edit, a warm build restores what did not change and renders what did, and its output
 * is byte for byte the output of a cold build of the same content.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, copyFixture, type BuildResult } from './build-site.ts';

const REVIEW = 'incidents/2024-03-05-checkout-resolver.mdx';
const PAGE = 'incidents/2024-03-05-checkout-resolver/';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

let content: string;
let warm: BuildResult;
let cold: BuildResult;
let warmOut: string;
beforeAll(() => {
  content = copyFixture('minimal');
  const work = mkdtempSync(join(tmpdir(), 'hindsight-incremental-'));
  // Same output and cache folders for every build: both are part of what Astro compares.
  const env = { HINDSIGHT_OUT_DIR: join(work, 'dist'), HINDSIGHT_CACHE_DIR: join(work, 'cache') };
  const first = buildSite(content, env);
  if (!first.ok) throw new Error(first.output);

  // One edit to a review's body and one to its frontmatter (a new tag).
  const file = join(content, REVIEW);
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    `${text.replace(/^tags: \[/m, 'tags: [incremental-edit, ')}\nA sentence added after the first build.\n`,
  );

  warm = buildSite(content, env);
  if (!warm.ok) throw new Error(warm.output);
  warmOut = join(work, 'warm');
  cpSync(warm.outDir, warmOut, { recursive: true });

  rmSync(env.HINDSIGHT_CACHE_DIR, { recursive: true, force: true });
  cold = buildSite(content, env);
  if (!cold.ok) throw new Error(cold.output);
}, 600_000);

describe('a warm build after an edit', () => {
  test('restores unchanged pages instead of rendering them', () => {
    const restored = warm.output.match(/\(restored\)/g)?.length ?? 0;
    expect(restored).toBeGreaterThan(10);
    expect(cold.output).not.toContain('(restored)');
  });

  test('renders the edited review and the new tag page', () => {
    expect(warm.output).toMatch(/incidents\/2024-03-05-checkout-resolver\/index\.html(?! \(restored\))/);
    expect(warm.page(PAGE)('article').text()).toContain('A sentence added after the first build.');
    expect(warm.page('tags/incremental-edit/')('h1').text()).toContain('incremental-edit');
  });

  test('writes the same files, byte for byte, as a cold build of the same content', () => {
    const files = filesUnder(cold.outDir);
    expect(filesUnder(warmOut)).toEqual(files);
    const differing = files.filter((f) => !readFileSync(join(warmOut, f)).equals(readFileSync(join(cold.outDir, f))));
    expect(differing).toEqual([]);
  });
});
