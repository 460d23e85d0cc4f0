/**
 * The facet map: per indexed page, its filter values, written at build time next to Pagefind's
 * index (from the same fragments, so it holds exactly the pages and values Pagefind has), and
 * the facet counts of a result set computed from it. Pagefind's own counting (`filters()`, or
 * any `search()` once filter chunks are loaded) scans every filter value over every matching
 * page; counting here is one pass over the result ids.
 *
 * The map is columnar (one id list, then per facet a value list and one entry per page), which
 * keeps it a few KB gzipped per thousand reviews. Pagefind's ids are random hashes that gzip
 * cannot shrink, so the map stores each page by the shortest prefix of its id that no other
 * page's id starts with ("en_3f" for "en_3f9a2c1"): about 40 % fewer bytes for the id list at
 * 5,000 pages. Any id of an indexed page resolves exactly (see `indexFacetMap`); the map is
 * written from the same fragments as the index, so a result never carries another id. Facets are whatever filters the pages carry:
 * a new filter in `getSearchFacets` is a new facet here with no change to this module.
 */

/** The format version; bump it when the layout changes. */
export const FACET_MAP_VERSION = 2;

/** One page's value indices for a facet: one index, several, or none (`[]`). */
type PageValues = number | number[];

/** The facet map as written to `pagefind/facets.json`. */
export interface FacetMap {
  version: typeof FACET_MAP_VERSION;
  /** Per page, in sorted order, the shortest prefix of its Pagefind id (a result's `id`) that is no other page's (the whole id if it is a prefix of another). */
  ids: string[];
  /** Per facet: its values, and per page (same order as `ids`) the indices of its values. */
  facets: Record<string, { values: string[]; pages: PageValues[] }>;
}

/** Counts per facet, then per value. */
export type FacetCounts = Record<string, Record<string, number>>;

/** Selected values per facet; a page matches when, for every facet with a selection, it has any selected value. */
export type FacetSelection = Record<string, readonly string[] | undefined>;

/** Builds the map from each page's Pagefind id and filters (as in its fragment). */
export function buildFacetMap(pages: readonly { id: string; filters: Record<string, readonly string[]> }[]): FacetMap {
  const sorted = [...pages].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const keys = [...new Set(sorted.flatMap((page) => Object.keys(page.filters)))].sort();
  const facets: FacetMap['facets'] = {};
  for (const key of keys) {
    const values = [...new Set(sorted.flatMap((page) => page.filters[key] ?? []))].sort();
    const index = new Map(values.map((value, i) => [value, i]));
    const pageValues = sorted.map((page): PageValues => {
      const mine = [...new Set(page.filters[key] ?? [])].map((value) => index.get(value)!);
      return mine.length === 1 ? mine[0]! : mine;
    });
    facets[key] = { values, pages: pageValues };
  }
  return { version: FACET_MAP_VERSION, ids: uniquePrefixes(sorted.map((page) => page.id)), facets };
}

const commonLength = (a: string, b: string | undefined) => {
  let n = 0;
  while (b !== undefined && n < a.length && a[n] === b[n]) n++;
  return n;
};

/** Per id of a sorted, duplicate-free list, its shortest prefix that starts no other id (the longest shared prefix is with a neighbour). */
export function uniquePrefixes(sorted: readonly string[]): string[] {
  return sorted.map((id, i) =>
    id.slice(0, Math.min(id.length, Math.max(commonLength(id, sorted[i - 1]), commonLength(id, sorted[i + 1])) + 1)),
  );
}

/** A facet map made ready for counting. */
export interface FacetIndex {
  map: FacetMap;
  /** The row of a page by its Pagefind id (or its stored prefix); undefined for an id the map does not hold. */
  rowOf(id: string): number | undefined;
}

/** Checks a fetched map and indexes it; throws on a map this code cannot read. */
export function indexFacetMap(data: unknown): FacetIndex {
  const map = data as FacetMap;
  if (!map || map.version !== FACET_MAP_VERSION || !Array.isArray(map.ids) || typeof map.facets !== 'object') {
    throw new Error(
      `facet map: expected version ${FACET_MAP_VERSION} with ids and facets, got ${JSON.stringify(data)?.slice(0, 80)}`,
    );
  }
  const rows = new Map(map.ids.map((prefix, i) => [prefix, i]));
  // Longest stored prefix first: a shorter hit could be a whole id that is a prefix of this one.
  const lengths = [...new Set(map.ids.map((prefix) => prefix.length))].sort((a, b) => b - a);
  // Results carry whole ids, the same ones search after search: each is resolved once.
  const resolved = new Map<string, number | undefined>();
  const rowOf = (id: string) => {
    if (resolved.has(id)) return resolved.get(id);
    let row: number | undefined;
    for (const length of lengths) {
      row = length <= id.length ? rows.get(id.slice(0, length)) : undefined;
      if (row !== undefined) break;
    }
    resolved.set(id, row);
    return row;
  };
  return { map, rowOf };
}

/** Whether a page's entry holds any of the `wanted` value indices. */
const hasAny = (entry: PageValues | undefined, wanted: ReadonlySet<number>): boolean =>
  entry === undefined ? false : typeof entry === 'number' ? wanted.has(entry) : entry.some((v) => wanted.has(v));

/** Per facet with a selection, the set of selected value indices (unknown values match nothing). */
function selectedIndices(index: FacetIndex, selection: FacetSelection): Map<string, Set<number>> {
  const chosen = new Map<string, Set<number>>();
  for (const [key, values] of Object.entries(selection)) {
    if (!values?.length) continue;
    const facet = index.map.facets[key];
    chosen.set(
      key,
      new Set(values.flatMap((value) => (facet ? [facet.values.indexOf(value)] : [])).filter((i) => i >= 0)),
    );
  }
  return chosen;
}

/**
 * Facet counts over the pages `ids` (a query's results, unfiltered), for menus that let a reader
 * pick several values per facet: a value's count is how many results it would give with the other
 * facets' selections applied and this facet's own ignored (so picking SEV1 leaves SEV2's count as
 * it was). With no selection, these are the counts of the result set itself. Ids the map does not
 * know are skipped; every value of every facet is present, zero when no result has it.
 */
export function countFacets(index: FacetIndex, ids: Iterable<string>, selection: FacetSelection = {}): FacetCounts {
  const { facets } = index.map;
  const keys = Object.keys(facets);
  const chosen = selectedIndices(index, selection);
  const tallies = keys.map((key) => new Array<number>(facets[key]!.values.length).fill(0));
  // Per facet, the page entries and the tally, looked up once instead of per result.
  const columns = keys.map((key, k) => ({
    key,
    pages: facets[key]!.pages,
    tally: tallies[k]!,
    wanted: chosen.get(key),
  }));
  const selected = columns.filter((column) => column.wanted !== undefined);
  // Thousands of results per keystroke: the loop allocates nothing (no arrays for single values).
  for (const id of ids) {
    const row = index.rowOf(id);
    if (row === undefined) continue;
    // Which selected facets this page fails; it counts towards facet k only if it fails none but k.
    let failed: string | undefined;
    let failures = 0;
    for (const column of selected) {
      if (!hasAny(column.pages[row], column.wanted!)) {
        failures += 1;
        failed = column.key;
        if (failures > 1) break;
      }
    }
    if (failures > 1) continue;
    for (const column of columns) {
      if (failures === 1 && failed !== column.key) continue;
      const entry = column.pages[row];
      if (typeof entry === 'number') column.tally[entry]! += 1;
      else if (entry !== undefined) for (const v of entry) column.tally[v]! += 1;
    }
  }
  return Object.fromEntries(
    keys.map((key, k) => [key, Object.fromEntries(facets[key]!.values.map((value, v) => [value, tallies[k]![v]!]))]),
  );
}

/** Whether page `id` matches `selection` (any selected value within a facet, every facet with a selection). */
export function matchesSelection(index: FacetIndex, id: string, selection: FacetSelection): boolean {
  const row = index.rowOf(id);
  if (row === undefined) return false;
  for (const [key, wanted] of selectedIndices(index, selection)) {
    if (!hasAny(index.map.facets[key]!.pages[row], wanted)) return false;
  }
  return true;
}

/** Pagefind's `filters` option for a selection: `{ key: { any: [...] } }` for each facet with one. */
export function toPagefindFilters(selection: FacetSelection): Record<string, { any: string[] }> {
  return Object.fromEntries(
    Object.entries(selection)
      .filter(([, values]) => values?.length)
      .map(([key, values]) => [key, { any: [...values!] }]),
  );
}
