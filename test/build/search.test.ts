import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { load } from 'cheerio';
import { buildSite, fixture, projectRoot, type BuildResult } from './build-site.ts';
import { serveStatic, type StaticServer } from '../../scripts/serve-static.ts';
import {
  countFacets,
  indexFacetMap,
  matchesSelection,
  toPagefindFilters,
  type FacetCounts,
  type FacetSelection,
} from '../../src/lib/facets.ts';

/** The slice of Pagefind's browser API (dist/pagefind/pagefind.js) these tests use. */
interface ResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: { title: string; url: string; excerpt: string }[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    options?: Record<string, unknown>,
  ): Promise<{
    results: { id: string; data(): Promise<ResultData> }[];
    filters: FacetCounts;
    totalFilters: FacetCounts;
  }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const CHECKOUT = '2024-03-05-checkout-resolver';
const TIMEOUTS = '2023-11-02-resolver-timeouts';
const FAILOVER = '2022-06-10-payments-failover';
const BACKLOG = '2026-11-20-queue-backlog';

/** Builds the search fixture, serves it on 127.0.0.1 and loads its Pagefind bundle as a browser would. */
async function openSearch(env: Record<string, string> = {}) {
  const site = buildSite(fixture('search'), env);
  if (!site.ok) throw new Error(site.output);
  const server = await serveStatic(site.outDir);
  const pagefind = (await import(pathToFileURL(join(site.outDir, 'pagefind/pagefind.js')).href)) as Pagefind;
  await pagefind.options({ basePath: `${server.url}pagefind/`, baseUrl: '/' });
  /** Full data of every result, in order. */
  const search = async (term: string | null, options: Record<string, unknown> = {}) => {
    const { results } = await pagefind.search(term, options);
    return Promise.all(results.map((r) => r.data()));
  };
  /** Incident ids of the results, in order. */
  const ids = async (term: string | null, options: Record<string, unknown> = {}) =>
    (await search(term, options)).map((r) => r.url.replace(/^\/incidents\/|\/$/g, ''));
  return { site, server, pagefind, search, ids };
}

/** The facet map a build wrote, indexed for counting. */
const readFacets = (site: BuildResult) => indexFacetMap(JSON.parse(site.file('pagefind/facets.json')));

/** Every file Pagefind wrote, decompressed where it is gzip, as text. */
function readIndexFiles(outDir: string): string {
  const dir = join(outDir, 'pagefind');
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const bytes = readFileSync(join(e.parentPath, e.name));
      return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('latin1');
    })
    .join('\n');
}

describe('search index of an internal build', () => {
  let ctx: Awaited<ReturnType<typeof openSearch>>;
  let server: StaticServer | undefined;
  let site: BuildResult;
  beforeAll(async () => {
    ctx = await openSearch();
    ({ server, site } = ctx);
  });
  afterAll(() => server?.close());

  test('npm run build writes the index and a facet map of every indexed review, and says how many it indexed', () => {
    expect(site.output).toContain('Indexed 4 reviews for search');
    const fragments = readdirSync(join(site.outDir, 'pagefind/fragment')).map((name) =>
      name.replace(/\.pf_fragment$/, ''),
    );
    // One row per fragment, in sorted order, each found by the id a result carries.
    const facets = readFacets(site);
    expect(facets.map.ids).toHaveLength(4);
    expect(fragments.sort().map((id) => facets.rowOf(id))).toEqual([0, 1, 2, 3]);
    expect(Object.keys(readFacets(site).map.facets)).toEqual([
      'detection',
      'kind',
      'service',
      'severity',
      'status',
      'tag',
      'year',
    ]);
  });

  // Our counts (facet map + result ids) against Pagefind's own (filter chunks loaded, counted per search).
  describe.each([['resolver'], ['dns'], ['failover'], ['checkout'], ['nothingmatchesthis']])(
    'facet counts for "%s" equal Pagefind\'s',
    (term) => {
      test('with nothing selected', async () => {
        await ctx.pagefind.filters(); // loads every filter chunk, so Pagefind counts each search
        const response = await ctx.pagefind.search(term);
        const ours = countFacets(
          readFacets(site),
          response.results.map((r) => r.id),
        );
        expect(ours).toEqual(response.filters);
        expect(Object.values(ours.severity ?? {}).reduce((a, b) => a + b, 0)).toBe(response.results.length);
      });

      test.each<[FacetSelection]>([
        [{ severity: ['SEV1', 'SEV2'] }],
        [{ tag: ['dns'] }],
        [{ service: ['Edge DNS', 'Payments Database'], status: ['Published'] }],
      ])(
        "with %o selected: the same results, and each facet counted as Pagefind counts it without that facet's own selection",
        async (selection) => {
          await ctx.pagefind.filters();
          const facets = readFacets(site);
          const unfiltered = await ctx.pagefind.search(term);
          const ids = unfiltered.results.map((r) => r.id);
          const filtered = await ctx.pagefind.search(term, { filters: toPagefindFilters(selection) });
          expect(ids.filter((id) => matchesSelection(facets, id, selection)).sort()).toEqual(
            filtered.results.map((r) => r.id).sort(),
          );
          const ours = countFacets(facets, ids, selection);
          for (const key of Object.keys(ours)) {
            const others = Object.fromEntries(Object.entries(selection).filter(([k]) => k !== key));
            const pagefind = await ctx.pagefind.search(term, { filters: toPagefindFilters(others) });
            expect({ key, counts: ours[key] }).toEqual({ key, counts: pagefind.filters[key] });
          }
        },
      );
    },
  );

  test.each([
    ['narrative', 'zanzibarquartz'],
    ['summary', 'configuration'],
    ['trigger', 'regions'],
    ['contributing factor', 'velvetorca'],
    ['action item title', 'glimmerwyrm'],
    ['lesson', 'plinthmoss'],
    ['impact', 'brambleshade'],
    ['diagram labels', 'Quibblestone'],
    ['timeline', 'quokkaflux'],
  ])('finds a word from the %s', async (_part, word) => {
    expect(await ctx.ids(word)).toEqual([CHECKOUT]);
  });

  test('a result carries title, date, severity and services, and highlights the match', async () => {
    const [result] = await ctx.search('zanzibarquartz');
    expect(result?.meta).toEqual({
      title: 'Checkout errors after resolver change',
      date: '5 Mar 2024',
      severity: 'SEV2',
      severity_rank: '2',
      services: 'Checkout API, Edge DNS',
    });
    expect(result?.excerpt).toContain('<mark>zanzibarquartz</mark>');
  });

  test('sub-results deep-link to the section that matched', async () => {
    const [narrative] = await ctx.search('zanzibarquartz');
    expect(narrative?.sub_results.map((s) => s.url)).toContain(`/incidents/${CHECKOUT}/#what-happened`);
    const [actions] = await ctx.search('glimmerwyrm');
    const section = actions?.sub_results.find((s) => s.url.endsWith('#actions-heading'));
    expect(section?.title).toBe('Action items');
    expect(section?.excerpt).toContain('<mark>glimmerwyrm</mark>');
  });

  test.each([
    ['navigation', 'Glossary'],
    ['footer', 'MDX'],
    ['participant names', 'Zebulonia'],
    ['timestamps (key facts, timeline)', 'UTC'],
    ['timeline phases and kinds', 'mitigation'],
    ['the review checklist', 'checklist'],
    ['action item status', 'Overdue'],
    ['Mermaid source', 'graph'],
  ])('leaves out %s', async (_part, word) => {
    expect(await ctx.ids(word)).toEqual([]);
  });

  test('the "Internal only" marks of a review are not words of it', async () => {
    // The checkout review has an <Internal> section and visibility "Internal only" in its key facts.
    expect(await ctx.ids('internal')).toEqual([TIMEOUTS]);
  });

  test('a related review listed on a page does not make that page match its summary', async () => {
    // "twenty" is in the timeouts review's summary, which the checkout review lists as related.
    expect(await ctx.ids('twenty')).toEqual([TIMEOUTS]);
  });

  test('adjacent elements are not glued into one word (compressHTML)', async () => {
    const [result] = await ctx.search('glimmerwyrm');
    expect(result?.content).toContain('Retire the glimmerwyrm cache. Page the owner on stale configs.');
    expect(result?.content).toContain(
      'Twelve percent of checkout requests failed while the brambleshade rollout was live.',
    );
    expect(await ctx.ids('cache')).toContain(CHECKOUT);
  });

  test('every filter lists its values with counts', async () => {
    expect(await ctx.pagefind.filters()).toEqual({
      severity: { SEV1: 1, SEV2: 1, SEV3: 1, SEV4: 1 },
      status: { Published: 2, 'In review': 1, Draft: 1 },
      service: { 'Checkout API': 1, 'Edge DNS': 2, 'Payments Database': 2 },
      tag: { dns: 2, 'config-change': 1, database: 1, failover: 1, capacity: 1 },
      year: { '2022': 1, '2023': 1, '2024': 1, '2026': 1 },
      detection: { Alert: 1, 'Customer report': 1, 'Synthetic check': 1 },
      kind: { Incident: 4 },
    });
  });

  test.each([
    [{ severity: 'SEV3' }, [TIMEOUTS]],
    [{ status: 'In review' }, [FAILOVER]],
    [{ service: 'Payments Database' }, [BACKLOG, FAILOVER]],
    [{ tag: 'config-change' }, [CHECKOUT]],
    [{ tag: ['dns', 'config-change'] }, [CHECKOUT]],
    [{ year: '2022' }, [FAILOVER]],
    [{ detection: 'Customer report' }, [TIMEOUTS]],
  ])('filters %o narrow "resolver" to %o', async (filters, expected) => {
    expect(await ctx.ids('resolver', { filters, sort: { date: 'desc' } })).toEqual(expected);
  });

  test('filters work without a query (search within a tag)', async () => {
    expect(await ctx.ids(null, { filters: { tag: 'dns' }, sort: { date: 'desc' } })).toEqual([CHECKOUT, TIMEOUTS]);
  });

  test.each([
    ['newest first', { date: 'desc' }, [BACKLOG, CHECKOUT, TIMEOUTS, FAILOVER]],
    ['oldest first', { date: 'asc' }, [FAILOVER, TIMEOUTS, CHECKOUT, BACKLOG]],
    ['most severe first', { severity: 'asc' }, [FAILOVER, CHECKOUT, TIMEOUTS, BACKLOG]],
  ])('sorts %s', async (_name, sort, expected) => {
    expect(await ctx.ids('resolver', { sort })).toEqual(expected);
  });

  test('by relevance, a title match outranks a passing mention', async () => {
    // "failover" is in one review's title and in another's narrative.
    expect(await ctx.ids('failover')).toEqual([FAILOVER, CHECKOUT]);
  });
});

/** This process's environment without what Vitest adds for its own Vite (it would leak into `astro dev`). */
const inheritedEnv = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(key) && !key.startsWith('VITEST'),
    ),
  );

describe('npm run dev', () => {
  test('serves the index of the last build', async () => {
    const site = buildSite(fixture('search'));
    if (!site.ok) throw new Error(site.output);
    const port = 4700 + Math.floor(Math.random() * 200);
    const dev = spawn(
      process.execPath,
      [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'],
      {
        cwd: projectRoot,
        env: {
          ...inheritedEnv(),
          HINDSIGHT_CONTENT: fixture('search'),
          HINDSIGHT_OUT_DIR: site.outDir,
          ASTRO_TELEMETRY_DISABLED: '1',
        },
        stdio: 'ignore',
      },
    );
    try {
      const origin = `http://127.0.0.1:${port}`;
      const get = (path: string) => fetch(origin + path).catch(() => undefined);
      for (let i = 0; i < 120 && !(await get('/')); i++) await new Promise((r) => setTimeout(r, 250));
      const script = await get('/pagefind/pagefind.js');
      expect(script?.status).toBe(200);
      expect(script?.headers.get('content-type')).toContain('text/javascript');
      expect(await script?.text()).toBe(site.file('pagefind/pagefind.js'));
      expect((await get('/pagefind/pagefind-entry.json'))?.status).toBe(200);
      expect((await get('/pagefind/missing.js'))?.status).toBe(404);
    } finally {
      dev.kill();
    }
  });
});

describe('search pages', () => {
  let site: BuildResult;
  beforeAll(() => {
    site = buildSite(fixture('search'), { HINDSIGHT_BASE: '/kb/' });
    if (!site.ok) throw new Error(site.output);
  });

  test('every page has a header search box that works as a plain form, with no search script loaded up front', () => {
    const $ = site.page('incidents/');
    const form = $('header form[role="search"]');
    expect(form.attr('action')).toBe('/kb/search/');
    expect(form.find('input[name="q"]').attr('aria-keyshortcuts')).toBe('/ Control+K Meta+K');
    expect($('[data-header-search]').attr('data-bundle')).toBe('/kb/pagefind/');
    // The Component UI is fetched only when a reader starts to search.
    expect($('script[src*="pagefind"], link[href*="pagefind"]').length).toBe(0);
  });

  test("the header's dialog is a base-aware fragment fetched on first search, not part of each page", () => {
    expect(site.page('incidents/')('[data-header-search]').attr('data-dialog')).toBe('/kb/search-dialog.html');
    expect(site.page('incidents/')('dialog, [data-search-results]').length).toBe(0);
    const dialog = load(site.file('search-dialog.html'));
    expect(dialog('dialog[data-search-dialog]').attr('data-bundle')).toBe('/kb/pagefind/');
    expect(dialog('dialog[data-search-dialog]').attr('data-base')).toBe('/kb/');
    expect(dialog('[data-search-more]').attr('href')).toBe('/kb/search/');
    expect(dialog('[data-search-results]').length).toBe(1);
  });

  test('the search page offers every filter and sort (best match first), with base-aware bundle and result URLs', () => {
    const $ = site.page('search/');
    const root = $('[data-search-page]');
    expect(root.attr('data-bundle')).toBe('/kb/pagefind/');
    expect(root.attr('data-base')).toBe('/kb/');
    expect(root.find('input[type="search"][data-search-input]').length).toBe(1);
    expect(
      $('.search-page details[data-filter]')
        .map((_, el) => $(el).attr('data-filter'))
        .get(),
    ).toEqual(['severity', 'status', 'service', 'tag', 'year', 'detection', 'kind']);
    expect(
      $('[data-search-sort] option')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['Best match', 'Newest first', 'Oldest first', 'Most severe first']);
    expect($('[data-search-sort] option[selected]').text()).toBe('Best match');
    // Without JavaScript the page points at the browsable lists instead.
    expect($('.search-page noscript').text()).toContain('needs JavaScript');
    const vocabulary = JSON.parse($('[data-search-page]').attr('data-vocabulary') ?? '{}') as Record<
      'service' | 'severity',
      Record<string, string>
    >;
    expect(vocabulary.service['payments-db']).toBe('Payments Database');
    expect(vocabulary.severity['sev1']).toBe('SEV1');
  });

  test.each([
    ['tags/dns/', '/kb/search/?tag=dns'],
    ['services/edge-dns/', '/kb/search/?service=edge-dns'],
    ['severity/sev2/', '/kb/search/?severity=sev2'],
  ])('%s offers "search within"', (path, href) => {
    expect(site.page(path)('.search-within a').attr('href')).toBe(href);
  });
});

describe('search index of a public build', () => {
  let ctx: Awaited<ReturnType<typeof openSearch>>;
  beforeAll(async () => {
    ctx = await openSearch({ HINDSIGHT_AUDIENCE: 'public' });
  });
  afterAll(() => ctx?.server.close());

  test('holds no word of an internal review or of an <Internal> section, in any index file', () => {
    const files = readIndexFiles(ctx.site.outDir);
    expect(files).toContain('zanzibarquartz'); // the public review is there, so the check is real
    expect(files).not.toContain('ospreyfive');
    expect(files).not.toContain('kestrelmarker');
    expect(files).not.toContain('Zebulonia');
  });

  test('the facet map holds the public reviews only: no id or value that only an internal review has', () => {
    const index = readFacets(ctx.site);
    const facets = index.map;
    const fragments = readdirSync(join(ctx.site.outDir, 'pagefind/fragment')).map((name) =>
      name.replace(/\.pf_fragment$/, ''),
    );
    // Three rows, each the prefix of a public review's id (and found by it).
    expect(facets.ids).toHaveLength(3);
    expect(fragments.sort().map((id) => index.rowOf(id))).toEqual([0, 1, 2]);
    facets.ids.forEach((prefix, row) => expect(fragments[row]!.startsWith(prefix)).toBe(true));
    // The internal review is the only SEV3, the only 2023 one and the only customer report.
    expect(facets.facets['severity']?.values).toEqual(['SEV1', 'SEV2', 'SEV4']);
    expect(facets.facets['year']?.values).not.toContain('2023');
    expect(facets.facets['detection']?.values).not.toContain('Customer report');
    expect(facets.facets['tag']?.values).toContain('dns'); // a public review's value is there, so the check is real
  });

  test('search finds public reviews only', async () => {
    expect(await ctx.ids('resolver', { sort: { date: 'desc' } })).toEqual([BACKLOG, CHECKOUT, FAILOVER]);
    expect(await ctx.ids('ospreyfive')).toEqual([]);
  });
});
