import { Document, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { isPlainObject } from './is-plain-object.ts';

const FRONTMATTER = /^(\uFEFF?---\r?\n)([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** A review file cut into its frontmatter source and its MDX body, with offsets into the file. */
export interface ReviewParts {
  /** The YAML between the `---` fences ('' when there is none). */
  frontmatter: string;
  /** Offset of the frontmatter's first character in the file. */
  frontmatterOffset: number;
  /** Everything after the closing fence. */
  body: string;
  /** Offset of the body's first character in the file. */
  bodyOffset: number;
  /** Whether the file starts with a frontmatter block at all. */
  hasFrontmatter: boolean;
}

/** Splits an MDX review into frontmatter and body without parsing either. */
export function splitReview(text: string): ReviewParts {
  const match = FRONTMATTER.exec(text);
  if (!match) return { frontmatter: '', frontmatterOffset: 0, body: text, bodyOffset: 0, hasFrontmatter: false };
  const open = match[1]!;
  return {
    frontmatter: match[2] ?? '',
    frontmatterOffset: open.length,
    body: text.slice(match[0].length),
    bodyOffset: match[0].length,
    hasFrontmatter: true,
  };
}

/** Keys whose list items are records (written one `- { … }` per line, like the example corpus). */
const RECORD_LISTS = new Set(['timeline', 'actionItems', 'participants', 'contributingFactors', 'slos', 'links']);

/**
 * Frontmatter YAML in the house style: block mappings at the top, lists of words as `[a, b]`,
 * lists of records as one flow mapping per line. Timestamps and dates stay plain scalars.
 */
export function stringifyFrontmatter(data: Record<string, unknown>): string {
  const doc = new Document(withoutEmpty(data));
  applyHouseStyle(doc);
  return formatHouseStyle(doc);
}

/** `[a, b]` for lists and `- { at: … }` for records, as the example corpus writes them. */
export function formatHouseStyle(doc: Document): string {
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/^(\s*- )\{(.+)\}$/gm, '$1{ $2 }');
}

/** Flow style for short lists and for each record in a record list. */
export function applyHouseStyle(doc: Document): void {
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value;
      if (!isSeq(value)) return;
      if (RECORD_LISTS.has(key)) {
        value.flow = false;
        for (const item of value.items) if (isMap(item)) item.flow = true;
      } else if (value.items.every((item) => isScalar(item))) {
        value.flow = true;
      }
    },
  });
}

/** A complete review file: `---`, the frontmatter, `---`, a blank line, the body. */
export function renderReview(data: Record<string, unknown>, body: string, extraFrontmatter = ''): string {
  const trimmedBody = body.replace(/^\n+/, '').replace(/\s*$/, '\n');
  return `---\n${stringifyFrontmatter(data)}${extraFrontmatter}---\n\n${trimmedBody}`;
}

/** Drops `undefined`, empty lists and empty records so the frontmatter only says what is known. */
function withoutEmpty(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || item === null) continue;
    if (Array.isArray(item) && item.length === 0) continue;
    if (isPlainObject(item)) {
      const inner = withoutEmpty(item);
      if (Object.keys(inner).length > 0) out[key] = inner;
      continue;
    }
    out[key] = Array.isArray(item) ? (item as unknown[]).map((x) => (isPlainObject(x) ? withoutEmpty(x) : x)) : item;
  }
  return out;
}

/** Parses frontmatter YAML as YAML 1.2 with source ranges (timestamps stay strings). */
export function parseFrontmatterDocument(source: string): Document.Parsed {
  return parseDocument(source, { keepSourceTokens: false, prettyErrors: false, uniqueKeys: true });
}
