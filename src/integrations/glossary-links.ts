import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { linkFirstUses, prepareTerms } from '../lib/glossary-linker.ts';

/** Elements whose text is never linked: links already, code, headings, diagrams. */
const SKIP = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'svg', 'script', 'style']);

/**
 * A Sätteri hast plugin linking the first use of each glossary term in a review to its
 * definition (`<a class="glossary-term" title="definition">`), at build time with no JS.
 */
export function glossaryLinks(options: { contentRoot: string; base: string }) {
  const file = resolve(options.contentRoot, 'glossary.yaml');
  const entries = existsSync(file) ? ((parse(readFileSync(file, 'utf8')) ?? []) as { term: string; definition: string }[]) : [];
  const terms = prepareTerms(Array.isArray(entries) ? entries.filter((e) => e?.term && e.definition) : []);
  const href = (id: string) => `${options.base.replace(/\/?$/, '/')}glossary/#${id}`;
  return {
    name: 'glossary-links',
    text(node: { type: 'text'; value: string }, ctx: any) {
      if (terms.length === 0) return;
      for (let parent = ctx.parent(node); parent; parent = ctx.parent(parent)) {
        if (parent.type === 'element' && SKIP.has(parent.tagName)) return;
      }
      const linked: Set<string> = (ctx.data.glossaryLinked ??= new Set<string>());
      const segments = linkFirstUses(node.value, terms, linked);
      if (!segments) return;
      ctx.replaceNode(
        node,
        segments.map((s) =>
          'term' in s
            ? {
                type: 'element',
                tagName: 'a',
                properties: { href: href(s.term.id), className: ['glossary-term'], title: s.term.definition },
                children: [{ type: 'text', value: s.text }],
              }
            : { type: 'text', value: s.text },
        ),
      );
    },
  };
}
