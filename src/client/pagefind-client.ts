/**
 * Browser side of search, loading: Pagefind's JS API (`pagefind.js` from the build output, run
 * in its worker) and our facet map, each fetched once per page and shared by the header dialog
 * and the /search/ page. The UI never calls `pagefind.filters()`: facet counts come from the map.
 */
import { indexFacetMap, type FacetIndex } from '../lib/facets.ts';
import type { ResultData } from '../lib/search-markup.ts';

/** One search result before its fragment is loaded. */
export interface PagefindResult {
  id: string;
  data(): Promise<ResultData>;
}

/** The slice of Pagefind's JS API Hindsight uses. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

/** The facet map's file name in the bundle (written by src/integrations/pagefind.ts). */
const FACET_MAP = 'facets.json';

let pagefind: Promise<PagefindApi> | undefined;
let facets: Promise<FacetIndex> | undefined;

/** Pagefind's API from `bundle`, with result URLs under `base`, once its wasm and metadata are loaded. */
export function loadPagefind(bundle: string, base: string): Promise<PagefindApi> {
  pagefind ??= (async () => {
    // The bundle is written after Vite has run, so it is loaded by URL, not bundled.
    const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
    await api.options({ basePath: bundle, baseUrl: base, excerptLength: 24 });
    await api.init();
    // `init` only creates Pagefind's instance; an empty preload waits until its wasm and
    // metadata are in (and starts nothing else), so the first query does not pay for them.
    await api.preload('');
    return api;
  })();
  pagefind.catch(() => (pagefind = undefined)); // a later attempt may succeed
  return pagefind;
}

/** The facet map from `bundle`, fetched once. */
export function loadFacets(bundle: string): Promise<FacetIndex> {
  facets ??= fetch(`${bundle}${FACET_MAP}`).then(async (response) => {
    if (!response.ok) throw new Error(`could not load ${FACET_MAP} (${response.status})`);
    return indexFacetMap(await response.json());
  });
  facets.catch(() => (facets = undefined));
  return facets;
}
