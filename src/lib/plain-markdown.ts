/**
 * Whether an MDX review's body uses nothing that only MDX understands, so rendering it as
 * Markdown gives the same page. Such bodies are rendered once when content syncs and cached with
 * the entry (no JavaScript module per review, nothing re-rendered while the file is unchanged);
 * the file itself is never touched. Deliberately strict: any doubt means MDX.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * True when `body` (the text after the frontmatter) has, outside fenced code and code spans, no
 * `<` (JSX, HTML, comments, autolinks), no `{`/`}` (expressions), no `import`/`export` line and
 * no line indented four or more columns (an indented code block in Markdown, text in MDX).
 */
export function isPlainMarkdown(body: string): boolean {
  let fence: string | undefined;
  for (const line of body.split('\n')) {
    const open = FENCE.exec(line);
    if (fence !== undefined) {
      if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length && line.trim() === open[1])
        fence = undefined;
      continue;
    }
    if (open) {
      fence = open[1]!;
      continue;
    }
    if (/^(\t| {4})/.test(line) && line.trim() !== '') return false;
    if (/^\s*(import|export)\b/.test(line)) return false;
    const text = line.replace(/(`+)[\s\S]*?\1/g, '');
    if (/[<{}]/.test(text) || text.includes('`')) return false;
  }
  return fence === undefined;
}
