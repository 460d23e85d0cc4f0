/**
 * The search worker (started by src/client/pagefind-client.ts): Pagefind runs here with
 * `noWorker`, and src/lib/search-host.ts answers the page. In a worker Pagefind cannot read
 * `<html lang>`; it then picks the site's largest language index, which for Hindsight's
 * English-only site is the one the page would have named.
 */
import { createSearchHost, type PagefindModule, type SearchRequest } from '../lib/search-host.ts';

// The bundle is written after Vite has run, so it is loaded by URL, not bundled.
const host = createSearchHost((bundle) => import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<PagefindModule>);

self.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  void host.handle(event.data).then((reply) => self.postMessage(reply));
});
