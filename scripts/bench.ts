/**
 * npm run bench -- [--count 1000] [--scale 5000] [--peers] [--runs 1] [--seed 1] [--heap-check 10000] [--no-search-time]
 *                   [--no-edits] [--no-dev] [--dev-port 4399] [--out BENCHMARKS.md]
 *
 * Cold production builds of a synthetic corpus (../shared/bench/gen-corpus.mjs) through the peer
 * harness (../shared/bench/peers.sh), which builds a disposable copy of this project as peer
 * "ours" and, with --peers, a markdown-it + Pagefind floor, Hugo + Pagefind and Starlight from the
 * same corpus, interleaved. Then, unless --no-search-time, times searches on our site at the
 * largest N in Chromium (6 queries × 3 rounds, each cold), and again on the heap check's site and
 * on the edit builds' site (B7t at 10,000 and --count, reported). Unless --no-edits, times at
 * --count a cold build and the warm builds after editing one review's body and then its tags (B9); unless
 * --no-dev, `astro dev`'s first review page and save-to-change time (B10). Prints the harness
 * table and the budgets (B1–B10, B7t, B7s), and writes both with the date, versions and machine to
 * BENCHMARKS.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scanContentFolder } from '../src/lib/content-files.ts';
import { toCalendarDate } from '../src/lib/dates.ts';
import { median } from '../src/lib/stats/summary.ts';
import {
  checkBudgets,
  checkEditBudgets,
  type PeerFigures,
  type Results,
  type SearchTimeFigures,
} from './lib/bench/bench-budgets.ts';
import { SEARCH_DEBOUNCE_MS } from '../src/lib/search-schedule.ts';
import {
  formatSearchTimingBySize,
  formatSearchTimingTable,
  summariseSearchTimings,
  type SearchTimingSummary,
} from './lib/bench/search-timing.ts';
import { benchFacetCounting } from './lib/bench/measure-facets.ts';
import { measureDev, measureEditBuilds, type DevFigures, type EditBuildFigures } from './lib/bench/measure-edits.ts';
import { measureSearch } from './lib/bench/measure-search.ts';
import { exitWithUsageError, parseTopLevelFlags } from './lib/cli.ts';

// The help is this file's opening comment.
const HELP = `Usage: ${readFileSync(new URL(import.meta.url), 'utf8')
  .split('*/')[0]!
  .replace(/^\/\*\*?|^ \* ?/gm, '')
  .trim()}`;
const { values } = parseTopLevelFlags(
  {
    options: {
      count: { type: 'string', default: '1000' },
      scale: { type: 'string', default: '5000' },
      peers: { type: 'boolean', default: false },
      runs: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      'heap-check': { type: 'string', default: '0' },
      'search-time': { type: 'boolean', default: true },
      edits: { type: 'boolean', default: true },
      dev: { type: 'boolean', default: true },
      'dev-port': { type: 'string', default: '4399' },
      out: { type: 'string', default: 'BENCHMARKS.md' },
      shared: { type: 'string', default: '../shared/bench' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowNegative: true, // --no-search-time
  },
  'npm run bench',
  HELP,
);

const root = resolve(import.meta.dirname, '..');
const harness = resolve(root, values.shared, 'peers.sh');
if (!existsSync(harness))
  exitWithUsageError(
    `the peer harness is missing at ${harness} (pass --shared <dir with peers.sh and gen-corpus.mjs>)`,
  );
const small = Number(values.count);
const large = Number(values.scale);
const sizes = [...new Set([small, ...(large > 0 ? [large] : [])])];
if (sizes.some((n) => !Number.isInteger(n) || n < 1))
  exitWithUsageError('--count and --scale take whole numbers (--scale 0 skips the scaling run)');
const work = process.env.BENCH_DIR ?? join(tmpdir(), 'hindsight-bench');
const tag = new Date()
  .toISOString()
  .replace(/[-:]/g, '')
  .replace(/\.\d+Z$/, 'Z');

if (values.peers && !commandExists('hugo')) {
  console.log('== installing hugo from Debian (needed by the Hugo peer)');
  spawnSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq hugo'], { stdio: 'inherit' });
}

/** A disposable copy of this project for the harness, which replaces its src/content. */
function makeOursCopy(): string {
  const dir = join(work, 'ours');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (file.startsWith('src/content/')) continue; // the harness writes the corpus here
    cpSync(join(root, file), join(dir, file), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function commandExists(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

const ours = makeOursCopy();
console.log(
  `== sizes ${sizes.join(', ')}; peers: ${values.peers ? 'floor hugo starlight ours' : 'ours'}; work dir ${work}`,
);
const run = spawnSync('bash', [harness, ...sizes.map(String)], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
  env: {
    ...process.env,
    BENCH_DIR: work,
    RUNS: values.runs,
    SEED: values.seed,
    PEERS: values.peers ? 'floor hugo starlight' : 'ours',
    OURS_DIR: ours,
    SEARCH_PROBE: '1',
    TAG: tag,
  },
  maxBuffer: 64 * 1024 * 1024,
});
process.stdout.write(run.stdout);
if (run.status !== 0) {
  console.error(`bench: the peer harness failed (exit ${run.status}); logs in ${work}/logs`);
  process.exit(1);
}

// ---- read the harness's raw rows, metrics and search probe
const results: Results = {};
const resultsDir = join(work, 'results');
const rawRows = readFileSync(join(resultsDir, `raw-${tag}.tsv`), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'));
const perRun = new Map<string, { wall: number; rss: number }>();
for (const [peer, n, runNo, phase, wall, rss] of rawRows) {
  if (phase!.startsWith('sl-')) continue;
  const key = `${peer}|${n}|${runNo}`;
  const r = perRun.get(key) ?? { wall: 0, rss: 0 };
  r.wall += Number(wall);
  r.rss = Math.max(r.rss, Number(rss));
  perRun.set(key, r);
}
const searchFile = join(resultsDir, `search-${tag}.tsv`);
const searchRows = existsSync(searchFile)
  ? readFileSync(searchFile, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'))
  : [];
for (const metricsFile of readdirSync(resultsDir).filter((f) => f.startsWith(`metrics-${tag}-`))) {
  const [, peer, n] = /^metrics-[^-]+-(.+)-(\d+)\.json$/.exec(metricsFile)!;
  const m = JSON.parse(readFileSync(join(resultsDir, metricsFile), 'utf8')) as {
    medJsCssGz: number;
    medHtmlGz: number;
    pagefindIndexBytes: number;
  };
  const runsOf = [...perRun].filter(([k]) => k.startsWith(`${peer}|${n}|`)).map(([, v]) => v);
  const searches = searchRows.filter((r) => r[0] === peer && r[1] === n).map((r) => Number(r[5]));
  const figures: PeerFigures = {
    wallMs: median(runsOf.map((r) => r.wall)) ?? NaN,
    rssKb: median(runsOf.map((r) => r.rss)) ?? NaN,
    jsCssGz: m.medJsCssGz,
    htmlGz: m.medHtmlGz,
    pagefindIndexBytes: m.pagefindIndexBytes,
    searchBytes: median(searches),
  };
  (results[peer!] ??= {})[Number(n)] = figures;
}

// ---- B6: JS on incident pages with build-time diagrams vs pages without any diagram
function pageJsGz(html: string, out: string): number {
  let bytes = 0;
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>|<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    if (m[1]) bytes += gzipSync(readFileSync(join(out, m[1].split('?')[0]!))).length;
    else if (m[2]?.trim()) bytes += gzipSync(m[2]).length;
  }
  return bytes;
}
// The corpus says which reviews carry an author diagram, and of which type; the output (the last,
// largest N) says what each page loads.
const BUILD_TIME_TYPES = /^(flowchart|graph|sequenceDiagram|stateDiagram|classDiagram|erDiagram|xychart)/;
const corpusDir = join(work, `corpus-${sizes.at(-1)}`, 'incidents');
const oursOut = join(ours, 'dist');
const withDiagram: number[] = [];
const plain: number[] = [];
if (existsSync(corpusDir) && existsSync(oursOut)) {
  for (const file of scanContentFolder(corpusDir, 'incidents').read.slice(0, 400)) {
    const page = join(oursOut, 'incidents', file.replace(/\.mdx$/, ''), 'index.html');
    if (!existsSync(page)) continue;
    const fences = [...readFileSync(join(corpusDir, file), 'utf8').matchAll(/```mermaid\s*\n\s*(\S+)/g)].map(
      (m) => m[1]!,
    );
    if (fences.some((type) => !BUILD_TIME_TYPES.test(type))) continue; // client-drawn types load mermaid by design
    (fences.length > 0 ? withDiagram : plain).push(pageJsGz(readFileSync(page, 'utf8'), oursOut));
  }
}

// ---- B7t: time to results on our output at the largest N, before the heap check overwrites it.
// The harness's search-probe queries (peers.sh), so B7 and B7t are about the same searches.
const SEARCH_QUERIES = [
  'latency',
  'certificate',
  'connection pool',
  'resolver',
  'gioramflequa',
  'expired certificate renewal',
];
const SEARCH_ROUNDS = 3;

/** Times the harness queries in Chromium on `site` (built with `n` reviews); undefined when the browser failed. */
async function timeSearches(site: string, n: number): Promise<SearchTimingSummary | undefined> {
  console.log(
    `== search time: ${SEARCH_QUERIES.length} queries × ${SEARCH_ROUNDS} rounds in Chromium on ours at N=${n}`,
  );
  try {
    const samples = await measureSearch(site, {
      queries: SEARCH_QUERIES,
      repeats: SEARCH_ROUNDS,
      onSample: (s) =>
        console.log(`  "${s.query}": ${s.results} results, shown in ${s.shownMs?.toFixed(0) ?? 'n/a'} ms`),
    });
    return summariseSearchTimings(samples);
  } catch (error) {
    // A browser problem must not throw away a 40-minute run: the budget reads "not run".
    searchTimeNote = `Not measured: ${error instanceof Error ? error.message : String(error)}`;
    console.error(`bench: search time at N=${n}: ${searchTimeNote}`);
    return undefined;
  }
}

let searchTiming: SearchTimingSummary | undefined;
let searchTime: SearchTimeFigures | undefined;
let searchTimeNote = 'Not run (--no-search-time).';
/** B7t at every size it was timed at: the largest N (the budget), then 10,000 and 1,000 when built. */
const searchTimingBySize: { n: number; summary: SearchTimingSummary }[] = [];
if (values['search-time'] && existsSync(oursOut)) {
  searchTiming = await timeSearches(oursOut, sizes.at(-1)!);
  if (searchTiming) searchTimingBySize.push({ n: sizes.at(-1)!, summary: searchTiming });
  if (searchTiming?.shownMs)
    searchTime = {
      n: sizes.at(-1)!,
      searches: searchTiming.shownSamples,
      shownMs: searchTiming.shownMs,
      bytes: searchTiming.bytes,
    };
} else if (values['search-time']) searchTimeNote = `Not measured: no built site at ${oursOut}.`;

// ---- B7s: search + facet counts in Node (ours vs Pagefind's filters() path), same site, same queries.
const facetBench =
  values['search-time'] && existsSync(oursOut)
    ? await benchFacetCounting(oursOut, sizes.at(-1)!, SEARCH_QUERIES, SEARCH_ROUNDS)
    : undefined;

let heapCheck: { count: number; ok: boolean } | undefined;
const heapCount = Number(values['heap-check']);
if (heapCount > 0) {
  console.log(`== heap check: building ${heapCount} incidents on the default Node heap`);
  const heap = spawnSync('bash', [harness, String(heapCount)], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      BENCH_DIR: work,
      RUNS: '1',
      SEED: values.seed,
      PEERS: 'ours',
      OURS_DIR: ours,
      TAG: `${tag}-heap`,
    },
  });
  heapCheck = { count: heapCount, ok: heap.status === 0 };
  // The heap check's site is in ours/dist now: B7t at that size too (reported, not budgeted).
  const summary = heapCheck.ok && values['search-time'] ? await timeSearches(oursOut, heapCount) : undefined;
  if (summary) searchTimingBySize.push({ n: heapCount, summary });
}

const { edits, dev } = await measureAuthorWaits();
// The edit builds leave a site of --count reviews in ours/dist: B7t at that size too (reported).
if (edits && values['search-time'] && existsSync(oursOut)) {
  const summary = await timeSearches(oursOut, small);
  if (summary) searchTimingBySize.push({ n: small, summary });
}

const budgets = checkBudgets(results, small, large, {
  ...(median(withDiagram) !== undefined ? { buildTimeDiagramJsGz: median(withDiagram)! } : {}),
  ...(median(plain) !== undefined ? { plainPageJsGz: median(plain)! } : {}),
  ...(heapCheck ? { heapCheck } : {}),
  ...(searchTime ? { searchTime } : {}),
  ...(facetBench?.figures ? { facetTime: facetBench.figures } : {}),
}).concat(checkEditBudgets(edits, dev));
const budgetTable = [
  '| # | budget | seen | met |',
  '|---|---|---|---|',
  ...budgets.map(
    (b) => `| ${b.id} | ${b.budget} | ${b.seen} | ${b.met === undefined ? 'not measured' : b.met ? 'yes' : '**no**'} |`,
  ),
].join('\n');
console.log(`\n${budgetTable}\n`);

const summary = readFileSync(join(resultsDir, `summary-${tag}.md`), 'utf8');
const searchSummary = searchRows.length
  ? [
      '| peer | N | query | results | requests | KB transferred |',
      '|---|---:|---|---:|---:|---:|',
      ...searchRows.map(
        (r) => `| ${r[0]} | ${r[1]} | ${r[2]} | ${r[3]} | ${r[4]} | ${(Number(r[5]) / 1024).toFixed(1)} |`,
      ),
    ].join('\n')
  : 'Search probe not run.';
const cpu = cpus()[0]?.model ?? 'unknown CPU';
// The hand-written analysis under "## Why the misses" survives a rerun: the bench writes the rest.
const outFile = resolve(root, values.out);
const analysis =
  /^## Why the misses[\s\S]*?(?=^## )/m.exec(existsSync(outFile) ? readFileSync(outFile, 'utf8') : '')?.[0] ?? '';
const report = `# Benchmarks

Run on ${toCalendarDate(new Date())} with \`npm run bench -- --count ${small} --scale ${large}${values.peers ? ' --peers' : ''} --runs ${values.runs}${heapCount > 0 ? ` --heap-check ${heapCount}` : ''}\`
on ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. The machine is shared and noisy:
the ratios between peers measured in this one invocation are the figures that count, not the absolute times.

## Budgets

${budgetTable}

${analysis}
## Builds

${summary}

## One cold search, the harness's probe (bytes over the wire: Pagefind library, index chunks, fragments of 5 results; no UI)

${searchSummary}

## Time to results (ours at N=${sizes.at(-1)}, Chromium, each search in a fresh context)

From the query entering the header dialog's field, with Pagefind loaded, to the first result
drawn: the query's index chunks (a query entered after a pause skips the ${SEARCH_DEBOUNCE_MS} ms debounce), the search, the first row's fragment
and drawing (the facet map and its counts wait for a filter menu, which these searches never open). Per query, the median of its rounds; B7t reads the median
over all searches. KB: everything the search fetched from the click on (dialog markup, Pagefind's
core and wasm, metadata, index chunks, fragments of the rows in view), gzipped where a
host compresses text; B7 reads the median.

${searchTiming ? formatSearchTimingTable(searchTiming) : searchTimeNote}

B7t by size (the budget reads N=${sizes.at(-1)}; the others come from the heap check's build and the edit builds' site, when run):

${searchTimingBySize.length ? formatSearchTimingBySize(searchTimingBySize) : searchTimeNote}

## Search + facet counts (B7s: ours at N=${sizes.at(-1)}, Node, warm)

The same queries, each round both ways in one process over the same site: ours is Pagefind's
\`search()\` with no filter chunk loaded plus \`countFacets\` over the facet map; Pagefind's is
\`search()\` after \`filters()\` (what its Component UI did), which counts every filter value itself.

${facetBench?.report ?? 'Not run (--no-search-time).'}

${formatAuthorWaits(edits, dev)}
`;
writeFileSync(outFile, report.replace(/\n{3,}/g, '\n\n'));
console.log(`wrote ${values.out}`);

/**
 * B9 and B10 on ours at --count: the corpus the harness generated for that size goes back into
 * the project copy (the harness left the largest there), then the edit builds and the dev server.
 */
async function measureAuthorWaits(): Promise<{ edits?: EditBuildFigures; dev?: DevFigures }> {
  const out: { edits?: EditBuildFigures; dev?: DevFigures } = {};
  if (!values.edits && !values.dev) return out;
  const corpus = join(work, `corpus-${small}`);
  if (!existsSync(corpus)) {
    console.error(`bench: no corpus at ${corpus}; B9/B10 not run`);
    return out;
  }
  const content = join(ours, 'src/content');
  for (const part of ['incidents', 'services', 'patterns.yaml', 'paths'])
    rmSync(join(content, part), { recursive: true, force: true });
  for (const part of ['incidents', 'services', 'patterns.yaml'])
    cpSync(join(corpus, part), join(content, part), { recursive: true });
  const log = (line: string) => console.log(line);
  try {
    if (values.edits) {
      console.log(`== edit builds (B9) at N=${small}: cold, then one review's body, then its tags`);
      out.edits = measureEditBuilds(ours, small, join(work, 'edits-cache'), log);
    }
    if (values.dev) {
      console.log(`== astro dev (B10) at N=${small} on port ${values['dev-port']}`);
      out.dev = await measureDev(ours, small, Number(values['dev-port']), log);
    }
  } catch (error) {
    // A failed measurement must not throw away the peers run: its budgets read "not run".
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  }
  return out;
}

function formatAuthorWaits(edits: EditBuildFigures | undefined, dev: DevFigures | undefined): string {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const lines = ['## After an edit (ours; B9, B10)', ''];
  if (edits) {
    lines.push(
      `Builds at N=${edits.n}, one after the other, caches kept between them (incremental build, content store, diagrams).`,
      '',
      '| build | wall s | × cold | pages restored | pages rendered |',
      '|---|---:|---:|---:|---:|',
      `| cold | ${s(edits.coldMs)} | 1.00 | | |`,
      `| one review's body edited | ${s(edits.bodyMs)} | ${(edits.bodyMs / edits.coldMs).toFixed(2)} | ${edits.body.restored} | ${edits.body.rendered} |`,
      `| a tag added to it | ${s(edits.tagMs)} | ${(edits.tagMs / edits.coldMs).toFixed(2)} | ${edits.tag.restored} | ${edits.tag.rendered} |`,
      '',
    );
  } else lines.push('Edit builds not run.', '');
  if (dev) {
    lines.push(
      `\`astro dev\` at N=${dev.n}: ready in ${s(dev.readyMs)} s, first review page served ${s(dev.firstPageMs)} s after start; saving an edit to it showed on the page in ${dev.saves.map((ms) => ms.toFixed(0)).join(', ')} ms.`,
    );
  } else lines.push('Dev server not measured.');
  return lines.join('\n');
}
