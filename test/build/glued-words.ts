import type { CheerioAPI } from 'cheerio';
import { isComment, isTag, isText, type AnyNode } from 'domhandler';

/** Elements that flow inside a line of text: with no whitespace between them, their words run together. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'cite',
  'code',
  'data',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'label',
  'output',
]);
/** Subtrees whose text is not prose (code blocks keep their own spacing, SVG text is positioned). */
const SKIP = new Set(['pre', 'script', 'style', 'svg', 'template', 'textarea', 'noscript']);

/**
 * Places in a page where `compressHTML` (or a missing `{' '}`) glued two words together across an
 * element boundary: `internet</a><span>Last step` reads "internetLast step". Returns the words
 * around each join, e.g. `internet|Last`.
 */
export function findGluedWords($: CheerioAPI): string[] {
  const found: string[] = [];
  const text = (node: AnyNode) => $(node).text();
  const flowing = (node: AnyNode) => isText(node) || (isTag(node) && INLINE.has(node.tagName));
  const walk = (node: AnyNode) => {
    if (!isTag(node) || SKIP.has(node.tagName)) return;
    const children = node.children.filter((child) => !isComment(child));
    for (let i = 1; i < children.length; i += 1) {
      const a = children[i - 1]!;
      const b = children[i]!;
      if (!flowing(a) || !flowing(b) || (isText(a) && isText(b))) continue;
      const left = text(a);
      const right = text(b);
      if (/[\p{L}\p{N}.!?:;,)]$/u.test(left) && /^[\p{L}\p{N}(]/u.test(right)) {
        found.push(`${/\S*$/.exec(left)![0]}|${/^\S*/.exec(right)![0]}`);
      }
    }
    children.forEach(walk);
  };
  $('body').each((_, body) => walk(body));
  return found;
}
