/**
 * A Sätteri hast plugin for the site-root links authors write in reviews (`[the 2016 outage](/incidents/…/)`,
 * `<a href="/services/x/">`, `![](/diagram.png)`): each is rewritten under the base path, and one that
 * names no page of the site fails the build with the file, the line and the nearest existing ids.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { HastPluginDefinition, PluginFactoryContext } from 'satteri';
import { ContentError, displayPath } from '../lib/content-errors.ts';
import { findCatalogLinkProblems, readSiteIndex, type SiteIndexOptions } from '../lib/site-index.ts';
import { findLinkProblem, isSiteRootLink, withBase, type SiteIndex } from '../lib/site-links.ts';

/** Attributes holding a link, by element. */
const LINK_ATTRIBUTE: Record<string, string> = { a: 'href', img: 'src' };
/** `href="/…"` or `src='/…'` in raw HTML of a `.md` review. */
const RAW_LINK = /\b(href|src)=(["'])(\/(?!\/)[^"']*)\2/g;

type JsxAttribute = { type: string; name?: string; value?: unknown };
type JsxElement = {
  type: string;
  name: string | null;
  attributes: JsxAttribute[];
  position?: { start: { line: number } };
};

/** The plugin factory for `satteri({ hastPlugins: [siteLinks({ base, contentRoot, … })] })`; list it before plugins that add base-prefixed links. */
export function siteLinks(options: SiteIndexOptions & { base: string }) {
  let index: SiteIndex | undefined;
  /** The index, read once; re-read before reporting a miss, so a review added while `astro dev` runs is found. */
  const problemWith = (href: string): string | undefined => {
    index ??= readSiteIndex(options);
    if (!findLinkProblem(href, index)) return undefined;
    index = readSiteIndex(options);
    return findLinkProblem(href, index);
  };

  return (document: PluginFactoryContext): HastPluginDefinition | null => {
    // Most reviews link no site page; they skip the tree walk.
    if (!/(?:\]\(|href=|src=)\s*["']?\//.test(document.source)) return null;
    const file = document.fileURL ? displayPath(fileURLToPath(document.fileURL)) : '(unknown file)';
    /** The link as it goes into the page; throws when it names no page. */
    const rebase = (href: string, line: number | undefined): string => {
      if (!isSiteRootLink(href)) return href;
      const sitePath =
        options.base !== '/' && href.startsWith(options.base) ? `/${href.slice(options.base.length)}` : href;
      const problem = problemWith(sitePath);
      if (problem)
        throw new ContentError(
          [`${file}${line ? `:${line}` : ''}: ${problem}`],
          'Link to an existing page (from the site root, e.g. /incidents/<id>/), or remove the link.',
        );
      return withBase(href, options.base);
    };
    const visitJsx = (node: Readonly<JsxElement>, ctx: { replaceNode: (node: never, next: never) => void }) => {
      const attribute = LINK_ATTRIBUTE[node.name ?? ''];
      let changed = false;
      const attributes = node.attributes.map((a) => {
        if (a.type !== 'mdxJsxAttribute' || a.name !== attribute || typeof a.value !== 'string') return a;
        const value = rebase(a.value, node.position?.start.line);
        changed ||= value !== a.value;
        return { ...a, value };
      });
      if (changed) ctx.replaceNode(node as never, { ...node, attributes } as never);
    };
    return {
      name: 'hindsight-site-links',
      options: { position: true },
      element: {
        filter: Object.keys(LINK_ATTRIBUTE),
        visit(node, ctx) {
          const attribute = LINK_ATTRIBUTE[node.tagName]!;
          const href = node.properties?.[attribute];
          if (typeof href !== 'string') return;
          const next = rebase(href, node.position?.start.line);
          if (next !== href) ctx.setProperty(node, attribute, next);
        },
      },
      mdxJsxFlowElement: { filter: Object.keys(LINK_ATTRIBUTE), visit: visitJsx as never },
      mdxJsxTextElement: { filter: Object.keys(LINK_ATTRIBUTE), visit: visitJsx as never },
      raw(node, ctx) {
        const line = node.position?.start.line;
        const value = node.value.replace(
          RAW_LINK,
          (_, name: string, quote: string, href: string) => `${name}=${quote}${rebase(href, line)}${quote}`,
        );
        if (value !== node.value) ctx.replaceNode(node, { type: 'raw', value });
      },
    };
  };
}

/**
 * Checks the links in service descriptions, learning-path descriptions and notes, and glossary
 * definitions (rendered by LinkedText.astro) when the build or dev server starts.
 */
export function catalogLinks(options: SiteIndexOptions): AstroIntegration {
  return {
    name: 'hindsight-catalog-links',
    hooks: {
      'astro:config:setup': () => {
        const problems = findCatalogLinkProblems(
          options.contentRoot,
          () => readSiteIndex(options),
          (file) => displayPath(file),
        );
        if (problems.length > 0)
          throw new ContentError(
            problems,
            'Link to an existing page (from the site root, e.g. /incidents/<id>/), or remove the link.',
          );
      },
    },
  };
}
