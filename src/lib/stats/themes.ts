import type { IncidentLike } from '../incidents.ts';
import { tally, type Tally } from './summary.ts';

/** Two keys (tags, categories, services) that appear on the same incidents. */
export interface Pair {
  a: string;
  b: string;
  count: number;
  ids: string[];
}

/** Pairs of keys that occur together on at least `minCount` incidents, most frequent first. */
export function getPairs(
  incidents: readonly IncidentLike[],
  keysOf: (i: IncidentLike) => readonly string[],
  minCount = 2,
): Pair[] {
  const pairs = new Map<string, Pair>();
  for (const incident of incidents) {
    const keys = [...new Set(keysOf(incident))].sort();
    for (const [i, a] of keys.entries()) {
      for (const b of keys.slice(i + 1)) {
        const pair = pairs.get(`${a}\n${b}`) ?? { a, b, count: 0, ids: [] };
        pair.count += 1;
        pair.ids.push(incident.id);
        pairs.set(`${a}\n${b}`, pair);
      }
    }
  }
  return [...pairs.values()]
    .filter((p) => p.count >= minCount)
    .sort((x, y) => y.count - x.count || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

/** A co-occurrence matrix of the `size` most frequent keys; the diagonal holds each key's own count. */
export interface Matrix {
  keys: string[];
  counts: number[][];
}

/** The co-occurrence matrix of the most frequent keys. */
export function getMatrix(
  incidents: readonly IncidentLike[],
  keysOf: (i: IncidentLike) => readonly string[],
  size = 8,
): Matrix {
  const keys = tally(incidents, keysOf)
    .slice(0, size)
    .map((t) => t.key);
  const sets = incidents.map((i) => new Set(keysOf(i)));
  const counts = keys.map((a) => keys.map((b) => sets.filter((s) => s.has(a) && s.has(b)).length));
  return { keys, counts };
}

// Words that say nothing about what kind of trigger it was.
const STOPWORDS = new Set(
  `a an the and or but of to in on at by for from with without into onto over under after before during was were is are be been
  being had has have it its this that these those their there then than as not no all any each every one two three which who
  while when where what how our out up down off same new old more most less some such only also just very
  ran run running made make caused set used using got went took began started carrying carried changed
  about around because through until so would could should can may might will did does done both between across within per via
  other another than them they we us you your his her she he him
  date dates day days time times hour hours minute minutes week weeks month months year years today yesterday
  morning afternoon evening night midnight noon daily weekly nightly
  utc gmt pst pdt mst mdt cst cdt est edt cet cest bst eet eest jst aest
  january february march april june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/),
);

/** Lowercase words of a trigger, stopwords, dates, times, zones and short words dropped, a plural `s` trimmed. */
export function triggerWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    // Dates and times (`2024-02-29`, `14`, `1st`) say when, not what.
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w) && !/^\d[\d-]*(?:st|nd|rd|th|h|m|s)?$/.test(w))
    .map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  return [...new Set(words)];
}

/** Words that recur across the triggers of at least `minCount` incidents: triggers that repeat. */
export function getTriggerThemes(incidents: readonly IncidentLike[], minCount = 2): Tally[] {
  return tally(incidents, (i) => (i.data.trigger ? triggerWords(i.data.trigger) : [])).filter(
    (t) => t.count >= minCount,
  );
}

export interface ThemeStats {
  tagPairs: Pair[];
  categoryPairs: Pair[];
  servicePairs: Pair[];
  /** Contributing-factor categories, counted once per incident. */
  categories: Tally[];
  triggerWords: Tally[];
  tagMatrix: Matrix;
}

const categoriesOf = (i: IncidentLike) => i.data.contributingFactors.flatMap((f) => (f.category ? [f.category] : []));

/** Which tags, factor categories, services and trigger words recur together. */
export function getThemeStats(incidents: readonly IncidentLike[]): ThemeStats {
  return {
    tagPairs: getPairs(incidents, (i) => i.data.tags),
    categoryPairs: getPairs(incidents, categoriesOf),
    servicePairs: getPairs(incidents, (i) => i.data.services),
    categories: tally(incidents, categoriesOf),
    triggerWords: getTriggerThemes(incidents),
    tagMatrix: getMatrix(incidents, (i) => i.data.tags),
  };
}
