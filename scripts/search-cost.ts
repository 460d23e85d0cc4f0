/**
 * What one cold search costs a reader, measured in Chromium against a built site:
 * bytes fetched by kind (index chunks, fragments, filters, metadata, facet map, core, dialog) and time to results.
 *
 *   node scripts/search-cost.ts <built site dir> [query …] [--repeats N]
 *
 * Each search runs in a fresh browser context (cold cache); see scripts/lib/bench/measure-search.ts for
 * what each figure spans. With --repeats above 1, every query runs that many times and the
 * per-query medians follow.
 */
import { SEARCH_DEBOUNCE_MS } from '../src/lib/search-schedule.ts';
import {
  budgetedBytes,
  formatSearchTimingTable,
  summariseSearchTimings,
  type SearchSample,
} from './lib/bench/search-timing.ts';
import { measureSearch } from './lib/bench/measure-search.ts';
import { exitWithUsageError, parseTopLevelFlags } from './lib/cli.ts';

const HELP = `Usage: node scripts/search-cost.ts <built site dir> [query …] [--repeats N]

Cold searches in Chromium through the site's real search UI: bytes fetched by kind and time
to results, per query (default queries: certificate expired, dns, failover).

Options:
  --repeats N   run every query N times and print the per-query medians (default 1)
  -h, --help    show this help`;

const { values, positionals } = parseTopLevelFlags(
  {
    allowPositionals: true,
    options: { repeats: { type: 'string', default: '1' }, help: { type: 'boolean', short: 'h', default: false } },
  },
  'node scripts/search-cost.ts',
  HELP,
);
const [siteDir, ...args] = positionals;
const repeats = Number(values.repeats);
if (!siteDir) exitWithUsageError(`name a built site folder\n\n${HELP}`);
if (!Number.isInteger(repeats) || repeats < 1)
  exitWithUsageError(`--repeats takes a whole number from 1, not "${values.repeats}"`);
const queries = args.length > 0 ? args : ['certificate expired', 'dns', 'failover'];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function print(sample: SearchSample): void {
  console.log(
    `\n"${sample.query}": ${sample.results} results${repeats > 1 ? ` (run ${sample.repeat + 1} of ${repeats})` : ''}`,
  );
  for (const [kind, t] of Object.entries(sample.bytes).sort(([a], [b]) => (a < b ? -1 : 1)))
    console.log(
      `  ${kind.padEnd(18)} ${String(t.files).padStart(3)} files  ${kb(t.bytes).padStart(10)}  (${kb(t.gzip)} gzipped)`,
    );
  console.log(`  all a search fetched, over the wire: ${kb(budgetedBytes(sample.bytes))}`);
  console.log(`  Pagefind ready ${sample.readyMs.toFixed(0)} ms after the click`);
  console.log(
    `  then typed → results ${sample.typedToResultsMs.toFixed(0)} ms (a whole query after a pause: no ${SEARCH_DEBOUNCE_MS} ms debounce wait), first result shown ${sample.shownMs === undefined ? 'n/a (no results)' : `${sample.shownMs.toFixed(0)} ms`}`,
  );
}

const samples = await measureSearch(siteDir, { queries, repeats, onSample: print });
if (repeats > 1) console.log(`\nMedians:\n\n${formatSearchTimingTable(summariseSearchTimings(samples))}`);
