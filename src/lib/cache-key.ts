/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key is
 * unchanged since the last build is restored instead of rendered. A key must change whenever
 * anything the page shows changes, so it is a hash of the very values the page reads.
 */
import { createHash } from 'node:crypto';

/** A content entry as the key sees it: its id and Astro's digest of its file (frontmatter and body). */
interface DigestedEntry {
  id: string;
  collection: string;
  digest?: string | undefined;
  data: unknown;
}

function isEntry(value: object): value is DigestedEntry {
  return (
    'collection' in value &&
    'id' in value &&
    'data' in value &&
    typeof (value as { collection: unknown }).collection === 'string'
  );
}

/**
 * Stable JSON for hashing: object keys sorted, Maps and Sets as sorted pairs and lists, Dates
 * as ISO text, functions and undefined left out, and a content entry as its id and digest (the
 * digest covers everything the entry holds, so its data need not be walked).
 */
export function stableText(value: unknown): string {
  if (value === undefined || typeof value === 'function') return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableText).join(',')}]`;
  if (value instanceof Map)
    return `{"Map":[${[...value].map(([k, v]) => `[${stableText(k)},${stableText(v)}]`).join(',')}]}`;
  if (value instanceof Set) return `{"Set":[${[...value].map(stableText).join(',')}]}`;
  if (isEntry(value) && value.digest) return JSON.stringify(`${value.collection}/${value.id}@${value.digest}`);
  const keys = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableText((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** The hex sha256 of the parts' stable text: the `cacheKey` of one path. */
export function cacheKeyOf(...parts: unknown[]): string {
  return createHash('sha256').update(stableText(parts)).digest('hex').slice(0, 32);
}

const dataKeys = new WeakMap<object, string>();

/**
 * An entry's frontmatter only, for pages that list it without its body (cards, feeds): editing
 * the narrative of a review then leaves the lists it appears in untouched. Memoized per entry.
 */
export function frontmatterOf(entry: { id: string; data: object }): string {
  let key = dataKeys.get(entry);
  if (key === undefined) {
    key = `${entry.id}#${cacheKeyOf(entry.data)}`;
    dataKeys.set(entry, key);
  }
  return key;
}
