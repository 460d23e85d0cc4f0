/**
 * Browser side of search, loading: Pagefind (`pagefind.js` from the build output) in our search
 * worker (src/client/search-worker.ts, src/lib/search-host.ts), and our facet map, each loaded
 * once per page and shared by the header dialog and the /search/ page. Where the worker cannot
 * start, Pagefind runs from the page as its own module (it then starts its own worker). The UI
 * never calls `pagefind.filters()`: facet counts come from the map.
 */
import { indexFacetMap, type FacetIndex } from '../lib/facets.ts';
import { startPagefind, type PagefindModule, type SearchReply, type SearchRequest } from '../lib/search-host.ts';
import type { ResultData } from '../lib/search-markup.ts';

/** One search result before its fragment is loaded. */
export interface PagefindResult {
  id: string;
  data(): Promise<ResultData>;
}

/** What Hindsight asks of Pagefind. */
export interface PagefindApi {
  preload(term: string): Promise<void>;
  /** A search; the first `eager` results' fragments load with it (the rows a list shows at once). */
  search(
    term: string | null,
    options?: Record<string, unknown>,
    eager?: number,
  ): Promise<{ results: PagefindResult[] } | null>;
}

/** The facet map's file name in the bundle (written by src/integrations/pagefind.ts). */
const FACET_MAP = 'facets.json';

let pagefind: Promise<PagefindApi> | undefined;
let facets: Promise<FacetIndex> | undefined;

/** Pagefind from `bundle`, with result URLs under `base`, once its wasm and metadata are loaded. */
export function loadPagefind(bundle: string, base: string): Promise<PagefindApi> {
  pagefind ??= inWorker(bundle, base).catch(() => inPage(bundle, base));
  pagefind.catch(() => (pagefind = undefined)); // a later attempt may succeed
  return pagefind;
}

/** A request without its id, which `ask` assigns. */
type Request = SearchRequest extends infer R ? (R extends SearchRequest ? Omit<R, 'id'> : never) : never;
type Answer = Extract<SearchReply, { ok: true }>;

async function inWorker(bundle: string, base: string): Promise<PagefindApi> {
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'search' });
  const waiting = new Map<number, { resolve(answer: Answer): void; reject(error: Error): void }>();
  let next = 0;
  worker.addEventListener('message', ({ data: reply }: MessageEvent<SearchReply>) => {
    const request = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) request?.resolve(reply);
    else request?.reject(new Error(reply.error));
  });
  let failed = false;
  let started = false;
  // A worker that cannot load (no module workers, a blocked script) fails every request; one that
  // fails later (an uncaught error, a browser ending it) fails every request from then on, and
  // the next search starts Pagefind again instead of waiting for a reply that will not come.
  worker.addEventListener('error', () => {
    failed = true;
    for (const request of waiting.values()) request.reject(new Error('the search worker failed'));
    waiting.clear();
    worker.terminate();
    if (started) pagefind = undefined;
  });
  const ask = (request: Request) =>
    new Promise<Answer>((resolve, reject) => {
      if (failed) return reject(new Error('the search worker failed'));
      const id = ++next;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  try {
    await ask({ type: 'init', bundle, base });
  } catch (error) {
    worker.terminate();
    throw error;
  }
  started = true;
  return {
    preload: (term) => ask({ type: 'preload', term }).then(() => undefined),
    async search(term, options = {}, eager = 0) {
      const { id: search, ids = [], data: first } = await ask({ type: 'search', term, options, eager });
      return {
        results: ids.map((id, index) => ({
          id,
          data: () =>
            index === 0 && first
              ? Promise.resolve(first)
              : ask({ type: 'data', search, index }).then(({ data }) => data!),
        })),
      };
    },
  };
}

/** Pagefind as a module of the page (which runs its search in Pagefind's own worker). */
async function inPage(bundle: string, base: string): Promise<PagefindApi> {
  // The bundle is written after Vite has run, so it is loaded by URL, not bundled.
  const api = await startPagefind(
    (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindModule,
    bundle,
    base,
  );
  return { preload: (term) => api.preload(term), search: (term, options) => api.search(term, options) };
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
