import { readdirSync, readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, fixture, readableText, type BuildResult } from './build-site.ts';
import { findGluedWords } from './glued-words.ts';

let site: BuildResult;
beforeAll(() => {
  site = buildSite(fixture('minimal'));
  if (!site.ok) throw new Error(site.output);
});

/** Every file under a folder, recursively. */
const allFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)],
  );

const text = (s: string) => s.replace(/\s+/g, ' ').trim();

test('no page glues two words together across an element boundary (compressHTML)', () => {
  const pages = allFiles(site.outDir).filter((f) => f.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(20);
  const glued = pages.flatMap((file) =>
    findGluedWords(cheerio.load(readFileSync(file, 'utf8'))).map(
      (words) => `${file.slice(site.outDir.length)}: ${words}`,
    ),
  );
  expect(glued).toEqual([]);
});

test('findGluedWords finds words joined across elements, not words with a space or punctuation between', () => {
  const glued = (html: string) => findGluedWords(cheerio.load(`<body>${html}</body>`));
  expect(glued('<p><a href="/x">from the internet</a><span>Last step.</span></p>')).toEqual(['internet|Last']);
  expect(glued('<p>Months are compressed.<a href="/">Show all</a></p>')).toEqual(['compressed.|Show']);
  expect(glued('<p><a href="/x">from the internet</a> <span>Last step.</span> (<em>x</em>)</p>')).toEqual([]);
  expect(glued('<ul><li>One</li><li>Two</li></ul><pre><span>a</span><span>b</span></pre>')).toEqual([]);
});

describe('incident list', () => {
  test('every review, newest first, with severity, status, date, duration, services and tags', () => {
    const $ = site.page('incidents/');
    const cards = $('.incident-card');
    expect(cards.map((_, c) => $(c).find('h2 a').text()).get()).toEqual([
      'Payment queue backlog',
      'Checkout errors after resolver change',
      'Resolver timeouts slowed checkout',
    ]);
    const checkout = text(cards.eq(1).text());
    expect(checkout).toContain('5 Mar 2024');
    expect(checkout).toContain('SEV2');
    expect(checkout).toContain('Published');
    expect(checkout).toContain('1 h 38 min');
    expect(cards.eq(1).find('a[href="/services/edge-dns/"]').text()).toBe('Edge DNS');
    expect(cards.eq(1).find('a[href="/tags/config-change/"]').length).toBe(1);
    expect(text(cards.eq(0).text())).toContain('Ongoing');
  });
});

describe('incident page', () => {
  test('metadata panel: stamps in UTC with durations, impact and SLO budget', () => {
    const $ = site.page('incidents/2024-03-05-checkout-resolver/');
    const facts = readableText($, '.meta-panel');
    expect(facts).toContain('2024-03-05 14:02 UTC');
    expect(facts).toContain('2024-03-05 14:09 UTC (7 min to detect)');
    expect(facts).toContain('(1 h 08 min to mitigate)');
    expect(facts).toContain('(1 h 38 min to resolve)');
    expect(facts).toContain('3400 customers affected');
    expect(facts).toContain('checkout-availability 38%');
    expect(facts).toContain('Alert · checkout-5xx-rate');
    expect($('time[datetime="2024-03-05T14:02:00.000Z"]').length).toBeGreaterThan(0);
  });

  test('narrative, factors, lessons, participants and links render', () => {
    const $ = site.page('incidents/2024-03-05-checkout-resolver/');
    expect($('h1').text()).toBe('Checkout errors after resolver change');
    expect($('.prose').text()).toContain('zanzibarquartz');
    expect(text($('#factors-heading').parent().text())).toContain(
      'Resolver config had no canary stage (change-management)',
    );
    expect(readableText($, '#lessons-heading + div')).toContain('Where we got lucky Traffic was at its daily low');
    expect(text($('#people-heading').parent().text())).toContain('Incident commander: A.K. · platform · on call');
    expect($('a[href="https://git.example/pr/881"]').text()).toBe('Rollback PR');
  });

  test.each([
    ['a review whose narrative repeats the owned sections', '2023-11-02-resolver-timeouts'],
    ['a review in the current shape (lists only in the frontmatter)', '2024-03-05-checkout-resolver'],
  ])('each section appears once: %s', (_, id) => {
    const $ = site.page(`incidents/${id}/`);
    const headings = $('article h2, article h3')
      .map((_i, h) => text($(h).text()))
      .get();
    for (const title of ['Contributing factors', 'What went well'])
      expect(headings.filter((h) => h === title)).toHaveLength(1);
    const factors = $('article h2')
      .filter((_i, h) => text($(h).text()) === 'Contributing factors')
      .nextUntil('h2');
    expect(factors.filter('ul').length).toBeGreaterThan(0);
  });

  test('a narrative "Contributing factors" section shows the frontmatter list and its own text under one heading', () => {
    const $ = site.page('incidents/2023-11-02-resolver-timeouts/');
    const section = readableText($, '.prose');
    expect(section).toMatch(
      /Contributing factors\s+The resolver cache was flushed during maintenance \(change-management\)\s+Maintenance windows were not announced/,
    );
    expect(section).toMatch(/What went well\s+Support escalated within minutes\s+Checkout kept taking orders/);
    expect($('#factors-heading').length).toBe(0);
    expect($('#lessons-heading').length).toBe(0);
  });

  test('overdue action items stand out; done ones do not', () => {
    const $ = site.page('incidents/2024-03-05-checkout-resolver/');
    const rows = $('.action-items tbody tr');
    expect(rows.eq(0).hasClass('is-overdue')).toBe(true);
    expect(text(rows.eq(0).text())).toContain('Overdue');
    expect(rows.eq(1).hasClass('is-overdue')).toBe(false);
    expect(rows.eq(0).find('a[href="https://tracker.example/NET-42"]').length).toBe(1);
  });

  test('related incidents show both ways', () => {
    const lists = site.page('incidents/2024-03-05-checkout-resolver/');
    expect(
      lists('[aria-label="Linked by the authors"]').find('a[href="/incidents/2023-11-02-resolver-timeouts/"]').length,
    ).toBe(1);
    const back = site.page('incidents/2023-11-02-resolver-timeouts/');
    expect(
      back('[aria-label="Linked by the authors"]').find('a[href="/incidents/2024-03-05-checkout-resolver/"]').length,
    ).toBe(1);
  });

  test('glossary terms link to their definition on first use only', () => {
    const $ = site.page('incidents/2023-11-02-resolver-timeouts/');
    const links = $('.prose a.glossary-term');
    expect(links.map((_, a) => $(a).attr('href')).get()).toEqual([
      '/glossary/#time-to-detect',
      '/glossary/#blame-aware',
    ]);
    expect(links.first().attr('title')).toContain('when impact began');
  });

  test('a mixed-offset review is shown in UTC', () => {
    const facts = readableText(site.page('incidents/2023-11-02-resolver-timeouts/'), '.meta-panel');
    expect(facts).toContain('2023-11-02 07:00 UTC');
    expect(facts).toContain('(20 min to resolve)');
  });

  test('drafts carry a visible banner; an ongoing incident says so', () => {
    const $ = site.page('incidents/2026-11-20-queue-backlog/');
    expect(text($('.banner').text())).toContain('Draft: this review is still being written');
    expect(readableText($, '.meta-panel')).toContain('Resolved Ongoing');
  });
});

test("the printable handout prints each review's absolute URL", () => {
  const $ = site.page('learn/first-week/handout/');
  expect($('.handout a[href="/incidents/2024-03-05-checkout-resolver/"]').text()).toBe(
    'https://hindsight.example/incidents/2024-03-05-checkout-resolver/',
  );
});

describe('browse pages', () => {
  test('tags, services, severity and years', () => {
    expect(site.page('tags/')('a[href="/tags/dns/"]').text()).toContain('(2)');
    expect(site.page('tags/dns/')('.incident-card').length).toBe(2);
    expect(site.page('severity/sev2/')('.incident-card h2').text()).toBe('Checkout errors after resolver change');
    expect(site.page('severity/sev1/')('main').text()).toContain('No incidents at this severity.');
    expect(site.page('years/2023/')('.incident-card').length).toBe(1);
    expect(site.page('years/')('a[href="/years/2026/"]').length).toBe(1);
  });

  test('service page: team, tier, runbook, dependencies both ways, incidents', () => {
    const dns = site.page('services/edge-dns/');
    expect(readableText(dns, '.meta-panel')).toContain('Team network Tier 1');
    expect(dns('a[href="https://wiki.example/edge-dns"]').length).toBe(1);
    expect(readableText(dns, '#deps-heading ~ *')).toContain('Depended on by Checkout API');
    expect(dns('.incident-card').length).toBe(2);
    const checkout = site.page('services/checkout-api/');
    expect(readableText(checkout, '#deps-heading ~ *')).toContain('Depends on Edge DNS Payments DB');
  });

  test('home page: counts and entry points', () => {
    const $ = site.page('');
    expect(text($('.lede').text())).toContain('3 reviews');
    expect($('a[href="/severity/sev2/"]').length).toBeGreaterThan(0);
    expect(text($('#ongoing-heading').parent().text())).toContain('Payment queue backlog');
  });

  test('glossary lists every term with an anchor', () => {
    const $ = site.page('glossary/');
    expect($('dt#blame-aware').text()).toContain('Blame-aware');
    expect($('dt').length).toBe(2);
  });
});

describe('feeds and exports', () => {
  test('the site feed lists published reviews only, with absolute links', () => {
    const feed = site.file('rss.xml');
    expect(feed).toContain('<title>[SEV2] Checkout errors after resolver change</title>');
    expect(feed).toContain('<link>https://hindsight.example/incidents/2024-03-05-checkout-resolver/</link>');
    expect(feed).not.toContain('Payment queue backlog');
    expect(site.page('')('link[rel="alternate"][type="application/rss+xml"]').attr('href')).toBe('/rss.xml');
  });

  test('per-tag and per-service feeds', () => {
    expect(site.file('tags/dns/rss.xml')).toContain('Resolver timeouts slowed checkout');
    expect(site.file('tags/config-change/rss.xml')).not.toContain('Resolver timeouts slowed checkout');
    expect(site.file('services/checkout-api/rss.xml')).toContain('Checkout errors after resolver change');
    expect(site.page('tags/dns/')('link[href="/tags/dns/rss.xml"]').length).toBe(1);
  });

  test('per-review JSON and VOID exports', () => {
    const json = JSON.parse(site.file('incidents/2024-03-05-checkout-resolver.json')) as { durations: object };
    expect(json).toMatchObject({
      id: '2024-03-05-checkout-resolver',
      severity: 'SEV2',
      services: ['checkout-api', 'edge-dns'],
    });
    expect(json.durations).toEqual({ toDetectMinutes: 7, toMitigateMinutes: 68, toResolveMinutes: 98 });
    const records = JSON.parse(site.file('api/void.json')) as { title: string }[];
    expect(records.map((r) => r.title)).toEqual([
      'Checkout errors after resolver change',
      'Resolver timeouts slowed checkout',
    ]);
    const csv = site.file('api/void.csv').split('\r\n');
    expect(csv[0]).toBe('organization,title,date,duration_minutes,services,technologies,severity,impact,report_url');
    expect(csv[1]).toContain(
      'Example Corp,Checkout errors after resolver change,2024-03-05T14:02:00.000Z,98,checkout-api; edge-dns',
    );
  });
});

describe('config switches', () => {
  test('HINDSIGHT_DRAFTS=exclude leaves drafts out; HINDSIGHT_AUDIENCE=public keeps only public reviews', () => {
    const built = buildSite(fixture('minimal'), { HINDSIGHT_DRAFTS: 'exclude', HINDSIGHT_AUDIENCE: 'public' });
    expect(built.ok).toBe(true);
    const list = built.page('incidents/');
    const titles = list('.incident-card h2 a')
      .map((_, a) => list(a).text())
      .get();
    expect(titles).toEqual(['Checkout errors after resolver change']);
    expect(() => built.file('incidents/2023-11-02-resolver-timeouts/index.html')).toThrow();
    // Nothing internal anywhere in the output: not the internal review, not <Internal> sections, not names.
    const everything = allFiles(built.outDir)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(everything).toContain('zanzibarquartz');
    expect(everything).not.toContain('osprey-5520');
    expect(everything).not.toContain('kestrelmarker-4411');
    expect(everything).not.toMatch(/A\.K\.|J\.Y\./);
    // Out-of-hours load in a public build: by team, never by person.
    const insights = built.page('insights/');
    expect(
      insights('#shift-load-by-team tbody th')
        .map((_, th) => insights(th).text())
        .get(),
    ).toEqual(['network', 'platform']);
    expect(insights('#shift-load-by-person').length).toBe(0);
    const people = readableText(built.page('incidents/2024-03-05-checkout-resolver/'), '#people-heading + ul');
    expect(people).toContain('Incident commander · platform');
    expect(people).not.toContain('Incident commander: ');
  });

  test('teams with time zones: "paged at … local" on the review, load by shift per team and per person (internal build)', () => {
    // Detected Tue 5 Mar 2024 14:09 UTC: 15:09 CET in Berlin (working hours), 06:09 PST in Los Angeles (night).
    const review = site.page('incidents/2024-03-05-checkout-resolver/');
    expect(readableText(review, '[data-paged-team="network"]')).toBe(
      'Paged at 06:09 local for the network team (night, America/Los_Angeles)',
    );
    expect(readableText(review, '[data-paged-team="platform"]')).toBe(
      'Paged at 15:09 local for the platform team (working hours, Europe/Berlin)',
    );
    const insights = site.page('insights/');
    const rows = (table: string) =>
      insights(`${table} tbody tr`)
        .map((_, tr) =>
          insights(tr)
            .children()
            .slice(0, 6)
            .map((__, c) => insights(c).text().trim())
            .get()
            .join(' | '),
        )
        .get();
    expect(rows('#shift-load-by-person')).toEqual([
      'J.Y. | network | 0 | 0 | 1 | 0',
      'A.K. | platform | 1 | 0 | 0 | 0',
    ]);
    expect(
      rows('#shift-load-by-team').map((r) => r.split(' | ').slice(0, 1).concat(r.split(' | ').slice(2, 6)).join(' ')),
    ).toEqual(['network 0 0 1 0', 'platform 1 0 0 0']);
  });

  test('the internal build shows <Internal> sections, marked as such', () => {
    const $ = site.page('incidents/2024-03-05-checkout-resolver/');
    expect(readableText($, '.internal-note')).toContain('Internal only The resolver vendor');
    expect($('.prose').text()).toContain('kestrelmarker-4411');
  });
});
