import { describe, expect, test } from 'vitest';
import {
  budgetedBytes,
  formatFacetTimingTable,
  formatSearchTimingBySize,
  formatSearchTimingTable,
  summariseFacetTimings,
  kindOfPagefindFile,
  summariseSearchTimings,
  totalsByKind,
  type SearchSample,
} from '../../../scripts/lib/bench/search-timing.ts';

describe.each([
  ['/pagefind/index/en_4a1b.pf_index', 'index chunks'],
  ['/pagefind/fragment/en_99c.pf_fragment', 'fragments'],
  ['/pagefind/filter/en_7d2.pf_filter', 'filters'],
  ['/pagefind/pagefind-entry.json', 'metadata'],
  ['/pagefind/pagefind.en_d342c22089.pf_meta', 'metadata'],
  ['/pagefind/facets.json', 'facet map'],
  ['/kb/search-dialog.html', 'dialog markup'],
  ['/kb/_astro/search-view.B1x2.js', 'search script'],
  ['/pagefind/pagefind.js', 'core (js + wasm)'],
  ['/pagefind/wasm.en.pagefind', 'core (js + wasm)'],
])('kindOfPagefindFile(%s)', (path, kind) => {
  test(`is ${kind}`, () => expect(kindOfPagefindFile(path)).toBe(kind));
});

test('totals by kind, and the budget counts everything a search fetched, over the wire', () => {
  const totals = totalsByKind([
    { path: '/pagefind/index/a.pf_index', bytes: 100, gzip: 100 },
    { path: '/pagefind/index/b.pf_index', bytes: 50, gzip: 50 },
    { path: '/pagefind/fragment/c.pf_fragment', bytes: 20, gzip: 20 },
    { path: '/pagefind/pagefind-entry.json', bytes: 10, gzip: 4 },
    { path: '/pagefind/pagefind.js', bytes: 1000, gzip: 300 },
    { path: '/pagefind/facets.json', bytes: 5000, gzip: 1200 },
  ]);
  expect(totals['index chunks']).toEqual({ files: 2, bytes: 150, gzip: 150 });
  expect(totals.metadata).toEqual({ files: 1, bytes: 10, gzip: 4 });
  expect(totals['facet map']).toEqual({ files: 1, bytes: 5000, gzip: 1200 });
  expect(budgetedBytes(totals)).toBe(100 + 50 + 20 + 4 + 300 + 1200);
});

const sample = (
  query: string,
  repeat: number,
  shownMs: number | undefined,
  f: Partial<SearchSample> = {},
): SearchSample => ({
  query,
  repeat,
  readyMs: 200,
  typedToResultsMs: 150,
  shownMs,
  results: shownMs === undefined ? 0 : 10,
  bytes: { 'index chunks': { files: 1, bytes: 2048, gzip: 2048 } },
  ...f,
});

test('medians per query, in first-seen order, and over every search that showed a result', () => {
  const summary = summariseSearchTimings([
    sample('dns', 0, 250, { readyMs: 300 }),
    sample('tls', 0, 400),
    sample('nothing', 0, undefined),
    sample('dns', 1, 210, { readyMs: 100 }),
    sample('tls', 1, 280),
    sample('dns', 2, 900, { readyMs: 200 }),
  ]);
  expect(summary).toMatchObject({
    samples: 6,
    shownSamples: 5,
    shownMs: { median: 280, min: 210, max: 900 },
    bytes: 2048,
  });
  expect(summary.perQuery.map((q) => q.query)).toEqual(['dns', 'tls', 'nothing']);
  expect(summary.perQuery[0]).toMatchObject({ runs: 3, shownMs: 250, readyMs: 200, budgetedBytes: 2048 });
  expect(summary.perQuery[2]).toMatchObject({ runs: 1, results: 0, shownMs: undefined });
});

test('the report table: one row per query and the overall median with its spread', () => {
  const table = formatSearchTimingTable(
    summariseSearchTimings([sample('dns', 0, 250.4), sample('nothing', 0, undefined)]),
  );
  expect(table.split('\n').slice(2)).toEqual([
    '| dns | 10 | 1 | 200 | 150 | 250 | 2.0 |',
    '| nothing | 0 | 1 | 200 | 150 | n/a | 2.0 |',
    '| **all** | | 2 | | | **250** (250..250) | 2.0 |',
  ]);
  expect(formatSearchTimingTable(summariseSearchTimings([sample('nothing', 0, undefined)]))).toContain(
    'n/a (no search showed a result)',
  );
});

test('B7t by size: one row per size, with the spread and the median bytes', () => {
  const table = formatSearchTimingBySize([
    { n: 1000, summary: summariseSearchTimings([sample('dns', 0, 120.4), sample('dns', 1, 180.6)]) },
    { n: 10000, summary: summariseSearchTimings([sample('nothing', 0, undefined)]) },
  ]);
  expect(table.split('\n').slice(2)).toEqual([
    '| 1000 | 2 | 151 (120..181) | 2.0 |',
    '| 10000 | 1 | n/a (no search showed a result) | 2.0 |',
  ]);
});

test('B7s: medians both ways, the ratio, and whether every count agreed', () => {
  const summary = summariseFacetTimings([
    { query: 'dns', results: 10, oursMs: 10, pagefindMs: 40, same: true },
    { query: 'tls', results: 5, oursMs: 20, pagefindMs: 50, same: true },
    { query: 'dns', results: 10, oursMs: 12, pagefindMs: 60, same: false },
  ]);
  expect(summary).toMatchObject({ samples: 3, oursMs: 12, pagefindMs: 50, allSame: false });
  expect(summary?.ratio).toBeCloseTo(50 / 12);
  expect(summary?.perQuery).toEqual([
    // Two runs: the mean of the pair (src/lib/stats/summary.ts#median).
    { query: 'dns', results: 10, oursMs: 11, pagefindMs: 50 },
    { query: 'tls', results: 5, oursMs: 20, pagefindMs: 50 },
  ]);
  expect(formatFacetTimingTable(summary!).split('\n').at(-1)).toBe(
    '| **all** (3 searches each way) | | **12.0** | **50.0** | **4.17×** |',
  );
  expect(summariseFacetTimings([])).toBeUndefined();
});
