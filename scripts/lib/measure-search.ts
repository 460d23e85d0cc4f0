/**
 * Times searches as a reader meets them, in Chromium against a built site (used by
 * scripts/search-cost.ts and scripts/bench.ts).
 *
 * Each search runs in a fresh browser context (cold cache): the home page loads, the reader opens
 * the header search, which loads the UI script, then Pagefind (core, wasm, metadata, filters).
 * Once Pagefind is ready the whole query enters the input at once: "typed → results" includes the
 * input's debounce and the query's index chunks; "shown" adds its fragments and rendering.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Request } from 'playwright';
import { totalsByKind, type SearchSample } from '../../src/lib/search-timing.ts';
import type {} from '../../src/scripts/search-ui.ts'; // window.PagefindComponents
import { serveStatic } from '../serve-static.ts';

/** How to run the searches. */
export interface MeasureOptions {
  queries: readonly string[];
  /** Rounds over all queries (default 1); rounds, not back-to-back repeats, so noise spreads evenly. */
  repeats?: number;
  /** Chromium to drive (default Debian's). */
  executablePath?: string;
  /** A search that has not shown its results by then fails the measurement (default 30 s). */
  timeoutMs?: number;
  /** Called after each search, e.g. to print progress. */
  onSample?: (sample: SearchSample) => void;
}

/** Serves `siteDir`, runs every query `repeats` times in Chromium and returns one sample per search. */
export async function measureSearch(siteDir: string, options: MeasureOptions): Promise<SearchSample[]> {
  const { queries, repeats = 1, executablePath = '/usr/bin/chromium', timeoutMs = 30_000, onSample } = options;
  const server = await serveStatic(siteDir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const samples: SearchSample[] = [];
    for (let repeat = 0; repeat < repeats; repeat++) {
      for (const query of queries) {
        const sample = await searchOnce(browser, server.url, query, repeat, timeoutMs);
        samples.push(sample);
        onSample?.(sample);
      }
    }
    return samples;
  } finally {
    await browser?.close();
    await server.close();
  }
}

async function searchOnce(browser: Browser, url: string, query: string, repeat: number, timeoutMs: number): Promise<SearchSample> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    const fetched: { path: string; bytes: number; gzip: number }[] = [];
    const sizes: Promise<void>[] = [];
    page.on('requestfinished', (request: Request) => {
      const path = new URL(request.url()).pathname;
      if (!path.includes('/pagefind/')) return;
      sizes.push(
        (async () => {
          const body = (await (await request.response())?.body()) ?? Buffer.alloc(0);
          // Index files are gzip already; JS, CSS and JSON would be compressed by any real host.
          const text = /\.(js|css|json)$/.test(path);
          fetched.push({ path, bytes: body.length, gzip: text ? gzipSync(body, { level: 9 }).length : body.length });
        })(),
      );
    });
    await page.goto(url);
    await page.click('#site-search');
    await page.waitForFunction(() => document.querySelector('pagefind-modal dialog[open]'));
    const timing = page.evaluate(async (term) => {
      const instance = window.PagefindComponents!.getInstanceManager().getInstance('header');
      // Resolves on the results of `searched` only: Pagefind also emits empty results when it clears.
      const resultsOf = (searched: string, since: number) =>
        new Promise<number>((done) => instance.on('results', () => instance.searchTerm === searched && done(performance.now() - since)));
      // Pagefind itself (pagefind.js, wasm, metadata, filters) starts loading when the dialog's
      // input takes focus; a reader is still typing meanwhile, so time the query once it is ready.
      const loadStarted = performance.now();
      await new Promise<void>((done) => (instance.availableFilters ? done() : instance.on('filters', () => done())));
      const readyMs = performance.now() - loadStarted;
      const started = performance.now();
      const searched = resultsOf(term, started);
      const input = document.querySelector<HTMLInputElement>('pagefind-modal pagefind-input input')!;
      input.value = term;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const typedToResultsMs = await searched;
      const results = instance.searchResult.results.length;
      let shownMs: number | undefined;
      if (results > 0) {
        await new Promise<void>((done) => {
          const check = () => (document.querySelector('pagefind-modal .search-result-title a') ? done() : requestAnimationFrame(check));
          check();
        });
        shownMs = performance.now() - started;
      }
      // The same query again (a trailing space makes it a new search), triggered without the
      // debounce: Pagefind's own search time with warm chunks.
      const again = `${term} `;
      const second = resultsOf(again, performance.now());
      instance.triggerSearch(again);
      return { readyMs, typedToResultsMs, shownMs, secondSearchMs: await second, results };
    }, query);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`search for "${query}" showed no results within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const figures = await Promise.race([timing, timeout]);
      await Promise.all(sizes);
      return { query, repeat, ...figures, bytes: totalsByKind(fetched) };
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await context.close();
  }
}
