import { describe, expect, test } from 'vitest';
import { buildSite, fixture } from './build-site.ts';
import { findBrokenLinks } from './link-check.ts';

describe('deploying under a sub-path (HINDSIGHT_BASE=/kb/)', () => {
  test('every link, asset and feed honours the base; no broken links or anchors', () => {
    const site = buildSite(fixture('minimal'), { HINDSIGHT_BASE: '/kb/', HINDSIGHT_SITE: 'https://example.github.io' });
    expect(site.ok, site.output).toBe(true);
    expect(findBrokenLinks(site.outDir, '/kb/')).toEqual([]);
    const $ = site.page('incidents/2024-03-05-checkout-resolver/');
    expect($('a[href="/kb/services/edge-dns/"]').length).toBeGreaterThan(0);
    expect($('link[rel="icon"]').attr('href')).toBe('/kb/favicon.svg');
    expect(site.file('rss.xml')).toContain('<link>https://example.github.io/kb/incidents/2024-03-05-checkout-resolver/</link>');
    expect(site.page('incidents/2023-11-02-resolver-timeouts/')('a.glossary-term').first().attr('href')).toBe('/kb/glossary/#time-to-detect');
  });
});
