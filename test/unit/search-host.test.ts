import { describe, expect, test } from 'vitest';
import { createSearchHost, KEPT_SEARCHES, type PagefindModule, type SearchRequest } from '../../src/lib/search-host.ts';
import type { ResultData } from '../../src/lib/search-markup.ts';

const page = (id: string): ResultData => ({ url: `/incidents/${id}/`, meta: { title: id }, excerpt: '' });

/** A stand-in for Pagefind's module: `term` matches pages `term-0` … `term-{n-1}`, n = the term's length. */
function fakePagefind(options: { failInit?: number } = {}) {
  const calls: string[] = [];
  let failInit = options.failInit ?? 0;
  const api: PagefindModule = {
    options: async (o) => void calls.push(`options ${JSON.stringify(o)}`),
    init: async () => {
      calls.push('init');
      if (failInit-- > 0) throw new Error('wasm did not load');
    },
    preload: async (term) => void calls.push(`preload ${JSON.stringify(term)}`),
    search: async (term) => ({
      results: Array.from({ length: term?.length ?? 0 }, (_, i) => ({
        id: `${term}-${i}`,
        data: async () => (calls.push(`data ${term}-${i}`), page(`${term}-${i}`)),
      })),
    }),
  };
  return { api, calls };
}

function hostWith(pagefind: ReturnType<typeof fakePagefind>) {
  const loads: string[] = [];
  const host = createSearchHost(async (bundle) => (loads.push(bundle), pagefind.api));
  let next = 0;
  // Each request gets the next id, as the page's client numbers them.
  const ask = (request: Omit<SearchRequest, 'id'> & Record<string, unknown>) =>
    host.handle({ ...request, id: ++next } as SearchRequest);
  return { host, ask, loads };
}

describe('createSearchHost', () => {
  test('init loads Pagefind once, without its own worker, and waits for its wasm and metadata', async () => {
    const pagefind = fakePagefind();
    const { ask, loads } = hostWith(pagefind);
    expect(await ask({ type: 'init', bundle: '/kb/pagefind/', base: '/kb/' })).toEqual({ id: 1, ok: true });
    expect(await ask({ type: 'init', bundle: '/kb/pagefind/', base: '/kb/' })).toEqual({ id: 2, ok: true });
    expect(loads).toEqual(['/kb/pagefind/']);
    expect(pagefind.calls).toEqual([
      'options {"basePath":"/kb/pagefind/","baseUrl":"/kb/","excerptLength":24,"noWorker":true}',
      'init',
      'preload ""',
    ]);
  });

  test('a search answers with every id and the first row loaded, the other eager rows loading; later rows load when asked', async () => {
    const pagefind = fakePagefind();
    const { ask } = hostWith(pagefind);
    await ask({ type: 'init', bundle: '/pagefind/', base: '/' });
    pagefind.calls.length = 0;
    const reply = await ask({ type: 'search', term: 'dns', options: {}, eager: 2 });
    expect(reply).toEqual({ id: 2, ok: true, ids: ['dns-0', 'dns-1', 'dns-2'], data: page('dns-0') });
    expect(pagefind.calls).toEqual(['data dns-0', 'data dns-1']);
    expect(await ask({ type: 'data', search: 2, index: 2 })).toEqual({ id: 3, ok: true, data: page('dns-2') });
  });

  test('more eager rows than results, and no results, are fine', async () => {
    const { ask } = hostWith(fakePagefind());
    await ask({ type: 'init', bundle: '/pagefind/', base: '/' });
    expect(await ask({ type: 'search', term: 'db', options: {}, eager: 3 })).toMatchObject({
      ids: ['db-0', 'db-1'],
      data: page('db-0'),
    });
    expect(await ask({ type: 'search', term: '', options: {}, eager: 3 })).toEqual({ id: 3, ok: true, ids: [] });
  });

  test(`only the last ${KEPT_SEARCHES} searches keep their rows; an older one's row is a clear failure`, async () => {
    const { ask } = hostWith(fakePagefind());
    await ask({ type: 'init', bundle: '/pagefind/', base: '/' });
    for (const term of ['ab', 'abc', 'abcd', 'abcde', 'abcdef'])
      await ask({ type: 'search', term, options: {}, eager: 0 });
    // Ids 2…6 were the five searches: the first of them is gone, the second still answers.
    expect(await ask({ type: 'data', search: 2, index: 0 })).toEqual({
      id: 7,
      ok: false,
      error: 'no row 0 of search 2 (a newer search replaced it)',
    });
    expect(await ask({ type: 'data', search: 3, index: 2 })).toEqual({ id: 8, ok: true, data: page('abc-2') });
  });

  test('a request before init, and a failed init, are answers that say so; init may be tried again', async () => {
    const { ask } = hostWith(fakePagefind({ failInit: 1 }));
    expect(await ask({ type: 'preload', term: 'dns' })).toEqual({ id: 1, ok: false, error: '"preload" before "init"' });
    expect(await ask({ type: 'init', bundle: '/pagefind/', base: '/' })).toEqual({
      id: 2,
      ok: false,
      error: 'wasm did not load',
    });
    expect(await ask({ type: 'init', bundle: '/pagefind/', base: '/' })).toEqual({ id: 3, ok: true });
    expect(await ask({ type: 'preload', term: 'dns' })).toEqual({ id: 4, ok: true });
  });
});
