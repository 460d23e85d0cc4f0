/**
 * What one cold search costs a reader, measured in Chromium against a built site:
 * bytes fetched by kind (index chunks, fragments, filters, metadata, core, UI) and time to results.
 *
 *   node scripts/search-cost.ts <built site dir> [query …]
 *
 * Each query runs in a fresh browser context (cold cache): the home page loads, the reader opens
 * the header search, which loads the UI script, then Pagefind (core, wasm, metadata, filters).
 * Once Pagefind is ready the query is typed: "typed → results" includes the input's 100 ms
 * debounce and the query's index chunks; "shown" adds its fragments and rendering.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Request } from 'playwright';
import type {} from '../src/scripts/search-ui.ts'; // window.PagefindComponents
import { serveStatic } from './serve-static.ts';

const [siteDir, ...args] = process.argv.slice(2);
if (!siteDir) {
  console.error('usage: node scripts/search-cost.ts <built site dir> [query …]');
  process.exit(2);
}
const queries = args.length > 0 ? args : ['certificate expired', 'dns', 'failover'];

/** Which budget line a Pagefind file counts towards. */
function kindOf(path: string): string {
  if (path.includes('/pagefind/index/')) return 'index chunks';
  if (path.includes('/pagefind/fragment/')) return 'fragments';
  if (path.includes('/pagefind/filter/')) return 'filters';
  if (/pagefind-entry\.json|\.pf_meta$/.test(path)) return 'metadata';
  if (path.includes('pagefind-component-ui')) return 'UI (excluded)';
  return 'core (js + wasm)';
}

const server = await serveStatic(siteDir);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

try {
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
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
    await page.goto(server.url);
    await page.click('#site-search');
    await page.waitForFunction(() => document.querySelector('pagefind-modal dialog[open]'));
    const timing = await page.evaluate(async (term) => {
      const instance = window.PagefindComponents!.getInstanceManager().getInstance('header');
      // Pagefind itself (pagefind.js, wasm, metadata, filters) starts loading when the dialog's
      // input takes focus; a reader is still typing meanwhile, so time the query once it is ready.
      const loadStarted = performance.now();
      await new Promise<void>((done) => (instance.availableFilters ? done() : instance.on('filters', () => done())));
      const load = performance.now() - loadStarted;
      const started = performance.now();
      const searched = new Promise<number>((done) => instance.on('results', () => done(performance.now() - started)));
      const input = document.querySelector<HTMLInputElement>('pagefind-modal pagefind-input input')!;
      input.value = term;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const typedToSearch = await searched;
      await new Promise<void>((done) => {
        const check = () => (document.querySelector('pagefind-modal .search-result-title a') ? done() : requestAnimationFrame(check));
        check();
      });
      const shown = performance.now() - started;
      // The same query again, programmatically, shows Pagefind's own search time without debounce.
      const again = performance.now();
      const secondSearch = new Promise<number>((done) => instance.on('results', () => done(performance.now() - again)));
      instance.triggerSearch(`${term} `);
      return { load, typedToSearch, shown, warmSearch: await secondSearch, results: instance.searchResult.results.length };
    }, query);
    await Promise.all(sizes);
    const totals = new Map<string, { files: number; bytes: number; gzip: number }>();
    for (const f of fetched) {
      const t = totals.get(kindOf(f.path)) ?? { files: 0, bytes: 0, gzip: 0 };
      totals.set(kindOf(f.path), { files: t.files + 1, bytes: t.bytes + f.bytes, gzip: t.gzip + f.gzip });
    }
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const budget = ['index chunks', 'fragments', 'filters', 'metadata'].reduce((sum, k) => sum + (totals.get(k)?.bytes ?? 0), 0);
    console.log(`\n"${query}": ${timing.results} results`);
    for (const [kind, t] of [...totals].sort())
      console.log(`  ${kind.padEnd(18)} ${String(t.files).padStart(3)} files  ${kb(t.bytes).padStart(10)}  (${kb(t.gzip)} gzipped)`);
    console.log(`  index + fragments + filters + metadata: ${kb(budget)}`);
    console.log(`  Pagefind ready after the dialog opened in ${timing.load.toFixed(0)} ms`);
    console.log(
      `  then typed → results ${timing.typedToSearch.toFixed(0)} ms (includes the 100 ms debounce), first result shown ${timing.shown.toFixed(0)} ms; a second search ${timing.warmSearch.toFixed(0)} ms`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
