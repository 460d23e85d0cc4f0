/**
 * A narrative rendered on the Markdown path (plain-markdown.ts) is one HTML string, so the lists
 * the frontmatter owns cannot be placed by an `h2` component as on the MDX path. Instead the
 * HTML is cut after each heading that names such a list, and the page renders the list there.
 */
import { escapeRegExp } from './escape.ts';
import type { FrontmatterSectionKey } from './owned-sections.ts';

/** A run of the narrative's HTML, or the place for one frontmatter-owned list. */
export type NarrativePart = { html: string } | { section: FrontmatterSectionKey };

/** Attribute values as an HTML serialiser writes them. */
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The narrative cut after each placed heading (`placed`: heading id → list), in document order.
 * Throws when a placed heading is not in the HTML: the list would silently vanish otherwise.
 */
export function splitAfterHeadings(html: string, placed: ReadonlyMap<string, FrontmatterSectionKey>): NarrativePart[] {
  const cuts = [...placed].map(([id, section]) => {
    const heading = new RegExp(`<h2\\b[^>]*?\\sid="${escapeRegExp(escapeAttribute(id))}"[^>]*>[\\s\\S]*?</h2>`).exec(
      html,
    );
    if (!heading) throw new Error(`the narrative has no <h2 id="${id}"> to place the ${section} list under`);
    return { at: heading.index + heading[0].length, section };
  });
  cuts.sort((a, b) => a.at - b.at);
  const parts: NarrativePart[] = [];
  let from = 0;
  for (const { at, section } of cuts) {
    parts.push({ html: html.slice(from, at) }, { section });
    from = at;
  }
  if (from < html.length) parts.push({ html: html.slice(from) });
  return parts;
}
