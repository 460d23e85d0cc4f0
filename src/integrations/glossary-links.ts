import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Parents } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import { linkFirstUses, prepareTerms } from '../lib/glossary-linker.ts';
import { inlineLinksAsText } from '../lib/site-links.ts';
import { readYamlFileLeniently } from '../lib/yaml-file.ts';

/** Elements whose text is never linked: links already, code, headings, diagrams. */
const SKIP = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'svg', 'script', 'style']);

/**
 * A Sätteri hast plugin linking the first use of each glossary term in a review to its
 * definition (`<a class="glossary-term" title="definition">`), at build time with no JS.
 */
export function glossaryLinks(options: { contentRoot: string; base: string }): HastPluginDefinition {
  const file = resolve(options.contentRoot, 'glossary.yaml');
  const entries = existsSync(file)
    ? ((readYamlFileLeniently(file) ?? []) as { term: string; definition: string }[])
    : [];
  const terms = prepareTerms(Array.isArray(entries) ? entries.filter((e) => e?.term && e.definition) : []);
  const href = (id: string) => `${options.base.replace(/\/?$/, '/')}glossary/#${id}`;
  return {
    name: 'glossary-links',
    text(node, ctx) {
      if (terms.length === 0) return;
      for (let parent: Readonly<Parents> | undefined = ctx.parent(node); parent; parent = ctx.parent(parent)) {
        if (parent.type === 'element' && SKIP.has(parent.tagName)) return;
      }
      // Shared by every text node of one document: a term is linked once per review.
      const linked = (ctx.data['glossaryLinked'] ??= new Set<string>()) as Set<string>;
      const segments = linkFirstUses(node.value, terms, linked);
      if (!segments) return;
      ctx.replaceNode(
        node,
        segments.map((s) =>
          'term' in s
            ? {
                type: 'element',
                tagName: 'a',
                properties: {
                  href: href(s.term.id),
                  className: ['glossary-term'],
                  title: inlineLinksAsText(s.term.definition),
                },
                children: [{ type: 'text', value: s.text }],
              }
            : { type: 'text', value: s.text },
        ),
      );
    },
  };
}
