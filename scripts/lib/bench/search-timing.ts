/**
 * Figures of timed searches: in Chromium (B7, B7t; measure-search.ts takes them), which budget
 * line a Pagefind file counts towards and medians per query and over all searches; in Node (B7s;
 * measure-facets.ts), search + facet counts ours against Pagefind's. The noisy shared machine
 * makes one search meaningless, so budgets read the median.
 */
import { median } from '../../../src/lib/stats/summary.ts';

/** What a file fetched for a search is, for the transfer budget. */
export type PagefindFileKind =
  | 'index chunks'
  | 'fragments'
  | 'filters'
  | 'metadata'
  | 'facet map'
  | 'core (js + wasm)'
  | 'dialog markup'
  | 'search script';

/** B7 counts everything the real UI fetches once a reader starts to search (issue 12), gzipped where a host would compress. */
export const BUDGETED_KINDS: readonly PagefindFileKind[] = [
  'index chunks',
  'fragments',
  'filters',
  'metadata',
  'facet map',
  'core (js + wasm)',
  'dialog markup',
  'search script',
];

/** Files and bytes fetched of one kind; `gzip` is what a host compressing text would send. */
export interface KindTotal {
  files: number;
  bytes: number;
  gzip: number;
}

/** One query typed once, in a fresh browser context (cold cache). Times in ms. */
export interface SearchSample {
  query: string;
  /** 0-based repeat this sample belongs to. */
  repeat: number;
  /** Dialog open → Pagefind (core, wasm, metadata) loaded. */
  readyMs: number;
  /** Query in the input → result rows in the list (before their fragments); a whole query after a pause skips the debounce. */
  typedToResultsMs: number;
  /** Query in the input → first result rendered (fragment loaded); undefined when nothing matched. */
  shownMs: number | undefined;
  results: number;
  bytes: Partial<Record<PagefindFileKind, KindTotal>>;
}

/** Per-query medians over its repeats. */
export interface QueryTiming {
  query: string;
  runs: number;
  results: number;
  readyMs: number;
  typedToResultsMs: number;
  /** Undefined when no run showed a result. */
  shownMs: number | undefined;
  /** Bytes over the wire of everything the search fetched. */
  budgetedBytes: number;
}

/** Medians over every sample, and per query. */
export interface SearchTimingSummary {
  /** Searches that showed a result (the ones `shownMs` is the median of). */
  shownSamples: number;
  /** Every search run. */
  samples: number;
  /** Median, fastest and slowest query → first result shown, over all searches that showed one. */
  shownMs: { median: number; min: number; max: number } | undefined;
  /** Median bytes over the wire of one search (B7). */
  bytes: number | undefined;
  perQuery: QueryTiming[];
}

/** Which budget line a Pagefind file (by URL path) counts towards. */
export function kindOfPagefindFile(path: string): PagefindFileKind {
  if (path.includes('/pagefind/index/')) return 'index chunks';
  if (path.includes('/pagefind/fragment/')) return 'fragments';
  if (path.includes('/pagefind/filter/')) return 'filters';
  if (/pagefind-entry\.json|\.pf_meta$/.test(path)) return 'metadata';
  if (path.endsWith('/pagefind/facets.json')) return 'facet map';
  if (path.endsWith('/search-dialog.html')) return 'dialog markup';
  if (/\/_astro\/[^/]+\.js$/.test(path)) return 'search script';
  return 'core (js + wasm)';
}

/** Totals by kind of the Pagefind files one search fetched. */
export function totalsByKind(
  files: readonly { path: string; bytes: number; gzip: number }[],
): Partial<Record<PagefindFileKind, KindTotal>> {
  const totals: Partial<Record<PagefindFileKind, KindTotal>> = {};
  for (const file of files) {
    const t = (totals[kindOfPagefindFile(file.path)] ??= { files: 0, bytes: 0, gzip: 0 });
    t.files += 1;
    t.bytes += file.bytes;
    t.gzip += file.gzip;
  }
  return totals;
}

/** Bytes over the wire of the kinds the transfer budget counts. */
export function budgetedBytes(bytes: SearchSample['bytes']): number {
  return BUDGETED_KINDS.reduce((sum, kind) => sum + (bytes[kind]?.gzip ?? 0), 0);
}

/** Medians per query (in first-seen order) and of "shown" over all searches. */
export function summariseSearchTimings(samples: readonly SearchSample[]): SearchTimingSummary {
  const queries = [...new Set(samples.map((s) => s.query))];
  const shown = samples.map((s) => s.shownMs).filter((ms): ms is number => ms !== undefined);
  return {
    shownSamples: shown.length,
    samples: samples.length,
    shownMs: shown.length ? { median: median(shown)!, min: Math.min(...shown), max: Math.max(...shown) } : undefined,
    bytes: median(samples.map((s) => budgetedBytes(s.bytes))),
    perQuery: queries.map((query) => {
      const runs = samples.filter((s) => s.query === query);
      const of = (pick: (s: SearchSample) => number | undefined) =>
        median(runs.map(pick).filter((x): x is number => x !== undefined));
      return {
        query,
        runs: runs.length,
        results: of((s) => s.results)!,
        readyMs: of((s) => s.readyMs)!,
        typedToResultsMs: of((s) => s.typedToResultsMs)!,
        shownMs: of((s) => s.shownMs),
        budgetedBytes: of((s) => budgetedBytes(s.bytes))!,
      };
    }),
  };
}

/** The per-query medians as a Markdown table (the bench report's search-time section). */
export function formatSearchTimingTable(summary: SearchTimingSummary): string {
  const ms = (x: number | undefined) => (x === undefined ? 'n/a' : x.toFixed(0));
  const rows = summary.perQuery.map(
    (q) =>
      `| ${q.query} | ${q.results} | ${q.runs} | ${ms(q.readyMs)} | ${ms(q.typedToResultsMs)} | ${ms(q.shownMs)} | ${(q.budgetedBytes / 1024).toFixed(1)} |`,
  );
  const all = summary.shownMs;
  return [
    '| query | results | runs | search ready ms | typed → results ms | first result shown ms | KB over the wire (all the search fetched) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    all
      ? `| **all** | | ${summary.samples} | | | **${ms(all.median)}** (${ms(all.min)}..${ms(all.max)}) | ${summary.bytes === undefined ? 'n/a' : (summary.bytes / 1024).toFixed(1)} |`
      : `| **all** | | ${summary.samples} | | | n/a (no search showed a result) | |`,
  ].join('\n');
}

/**
 * B7t at every size the bench timed searches at (the budget reads the largest; 1,000 and 10,000
 * are reported beside it), one row per size.
 */
export function formatSearchTimingBySize(sizes: readonly { n: number; summary: SearchTimingSummary }[]): string {
  const rows = [...sizes]
    .sort((a, b) => a.n - b.n)
    .map(({ n, summary }) => {
      const shown = summary.shownMs;
      const kb = summary.bytes === undefined ? 'n/a' : (summary.bytes / 1024).toFixed(1);
      return shown
        ? `| ${n} | ${summary.samples} | ${shown.median.toFixed(0)} (${shown.min.toFixed(0)}..${shown.max.toFixed(0)}) | ${kb} |`
        : `| ${n} | ${summary.samples} | n/a (no search showed a result) | ${kb} |`;
    });
  return [
    '| N | searches | first result shown ms, median (min..max) | KB over the wire (median) |',
    '|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

/** One query's search + facet counts both ways (scripts/lib/bench/measure-facets.ts), ms. */
export interface FacetTimingSample {
  query: string;
  results: number;
  oursMs: number;
  pagefindMs: number;
  /** Whether our counts equal Pagefind's. */
  same: boolean;
}

/** B7s's figures: medians both ways over every sample, their ratio, and whether every count agreed. */
export interface FacetTimingSummary {
  samples: number;
  oursMs: number;
  pagefindMs: number;
  /** Pagefind's `filters()` path divided by ours: how many times faster ours is. */
  ratio: number;
  allSame: boolean;
  perQuery: { query: string; results: number; oursMs: number; pagefindMs: number }[];
}

/** Medians of B7s's samples, overall and per query (first-seen order). */
export function summariseFacetTimings(samples: readonly FacetTimingSample[]): FacetTimingSummary | undefined {
  if (samples.length === 0) return undefined;
  const oursMs = median(samples.map((s) => s.oursMs))!;
  const pagefindMs = median(samples.map((s) => s.pagefindMs))!;
  return {
    samples: samples.length,
    oursMs,
    pagefindMs,
    ratio: pagefindMs / oursMs,
    allSame: samples.every((s) => s.same),
    perQuery: [...new Set(samples.map((s) => s.query))].map((query) => {
      const runs = samples.filter((s) => s.query === query);
      return {
        query,
        results: runs[0]!.results,
        oursMs: median(runs.map((s) => s.oursMs))!,
        pagefindMs: median(runs.map((s) => s.pagefindMs))!,
      };
    }),
  };
}

/** B7s's table for the bench report. */
export function formatFacetTimingTable(summary: FacetTimingSummary): string {
  const ms = (x: number) => x.toFixed(1);
  return [
    "| query | results | ours: search + countFacets ms | Pagefind's filters() path ms | ratio |",
    '|---|---:|---:|---:|---:|',
    ...summary.perQuery.map(
      (q) =>
        `| ${q.query} | ${q.results} | ${ms(q.oursMs)} | ${ms(q.pagefindMs)} | ${(q.pagefindMs / q.oursMs).toFixed(2)}× |`,
    ),
    `| **all** (${summary.samples} searches each way) | | **${ms(summary.oursMs)}** | **${ms(summary.pagefindMs)}** | **${summary.ratio.toFixed(2)}×** |`,
  ].join('\n');
}
