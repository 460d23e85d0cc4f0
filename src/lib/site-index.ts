/**
 * What pages and files a build of a content root has (file system only: no environment), for
 * checking the site-root links authors write (src/lib/site-links.ts).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContent, scanContentFolder, type ContentSnapshot } from './content-files.ts';
import { isInBuild } from './corpus.ts';
import { idFromPath } from './content-ids.ts';
import { parseRawData } from './raw-frontmatter.ts';
import { findLinkProblem, isSiteRootLink, splitInlineLinks, type SiteIndex } from './site-links.ts';
import { readYamlFileLeniently } from './yaml-file.ts';

const PAGES_DIR = fileURLToPath(new URL('../pages', import.meta.url));
const PUBLIC_DIR = fileURLToPath(new URL('../../public', import.meta.url));
/** Written by integrations after the pages, so not in src/pages. */
const GENERATED_SECTIONS = ['pagefind'];

/** Relative, `/`-separated paths of the files under `dir` (the public folder). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => entry.split(sep).join('/'))
    .filter((entry) => statSync(join(dir, entry)).isFile());
}

export interface SiteIndexOptions {
  contentRoot: string;
  /** `public` builds have pages only for reviews marked `visibility: public`. */
  audience?: 'internal' | 'public';
  /** `exclude` builds have no pages for drafts. */
  drafts?: 'include' | 'exclude';
  pagesDir?: string;
  publicDir?: string;
}

/** The pages and files of the site a content root builds into. */
export function readSiteIndex(options: SiteIndexOptions): SiteIndex {
  return siteIndexOf(readContent(options.contentRoot), options);
}

/** The same, from a content root already read (the linter reads it once for everything). */
export function siteIndexOf(content: ContentSnapshot, options: Omit<SiteIndexOptions, 'contentRoot'> = {}): SiteIndex {
  const pagesDir = options.pagesDir ?? PAGES_DIR;
  const sections = new Set([
    ...GENERATED_SECTIONS,
    ...readdirSync(pagesDir)
      .filter((name) => !name.startsWith('_') && !/^index\.\w+$/.test(name))
      .map((name) => name.replace(/\.(astro|ts|js|md|mdx)$/, '')),
  ]);
  const incidents = new Set<string>();
  const tags = new Set<string>();
  for (const review of content.incidents) {
    const data = parseRawData(review.text, false);
    if (options.audience === 'public' && data['visibility'] !== 'public') continue;
    if (options.drafts && !isInBuild(String(data['status']), options.drafts)) continue;
    incidents.add(review.id);
    if (Array.isArray(data['tags'])) for (const tag of data['tags']) if (typeof tag === 'string') tags.add(tag);
  }
  const paths = scanContentFolder(join(content.root, 'paths'), 'paths').read.map(idFromPath);
  const patternsFile = join(content.root, 'patterns.yaml');
  const patternList: unknown = existsSync(patternsFile) ? readYamlFileLeniently(patternsFile) : [];
  const patterns = Array.isArray(patternList) ? patternList.map((p: { id?: unknown }) => String(p?.id)) : [];
  return {
    sections,
    ids: new Map<string, ReadonlySet<string>>([
      ['incidents', incidents],
      ['services', new Set(content.serviceIds)],
      ['learn', new Set(paths)],
      ['tags', tags],
      ['patterns', new Set(patterns)],
    ]),
    files: new Set(filesUnder(options.publicDir ?? PUBLIC_DIR).map((f) => `/${f}`)),
  };
}

/** Catalog fields whose text may hold Markdown links: file pattern under the content root, field paths. */
function catalogTexts(root: string): { file: string; field: string; text: string }[] {
  const texts: { file: string; field: string; text: string }[] = [];
  const add = (file: string, field: string, value: unknown) => {
    if (typeof value === 'string') texts.push({ file, field, text: value });
  };
  for (const entry of scanContentFolder(join(root, 'services'), 'services').read) {
    const file = join(root, 'services', entry);
    add(file, 'description', (readYamlFileLeniently(file) as { description?: unknown } | undefined)?.description);
  }
  for (const entry of scanContentFolder(join(root, 'paths'), 'paths').read) {
    const file = join(root, 'paths', entry);
    const path = readYamlFileLeniently(file) as { description?: unknown; steps?: unknown } | undefined;
    add(file, 'description', path?.description);
    if (Array.isArray(path?.steps))
      path.steps.forEach((step: { note?: unknown }, i) => add(file, `steps[${i}].note`, step?.note));
  }
  const glossary = join(root, 'glossary.yaml');
  const terms = existsSync(glossary) ? readYamlFileLeniently(glossary) : undefined;
  if (Array.isArray(terms))
    terms.forEach((term: { definition?: unknown }, i) => add(glossary, `[${i}].definition`, term?.definition));
  return texts;
}

/**
 * Site-root links in service descriptions, path descriptions and notes, and glossary definitions that name no page.
 * `readIndex` runs only when some text has a link: reading the index parses every review's frontmatter.
 */
export function findCatalogLinkProblems(
  root: string,
  readIndex: () => SiteIndex,
  shown: (file: string) => string = (f) => f,
): string[] {
  let index: SiteIndex | undefined;
  return catalogTexts(root).flatMap(({ file, field, text }) =>
    splitInlineLinks(text).flatMap((segment) => {
      if (!('href' in segment) || !isSiteRootLink(segment.href)) return [];
      const problem = findLinkProblem(segment.href, (index ??= readIndex()));
      return problem ? [`${shown(file)}: ${field} ${problem}`] : [];
    }),
  );
}
