/** One peer's figures at one corpus size, as the peer harness reports them. */
export interface PeerFigures {
  /** Median cold-build wall time, ms. */
  wallMs: number;
  /** Peak resident set size, KB. */
  rssKb: number;
  /** Median gzip bytes of JS+CSS an incident page loads. */
  jsCssGz: number;
  /** Median gzip bytes of an incident page's HTML. */
  htmlGz: number;
  /** Bytes of the Pagefind index and fragments. */
  pagefindIndexBytes: number;
  /** Median bytes one cold search transfers (Pagefind library, index, fragments; no UI). */
  searchBytes: number | undefined;
}

/** Figures keyed by peer name, then corpus size. */
export type Results = Record<string, Record<number, PeerFigures>>;

/** A budget of the benchmark issue, with the figure seen and whether it held. */
export interface BudgetCheck {
  id: string;
  budget: string;
  seen: string;
  met: boolean | undefined;
}

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? a / b : undefined);
const fmt = (x: number | undefined, digits = 2) => (x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits));
const kb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024).toFixed(1)} KB`);

/** Timed searches in Chromium on our built site (scripts/lib/bench/measure-search.ts), for B7t. */
export interface SearchTimeFigures {
  /** Corpus size of the site searched. */
  n: number;
  /** Searches that showed a result, over every query and repeat. */
  searches: number;
  /** Query entered → first result shown, ms: median, fastest and slowest. */
  shownMs: { median: number; min: number; max: number };
  /** Median bytes over the wire of everything one cold search through the real UI fetched (B7). */
  bytes?: number | undefined;
}

/** B7s: search + facet counts in Node, warm, ours against Pagefind's `filters()` path (scripts/lib/bench/measure-facets.ts). */
export interface FacetTimeFigures {
  n: number;
  samples: number;
  oursMs: number;
  pagefindMs: number;
  /** Whether our counts equalled Pagefind's on every search. */
  allSame: boolean;
}

/**
 * B1–B8 (with B7t and B7s, B7's time halves in a browser and in Node) of the benchmark issue
 * from one invocation's results. `small` is N (1000 by default), `large` the scaling size (5000);
 * a budget whose figures are missing is reported as not measured.
 */
export function checkBudgets(
  results: Results,
  small: number,
  large: number,
  extra: {
    buildTimeDiagramJsGz?: number;
    plainPageJsGz?: number;
    heapCheck?: { count: number; ok: boolean };
    searchTime?: SearchTimeFigures;
    facetTime?: FacetTimeFigures;
  },
): BudgetCheck[] {
  const ours = results.ours ?? {};
  const floor = results.floor ?? {};
  const starlight = results.starlight ?? {};
  const b1 = ratio(ours[small]?.wallMs, floor[small]?.wallMs);
  const b1Starlight = ratio(ours[small]?.wallMs, starlight[small]?.wallMs);
  const perPage = (f: PeerFigures | undefined, n: number) => (f ? f.wallMs / n : undefined);
  const b2 = ratio(perPage(ours[large], large), perPage(ours[small], small));
  const b3 = ratio(ours[large]?.rssKb, floor[large]?.rssKb);
  const b7ratio = ratio(ours[large]?.searchBytes, floor[large]?.searchBytes);
  const uiBytes = extra.searchTime?.bytes;
  const facet = extra.facetTime;
  const b8 = ratio(ours[small]?.pagefindIndexBytes, floor[small]?.pagefindIndexBytes);
  const all = (...xs: (boolean | undefined)[]) => (xs.some((x) => x === undefined) ? undefined : xs.every(Boolean));
  return [
    {
      // Issue 13: at most Starlight's time in the same run; the floor ratio is reported alongside.
      id: 'B1',
      budget: `cold build at ${small} ≤ Starlight's (× the floor reported)`,
      seen: `${fmt(b1Starlight)}× Starlight; ${fmt(b1)}× the floor`,
      met: b1Starlight === undefined ? undefined : b1Starlight <= 1,
    },
    {
      id: 'B2',
      budget: `per-incident cost at ${large} vs ${small} ≤ 1.15×`,
      seen: `${fmt(b2)}×`,
      met: b2 === undefined ? undefined : b2 <= 1.15,
    },
    {
      id: 'B3',
      budget: `peak RSS at ${large} ≤ 1.5× the floor's; ${extra.heapCheck?.count ?? 10000} incidents on the default heap`,
      seen: `${fmt(b3)}× the floor (${ours[large] ? `${Math.round(ours[large].rssKb / 1024)} MB` : 'n/a'})${extra.heapCheck ? `; ${extra.heapCheck.count}: ${extra.heapCheck.ok ? 'built' : 'FAILED'}` : '; heap check not run'}`,
      met: all(b3 === undefined ? undefined : b3 <= 1.5, extra.heapCheck?.ok),
    },
    {
      id: 'B4',
      budget: 'JS+CSS on an incident page ≤ 10 KB gzip',
      seen: kb(ours[small]?.jsCssGz),
      met: ours[small] ? ours[small].jsCssGz <= 10 * 1024 : undefined,
    },
    {
      id: 'B5',
      budget: 'incident page HTML ≤ 8 KB gzip (median)',
      seen: kb(ours[small]?.htmlGz),
      met: ours[small] ? ours[small].htmlGz <= 8 * 1024 : undefined,
    },
    {
      id: 'B6',
      budget: '0 bytes of diagram JS for build-time types',
      seen: `JS on pages with build-time diagrams ${kb(extra.buildTimeDiagramJsGz)} vs without ${kb(extra.plainPageJsGz)}`,
      met:
        extra.buildTimeDiagramJsGz === undefined || extra.plainPageJsGz === undefined
          ? undefined
          : extra.buildTimeDiagramJsGz <= extra.plainPageJsGz,
    },
    {
      // Issue 12: what the real UI fetches (facet map included); the probe's ratio to the floor
      // (Pagefind's library, index, five fragments) still counts where the floor was built.
      id: 'B7',
      budget: `one cold search through the real UI at ${extra.searchTime?.n ?? large} ≤ 300 KB (median); the probe ≤ 1.25× the floor's`,
      seen: `${kb(uiBytes)} through the UI; probe ${kb(ours[large]?.searchBytes)}, ${b7ratio === undefined ? 'floor not built' : `${fmt(b7ratio)}× the floor`}`,
      met: all(
        uiBytes === undefined ? undefined : uiBytes <= 300 * 1024,
        b7ratio === undefined ? true : b7ratio <= 1.25,
      ),
    },
    {
      id: 'B7s',
      budget: `search + facet counts at ${facet?.n ?? large} in Node, warm, ≤ 50 ms (median), beside Pagefind's filters() path`,
      seen: facet
        ? `${fmt(facet.oursMs, 1)} ms vs ${fmt(facet.pagefindMs, 1)} ms with filters(): ${fmt(facet.pagefindMs / facet.oursMs)}× faster, median of ${facet.samples}; counts ${facet.allSame ? 'identical' : 'DIFFER'}`
        : 'not run',
      met: facet ? facet.oursMs <= 50 && facet.allSame : undefined,
    },
    {
      id: 'B7t',
      // "Shows results … after the script has loaded": from the query entering the input, with
      // Pagefind loaded, to the first result drawn; a query entered after a pause does not wait for the debounce.
      budget: `one search at ${extra.searchTime?.n ?? large} shows results ≤ 300 ms after Pagefind has loaded (median)`,
      seen: extra.searchTime
        ? `${fmt(extra.searchTime.shownMs.median, 0)} ms, median of ${extra.searchTime.searches} cold searches (${fmt(extra.searchTime.shownMs.min, 0)}..${fmt(extra.searchTime.shownMs.max, 0)} ms)`
        : 'not run',
      met: extra.searchTime ? extra.searchTime.shownMs.median <= 300 : undefined,
    },
    {
      id: 'B8',
      budget: "Pagefind index ≤ 1.2× the floor's",
      seen: `${fmt(b8)}×`,
      met: b8 === undefined ? undefined : b8 <= 1.2,
    },
  ];
}

/** B9: a cold build and the warm builds after one edit (scripts/lib/bench/measure-edits.ts), ms. */
export interface EditBuildBudgetFigures {
  n: number;
  coldMs: number;
  bodyMs: number;
  tagMs: number;
}

/** B10: `astro dev` on the corpus, ms. */
export interface DevBudgetFigures {
  n: number;
  firstPageMs: number;
  saveToChangeMs: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * B9 (an edited review rebuilt: body ≤ 0.2× the cold build, a tag ≤ 0.35×) and B10 (`npm run
 * dev`: first review page ≤ 10 s, save to change ≤ 1 s; reported, aims rather than gates).
 */
export function checkEditBudgets(
  edits: EditBuildBudgetFigures | undefined,
  dev: DevBudgetFigures | undefined,
): BudgetCheck[] {
  const body = edits ? edits.bodyMs / edits.coldMs : undefined;
  const tag = edits ? edits.tagMs / edits.coldMs : undefined;
  return [
    {
      id: 'B9',
      budget: `after a cold build at ${edits?.n ?? 1000}, one review's body edited rebuilds in ≤ 0.2× the cold build, a tag added ≤ 0.35×`,
      seen: edits
        ? `body ${fmt(body)}× (${seconds(edits.bodyMs)}), tag ${fmt(tag)}× (${seconds(edits.tagMs)}), cold ${seconds(edits.coldMs)}`
        : 'not run',
      met: body === undefined || tag === undefined ? undefined : body <= 0.2 && tag <= 0.35,
    },
    {
      id: 'B10',
      budget: `npm run dev at ${dev?.n ?? 1000}: first review page ≤ 10 s, saved edit shown ≤ 1 s (aims)`,
      seen: dev
        ? `first page ${seconds(dev.firstPageMs)}, save to change ${fmt(dev.saveToChangeMs, 0)} ms (median)`
        : 'not run',
      met: dev ? dev.firstPageMs <= 10_000 && dev.saveToChangeMs <= 1000 : undefined,
    },
  ];
}
