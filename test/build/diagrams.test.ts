import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, copyFixture, fixture, readableText, type BuildResult } from './build-site.ts';

// "Now" for the build: the billing (75 days ago) and auth (45 calendar days ago) incidents are recent,
// the gateway one (106 days ago) is not.
const NOW = '2024-08-15T00:00:00Z';
const GATEWAY = 'incidents/2024-05-01-gateway-config/';
const BILLING = 'incidents/2024-06-01-billing-delay/';
const AUTH = 'incidents/2024-07-01-auth-latency/';

let site: BuildResult;
beforeAll(() => {
  site = buildSite(fixture('diagrams'), { HINDSIGHT_NOW: NOW });
  if (!site.ok) throw new Error(site.output);
});

const text = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Where a review page's service graph lives (`graphs/<name>.svg`). */
const graphSrc = (page: string) => site.page(page)('.service-graph .diagram-canvas').attr('data-graph-src')!;
/** A review page's service graph, parsed from its own file. */
const reviewGraph = (page: string) => cheerio.load(site.file(graphSrc(page)));

/** The JavaScript a page loads: inline scripts and the files its module scripts point at. */
function scriptsOf($: cheerio.CheerioAPI): { inline: string[]; files: Record<string, string> } {
  const inline = $('script:not([src])')
    .map((_, s) => $(s).text())
    .get();
  const files: Record<string, string> = {};
  $('script[src]').each((_, s) => {
    const src = $(s).attr('src')!;
    files[src] = site.file(src);
  });
  return { inline, files };
}

describe('build-time diagrams (flowchart, sequence, state)', () => {
  test('are inline SVG figures, one per fence, never highlighted code or pre.mermaid', () => {
    const $ = site.page(GATEWAY);
    const figures = $('.prose figure.diagram');
    expect(figures.map((_, f) => $(f).attr('data-diagram-type')).get()).toEqual([
      'flowchart',
      'sequenceDiagram',
      'stateDiagram-v2',
    ]);
    expect(
      figures
        .find('.diagram-canvas > svg')
        .map((_, svg) => typeof $(svg).attr('viewBox'))
        .get(),
    ).toEqual(['string', 'string', 'string']);
    expect($('pre.mermaid, code.language-mermaid, pre.astro-code').length).toBe(0);
  });

  test('diagram labels are searchable text, the source is one click away and ignored by search', () => {
    const $ = site.page(GATEWAY);
    const labels = $('.prose .diagram-labels')
      .map((_, p) => $(p).text())
      .get();
    expect(labels).toEqual([
      'Flowchart: Route table push; Gateway; Drained orders pool; 5xx for orders.',
      expect.stringMatching(/^Sequence diagram: .*POST \/orders; 503 from drained pool.*Browser.*Gateway/),
      expect.stringMatching(/^State diagram: .*operator drains.*pool restored.*Active.*Drained/),
    ]);
    const source = $('.prose .diagram-source').first();
    expect(source.is('details[data-pagefind-ignore]')).toBe(true);
    expect(source.find('summary').text()).toBe('View diagram source');
    expect(source.find('code').text()).toContain('push[Route table push] --> gw[Gateway]');
    // The drawing is described by the labels, not read out node by node.
    expect($('.prose .diagram-canvas > svg').first().attr('aria-hidden')).toBe('true');
  });

  test('colours are the site’s CSS variables (dark mode is pure CSS) and no request leaves the site', () => {
    const html = site.file(join(GATEWAY, 'index.html'));
    expect(html).not.toMatch(/@import|fonts\.googleapis|https:\/\/fonts/);
    expect(site.page(GATEWAY)('.prose .diagram-canvas > svg').first().attr('style')).toBe(
      '--bg:var(--surface);--fg:var(--text)',
    );
    // Ids are prefixed per diagram, so markers of one drawing never resolve to another's.
    const ids = site
      .page(GATEWAY)('.diagram-canvas [id]')
      .map((_, e) => e.attribs['id'])
      .get();
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('ship no diagram JavaScript: no mermaid loader, no script that mentions mermaid', () => {
    const { inline, files } = scriptsOf(site.page(GATEWAY));
    expect(Object.keys(files).filter((src) => /mermaid/i.test(src))).toEqual([]);
    for (const code of [...inline, ...Object.values(files)]) expect(code).not.toMatch(/mermaid/i);
  });

  test('are cached on disk by source hash', () => {
    const cached = readdirSync(join(`${site.outDir}-cache`, 'diagrams')).filter((f) => f.endsWith('.json'));
    // 3 fences on the gateway review, 3 on the billing one, the gateway service diagram, and the generated graphs.
    expect(cached.length).toBeGreaterThanOrEqual(7);
  });
});

describe('browser-drawn diagrams (pie, gantt)', () => {
  test('keep their source in pre.mermaid (readable without JS), ignored by search, with labels as text', () => {
    const $ = site.page(BILLING);
    const figures = $('figure.diagram-client');
    expect(figures.map((_, f) => $(f).attr('data-diagram-type')).get()).toEqual(['pie', 'gantt', 'gantt']);
    expect(figures.first().find('pre.mermaid[data-pagefind-ignore]').text()).toBe(
      'pie title Late invoices by region\n  "Europe" : 61\n  "Americas" : 39',
    );
    expect(figures.first().find('.diagram-labels').text()).toBe('Pie chart: Europe; Americas.');
    expect(figures.eq(1).find('.diagram-labels').text()).toBe(
      'Gantt chart: Invoice run phases; Batch; Render invoices; Send invoices.',
    );
  });

  test('load the mermaid loader once, only on this page, and it imports mermaid lazily', () => {
    const { files } = scriptsOf(site.page(BILLING));
    const loaders = Object.entries(files).filter(([src]) => src.includes('MermaidLoader'));
    expect(loaders).toHaveLength(1);
    // A dynamic import() of mermaid's own bundle, copied into the site: fetched only after the
    // loader found a diagram.
    const entry = /import\(["'`](\/_astro\/mermaid-[\d.]+\/mermaid\.esm\.min\.mjs)["'`]\)/.exec(loaders[0]![1]);
    expect(entry).not.toBeNull();
    expect(existsSync(join(site.outDir, entry![1]!))).toBe(true);
    expect(loaders[0]![1]).toContain('dagre');
    const others = ['incidents/', GATEWAY, AUTH, 'services/', 'timeline/'];
    for (const path of others)
      expect(Object.keys(scriptsOf(site.page(path)).files).filter((src) => src.includes('MermaidLoader'))).toEqual([]);
  });
});

describe('scripts a review ships', () => {
  test('only for what it shows: path steps on a path, the graph scroll with a graph', () => {
    const files = (path: string) => Object.keys(scriptsOf(site.page(path)).files);
    // The gateway review is a step of the fixture's path and has a graph; the billing one neither.
    expect(files(GATEWAY).filter((src) => /PathNav|ServiceGraph/.test(src))).toHaveLength(2);
    expect(files(BILLING).filter((src) => /PathNav|ServiceGraph/.test(src))).toEqual([]);
    expect(site.page(BILLING)('.path-nav, .service-graph')).toHaveLength(0);
  });

  test("the header search's script imports no search code until a search starts", () => {
    const [, code] = Object.entries(scriptsOf(site.page(BILLING)).files).find(([src]) => src.includes('HeaderSearch'))!;
    const imports = [...code.matchAll(/import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)].map((m) => m[1]);
    // Vite's helper for the lazy import() only: the search view brings the rest when it loads.
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatch(/preload-helper/);
  });
});

describe('service diagrams and dependency graphs', () => {
  test('a service’s own diagram renders as SVG on its page', () => {
    const $ = site.page('services/api-gateway/');
    const figure = $('section[aria-labelledby="diagram-heading"] figure.diagram');
    expect(figure.find('svg').length).toBe(1);
    expect(figure.find('.diagram-labels').text()).toBe('Flowchart: Browser; Gateway pool; Auth checks; Route table.');
  });

  test('the neighbourhood graph links every node to its service page and outlines the current service', () => {
    const $ = site.page('services/api-gateway/');
    const graph = $('.service-graph');
    expect(graph.find('h2').text()).toBe('Dependency graph');
    const links = graph.find('svg a.diagram-link');
    expect(
      links
        .map((_, a) => $(a).attr('href'))
        .get()
        .sort(),
    ).toEqual(['/services/api-gateway/', '/services/auth-service/', '/services/orders-db/', '/services/web-frontend/']);
    expect(graph.find('svg a[href="/services/api-gateway/"] g.node').hasClass('is-current')).toBe(true);
    // Names with quotes survive both parsers.
    expect(graph.find('svg a[href="/services/orders-db/"] text').text()).toBe('Orders "Primary" DB');
    expect(graph.find('svg').attr('aria-hidden')).toBeUndefined();
  });

  test('services with incidents in the last 90 days are marked by class and in words', () => {
    const $ = site.page('services/api-gateway/');
    const auth = $('.service-graph svg a[href="/services/auth-service/"]');
    expect(auth.find('g.node').hasClass('is-recent')).toBe(true);
    expect(text(auth.find('text').text())).toBe('Auth Service⚠ incident 45 days ago');
    expect(auth.attr('aria-label')).toBe('Auth Service, ⚠ incident 45 days ago: service page');
    // The gateway's own incident is 106 days old: not marked.
    expect($('.service-graph svg a[href="/services/api-gateway/"] g.node').hasClass('is-recent')).toBe(false);
    expect(text($('.graph-legend').text())).toContain('Dashed red outline and ⚠: incident in the last 90 days');
  });

  test('/services/ draws the whole catalog; a service with no dependencies either way gets no graph', () => {
    const links = site.page('services/')('.service-graph svg a.diagram-link');
    expect(links.length).toBe(5);
    expect(site.page('services/billing/')('.service-graph').length).toBe(0);
  });

  test('each incident page shows the neighbourhood of the services it touched, from its own file', () => {
    const section = site.page(GATEWAY)('.service-graph');
    expect(section.find('h2').text()).toBe('Services involved');
    // The page keeps the drawing's size and, for readers without scripts, a link to the whole graph.
    const placeholder = section.find('.diagram-canvas svg');
    expect(placeholder.find('a').attr('href')).toBe('/services/');
    expect(placeholder.find('.node, .edge')).toHaveLength(0);
    const $ = reviewGraph(GATEWAY);
    const current = $('a.diagram-link:has(g.node.is-current)')
      .map((_, a) => $(a).attr('href'))
      .get()
      .sort();
    expect(current).toEqual(['/services/api-gateway/', '/services/orders-db/']);
    expect($('a.diagram-link').length).toBe(4);
    expect($('svg').attr('role')).toBe('group');
    for (const attr of ['viewBox', 'width', 'height']) expect(placeholder.attr(attr)).toBe($('svg').attr(attr));
  });

  test('a review graph file is a standalone SVG document, and there is one for each graph a review shows', () => {
    const file = site.file(graphSrc(GATEWAY));
    expect(file).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    const pointedAt = [GATEWAY, AUTH].map((page) => graphSrc(page).replace('/graphs/', '')).sort();
    expect(readdirSync(join(site.outDir, 'graphs')).sort()).toEqual(pointedAt);
  });
});

describe('incident timeline', () => {
  /** `[phase label, note, [time | labels | event]]` for each phase, as a reader scans it. */
  function phases($: cheerio.CheerioAPI) {
    return $('.timeline .tl-phase')
      .map((_, phase) => [
        [
          $(phase).find('.tl-phase-title').contents().first().text().trim(),
          $(phase).find('.tl-phase-note').text(),
          $(phase)
            .find('.tl-item')
            .map((_, item) =>
              [
                $(item).find('.tl-gap').text(),
                text($(item).find('time').text()),
                text($(item).find('.tl-labels').text()),
                text($(item).find('.tl-event').text()),
              ]
                .filter(Boolean)
                .join(' | '),
            )
            .get(),
        ],
      ])
      .get();
  }

  test('entries and lifecycle stamps in time order, in phases with durations, lead-in and compressed gaps labelled', () => {
    const $ = site.page(GATEWAY);
    expect($('.timeline > ol.tl-phases > li.tl-phase > ol.tl-list > li.tl-item').length).toBe(10);
    expect(text($('.tl-summary').text())).toBe(
      'Times in UTC. Time to detect 7 min, to mitigate 40 min, to resolve 6 h 30 min, counted from when impact began.',
    );
    expect(phases($)).toEqual([
      [
        'How we got here',
        'before impact began; not to scale',
        [
          '2021-08-01 09:00 UTC | Observation 2 years 9 months earlier | Ticket to validate route tables before push deferred',
        ],
      ],
      ['Impact before detection', '7 min', ['2024-05-01 10:00 UTC | Impact began']],
      [
        'Detection to mitigation',
        '33 min',
        [
          '10:07 UTC | Detection Detected | Gateway 5xx alert fired · Lee source of “Gateway 5xx alert fired”',
          // 12:10+02:00 is 10:10 UTC: the same instant as the next entry; authored order is kept.
          '10:10 UTC | Communication | Status page updated · Ana',
          '10:10 UTC | Escalation | Incident declared · Lee',
          '10:30 UTC | Action | Route table rolled back · Kim',
        ],
      ],
      [
        'Mitigation to resolution',
        '5 h 50 min',
        [
          '10:40 UTC | Mitigated',
          '5 h 50 min later | 16:30 UTC | Resolution Resolved | Orders backlog drained',
          '16:30 UTC | Communication | All-clear posted · Ana',
        ],
      ],
      [
        'After resolution',
        '',
        ['1 day 17 h later | 2024-05-03 09:00 UTC | Communication | Customer credit notes sent'],
      ],
    ]);
  });

  test('every entry is a <time> in UTC with its instant, and simultaneous entries are flagged', () => {
    const $ = site.page(GATEWAY);
    const times = $('.tl-item time')
      .map((_, t) => $(t).attr('datetime'))
      .get();
    expect(times).toEqual([...times].sort());
    expect($('.tl-item time').eq(3).attr('datetime')).toBe('2024-05-01T10:10:00.000Z');
    expect($('.tl-item.is-simultaneous').length).toBe(2);
    // Kind is written, not only coloured: each kind has its class and its label.
    expect($('.tl-kind-escalation .tl-kind').text()).toBe('Escalation');
  });

  test('an ongoing incident shows the open end clearly', () => {
    const $ = site.page(AUTH);
    const last = $('.tl-phase').last();
    expect(last.hasClass('is-ongoing')).toBe(true);
    expect(text(last.find('.tl-phase-title').text())).toBe('Detection onwards (ongoing) 1 month 13 days so far');
    const open = last.find('.tl-open');
    expect([open.find('time').text(), open.find('.tl-labels').text(), text(open.find('.tl-event').text())]).toEqual([
      '2024-08-15 00:00 UTC',
      'Ongoing',
      'Not resolved when this page was built, 1 month 13 days after impact began.',
    ]);
  });

  test('the page is complete without JavaScript; the time-zone switch is a cached script file, not inline', () => {
    const { inline, files } = scriptsOf(site.page(GATEWAY));
    expect(inline).toEqual([]);
    expect(Object.values(files).filter((code) => code.includes('data-timeline'))).toHaveLength(1);
  });
});

describe('/timeline/', () => {
  test('every incident on one axis by month, newest first, severity written, linked to its review', () => {
    const $ = site.page('timeline/');
    expect(
      $('.axis-month')
        .map((_, m) => $(m).attr('data-month'))
        .get(),
    ).toEqual(['2024-07', '2024-06', '2024-05']);
    const first = $('.axis-incident').first();
    expect(first.find('.badge').text()).toBe('SEV3');
    expect(first.hasClass('axis-rank-3')).toBe(true);
    expect(first.find('.axis-title a').attr('href')).toBe('/incidents/2024-07-01-auth-latency/');
    expect(readableText($, '.axis')).toContain(
      '2024 July 2024 SEV3 1 Jul 2024 · ongoing Session checks slow since a cache eviction change',
    );
  });

  test('filter pages by service, tag and pattern are static and mark the current filter', () => {
    const billing = site.page('timeline/services/billing/');
    expect(billing('h1').text()).toBe('Timeline: Billing');
    expect(
      billing('.axis-incident .axis-title')
        .map((_, a) => billing(a).text())
        .get(),
    ).toEqual(['Invoices sent a day late']);
    expect(billing('.axis-filters a[aria-current="page"]').attr('href')).toBe('/timeline/services/billing/');
    const database = site.page('timeline/patterns/database/');
    expect(
      database('.axis-incident .axis-title')
        .map((_, a) => database(a).text())
        .get(),
    ).toEqual(['Gateway errors after a route table push']);
    expect(existsSync(join(site.outDir, 'timeline/tags/config-change/index.html'))).toBe(true);
  });
});

describe('a diagram that cannot be parsed fails the build', () => {
  test.each([
    [
      'a broken fence in a review: file, fence line and the parser message',
      (dir: string) =>
        writeFileSync(
          join(dir, 'incidents/2024-08-01-broken-diagram.mdx'),
          readFileSync(join(dir, 'broken/2024-08-01-broken-diagram.mdx')),
        ),
      /incidents\/2024-08-01-broken-diagram\.mdx:12: mermaid flowchart diagram could not be parsed:\n {4}Parse error on line \d+:\n {4}\.\.\. {2}a\[Unclosed --> b/,
    ],
    [
      'a broken service diagram: the service file and the parser message',
      (dir: string) => {
        const file = join(dir, 'services/api-gateway.yaml');
        writeFileSync(
          file,
          readFileSync(file, 'utf8').replace('gw --> route[Route table]', 'gw --> route[Route table'),
        );
      },
      /services\/api-gateway\.yaml: mermaid flowchart diagram could not be parsed:\n {4}Parse error/,
    ],
  ])('%s', (_name, breakIt, message) => {
    const dir = copyFixture('diagrams');
    breakIt(dir);
    const result = buildSite(dir, { HINDSIGHT_NOW: NOW });
    rmSync(dir, { recursive: true, force: true });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(message);
  });
});
