import { describe, expect, test } from 'vitest';
import {
  findLinkProblem,
  findSourceLinks,
  isSiteRootLink,
  splitInlineLinks,
  withBase,
  type SiteIndex,
} from '../../src/lib/site-links.ts';

const index: SiteIndex = {
  sections: new Set([
    'incidents',
    'services',
    'tags',
    'learn',
    'patterns',
    'glossary',
    'search',
    'rss.xml',
    'pagefind',
  ]),
  ids: new Map([
    ['incidents', new Set(['2016-10-21-dns-provider-ddos', '2024-03-05-checkout-resolver', '2024/q1-big-outage'])],
    ['services', new Set(['edge-dns', 'checkout-api'])],
    ['tags', new Set(['dns'])],
    ['learn', new Set(['first-week'])],
    ['patterns', new Set(['dns'])],
  ]),
  files: new Set(['/favicon.svg', '/img/diagram.png']),
};

describe('withBase', () => {
  test.each([
    ['/incidents/x/', '/kb/', '/kb/incidents/x/'],
    ['/favicon.svg', '/kb/', '/kb/favicon.svg'],
    ['/', '/kb/', '/kb/'],
    ['/incidents/x/', '/', '/incidents/x/'],
    ['/kb/incidents/x/', '/kb/', '/kb/incidents/x/'],
    ['https://example.com/incidents/', '/kb/', 'https://example.com/incidents/'],
    ['//cdn.example/x.png', '/kb/', '//cdn.example/x.png'],
    ['../other/', '/kb/', '../other/'],
    ['#what-happened', '/kb/', '#what-happened'],
    ['mailto:a@example.com', '/kb/', 'mailto:a@example.com'],
  ])('%s under %s is %s', (href, base, expected) => {
    expect(withBase(href, base)).toBe(expected);
  });

  test('only paths from the site root count as site links', () => {
    expect([
      isSiteRootLink('/x'),
      isSiteRootLink('//x'),
      isSiteRootLink('x/'),
      isSiteRootLink('#x'),
      isSiteRootLink('https://x'),
    ]).toEqual([true, false, false, false, false]);
  });
});

describe('findLinkProblem', () => {
  test.each([
    '/',
    '/incidents/',
    '/incidents/2016-10-21-dns-provider-ddos/',
    '/incidents/2016-10-21-dns-provider-ddos',
    '/incidents/2016-10-21-dns-provider-ddos/#timeline',
    '/incidents/2024/q1-big-outage/',
    '/incidents/2024-03-05-checkout-resolver.json',
    '/services/edge-dns/',
    '/tags/dns/rss.xml',
    '/learn/first-week/handout/',
    '/patterns/dns/',
    '/glossary/#time-to-detect',
    '/search/?q=dns',
    '/rss.xml',
    '/favicon.svg',
    '/img/diagram.png',
    'https://example.com/nope/',
    '../relative/',
    '#anchor',
  ])('%s names a page of the site (or is not a site link)', (href) => {
    expect(findLinkProblem(href, index)).toBeUndefined();
  });

  test('a missing page names the nearest existing ids', () => {
    expect(findLinkProblem('/incidents/2099-01-01-nope/', index)).toMatchInlineSnapshot(
      `"link "/incidents/2099-01-01-nope/" points to no review: "2099-01-01-nope" does not exist (nearest: 2024/q1-big-outage, 2016-10-21-dns-provider-ddos, 2024-03-05-checkout-resolver)"`,
    );
    expect(findLinkProblem('/services/edge-dsn/', index)).toMatchInlineSnapshot(
      `"link "/services/edge-dsn/" points to no service: "edge-dsn" does not exist (nearest: edge-dns, checkout-api)"`,
    );
    expect(findLinkProblem('/tags/dsn/', index)).toMatchInlineSnapshot(
      `"link "/tags/dsn/" points to no tag: "dsn" does not exist (nearest: dns)"`,
    );
  });

  test('an unknown section or missing public file is named with what exists', () => {
    expect(findLinkProblem('/incident/2016-10-21-dns-provider-ddos/', index)).toMatchInlineSnapshot(
      `"link "/incident/2016-10-21-dns-provider-ddos/" points to no page of the site (its first part should be one of glossary, incidents, learn, pagefind, patterns, rss.xml, search, services, tags, or a file in public/)"`,
    );
    expect(findLinkProblem('/logo.png', index)).toMatch(/points to no page of the site/);
  });
});

describe('findSourceLinks', () => {
  test('finds site-root targets of Markdown links, images, JSX and HTML attributes, not code or other links', () => {
    const text = [
      'See [a](/incidents/a/) and ![img](/favicon.svg "Logo") and [t](</tags/dns/>).',
      '<a href="/services/x/">x</a> <img src=\'/img/y.png\' /> <a href={"/learn/p/"}>p</a>',
      '[ext](https://example.com/) [rel](../b/) [frag](#c) [proto](//cdn.example/d)',
      '`[code](/incidents/in-code/)`',
      '```md',
      '[fenced](/incidents/in-fence/)',
      '```',
    ].join('\n');
    const links = findSourceLinks(text, 100);
    expect(links.map((l) => l.href)).toEqual([
      '/incidents/a/',
      '/favicon.svg',
      '/tags/dns/',
      '/services/x/',
      '/img/y.png',
      '/learn/p/',
    ]);
    for (const link of links) expect(text.slice(link.start - 100, link.end - 100)).toBe(link.href);
  });
});

describe('splitInlineLinks', () => {
  test.each([
    ['plain text', [{ text: 'plain text' }]],
    [
      'See [the 2016 outage](/incidents/2016-10-21-dns-provider-ddos/) and [docs](https://x.example/a).',
      [
        { text: 'See ' },
        { label: 'the 2016 outage', href: '/incidents/2016-10-21-dns-provider-ddos/' },
        { text: ' and ' },
        { label: 'docs', href: 'https://x.example/a' },
        { text: '.' },
      ],
    ],
    ['[only](/services/)', [{ label: 'only', href: '/services/' }]],
    ['brackets [not a link] (here)', [{ text: 'brackets [not a link] (here)' }]],
  ])('%s', (text, segments) => {
    expect(splitInlineLinks(text)).toEqual(segments);
  });
});
