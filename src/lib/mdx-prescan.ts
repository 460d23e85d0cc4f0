/**
 * A linear scan of an MDX body, run before the MDX parser. The parser backtracks over JSX
 * attribute expressions that never close: `<a b={` repeated 30 times never finishes, nested
 * `<a b={<c d={` is worse. Refusing unclosed (or absurdly deep) attribute expressions first
 * bounds the parser's work, so no review can stall the build or the linter.
 */

/** Braces an attribute expression may nest (`b={{ x: { y: 1 } }}` is 3). */
export const MAX_ATTRIBUTE_DEPTH = 16;

/** Why the body was refused, 1-based line and column in `text`. */
export interface PrescanProblem {
  line: number;
  column: number;
  message: string;
}

/** The verdict, and how many characters the scan visited (each at most once: the work bound). */
export interface PrescanResult {
  problem: PrescanProblem | undefined;
  steps: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Checks `text` from `offset` (the body's start): every `{` inside a JSX tag (`<a b={…}>`,
 * `<a {...props}>`) must close within the file and nest at most `MAX_ATTRIBUTE_DEPTH` deep.
 * Fenced code and code spans are skipped, as the parser shows them literally.
 */
export function prescanMdx(text: string, offset = 0): PrescanResult {
  let steps = 0;
  let i = offset;
  let lineStart = true;
  let fence: string | undefined;
  let inTag = false;
  const problem = (at: number, message: string): PrescanResult => ({
    problem: { ...lineAndColumn(text, at), message },
    steps,
  });
  while (i < text.length) {
    steps++;
    const char = text[i]!;
    if (lineStart) {
      lineStart = false;
      const open = FENCE.exec(text.slice(i, i + 64));
      if (open && !inTag) {
        const marker = open[1]!;
        if (fence === undefined) fence = marker;
        else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
        i = skipLine(text, i);
        continue;
      }
    }
    if (char === '\n') {
      lineStart = true;
      i++;
      continue;
    }
    if (fence !== undefined) {
      i++;
      continue;
    }
    if (char === '\\') {
      i += 2;
      continue;
    }
    if (!inTag && char === '`') {
      i = skipCodeSpan(text, i);
      continue;
    }
    if (!inTag && char === '<' && /[A-Za-z]/.test(text[i + 1] ?? '')) {
      inTag = true;
      i++;
      continue;
    }
    if (inTag) {
      if (char === '>') inTag = false;
      else if (char === '"' || char === "'") i = skipQuoted(text, i) - 1;
      else if (char === '{') {
        const end = scanExpression(text, i, () => steps++);
        if (end.kind === 'unclosed')
          return problem(i, 'this `{` in a JSX tag is never closed (write a literal brace as \\{)');
        if (end.kind === 'deep')
          return problem(end.at, `JSX attribute braces nest more than ${MAX_ATTRIBUTE_DEPTH} deep`);
        i = end.at;
      }
    }
    i++;
  }
  return { problem: undefined, steps };
}

/** From the `{` at `start`: the index of its matching `}`, or why there is none. */
function scanExpression(
  text: string,
  start: number,
  step: () => void,
): { kind: 'closed' | 'deep'; at: number } | { kind: 'unclosed' } {
  let depth = 0;
  let deepAt: number | undefined;
  let i = start;
  while (i < text.length) {
    step();
    const char = text[i]!;
    if (char === '{') {
      depth++;
      if (depth > MAX_ATTRIBUTE_DEPTH) deepAt ??= i;
    } else if (char === '}') {
      depth--;
      if (depth === 0) return deepAt === undefined ? { kind: 'closed', at: i } : { kind: 'deep', at: deepAt };
    } else if (char === '"' || char === "'" || char === '`') {
      i = skipQuoted(text, i);
      continue;
    } else if (char === '\\') i++;
    i++;
  }
  return { kind: 'unclosed' };
}

/** Past a quoted string starting at `start`; `"` and `'` end at the line's end if unclosed (an apostrophe in text). */
function skipQuoted(text: string, start: number): number {
  const quote = text[start]!;
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\') i++;
    else if (char === quote) return i + 1;
    else if (char === '\n' && quote !== '`') return start + 1;
  }
  return start + 1;
}

/** Past a code span (a backtick run and the next run of the same length on the same paragraph), or past the run. */
function skipCodeSpan(text: string, start: number): number {
  let end = start;
  while (text[end] === '`') end++;
  const run = text.slice(start, end);
  // A code span cannot cross a blank line, so the search stops at the paragraph's end.
  const blank = /\n[ \t]*\n/g;
  blank.lastIndex = end;
  const paragraphEnd = blank.exec(text)?.index ?? text.length;
  const close = text.slice(end, paragraphEnd).indexOf(run);
  return close === -1 ? end : end + close + run.length;
}

function skipLine(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end === -1 ? text.length : end;
}

function lineAndColumn(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}
