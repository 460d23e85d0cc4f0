import { mdxToMdast } from 'satteri';
import { isMap, isPair, isScalar, isSeq, visit, type Document, type Node as YamlNode } from 'yaml';
import type { ReviewFile } from '../content-files.ts';
import { isPlainObject } from '../is-plain-object.ts';
import { prescanMdx } from '../mdx-prescan.ts';
import { describeYamlError, MAX_YAML_ALIASES } from '../yaml-file.ts';
import { parseFrontmatterDocument, splitReview, type ReviewParts } from '../review-file.ts';

/** Marks text that is not prose (code, tags, keys): no word pattern can match across it. */
export const BARRIER = '\u0001';

/** The part of an mdast node the linter reads (satteri's tree, kept loose on purpose). */
interface MdNode {
  type: string;
  children?: MdNode[];
  value?: string;
  depth?: number;
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** A narrative heading and whether any content follows it before the next heading at its level. */
export interface Heading {
  depth: number;
  text: string;
  start: number;
  end: number;
  hasContent: boolean;
}

/** A review prepared for the rules: parsed frontmatter with source positions, and its prose. */
export interface ReviewDocument {
  file: ReviewFile;
  parts: ReviewParts;
  /** The frontmatter as a YAML document with ranges (undefined without frontmatter). */
  yaml: Document.Parsed | undefined;
  /** The frontmatter as plain data (YAML 1.2, so timestamps are strings); `{}` when unreadable. */
  raw: Record<string, unknown>;
  /** Whether the frontmatter parsed to a mapping (false for a list or a bare value). */
  rawIsMapping: boolean;
  /** YAML syntax problems with their file offsets. */
  yamlErrors: { message: string; start: number; end: number }[];
  /** The body's MDX syntax error, if any (1-based line and column in the file). */
  mdxError: { message: string; line: number; column: number } | undefined;
  /** Headings of the narrative, in order. */
  headings: Heading[];
  /**
   * The file's text with everything that is not prose replaced: same length, same offsets, so a
   * match in it is a match in the file. Prose is narrative text and prose frontmatter values.
   */
  prose: string;
}

/** Frontmatter keys whose values are sentences an author wrote (and so are linted as prose). */
const PROSE_KEYS = new Set([
  'title',
  'summary',
  'trigger',
  'description',
  'event',
  'source',
  'label',
  'wentWell',
  'wentWrong',
  'gotLucky',
]);
/** mdast blocks whose text is read as one run of prose. */
const PROSE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Inline nodes that are not words (code, expressions, tags, images): they interrupt a sentence. */
const OPAQUE_INLINE = new Set([
  'inlineCode',
  'mdxTextExpression',
  'mdxJsxTextElement',
  'image',
  'imageReference',
  'footnoteReference',
  'html',
  'inlineMath',
  'break',
]);

/**
 * Parses one review for linting; never throws (problems are recorded on the document).
 * `unparsable` is why the body must not be given to the MDX parser (it stalled it before):
 * it becomes the document's MDX error, at the body's first line.
 */
export function parseReviewDocument(file: ReviewFile, unparsable?: string): ReviewDocument {
  const parts = splitReview(file.text);
  // One slot per UTF-16 unit, like the parser's offsets.
  const mask: string[] = new Array<string>(file.text.length).fill(BARRIER);

  const yamlErrors: ReviewDocument['yamlErrors'] = [];
  let yaml: Document.Parsed | undefined;
  let raw: Record<string, unknown> = {};
  let rawIsMapping = true;
  if (parts.hasFrontmatter) {
    yaml = parseFrontmatterDocument(parts.frontmatter);
    for (const error of yaml.errors) {
      yamlErrors.push({
        message: error.message.split('\n')[0]!,
        start: parts.frontmatterOffset + error.pos[0],
        end: parts.frontmatterOffset + error.pos[1],
      });
    }
    let data: unknown;
    try {
      data = yaml.errors.length === 0 ? yaml.toJS({ maxAliasCount: MAX_YAML_ALIASES }) : undefined;
    } catch (error) {
      // An alias bomb: refused like any unreadable YAML, never expanded.
      yamlErrors.push({
        message: describeYamlError(error, 'frontmatter'),
        start: parts.frontmatterOffset,
        end: parts.frontmatterOffset,
      });
    }
    if (yamlErrors.length === 0) {
      if (isPlainObject(data)) raw = data;
      else rawIsMapping = data === null || data === undefined;
      copyProseScalars(yaml, file.text, parts.frontmatterOffset, mask);
    }
  }

  let mdxError: ReviewDocument['mdxError'];
  let headings: Heading[] = [];
  // The pre-scan refuses what would make the parser backtrack without end (src/lib/mdx-prescan.ts).
  const refused =
    unparsable === undefined
      ? prescanMdx(file.text, parts.bodyOffset).problem
      : { ...bodyStart(file.text, parts.bodyOffset), message: unparsable };
  if (refused) {
    mdxError = refused;
  } else {
    try {
      const tree = mdxToMdast(file.text) as unknown as MdNode;
      copyProseNodes(tree, file.text, mask, false);
      headings = collectHeadings(tree);
    } catch (error) {
      mdxError = parseMdxError(error);
    }
  }
  return { file, parts, yaml, raw, rawIsMapping, yamlErrors, mdxError, headings, prose: mask.join('') };
}

/** The 1-based line and column where the body starts. */
function bodyStart(text: string, bodyOffset: number): { line: number; column: number } {
  return { line: text.slice(0, bodyOffset).split('\n').length, column: 1 };
}

/** Copies the source of prose-valued frontmatter scalars into the mask. */
function copyProseScalars(doc: Document.Parsed, text: string, offset: number, mask: string[]): void {
  const copyScalar = (node: unknown) => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
    copyRange(text, mask, offset + node.range[0], offset + node.range[1]);
  };
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!PROSE_KEYS.has(key)) return;
      if (isSeq(pair.value)) pair.value.items.forEach(copyScalar);
      else copyScalar(pair.value);
    },
  });
}

/** Walks the MDX tree: prose blocks become spaces, their text nodes are copied back in. */
function copyProseNodes(node: MdNode, text: string, mask: string[], inProse: boolean): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const located = start !== undefined && end !== undefined;
  if (node.type === 'yaml' || node.type === 'code') return;
  if (!inProse && PROSE_BLOCKS.has(node.type) && located) {
    // Inside a block, markup (`**`, `[`, `](url)`) reads as a space between words.
    for (let i = start; i < end; i++) mask[i] = text[i] === '\n' ? '\n' : ' ';
    inProse = true;
  }
  if (inProse && located) {
    if (node.type === 'text') {
      copyRange(text, mask, start, end);
      return;
    }
    if (OPAQUE_INLINE.has(node.type)) for (let i = start; i < end; i++) mask[i] = BARRIER;
  }
  for (const child of node.children ?? []) copyProseNodes(child, text, mask, inProse);
}

function copyRange(text: string, mask: string[], start: number, end: number): void {
  for (let i = start; i < end && i < text.length; i++) mask[i] = text[i]!;
}

/** Headings in document order (also inside JSX containers such as `<Internal>`), with content flags. */
function collectHeadings(tree: MdNode): Heading[] {
  // Flatten to headings and content blocks in document order.
  const blocks: ({ heading: Heading } | { content: true })[] = [];
  const walk = (nodes: readonly MdNode[]) => {
    for (const node of nodes) {
      if (node.type === 'yaml') continue;
      if (node.type === 'heading') {
        blocks.push({
          heading: {
            depth: node.depth ?? 1,
            text: textOf(node).trim(),
            start: node.position?.start.offset ?? 0,
            end: node.position?.end.offset ?? 0,
            hasContent: false,
          },
        });
      } else if (node.type === 'mdxJsxFlowElement') {
        walk(node.children ?? []);
      } else if (!(node.type === 'mdxFlowExpression' && isComment(node.value ?? ''))) {
        blocks.push({ content: true });
      }
    }
  };
  walk(tree.children ?? []);
  const headings: Heading[] = [];
  blocks.forEach((block, index) => {
    if (!('heading' in block)) return;
    const { heading } = block;
    for (const next of blocks.slice(index + 1)) {
      if ('heading' in next) {
        if (next.heading.depth <= heading.depth) break;
        continue;
      }
      heading.hasContent = true;
      break;
    }
    headings.push(heading);
  });
  return headings;
}

function textOf(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** `/* … *\/` only: an MDX comment, which renders nothing. */
function isComment(expression: string): boolean {
  return /^\s*\/\*[\s\S]*\*\/\s*$/.test(expression);
}

/** Satteri reports `line:column: message (code)`. */
function parseMdxError(error: unknown): NonNullable<ReviewDocument['mdxError']> {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+): ([\s\S]*)$/.exec(text.split('\n')[0]!);
  if (!match) return { message: text, line: 1, column: 1 };
  return { message: match[3]!, line: Number(match[1]), column: Number(match[2]) };
}

/** File offsets of the YAML node at `path`, or of its nearest existing ancestor. */
export function locateField(doc: ReviewDocument, path: readonly PropertyKey[]): { start: number; end: number } {
  const fallback = { start: 0, end: Math.max(0, doc.parts.frontmatterOffset - 1) };
  if (!doc.yaml) return fallback;
  for (let length = path.length; length > 0; length--) {
    const prefix = path.slice(0, length);
    const node = doc.yaml.getIn(prefix as unknown[], true) as YamlNode | undefined;
    const pairKey = keyNodeOf(doc.yaml, prefix);
    const range = (pairKey ?? node)?.range;
    if (range) {
      const start = doc.parts.frontmatterOffset + range[0];
      const endNode = node?.range ?? range;
      return { start, end: doc.parts.frontmatterOffset + endNode[1] };
    }
  }
  return fallback;
}

/** The key node of the pair at `path`, so a finding points at `detected:` rather than its value. */
function keyNodeOf(doc: Document.Parsed, path: readonly PropertyKey[]): YamlNode | undefined {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1) as unknown[], true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === last);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}
