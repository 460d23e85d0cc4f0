import { quantileSorted } from 'd3-array';

/** Below this many values a figure is labelled a small sample: a median of four is an anecdote. */
export const SMALL_SAMPLE = 5;

/** Whether a figure over `n` values is labelled "small sample": some values, but fewer than `SMALL_SAMPLE` (none reads as "no data"). */
export function isSmallSample(n: number): boolean {
  return n > 0 && n < SMALL_SAMPLE;
}

/** A value that belongs to an incident, so every figure can link to the incident behind it. */
export interface Sample {
  id: string;
  value: number;
}

/** Median, p90 and range of a sample; undefined fields when the sample is empty. */
export interface Summary {
  n: number;
  median: number | undefined;
  p90: number | undefined;
  min: Sample | undefined;
  max: Sample | undefined;
  /** True when `n < SMALL_SAMPLE`: show the figures, but say they are thin. */
  smallSample: boolean;
}

/**
 * The p-quantile (0..1) by linear interpolation between closest ranks: R's type 7, the default
 * of R, NumPy and d3 (`d3-array` quantileSorted). For n values sorted ascending it reads
 * position h = (n − 1)·p and interpolates between values ⌊h⌋ and ⌈h⌉. Values that are not
 * finite (a failed measurement) are skipped; undefined when none is left.
 */
export function quantile(values: readonly number[], p: number): number | undefined {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return undefined;
  return quantileSorted(
    finite.sort((a, b) => a - b),
    p,
  );
}

/** The median: the 0.5 quantile, so the mean of the middle two of an even count; undefined when empty. */
export function median(values: readonly number[]): number | undefined {
  return quantile(values, 0.5);
}

/** Count, median, p90, min and max (with the incident each extreme belongs to). */
export function summarize(samples: readonly Sample[]): Summary {
  // Ties on value keep the incident with the smaller id, so the output is stable.
  const sorted = [...samples].sort((a, b) => a.value - b.value || a.id.localeCompare(b.id));
  const values = sorted.map((s) => s.value);
  const maxValue = values.at(-1);
  return {
    n: sorted.length,
    median: values.length ? quantileSorted(values, 0.5) : undefined,
    p90: values.length ? quantileSorted(values, 0.9) : undefined,
    min: sorted[0],
    max: sorted.find((s) => s.value === maxValue),
    smallSample: sorted.length < SMALL_SAMPLE,
  };
}

/** One bar of a histogram: values in [from, to). `to` undefined means "and above". */
export interface Bucket {
  label: string;
  from: number;
  to: number | undefined;
  count: number;
  ids: string[];
}

/** Counts samples into fixed, human-sized buckets given by their lower edges (ascending). */
export function histogram(samples: readonly Sample[], edges: readonly { from: number; label: string }[]): Bucket[] {
  const buckets: Bucket[] = edges.map((edge, i) => ({
    label: edge.label,
    from: edge.from,
    to: edges[i + 1]?.from,
    count: 0,
    ids: [],
  }));
  for (const sample of samples) {
    const bucket = buckets.findLast((b) => sample.value >= b.from);
    if (!bucket) continue;
    bucket.count += 1;
    bucket.ids.push(sample.id);
  }
  return buckets;
}

/** A key with how many incidents carry it and which ones (ranked lists, bar charts). */
export interface Tally {
  key: string;
  count: number;
  ids: string[];
}

/** Tallies incidents per key (each incident once per key), most frequent first, then by key. */
export function tally<T extends { id: string }>(items: readonly T[], keysOf: (item: T) => readonly string[]): Tally[] {
  const byKey = new Map<string, string[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const ids = byKey.get(key) ?? [];
      ids.push(item.id);
      byKey.set(key, ids);
    }
  }
  return [...byKey]
    .map(([key, ids]) => ({ key, count: ids.length, ids }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** `part / whole`, or undefined when there is nothing to divide. */
export function share(part: number, whole: number): number | undefined {
  return whole > 0 ? part / whole : undefined;
}
