/**
 * Builds the Pagefind search index after `astro build`, from the HTML Astro wrote (so nothing
 * that is not in a built page can reach the index), and serves the last built index in dev.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { buildFacetMap, type FacetMap } from '../lib/facets.ts';
import { serveDevFiles } from './dev-files.ts';

/** Where the facet map goes, inside Pagefind's bundle folder (served and cached like its files). */
export const FACET_MAP_FILE = 'facets.json';

export interface PagefindIntegrationOptions {
  /** CSS selectors left out of the index on top of the defaults below. */
  excludeSelectors?: string[];
  /** `public` also drops anything still marked internal (`HINDSIGHT_AUDIENCE` by default). */
  audience?: 'internal' | 'public';
}

/**
 * Text that would only fill excerpts: Mermaid source shown before a diagram renders (arrows
 * and ids), and the "Internal only" label of `<Internal>` sections.
 */
const NOISE_SELECTORS = [
  'pre.mermaid',
  '.internal-label',
  // A review's per-row labels: a timeline entry's time, kind, gap, actor and source link, an action
  // item's header and every cell but its title. Said once here instead of as data-pagefind-ignore
  // on every row: about 55 bytes gzip of each review page (issue 13, B5).
  '.tl-gap',
  '.tl-time',
  '.tl-labels',
  '.tl-actor',
  '.tl-link',
  '.action-items thead',
  '.action-items td:not(:first-child)',
];
/**
 * Defence in depth for public builds: the privacy work strips internal sections from the HTML;
 * should one slip through, it is at least not searchable.
 */
const INTERNAL_SELECTORS = ['.internal-note', '[data-visibility="internal"]'];

/** The built files that can hold a review page (`/incidents/<id>/`, ids may nest; briefs come along). */
export const REVIEW_PAGES = 'incidents/**/index.html';

/** Indexes the review pages under `siteDir` into `siteDir/pagefind/`; throws on any indexing error. */
export async function buildSearchIndex(
  siteDir: string,
  excludeSelectors: string[],
): Promise<{ pages: number; files: number }> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'en', excludeSelectors });
    if (!index || errors.length > 0) throw new PagefindError('could not start the indexer', errors);
    // Only review pages carry `data-pagefind-body`, so only they become records; reading the
    // rest (tag, service, timeline and insights pages, about half the files and most of the
    // bytes) gave the same index at twice the cost.
    const added = await index.addDirectory({ path: siteDir, glob: REVIEW_PAGES });
    if (added.errors.length > 0) throw new PagefindError(`could not index ${siteDir}`, added.errors);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new PagefindError('could not write the index', written.errors);
    // Only pages marked `data-pagefind-body` (reviews) become records, one fragment each; a
    // public build may have none, and then Pagefind writes no fragment folder.
    const map = readFacetMap(join(siteDir, 'pagefind'));
    writeFileSync(join(siteDir, 'pagefind', FACET_MAP_FILE), JSON.stringify(map));
    return { pages: map.ids.length, files: added.page_count };
  } finally {
    await close();
  }
}

/**
 * The facet map of a written bundle, read from Pagefind's own fragments (one per indexed page,
 * named by the id a search result carries), so it can only hold what the index holds.
 */
export function readFacetMap(bundleDir: string): FacetMap {
  const dir = join(bundleDir, 'fragment');
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.pf_fragment')) : [];
  return buildFacetMap(
    files.map((name) => {
      // A fragment is gzipped "pagefind_dcd" + JSON.
      const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
      const fragment = JSON.parse(text.slice(text.indexOf('{'))) as { filters?: Record<string, string[]> };
      return { id: name.replace(/\.pf_fragment$/, ''), filters: fragment.filters ?? {} };
    }),
  );
}

/** An indexing failure: fails the build with Pagefind's own messages. */
export class PagefindError extends Error {
  override name = 'PagefindError';
  constructor(what: string, errors: string[]) {
    super(`Pagefind ${what}:\n  ${errors.join('\n  ') || 'no details given'}`);
  }
}

/** The Pagefind integration: index on build, serve the last index in dev. */
export default function pagefind(options: PagefindIntegrationOptions = {}): AstroIntegration {
  const audience = options.audience ?? 'internal';
  const excludeSelectors = [
    ...NOISE_SELECTORS,
    ...(audience === 'public' ? INTERNAL_SELECTORS : []),
    ...(options.excludeSelectors ?? []),
  ];
  let bundleDir = '';
  let bundlePath = '/pagefind/';

  return {
    name: 'hindsight:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        bundleDir = join(fileURLToPath(config.outDir), 'pagefind');
        bundlePath = `${config.base.replace(/\/?$/, '/')}pagefind/`;
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!existsSync(bundleDir)) {
          logger.warn(
            `No search index yet: run \`npm run build\` once and search works in dev (served from ${bundleDir}).`,
          );
        }
        // Dev has no build step, so search uses the index of the last `npm run build`.
        serveDevFiles(server, bundlePath, bundleDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { pages, files } = await buildSearchIndex(fileURLToPath(dir), excludeSelectors);
        const ms = Math.round(performance.now() - started);
        logger.info(`Indexed ${pages} reviews for search (${files} HTML files read) in ${ms} ms.`);
      },
    },
  };
}
