import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSite, copyFixture, fixture, projectRoot } from './build-site.ts';
import { findBrokenLinks } from './link-check.ts';

/** Replaces `from` with `to` in a file of a copied corpus (failing if `from` is not there). */
function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture edit did not apply: ${from}`);
  writeFileSync(path, text.replace(from, to));
}

const KB = { HINDSIGHT_BASE: '/kb/', HINDSIGHT_SITE: 'https://example.github.io' };

/** Site-root links an author writes, in every form a review body can hold them. */
const AUTHOR_LINKS = `

## Links

See [the checkout incident](/incidents/2024-03-05-checkout-resolver/), <a href="/services/edge-dns/">edge DNS</a>,
[reviews tagged dns](/tags/dns/), [every review](/incidents/), [the path](/learn/first-week/handout/) and
[the DNS pattern](/patterns/dns/). [Time to detect](/glossary/#time-to-detect). ![The logo](/favicon.svg)

<img src="/favicon.svg" alt="The logo again" />

Outside the site: [a vendor](https://vendor.example/status), [mail](mailto:oncall@example.com).
`;

/** Links in a review with no MDX syntax, which is rendered on the Markdown path (src/lib/plain-markdown.ts). */
const MARKDOWN_REVIEW = `---
title: Markdown review with links
summary: A review written in plain Markdown.
status: published
severity: SEV3
started: 2024-05-01T10:00:00Z
resolved: 2024-05-01T11:00:00Z
services: [payments-db]
tags: [database]
visibility: public
---

Compare with [the resolver timeouts](/incidents/2023-11-02-resolver-timeouts/) and
[the payments database](/services/payments-db/). ![Logo](/favicon.svg)
`;

describe('deploying under a sub-path (HINDSIGHT_BASE=/kb/)', () => {
  test('every link, asset and feed honours the base; no broken links or anchors', () => {
    const site = buildSite(fixture('minimal'), KB);
    expect(site.ok, site.output).toBe(true);
    expect(findBrokenLinks(site.outDir, '/kb/')).toEqual([]);
    const $ = site.page('incidents/2024-03-05-checkout-resolver/');
    expect($('a[href="/kb/services/edge-dns/"]').length).toBeGreaterThan(0);
    expect($('link[rel="icon"]').attr('href')).toBe('/kb/favicon.svg');
    expect(site.file('rss.xml')).toContain(
      '<link>https://example.github.io/kb/incidents/2024-03-05-checkout-resolver/</link>',
    );
    expect(site.page('incidents/2023-11-02-resolver-timeouts/')('a.glossary-term').first().attr('href')).toBe(
      '/kb/glossary/#time-to-detect',
    );
  });

  describe('links authors write from the site root', () => {
    const dir = copyFixture('minimal');
    appendFileSync(join(dir, 'incidents/2024-03-05-checkout-resolver.mdx'), AUTHOR_LINKS);
    writeFileSync(join(dir, 'incidents/2024-05-01-markdown-review.mdx'), MARKDOWN_REVIEW);
    edit(
      dir,
      'services/edge-dns.yaml',
      'every public hostname.',
      'every public hostname. See [the resolver outage](/incidents/2023-11-02-resolver-timeouts/).',
    );
    edit(
      dir,
      'paths/first-week.yaml',
      '"Start here: how DNS sits under checkout."',
      '"Start here: how [edge DNS](/services/edge-dns/) sits under checkout."',
    );
    edit(
      dir,
      'glossary.yaml',
      'definition: The time from when impact began to when the organisation noticed.',
      'definition: "The time from when impact began to when the organisation noticed (see [detection](/incidents/2024-03-05-checkout-resolver/#what-happened))."',
    );
    const site = buildSite(dir, KB);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('go under the base in Markdown links and JSX, on the MDX and the Markdown path, images included; nothing is broken or outside the base', () => {
      expect(site.ok, site.output).toBe(true);
      expect(findBrokenLinks(site.outDir, '/kb/')).toEqual([]);
      const body = site.page('incidents/2024-03-05-checkout-resolver/')('section.prose');
      const hrefs = body
        .find('a')
        .map((_, a) => a.attribs['href'])
        .get();
      expect(hrefs).toEqual(
        expect.arrayContaining([
          '/kb/incidents/2024-03-05-checkout-resolver/',
          '/kb/services/edge-dns/',
          '/kb/tags/dns/',
          '/kb/incidents/',
          '/kb/learn/first-week/handout/',
          '/kb/patterns/dns/',
          '/kb/glossary/#time-to-detect',
          'https://vendor.example/status',
          'mailto:oncall@example.com',
        ]),
      );
      expect(body.find('img[alt="The logo"]').attr('src')).toBe('/kb/favicon.svg');
      expect(body.find('img[alt="The logo again"]').attr('src')).toBe('/kb/favicon.svg');
      const markdown = site.page('incidents/2024-05-01-markdown-review/')('section.prose');
      expect(markdown.find('a[href="/kb/incidents/2023-11-02-resolver-timeouts/"]').length).toBe(1);
      expect(markdown.find('a[href="/kb/services/payments-db/"]').length).toBe(1);
      expect(markdown.find('img[alt="Logo"]').attr('src')).toBe('/kb/favicon.svg');
    });

    test('go under the base in service descriptions, learning-path notes and glossary definitions', () => {
      expect(site.page('services/edge-dns/')('.lede a').attr('href')).toBe(
        '/kb/incidents/2023-11-02-resolver-timeouts/',
      );
      expect(site.page('services/')('a:contains("the resolver outage")').attr('href')).toBe(
        '/kb/incidents/2023-11-02-resolver-timeouts/',
      );
      expect(site.page('learn/first-week/')('.path-steps a:contains("edge DNS")').attr('href')).toBe(
        '/kb/services/edge-dns/',
      );
      expect(site.page('glossary/')('dd a:contains("detection")').attr('href')).toBe(
        '/kb/incidents/2024-03-05-checkout-resolver/#what-happened',
      );
      // Tooltips and meta descriptions carry the text, not the Markdown.
      expect(site.page('services/edge-dns/')('meta[name="description"]').attr('content')).toBe(
        'Authoritative DNS for every public hostname. See the resolver outage.',
      );
    });
  });

  test('a link to a page that does not exist fails the build with the file, the line and the nearest ids', () => {
    const dir = copyFixture('minimal');
    const file = join(dir, 'incidents/2024-03-05-checkout-resolver.mdx');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\nAs in [the old outage](/incidents/2024-03-05-checkout-resolvr/).\n`);
    const line = text.split('\n').length + 1;
    const site = buildSite(dir, KB);
    rmSync(dir, { recursive: true, force: true });
    expect(site.ok).toBe(false);
    expect(site.output).toContain(
      `2024-03-05-checkout-resolver.mdx:${line}: link "/incidents/2024-03-05-checkout-resolvr/" points to no review: "2024-03-05-checkout-resolvr" does not exist (nearest: 2024-03-05-checkout-resolver,`,
    );
  });
});

test('a catalog link to a page that does not exist fails the build before anything is written', () => {
  const dir = copyFixture('minimal');
  edit(
    dir,
    'services/edge-dns.yaml',
    'every public hostname.',
    'every public hostname. See [the outage](/incidents/2023-11-02-resolver-timeout/).',
  );
  const site = buildSite(dir, KB);
  rmSync(dir, { recursive: true, force: true });
  expect(site.ok).toBe(false);
  expect(site.output).toContain(
    'services/edge-dns.yaml: description link "/incidents/2023-11-02-resolver-timeout/" points to no review: "2023-11-02-resolver-timeout" does not exist (nearest: 2023-11-02-resolver-timeouts,',
  );
  expect(readdirSync(site.outDir)).toEqual([]);
});

describe('the example corpus under /kb/', () => {
  test('has no link outside the base and no broken link', () => {
    const site = buildSite(join(projectRoot, 'src/content'), KB);
    expect(site.ok, site.output).toBe(true);
    expect(findBrokenLinks(site.outDir, '/kb/')).toEqual([]);
  });
});
