/**
 * Pagefind cuts excerpts as a window of words around the match, so a section's excerpt often
 * opens inside a sentence ("got here. Then the resolver…"). These helpers make it open at a
 * sentence, or say with an ellipsis that it does not.
 */

/** A sentence end followed by the start of the next sentence. */
const SENTENCE_END = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])/g;

/** Whether a text opens inside a sentence: its first letter is lower case. */
function opensMidSentence(text: string): boolean {
  const first = /[\p{L}\p{N}]/u.exec(text.replace(/<[^>]*>/g, ''))?.[0];
  return first !== undefined && first !== first.toUpperCase();
}

/**
 * An excerpt (Pagefind's HTML, with `<mark>` around matches) that opens at a sentence: a
 * fragment before the first sentence end is dropped when the first match comes after it;
 * otherwise the fragment is kept behind an ellipsis.
 */
export function tidyExcerpt(html: string): string {
  const text = html.trimStart();
  if (!opensMidSentence(text)) return text;
  const firstMark = text.indexOf('<mark>');
  for (const end of text.matchAll(SENTENCE_END)) {
    const next = end.index + end[0].length;
    if (firstMark !== -1 && next > firstMark) break;
    return text.slice(next);
  }
  return `…${text}`;
}
