/**
 * B7s: a search plus its facet counts, in Node, warm, two ways in the same process over the same
 * built site: ours (Pagefind's `search()` with no filter chunk loaded, then `countFacets` over the
 * facet map) and Pagefind's own (`filters()` once, after which every `search()` counts every
 * filter value over the matching pages). Each path has its own copy of pagefind.js, so neither
 * warms the other; they alternate per query so noise hits both alike. The counts must agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { pathToFileURL } from 'node:url';
import { countFacets, indexFacetMap, type FacetCounts } from '../../../src/lib/facets.ts';
import type { FacetTimeFigures } from './bench-budgets.ts';
import { formatFacetTimingTable, summariseFacetTimings, type FacetTimingSample } from './search-timing.ts';
import { serveStatic } from '../../serve-static.ts';

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FacetCounts>;
  search(term: string): Promise<{ results: { id: string }[]; filters: FacetCounts }>;
}

/** Loads a separate instance of the site's pagefind.js (the query string makes it a new module). */
async function loadPagefind(siteDir: string, serverUrl: string, instance: string): Promise<Pagefind> {
  const url = `${pathToFileURL(join(siteDir, 'pagefind', 'pagefind.js')).href}?${instance}`;
  const pagefind = (await import(url)) as Pagefind;
  await pagefind.options({ basePath: `${serverUrl}pagefind/`, baseUrl: '/' });
  await pagefind.init();
  return pagefind;
}

/**
 * Warm-up rounds before timing. One loads the index chunks, but V8 starts Pagefind's wasm on its
 * baseline compiler and tiers hot functions up in the background: in one round after a single
 * warm-up, searches still ran 1.3-2× slower than in the rounds after it.
 */
const WARM_UP_ROUNDS = 2;

/** Runs every query `repeats` times (after the warm-up rounds) both ways. */
export async function measureFacetCounting(
  siteDir: string,
  queries: readonly string[],
  repeats = 3,
  warmUpRounds = WARM_UP_ROUNDS,
): Promise<FacetTimingSample[]> {
  const server = await serveStatic(siteDir);
  try {
    const facets = indexFacetMap(JSON.parse(readFileSync(join(siteDir, 'pagefind', 'facets.json'), 'utf8')));
    const ours = await loadPagefind(siteDir, server.url, 'ours');
    const theirs = await loadPagefind(siteDir, server.url, 'pagefind-filters');
    await theirs.filters(); // the Component UI's path: every filter chunk loaded
    const oursOnce = async (query: string) => {
      const started = performance.now();
      const { results } = await ours.search(query);
      const counts = countFacets(
        facets,
        results.map((r) => r.id),
      );
      return { ms: performance.now() - started, counts, results: results.length };
    };
    const theirsOnce = async (query: string) => {
      const started = performance.now();
      const { filters } = await theirs.search(query);
      return { ms: performance.now() - started, counts: filters };
    };
    for (let round = 0; round < warmUpRounds; round++) {
      for (const query of queries) await Promise.all([oursOnce(query), theirsOnce(query)]);
    }
    const samples: FacetTimingSample[] = [];
    for (let round = 0; round < repeats; round++) {
      for (const query of queries) {
        const a = await oursOnce(query);
        const b = await theirsOnce(query);
        samples.push({
          query,
          results: a.results,
          oursMs: a.ms,
          pagefindMs: b.ms,
          same: isDeepStrictEqual(a.counts, b.counts),
        });
      }
    }
    return samples;
  } finally {
    await server.close();
  }
}

/** B7s for `npm run bench`: the figures for the budget and the report's table, or why there are none. */
export async function benchFacetCounting(
  siteDir: string,
  n: number,
  queries: readonly string[],
  repeats: number,
): Promise<{ figures?: FacetTimeFigures; report: string }> {
  console.log(
    `== search + facet counts (B7s): ${queries.length} queries × ${repeats} rounds in Node, warm, on ours at N=${n}`,
  );
  try {
    const summary = summariseFacetTimings(await measureFacetCounting(siteDir, queries, repeats));
    if (!summary) return { report: 'Not measured: no samples.' };
    const { samples, oursMs, pagefindMs, allSame } = summary;
    return { figures: { n, samples, oursMs, pagefindMs, allSame }, report: formatFacetTimingTable(summary) };
  } catch (error) {
    const note = `Not measured: ${error instanceof Error ? error.message : String(error)}`;
    console.error(`bench: B7s: ${note}`);
    return { report: note };
  }
}
