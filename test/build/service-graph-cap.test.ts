/**
 * A large service neighbourhood stays readable: a review's graph draws at most five dependents
 * of a service, the rest as one "+N more" link to the service page; /services/ spells out every
 * edge in its table.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, copyFixture, readableText, type BuildResult } from './build-site.ts';

// Nine services that depend on Edge DNS, on top of the fixture's Checkout API.
const DEPENDENTS = ['svc-a', 'svc-b', 'svc-c', 'svc-d', 'svc-e', 'svc-f', 'svc-g', 'svc-h', 'svc-i'];

let site: BuildResult;
beforeAll(() => {
  const dir = copyFixture('minimal');
  for (const id of DEPENDENTS) {
    writeFileSync(
      join(dir, 'services', `${id}.yaml`),
      `name: Service ${id.slice(4).toUpperCase()}\nteam: platform\ndescription: A dependent.\ndependsOn: [edge-dns]\n`,
    );
  }
  site = buildSite(dir);
  if (!site.ok) throw new Error(site.output);
}, 600_000);

describe('a review touching a service with ten dependents', () => {
  test('draws four of them and a "+6 more" link to the service page', () => {
    const src = site
      .page('incidents/2023-11-02-resolver-timeouts/')('.service-graph [data-graph-src]')
      .attr('data-graph-src')!;
    const $ = cheerio.load(site.file(src));
    const graph = $('svg');
    const links = graph.find('a.diagram-link');
    const services = links.filter((_, a) => !$(a).find('.is-more').length);
    expect(services.length).toBe(5); // Edge DNS and four dependents
    const more = graph.find('a.diagram-link:has(.is-more)');
    expect(more.length).toBe(1);
    expect(more.attr('href')).toBe('/services/edge-dns/');
    expect(more.attr('aria-label')).toBe('+6 more services depend on it: the full list on the service page');
    expect(graph.text()).toContain('+6 more services depend on it');
  });
});

describe('/services/', () => {
  test('lists, for each service, what it depends on and what depends on it, linked', () => {
    const $ = site.page('services/');
    expect(
      $('table th')
        .map((_, th) => $(th).text())
        .get(),
    ).toEqual(['Service', 'Team', 'Tier', 'Depends on', 'Depended on by', 'Incidents']);
    const row = $('table tbody tr').filter((_, tr) => $(tr).find('td').first().text().includes('Edge DNS'));
    const dependents = row.find('td').eq(4);
    expect(dependents.find('a').length).toBe(DEPENDENTS.length + 1);
    expect(dependents.find('a[href="/services/checkout-api/"]').text()).toBe('Checkout API');
    const checkout = $('table tbody tr').filter((_, tr) => $(tr).find('td').first().text().includes('Checkout API'));
    expect(readableText($, 'table')).toContain('none');
    expect(
      checkout
        .find('td')
        .eq(3)
        .find('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/services/edge-dns/', '/services/payments-db/']);
  });
});
