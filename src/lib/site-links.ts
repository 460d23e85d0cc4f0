/**
 * Links authors write to pages of the site: `/incidents/<id>/`, `/services/`, `/tags/<tag>/`,
 * files in `public/`. Such site-root links are rewritten under the base path at build time, and a
 * link to a page that does not exist is an error, like a dangling `related` id. Pure: the index of
 * what exists is passed in (src/lib/site-index.ts reads it from disk).
 */
import { formatValue, nearestIds } from './content-errors.ts';

/** What pages and files a build has, for checking links. */
export interface SiteIndex {
  /** First path segments that are pages of the site (`incidents`, `glossary`, `rss.xml`, …). */
  sections: ReadonlySet<string>;
  /** Ids under the sections whose pages are one per entry (`incidents`, `services`, `learn`, `tags`, `patterns`). */
  ids: ReadonlyMap<string, ReadonlySet<string>>;
  /** Files in `public/`, as site paths (`/favicon.svg`). */
  files: ReadonlySet<string>;
}

/** The noun of an id in each checked section, for messages. */
const NOUNS: Record<string, string> = {
  incidents: 'review',
  services: 'service',
  learn: 'learning path',
  tags: 'tag',
  patterns: 'pattern',
};

/** Trailing parts of a page of an entry that are pages too (`/learn/x/handout/`, `/tags/x/rss.xml`). */
const SUB_PAGES = /\/(?:handout|rss\.xml)\/?$|\.json$/;

/** True for `/incidents/x/`: a path from the site root (not `//host/…`, not relative, not `#…`). */
export function isSiteRootLink(href: string): boolean {
  return href.startsWith('/') && !href.startsWith('//');
}

/** A site-root link under `base` (which ends in `/`); any other link unchanged. A link already under the base is left alone. */
export function withBase(href: string, base: string): string {
  if (!isSiteRootLink(href) || base === '/' || href.startsWith(base) || `${href}/` === base) return href;
  return `${base}${href.slice(1)}`;
}

/** What is wrong with a site-root link, or undefined when it names a page or file of the site. */
export function findLinkProblem(href: string, index: SiteIndex): string | undefined {
  if (!isSiteRootLink(href)) return undefined;
  const path = decodeURI(href.replace(/[?#].*$/s, ''));
  if (path === '/' || index.files.has(path) || index.files.has(path.replace(/\/$/, ''))) return undefined;
  const [section = '', ...rest] = path.slice(1).split('/');
  if (!index.sections.has(section)) {
    return `link ${formatValue(href)} points to no page of the site (its first part should be one of ${[...index.sections].sort().join(', ')}, or a file in public/)`;
  }
  const ids = index.ids.get(section);
  const id = rest.join('/').replace(SUB_PAGES, '').replace(/\/$/, '');
  if (!ids || id === '' || ids.has(id)) return undefined;
  const near = nearestIds(id, [...ids], 3);
  return `link ${formatValue(href)} points to no ${NOUNS[section] ?? 'page'}: ${formatValue(id)} does not exist (nearest: ${near.join(', ') || 'none'})`;
}

/** A site-root link found in a review's source text. */
export interface SourceLink {
  href: string;
  /** Offsets of the link target in the text. */
  start: number;
  end: number;
}

/** `](/x)`, `](/x "title")`, `href="/x"`, `src='/x'`, `href={"/x"}`: the target is group 1 or 2. */
const SOURCE_LINK = /\]\(\s*<?(\/(?!\/)[^)\s>]*)|\b(?:href|src)=\{?["'](\/(?!\/)[^"']*)["']/g;
/** Fenced code blocks and inline code spans, whose text is not a link. */
const CODE = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\S\n]*$|`[^`\n]+`/gm;

/** Site-root links in Markdown/MDX source (code left out), with their offsets in `text`. */
export function findSourceLinks(text: string, offset = 0): SourceLink[] {
  const masked = text.replace(CODE, (code) => ' '.repeat(code.length));
  const links: SourceLink[] = [];
  for (const match of masked.matchAll(SOURCE_LINK)) {
    const href = match[1] ?? match[2]!;
    const start = offset + match.index + match[0].lastIndexOf(href);
    links.push({ href, start, end: start + href.length });
  }
  return links;
}

/** A run of catalog text: plain, or a Markdown link `[label](href)`. */
export type TextSegment = { text: string } | { label: string; href: string };

/** `[label](href)` with no nested brackets; the only Markdown read in one-line catalog text. */
const INLINE_LINK = /\[([^[\]\n]+)\]\(\s*([^()\s]+)\s*\)/g;

/** Catalog text (service descriptions, path notes, glossary definitions) as plain runs and links. */
export function splitInlineLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE_LINK)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index) });
    segments.push({ label: match[1]!, href: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** Catalog text with its links reduced to their labels (meta descriptions, tooltips). */
export function inlineLinksAsText(text: string): string {
  return splitInlineLinks(text)
    .map((s) => ('href' in s ? s.label : s.text))
    .join('');
}
