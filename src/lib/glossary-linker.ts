import { escapeRegExp } from './escape.ts';
import { slugify } from './slugify.ts';

/** A glossary term ready for matching. */
export interface LinkableTerm {
  id: string;
  term: string;
  definition: string;
  pattern: RegExp;
}

/** Text and link pieces that replace one text node. */
export type Segment = { text: string } | { text: string; term: LinkableTerm };

/** Terms with a whole-word, case-insensitive pattern each; longer terms first so "Time to detect" wins over "Time". */
export function prepareTerms(entries: readonly { term: string; definition: string }[]): LinkableTerm[] {
  return [...entries]
    .sort((a, b) => b.term.length - a.term.length)
    .map(({ term, definition }) => ({
      id: slugify(term),
      term,
      definition,
      pattern: new RegExp(`(?<![\\w-])${escapeRegExp(term)}(?![\\w-])`, 'i'),
    }));
}

/**
 * Splits `text` at the first use of each term not yet in `linked` (which it updates), so each
 * term is linked once per document. Returns undefined when nothing matched.
 */
export function linkFirstUses(
  text: string,
  terms: readonly LinkableTerm[],
  linked: Set<string>,
): Segment[] | undefined {
  let segments: Segment[] = [{ text }];
  let changed = false;
  for (const term of terms) {
    if (linked.has(term.id)) continue;
    const next: Segment[] = [];
    let found = false;
    for (const segment of segments) {
      const match = !found && !('term' in segment) ? term.pattern.exec(segment.text) : null;
      if (!match) {
        next.push(segment);
        continue;
      }
      found = true;
      const before = segment.text.slice(0, match.index);
      const after = segment.text.slice(match.index + match[0].length);
      if (before) next.push({ text: before });
      next.push({ text: match[0], term });
      if (after) next.push({ text: after });
    }
    if (found) {
      linked.add(term.id);
      segments = next;
      changed = true;
    }
  }
  return changed ? segments : undefined;
}
