import type { APIRoute } from 'astro';
import { headerDialogHtml } from '../lib/search-markup.ts';
import { url, urls } from '../urls.ts';

/**
 * The header's search dialog as an HTML fragment: fetched (and then cached) only when a reader
 * starts to search, so review pages don't each carry it.
 */
export const GET: APIRoute = () =>
  new Response(headerDialogHtml({ bundle: urls.pagefind(), base: url(), search: urls.search() }), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
