import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, projectRoot, readableText, type BuildResult } from './build-site.ts';
import { findBrokenLinks } from './link-check.ts';

const contentRoot = join(projectRoot, 'src/content');
const incidentIds = readdirSync(join(contentRoot, 'incidents')).map((f) => f.replace(/\.mdx?$/, ''));
const serviceIds = readdirSync(join(contentRoot, 'services')).map((f) => f.replace(/\.ya?ml$/, ''));

let site: BuildResult;
beforeAll(() => {
  site = buildSite(contentRoot);
  if (!site.ok) throw new Error(site.output);
});

describe('the example corpus', () => {
  test('teaches with enough material: 12+ reviews, 10+ services', () => {
    expect(incidentIds.length).toBeGreaterThanOrEqual(12);
    expect(serviceIds.length).toBeGreaterThanOrEqual(10);
  });

  test('every review and service has a page', () => {
    for (const id of incidentIds) expect(site.page(`incidents/${id}/`)('h1').text().length).toBeGreaterThan(0);
    for (const id of serviceIds) expect(site.page(`services/${id}/`)('h1').text().length).toBeGreaterThan(0);
    expect(site.page('incidents/')('.incident-card').length).toBe(incidentIds.length);
  });

  test('shows an ongoing incident, a draft banner and overdue action items', () => {
    const home = site.page('');
    expect(home('#ongoing-heading').length).toBe(1);
    const overdue = incidentIds.filter((id) => site.page(`incidents/${id}/`)('tr.is-overdue').length > 0);
    expect(overdue.length).toBeGreaterThan(0);
    const drafts = incidentIds.filter((id) =>
      readableText(site.page(`incidents/${id}/`), '.banner').startsWith('Draft'),
    );
    expect(drafts.length).toBeGreaterThan(0);
  });

  test('every review has a timeline; build-time diagrams are SVG, and only browser-drawn ones load Mermaid', () => {
    for (const id of incidentIds) {
      const $ = site.page(`incidents/${id}/`);
      expect($('.timeline .tl-item').length, id).toBeGreaterThan(0);
      expect($('.prose figure.diagram:not(.diagram-client) .diagram-canvas > svg').length, id).toBe(
        $('.prose figure.diagram:not(.diagram-client)').length,
      );
      expect($('script[src*="MermaidLoader"]').length, id).toBe($('.prose figure.diagram-client').length > 0 ? 1 : 0);
    }
    expect(
      incidentIds.filter((id) => site.page(`incidents/${id}/`)('.prose figure.diagram svg').length > 0).length,
    ).toBeGreaterThan(5);
  });

  test('a folder review (<id>/index.mdx) is built under its folder name', () => {
    const folder = readdirSync(join(contentRoot, 'incidents'), { withFileTypes: true }).find((e) => e.isDirectory());
    expect(folder).toBeDefined();
    expect(site.page(`incidents/${folder!.name}/`)('h1').text()).not.toBe('');
  });

  test('reviews suggest related incidents with the reason shown', () => {
    const withSuggestions = incidentIds.filter((id) => site.page(`incidents/${id}/`)('#suggested-heading').length > 0);
    expect(withSuggestions.length).toBeGreaterThan(incidentIds.length / 2);
    const $ = site.page(`incidents/${withSuggestions[0]}/`);
    const items = $('[aria-labelledby="suggested-heading"] li');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    expect(items.first().text()).toMatch(/same service: |both tagged |shared factors: |similar wording: /);
  });

  test('learning paths: list, steps with notes and reading time, next-step navigation', () => {
    const learn = site.page('learn/');
    const first = learn('.incident-card h2 a').first();
    expect(first.length).toBe(1);
    const path = site.page(first.attr('href')!.replace(/^\//, ''));
    const steps = path('[data-step]');
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(readableText(path, '[data-step]:first-child')).toMatch(/Step 1\. .* \d+ min read/);
    const secondId = steps.eq(1).attr('data-step')!;
    const nav = readableText(site.page(`incidents/${steps.eq(0).attr('data-step')}/`), '.path-nav');
    expect(nav).toContain('step 1 of');
    expect(
      site.page(`incidents/${steps.eq(0).attr('data-step')}/`)(
        `.path-nav a[rel="next"][href="/incidents/${secondId}/"]`,
      ).length,
    ).toBe(1);
  });

  test('has no broken internal links or anchors', () => {
    expect(findBrokenLinks(site.outDir)).toEqual([]);
  });

  test('links glossary terms to their definitions on first use', () => {
    const linked = incidentIds.flatMap((id) =>
      site
        .page(`incidents/${id}/`)('.prose a.glossary-term')
        .map((_, a) => site.page(`incidents/${id}/`)(a).attr('href'))
        .get(),
    );
    expect(linked.length).toBeGreaterThan(5);
    expect(linked.every((href) => href.startsWith('/glossary/#'))).toBe(true);
  });

  test('every severity, glossary and year page exists', () => {
    for (const level of ['sev1', 'sev2', 'sev3', 'sev4'])
      expect(site.page(`severity/${level}/`)('h1').text()).toContain(level.toUpperCase());
    expect(site.page('glossary/')('dt').length).toBeGreaterThanOrEqual(10);
    expect(site.page('years/')('a[href^="/years/"]').length).toBeGreaterThan(5);
  });

  test('near misses: their own list and feed, a badge, a kind filter, apart on tag and pattern pages, and no counter reset', () => {
    const nearMisses = ['2026-09-14-payments-db-failover-drill-near-miss', '2025-06-02-cert-renewal-caught-by-canary'];
    const list = site.page('near-misses/');
    expect(
      list('.incident-card h2 a')
        .map((_, a) => list(a).attr('href'))
        .get(),
    ).toEqual(nearMisses.map((id) => `/incidents/${id}/`));
    expect(site.file('near-misses/rss.xml')).toContain('<title>[Near miss] A failover drill nearly promoted');
    const review = site.page(`incidents/${nearMisses[1]}/`);
    expect(review('.meta-panel a.badge.near-miss').attr('href')).toBe('/near-misses/');
    expect(review('[data-pagefind-filter="kind:Near miss"]').length).toBe(1);
    const tag = site.page('tags/database/');
    expect(tag('.lede').text()).toContain('3 incidents and 1 near miss');
    expect(tag('#near-misses-heading').text()).toBe('Caught before it hurt (1)');
    const pattern = site.page('patterns/database/');
    expect(
      pattern('#near-misses-heading').closest('section').find(`a[href="/incidents/${nearMisses[0]}/"]`).length,
    ).toBe(1);
    expect(pattern('#incidents-heading').closest('section').find(`a[href="/incidents/${nearMisses[0]}/"]`).length).toBe(
      0,
    );
    const ratio2026 = site.page('insights/')('#near-miss-ratio tbody tr').first();
    expect(
      ratio2026
        .find('th, td')
        .slice(0, 4)
        .map((_, c) => site.page('insights/')(c).text())
        .get(),
    ).toEqual(['2026', '3', '1', '0.33']);
  });

  test('key moments: the strip atop a review, highlighted on its timeline, and the one-screen brief (the lifecycle as its fallback)', () => {
    const review = site.page('incidents/2026-11-03-checkout-pool-flag/');
    const strip = review('.key-moments li')
      .map((_, li) => review(li).text().replace(/\s+/g, ' ').trim())
      .get();
    // Impact began 16:12 (+01:00): alert 16:15, audit log 16:31, errors back to baseline 16:35.
    expect(strip).toEqual([
      'start Flag changed to 100%; connection count on the pooler doubles',
      '+3 min Checkout 5xx rate alert fires',
      '+19 min Flag change found in the flag audit log',
      '+23 min Connections fall; checkout errors return to baseline',
    ]);
    expect(review('.timeline .tl-item.is-key').length).toBe(4);
    expect(review('a[href="/incidents/2026-11-03-checkout-pool-flag/brief/"]').length).toBe(1);
    // A review without marked moments shows no strip: its stamps are in the facts panel beside it.
    const unmarked = site.page('incidents/2013-02-22-storage-tls-cert-expiry/');
    expect(unmarked('.key-moments').length).toBe(0);
    expect(unmarked('.meta-panel dt').text()).toContain('Detected');
    const fallback = site.page('incidents/2013-02-22-storage-tls-cert-expiry/brief/');
    expect(fallback('#key-moments-heading').text()).toBe('Lifecycle');
    expect(
      fallback('.key-moments li')
        .map((_, li) => fallback(li).find('time').text())
        .get(),
    ).toEqual(['start', '+15 min', '+7 h 41 min', '+12 h 01 min']);
    const brief = site.page('incidents/2026-11-03-checkout-pool-flag/brief/');
    expect(brief('h1').text()).toBe(review('h1').text());
    expect(brief('#brief-impact').next('p').text()).toContain('checkout');
    expect(brief('.key-moments li').length).toBe(4);
    expect(brief('#brief-factors').nextAll('ol').first().children('li').length).toBe(3);
    expect(brief('#brief-factors').nextAll('p').text()).toBe('and 2 more in the full review.');
    expect(brief('.action-items tbody tr').length).toBeGreaterThan(0);
    const nearMissBrief = site.page('incidents/2026-09-14-payments-db-failover-drill-near-miss/brief/');
    expect(nearMissBrief('#brief-impact').next('p').text()).toBe('None: a near miss, caught before it hurt.');
  });

  test('two teams with time zones: the review says when it paged them locally, insights splits the load by shift', () => {
    // Detected Sun 1 Jan 2017 00:12 UTC; Dublin is on GMT in winter.
    const review = site.page('incidents/2017-01-01-dns-leap-second/');
    expect(readableText(review, '[data-paged-team="edge-sre"]')).toBe(
      'Paged at 00:12 local for the edge-sre team (weekend, Europe/Dublin)',
    );
    // edge-sre: 14:45 IST Tue 2 Jul 2019, 10:48 IST Tue 8 Jun 2021, 13:20 GMT Wed 18 Nov 2026 (working), and that Sunday.
    const insights = site.page('insights/');
    const row = insights('#shift-load-by-team tbody tr').filter(
      (_, tr) => insights(tr).find('th').text() === 'edge-sre',
    );
    expect(
      row
        .find('td.num')
        .map((_, td) => insights(td).text())
        .get(),
    ).toEqual(['3', '0', '0', '1']);
    expect(insights('#shift-load-by-team tbody th').length).toBe(2);
  });
});
