/**
 * Times searches as a reader meets them, in Chromium against a built site (used by
 * scripts/search-cost.ts and scripts/bench.ts).
 *
 * Each search runs in a fresh browser context (cold cache): the home page loads, the reader
 * clicks the header search, which fetches the dialog, Pagefind (core, wasm, metadata) and the
 * search code's own chunk (the facet map waits for a filter menu, which these searches never open). Once those are in, the whole query enters the dialog's field at once: "typed →
 * results" includes the query's index chunks (a whole query after a pause skips the debounce); "shown" adds the first row's
 * fragment and drawing. Bytes are everything fetched from the click on, until the network is quiet.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Request } from 'playwright';
import { totalsByKind, type SearchSample } from './search-timing.ts';
import { serveStatic } from '../../serve-static.ts';
import { CHROMIUM_LAUNCH } from '../chromium.ts';

/** How to run the searches. */
export interface MeasureOptions {
  queries: readonly string[];
  /** Rounds over all queries (default 1); rounds, not back-to-back repeats, so noise spreads evenly. */
  repeats?: number;
  /** Chromium to drive (default Debian's, or `CHROMIUM_PATH`). */
  executablePath?: string;
  /** A search that has not shown its results by then fails the measurement (default 30 s). */
  timeoutMs?: number;
  /** Called after each search, e.g. to print progress. */
  onSample?: (sample: SearchSample) => void;
}

/** Serves `siteDir`, runs every query `repeats` times in Chromium and returns one sample per search. */
export async function measureSearch(siteDir: string, options: MeasureOptions): Promise<SearchSample[]> {
  const {
    queries,
    repeats = 1,
    executablePath = CHROMIUM_LAUNCH.executablePath,
    timeoutMs = 30_000,
    onSample,
  } = options;
  const server = await serveStatic(siteDir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ ...CHROMIUM_LAUNCH, executablePath });
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

async function searchOnce(
  browser: Browser,
  url: string,
  query: string,
  repeat: number,
  timeoutMs: number,
): Promise<SearchSample> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    const fetched: { path: string; bytes: number; gzip: number }[] = [];
    const sizes: Promise<void>[] = [];
    page.on('requestfinished', (request: Request) => {
      const path = new URL(request.url()).pathname;
      if (!/\/pagefind\/|\/search-dialog\.html$|\/_astro\/[^/]+\.js$/.test(path)) return;
      sizes.push(
        (async () => {
          // A response may end after its page has closed; it then counts as nothing, not as a crash.
          const body =
            (await (await request.response().catch(() => null))?.body().catch(() => null)) ?? Buffer.alloc(0);
          // Index files are gzip already; JS, CSS and JSON would be compressed by any real host.
          const text = /\.(js|css|json|html)$/.test(path);
          fetched.push({ path, bytes: body.length, gzip: text ? gzipSync(body, { level: 9 }).length : body.length });
        })(),
      );
    });
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await Promise.all(sizes);
    fetched.length = 0; // what the page itself loads is B4's; B7 counts what searching adds
    await page.click('#site-search');
    const opened = performance.now();
    await page.waitForSelector('dialog[data-search-dialog] [data-search-root][data-search-ready]', {
      state: 'attached',
    });
    const readyMs = performance.now() - opened;
    const timing = page.evaluate(async (term) => {
      const panel = document.querySelector<HTMLElement>('dialog[data-search-dialog] [data-search-root]')!;
      const input = panel.querySelector<HTMLInputElement>('[data-search-input]')!;
      const started = performance.now();
      const listed = new Promise<{ ms: number; results: number }>((done) =>
        panel.addEventListener('search-results', (event) => {
          const detail = (event as CustomEvent<{ term: string; results: number }>).detail;
          if (detail.term === term) done({ ms: performance.now() - started, results: detail.results });
        }),
      );
      input.value = term;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const { ms: typedToResultsMs, results } = await listed;
      let shownMs: number | undefined;
      if (results > 0) {
        await new Promise<void>((done) => {
          const check = () => (panel.querySelector('.search-result-title a') ? done() : requestAnimationFrame(check));
          check();
        });
        shownMs = performance.now() - started;
      }
      return { typedToResultsMs, shownMs, results };
    }, query);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(
        () => fail(new Error(`search for "${query}" showed no results within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      const figures = await Promise.race([timing, timeout]);
      await page.waitForLoadState('networkidle'); // the fragments of the rows in view
      await Promise.all(sizes);
      return { query, repeat, readyMs, ...figures, bytes: totalsByKind(fetched) };
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await context.close();
  }
}
