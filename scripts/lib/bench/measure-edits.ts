/**
 * What an author waits for after an edit (B9, B10): builds of a project copy after a cold build,
 * with one review's body edited and then its frontmatter (a tag), and `astro dev`'s start-up and
 * save-to-change times. The project copy must already hold the corpus in src/content.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { scanContentFolder } from '../../../src/lib/content-files.ts';
import { median } from '../../../src/lib/stats/summary.ts';

/** B9: wall times of a cold build and the two warm ones that follow it, ms. */
export interface EditBuildFigures {
  n: number;
  coldMs: number;
  bodyMs: number;
  tagMs: number;
  /** Pages restored from the incremental cache / rendered, per warm build. */
  body: { restored: number; rendered: number };
  tag: { restored: number; rendered: number };
}

/** B10: `astro dev` on the corpus, ms. */
export interface DevFigures {
  n: number;
  /** Spawn → the server says it is ready. */
  readyMs: number;
  /** Spawn → the first review page has been served. */
  firstPageMs: number;
  /** Saving an edited review → the page served with the edit (median of the saves). */
  saveToChangeMs: number;
  saves: number[];
}

const ENV = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };

function timedBuild(dir: string, env: NodeJS.ProcessEnv): { ms: number; log: string } {
  const start = performance.now();
  const run = spawnSync('./node_modules/.bin/astro', ['build'], {
    cwd: dir,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  const log = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`astro build failed in ${dir} (exit ${run.status}):\n${log.slice(-4000)}`);
  return { ms, log };
}

/** Pages a build log says were restored from the cache, and pages it rendered. */
function countPages(log: string): { restored: number; rendered: number } {
  // Pages rendered side by side share log lines, so count the markers, not the lines; Astro
  // colours them even with FORCE_COLOR=0.
  const plain = stripVTControlCharacters(log);
  const pages = plain.match(/[├└]─ \//g)?.length ?? 0;
  const restored = plain.match(/\((restored|cached)\)/g)?.length ?? 0;
  return { restored, rendered: pages - restored };
}

/** The review the benchmark edits: one in the middle of the corpus, always the same for a seed. */
export function pickReview(dir: string): { file: string; id: string } {
  const base = join(dir, 'src/content/incidents');
  const files = scanContentFolder(base, 'incidents').read;
  const name = files[files.length >> 1]!;
  return { file: join(base, name), id: name.replace(/\.mdx$/, '') };
}

/**
 * B9: a cold build (caches removed), then a build after appending a paragraph to one review's
 * body, then one after adding a tag to its frontmatter. The caches live in `cacheDir`.
 */
export function measureEditBuilds(
  dir: string,
  n: number,
  cacheDir: string,
  log: (line: string) => void,
): EditBuildFigures {
  const env = { ...ENV, HINDSIGHT_CACHE_DIR: cacheDir };
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const review = pickReview(dir);
  const original = readFileSync(review.file, 'utf8');
  try {
    const cold = timedBuild(dir, env);
    log(`  cold build: ${(cold.ms / 1000).toFixed(1)} s`);
    writeFileSync(review.file, `${original}\nA paragraph added by the benchmark to time a warm build.\n`);
    const body = timedBuild(dir, env);
    log(`  after a body edit: ${(body.ms / 1000).toFixed(1)} s`);
    const withBody = readFileSync(review.file, 'utf8');
    const tagged = withBody.replace(/^tags:\s*\[/m, 'tags: [bench-edit, ');
    if (tagged === withBody) throw new Error(`${review.file}: no "tags: [" line to edit`);
    writeFileSync(review.file, tagged);
    const tag = timedBuild(dir, env);
    log(`  after a tag edit: ${(tag.ms / 1000).toFixed(1)} s`);
    return { n, coldMs: cold.ms, bodyMs: body.ms, tagMs: tag.ms, body: countPages(body.log), tag: countPages(tag.log) };
  } finally {
    writeFileSync(review.file, original);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(url);
    return res.ok ? await res.text() : undefined;
  } catch {
    return undefined;
  }
}

/** Polls `check` every 25 ms until it yields true; the time it took, ms; throws after `limitMs`. */
async function waitFor(check: () => Promise<boolean> | boolean, limitMs: number, what: string): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < limitMs) {
    if (await check()) return performance.now() - start;
    await sleep(25);
  }
  throw new Error(`timed out after ${limitMs / 1000} s waiting for ${what}`);
}

/**
 * B10: `astro dev` on the project copy: time to "ready" and to the first review page, then
 * `saves` edits of that review's body, each timed from the write to the page showing it.
 */
export async function measureDev(
  dir: string,
  n: number,
  port: number,
  log: (line: string) => void,
  saves = 3,
): Promise<DevFigures> {
  const review = pickReview(dir);
  const original = readFileSync(review.file, 'utf8');
  const start = performance.now();
  const server = spawn('./node_modules/.bin/astro', ['dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    env: ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let readyMs: number | undefined;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (readyMs === undefined && /ready in/.test(output)) readyMs = performance.now() - start;
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
  const url = `http://127.0.0.1:${port}/incidents/${review.id}/`;
  try {
    await waitFor(() => readyMs !== undefined || server.exitCode !== null, 300_000, 'astro dev to be ready');
    if (readyMs === undefined) throw new Error(`astro dev exited:\n${output.slice(-3000)}`);
    log(`  dev server ready: ${(readyMs / 1000).toFixed(1)} s`);
    await waitFor(async () => (await fetchText(url)) !== undefined, 300_000, `the first page at ${url}`);
    const firstPageMs = performance.now() - start;
    log(`  first review page served: ${(firstPageMs / 1000).toFixed(1)} s`);
    const times: number[] = [];
    for (let i = 1; i <= saves; i++) {
      const marker = `benchmark-edit-${i}-${Date.now()}`;
      writeFileSync(review.file, `${original}\nA saved edit: ${marker}.\n`);
      const savedAt = performance.now();
      await waitFor(async () => (await fetchText(url))?.includes(marker) ?? false, 60_000, `edit ${i} to show`);
      times.push(performance.now() - savedAt);
      log(`  save ${i} → page changed: ${times.at(-1)!.toFixed(0)} ms`);
    }
    return { n, readyMs, firstPageMs, saveToChangeMs: median(times)!, saves: times };
  } finally {
    writeFileSync(review.file, original);
    server.kill('SIGTERM');
    await Promise.race([new Promise((r) => server.once('exit', r)), sleep(5000)]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
}
