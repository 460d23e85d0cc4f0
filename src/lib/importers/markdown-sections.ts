import { markdownToMdast } from 'satteri';

/** The part of an mdast node the importer reads. */
export interface MdNode {
  type: string;
  children?: MdNode[];
  value?: string;
  url?: string;
  depth?: number;
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** A heading and the blocks under it, up to the next heading of any level. */
export interface Section {
  /** Heading text (`''` for what comes before the first heading). */
  title: string;
  depth: number;
  /** The heading line's source (`''` for the preamble). */
  headingSource: string;
  /** Blocks under the heading. */
  nodes: MdNode[];
  /** Source of the blocks under the heading. */
  source: string;
}

/**
 * Section names the Google SRE template writes as `Label: text` paragraphs instead of headings.
 * They are turned into headings first, so both spellings of the template read the same.
 */
const LABELS = [
  'summary',
  'impact',
  'root causes?',
  'contributing factors',
  'trigger',
  'resolution',
  'detection',
  'action items',
  'lessons learned',
  'what went well',
  'what went wrong',
  'where we got lucky',
  'timeline',
  'supporting information',
];
const LABEL_LINE = new RegExp(
  `^[ \\t]*(?:\\*\\*|__)?((?:${LABELS.join('|')})(?:[ \\t]*\\([^)\\n]*\\))?)[ \\t]*(?::[ \\t]*(?:\\*\\*|__)|(?:\\*\\*|__)[ \\t]*:|:)[ \\t]*(.*)$`,
  'i',
);
const FENCE = /^\s*(`{3,}|~{3,})/;

/**
 * Rewrites `**Summary:** text` lines (outside code fences) as `## Summary` followed by the text.
 * A label that repeats the heading it sits under (`## Impact` then `Impact: …`) only loses the
 * label. Table rows get `|` inside code spans escaped, so `a|b` stays in its cell.
 */
export function labelsToHeadings(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  let heading: string | undefined;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const open = FENCE.exec(line)?.[1];
    if (fence) {
      if (open && open[0] === fence[0] && open.length >= fence.length) fence = undefined;
      out.push(line);
      continue;
    }
    if (open) {
      fence = open;
      out.push(line);
      continue;
    }
    const label = LABEL_LINE.exec(line);
    if (label && heading !== undefined && normalizeName(label[1]!) === heading) {
      if (label[2]!.trim()) out.push(label[2]!);
      heading = undefined;
      continue;
    }
    if (line.trim()) heading = undefined;
    if (label) {
      out.push('', `## ${label[1]}`, '');
      if (label[2]!.trim()) out.push(label[2]!);
      continue;
    }
    const atx = /^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/.exec(line);
    // Blank lines keep the heading "current": the label may sit a paragraph break below it.
    if (atx) heading = normalizeName(atx[1]!.replace(/[*_`]/g, ''));
    out.push(/^ {0,3}\|/.test(line) ? escapeCodeSpanPipes(line) : line);
  }
  return out.join('\n');
}

/** `| \`a|b\` | c |` → `| \`a\\|b\` | c |`: GFM splits cells at every unescaped `|`, even inside code. */
export function escapeCodeSpanPipes(row: string): string {
  return row.replace(
    /(`+)([\s\S]*?[^`])\1(?!`)/g,
    (_span: string, ticks: string, code: string) => `${ticks}${code.replace(/(?<!\\)\|/g, '\\|')}${ticks}`,
  );
}

/** Splits Markdown into the preamble and one section per heading. */
export function splitSections(markdown: string): { sections: Section[]; tree: MdNode } {
  const tree = markdownToMdast(markdown) as unknown as MdNode;
  const sections: Section[] = [{ title: '', depth: 0, headingSource: '', nodes: [], source: '' }];
  for (const node of tree.children ?? []) {
    if (node.type === 'yaml' || node.type === 'toml') continue;
    if (node.type === 'heading') {
      sections.push({
        title: plainText([node]),
        depth: node.depth ?? 1,
        headingSource: sourceOf(markdown, [node]),
        nodes: [],
        source: '',
      });
      continue;
    }
    sections[sections.length - 1]!.nodes.push(node);
  }
  for (const section of sections) section.source = sourceOf(markdown, section.nodes);
  return { sections, tree };
}

/** The source text spanning `nodes` (from the first's start to the last's end). */
export function sourceOf(markdown: string, nodes: readonly MdNode[]): string {
  const start = nodes[0]?.position?.start.offset;
  const end = nodes[nodes.length - 1]?.position?.end.offset;
  return start === undefined || end === undefined ? '' : markdown.slice(start, end);
}

/** The words of some nodes as one line: markup dropped, links as `text (url)`, HTML comments dropped. */
export function plainText(nodes: readonly MdNode[]): string {
  const parts: string[] = [];
  const walk = (node: MdNode) => {
    switch (node.type) {
      case 'text':
        parts.push(node.value ?? '');
        return;
      case 'inlineCode':
        parts.push(codeSpan(node.value ?? ''));
        return;
      case 'html':
        if (!/^<!--/.test(node.value ?? '')) parts.push(node.value ?? '');
        return;
      case 'break':
        parts.push(' ');
        return;
      case 'link': {
        const text = plainText(node.children ?? []);
        parts.push(node.url && node.url !== text ? `${text} (${node.url})` : text);
        return;
      }
      default:
        for (const child of node.children ?? []) walk(child);
        if (['paragraph', 'listItem', 'heading', 'tableCell'].includes(node.type)) parts.push(' ');
    }
  };
  nodes.forEach(walk);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** A code span as written: the backticks stay, so `config.yaml` does not become config.yaml. */
function codeSpan(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${code}${pad}${ticks}`;
}

const INLINE = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'link', 'break']);

/**
 * Whether the nodes are paragraphs and lists of plain words, so turning them into frontmatter
 * text loses nothing a reader would miss (no tables, code, images or HTML).
 */
export function isPlainProse(nodes: readonly MdNode[]): boolean {
  const inline = (node: MdNode): boolean => INLINE.has(node.type) && (node.children ?? []).every(inline);
  const block = (node: MdNode): boolean => {
    if (node.type === 'paragraph') return (node.children ?? []).every(inline);
    if (node.type === 'list' || node.type === 'listItem') return (node.children ?? []).every(block);
    return false;
  };
  return nodes.every(block);
}

/** The items of the first list among `nodes`, each as plain text (undefined when there is no list). */
export function listItems(nodes: readonly MdNode[]): string[] | undefined {
  const list = nodes.find((n) => n.type === 'list');
  return list ? (list.children ?? []).map((item) => plainText([item])).filter(Boolean) : undefined;
}

/** Lowercase words only, for matching section names. */
export function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
