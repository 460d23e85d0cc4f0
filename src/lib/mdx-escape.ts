const FENCE_OPEN = /^\s*(`{3,}|~{3,})/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const AUTOLINK = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i;

/**
 * Markdown written for another tool, made safe to compile as MDX without changing what a reader
 * sees: `<`, `{` and `}` are backslash-escaped, HTML comments become MDX comments, `<https://…>`
 * autolinks become links, and a line starting with `import`/`export` is not read as JavaScript.
 * Fenced code blocks and code spans are left untouched (MDX shows them literally).
 * `work.steps`, when given, counts the characters visited (tests bound it: the escape stays linear).
 */
export function escapeMdx(markdown: string, work: { steps: number } = { steps: 0 }): string {
  const lines = stripControlCharacters(markdown).split('\n');
  const out: string[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (prose.length > 0) out.push(escapeProse(prose.join('\n'), work));
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]!);
    if (!open) {
      prose.push(lines[i]!);
      continue;
    }
    flush();
    // A fence closes on a line of at least as many of the same character; unclosed runs to the end.
    const marker = open[1]!;
    const close = new RegExp(`^\\s*${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    const block = [lines[i]!];
    while (++i < lines.length) {
      block.push(lines[i]!);
      if (close.test(lines[i]!)) break;
    }
    out.push(block.join('\n'));
  }
  flush();
  return out.join('\n');
}

/** Removes control characters other than tab and newline (and normalises line endings). */
function stripControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is this function's job
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** Escapes one run of non-fenced Markdown. */
function escapeProse(text: string, work: { steps: number }): string {
  let out = '';
  let i = 0;
  let lineStart = true;
  while (i < text.length) {
    work.steps += 1;
    const char = text[i]!;
    if (lineStart) {
      lineStart = false;
      const esm = /^(import|export)\b/.exec(text.slice(i, i + 7));
      if (esm) {
        // A character reference renders the same letter but cannot start an ESM statement.
        out += `&#${text.charCodeAt(i)};`;
        i += 1;
        continue;
      }
    }
    if (char === '\n') {
      out += char;
      i += 1;
      lineStart = true;
      continue;
    }
    if (char === '\\' && i + 1 < text.length && ASCII_PUNCTUATION.test(text[i + 1]!)) {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char === '`') {
      const span = codeSpanAt(text, i, work);
      out += span;
      i += span.length;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      work.steps += (end === -1 ? text.length : end) - i;
      if (end !== -1) {
        const inner = text.slice(i + 4, end).replace(/\*\//g, '* /');
        out += `{/*${inner}*/}`;
        i = end + 3;
        continue;
      }
    }
    if (char === '<') {
      const link = AUTOLINK.exec(text.slice(i, i + 2048));
      work.steps += link ? link[0].length : 1;
      if (link) {
        out += `[${link[1]!.replace(/([\\_*[\]])/g, '\\$1')}](${link[1]})`;
        i += link[0].length;
        continue;
      }
    }
    out += char === '<' || char === '{' || char === '}' ? `\\${char}` : char;
    i += 1;
  }
  return out;
}

/** The code span starting at `start` (a backtick run and its matching closer), or just the run. */
function codeSpanAt(text: string, start: number, work: { steps: number }): string {
  let end = start;
  while (text[end] === '`') end += 1;
  const run = text.slice(start, end);
  // CommonMark: the closer is the next run of exactly the same length; it cannot cross a blank line.
  const closer = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
  closer.lastIndex = end;
  const match = closer.exec(text);
  work.steps += (match ? match.index : text.length) - end;
  if (!match || /\n[ \t]*\n/.test(text.slice(end, match.index))) return run;
  return text.slice(start, match.index + run.length);
}
