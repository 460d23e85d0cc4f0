/**
 * The search worker's side of Hindsight's search (src/client/search-worker.ts runs it): Pagefind
 * searches in the worker, on the worker's own thread, and only what the page draws crosses over.
 *
 * Why not Pagefind's own worker: its `search()` sends every result to the page with all of its
 * word locations (thousands of objects for a common word), and each row's fragment then costs a
 * round trip through it. Here a search answers with the result ids (for the facet counts) and the
 * first row's fragment already loaded, in one message; the rows after it ask by index. In Chromium
 * at 5,000 reviews the first result showed after a median of 289 ms this way against 356 ms through
 * Pagefind's worker (12 cold searches each, interleaved over the same corpus; docs/search.md#cost).
 */
import type { ResultData } from './search-markup.ts';

/** A request from the page. `id` pairs it with its answer. */
export type SearchRequest =
  | { id: number; type: 'init'; bundle: string; base: string }
  | { id: number; type: 'preload'; term: string }
  /** `eager`: rows the page shows at once, which start loading with the search. */
  | { id: number; type: 'search'; term: string | null; options: Record<string, unknown>; eager: number }
  | { id: number; type: 'data'; search: number; index: number };

/** The answer to a request: `search` carries a search's ids and its first row's data, `data` the row asked for. */
export type SearchReply =
  { id: number; ok: true; ids?: string[]; data?: ResultData } | { id: number; ok: false; error: string };

/** The part of Pagefind's JS API (its module, run with `noWorker`) the host calls. */
export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    options?: Record<string, unknown>,
  ): Promise<{ results: { id: string; data(): Promise<ResultData> }[] } | null>;
}

/**
 * Searches whose rows may still be asked for. A panel draws only its last search, and a filtered
 * list also searches once unfiltered (for the counts), so a few are plenty; older ones are let go,
 * with all their word locations.
 */
export const KEPT_SEARCHES = 4;

/**
 * Pagefind set up for Hindsight (in the worker or, where none can start, on the page): result URLs
 * under `base`, 24-word excerpts, and its wasm and metadata loaded, so the first query does not pay
 * for them (`init` only creates the instance; an empty preload waits for the rest).
 */
export async function startPagefind(
  api: PagefindModule,
  bundle: string,
  base: string,
  extra: Record<string, unknown> = {},
): Promise<PagefindModule> {
  await api.options({ basePath: bundle, baseUrl: base, excerptLength: 24, ...extra });
  await api.init();
  await api.preload('');
  return api;
}

/** Answers the page's requests; `load` imports Pagefind from a bundle URL. */
export function createSearchHost(load: (bundle: string) => Promise<PagefindModule>) {
  let pagefind: Promise<PagefindModule> | undefined;
  const kept = new Map<number, { data(): Promise<ResultData> }[]>();

  async function answer(request: SearchRequest): Promise<Omit<SearchReply & { ok: true }, 'id' | 'ok'>> {
    if (request.type === 'init') {
      pagefind ??= load(request.bundle).then((api) =>
        startPagefind(api, request.bundle, request.base, { noWorker: true }),
      );
      await pagefind;
      return {};
    }
    if (!pagefind) throw new Error(`"${request.type}" before "init"`);
    const api = await pagefind;
    if (request.type === 'preload') {
      await api.preload(request.term);
      return {};
    }
    if (request.type === 'data') {
      const result = kept.get(request.search)?.[request.index];
      if (!result) throw new Error(`no row ${request.index} of search ${request.search} (a newer search replaced it)`);
      return { data: await result.data() };
    }
    const results = (await api.search(request.term, request.options))?.results ?? [];
    kept.set(request.id, results);
    for (const old of kept.keys()) if (kept.size > KEPT_SEARCHES) kept.delete(old);
    // All the rows shown at once start loading; the reply waits only for the first, the one a
    // reader waits for. The others' requests, a moment later, find them in Pagefind's cache.
    const loads = results.slice(0, request.eager).map((result) => result.data());
    for (const load of loads.slice(1)) load.catch(() => {}); // a failure surfaces when its row asks
    const ids = results.map((result) => result.id);
    return loads[0] ? { ids, data: await loads[0] } : { ids };
  }

  return {
    /** The reply to one request; a failure is an answer too, never a throw. */
    async handle(request: SearchRequest): Promise<SearchReply> {
      try {
        return { id: request.id, ok: true, ...(await answer(request)) };
      } catch (error) {
        if (request.type === 'init') pagefind = undefined; // a later attempt may succeed
        return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
