import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as cheerio from 'cheerio';
import { allFiles } from './link-check.ts';

/** Every kind of page the site has, in the order the checks report them. */
export const PAGE_KINDS = [
  'home',
  'incident list',
  'near misses',
  'an incident with build-time diagrams',
  'an incident with a browser-drawn diagram',
  'a draft incident',
  'a brief',
  'tag list',
  'a tag',
  'service list',
  'a service',
  'a severity',
  'year list',
  'a year',
  'glossary',
  'learning paths',
  'a learning path',
  'a handout',
  'timeline',
  'a filtered timeline',
  'insights',
  'action items',
  'pattern list',
  'a pattern',
  'search',
  'not found',
] as const;

/** The name of a kind of page, e.g. `'a tag'`. */
export type PageKindName = (typeof PAGE_KINDS)[number];

/** One page standing for a kind of page, e.g. `{ kind: 'a tag', path: '/tags/dns/' }`. */
export interface PageKind {
  kind: PageKindName;
  /** Site path (base `/`), ending in `/` except for `/404.html`. */
  path: string;
}

/**
 * One page of every kind in a built site (base `/`), found by looking at the output, so the
 * site-wide checks (browser, accessibility, HTML validity) follow the corpus as it changes.
 * Throws if a kind is missing: a corpus that lost one would silently shrink the coverage.
 */
export function findPageKinds(outDir: string): PageKind[] {
  const load = (path: string) => cheerio.load(readFileSync(join(outDir, path, 'index.html'), 'utf8'));
  const pagesUnder = (folder: string) =>
    existsSync(join(outDir, folder))
      ? allFiles(join(outDir, folder))
          .filter((f) => f.endsWith('/index.html'))
          .map((f) => `/${relative(outDir, f).replace(/index\.html$/, '')}`)
          .sort()
      : [];
  /** The first page in `folder` (sorted) that `test` accepts. */
  const first = (kind: PageKindName, folder: string, test: (path: string) => boolean = () => true): PageKind => {
    const path = pagesUnder(folder).find((p) => p !== `/${folder}/` && test(p));
    if (!path) throw new Error(`no page of kind "${kind}" under /${folder}/ in ${outDir}`);
    return { kind, path };
  };
  const incident = (selector: string) => (path: string) => load(path)(selector).length > 0;
  const isDraft = (path: string) => load(path)('.banner strong').text().startsWith('Draft');
  const directChild = (folder: string) => (path: string) => path.split('/').length === folder.split('/').length + 3;
  const fixed = (kind: PageKindName, path: string): PageKind => {
    if (!existsSync(join(outDir, path.endsWith('/') ? `${path}index.html` : path)))
      throw new Error(`no ${kind} page at ${path} in ${outDir}`);
    return { kind, path };
  };
  const severity = readdirSync(join(outDir, 'severity')).sort()[0];
  const kinds: PageKind[] = [
    fixed('home', '/'),
    fixed('incident list', '/incidents/'),
    fixed('near misses', '/near-misses/'),
    first(
      'an incident with build-time diagrams',
      'incidents',
      incident('.prose figure.diagram:not(.diagram-client) svg'),
    ),
    first('an incident with a browser-drawn diagram', 'incidents', incident('.prose figure.diagram-client')),
    first('a draft incident', 'incidents', isDraft),
    first('a brief', 'incidents', (p) => p.endsWith('/brief/')),
    fixed('tag list', '/tags/'),
    first('a tag', 'tags', directChild('tags')),
    fixed('service list', '/services/'),
    first('a service', 'services', directChild('services')),
    fixed('a severity', `/severity/${severity}/`),
    fixed('year list', '/years/'),
    first('a year', 'years'),
    fixed('glossary', '/glossary/'),
    fixed('learning paths', '/learn/'),
    first('a learning path', 'learn', directChild('learn')),
    first('a handout', 'learn', (p) => p.endsWith('/handout/')),
    fixed('timeline', '/timeline/'),
    first('a filtered timeline', 'timeline'),
    fixed('insights', '/insights/'),
    fixed('action items', '/actions/'),
    fixed('pattern list', '/patterns/'),
    first('a pattern', 'patterns'),
    fixed('search', '/search/'),
    fixed('not found', '/404.html'),
  ];
  if (kinds.map((k) => k.kind).join() !== PAGE_KINDS.join())
    throw new Error('findPageKinds must find every kind in PAGE_KINDS, in order');
  return kinds;
}
