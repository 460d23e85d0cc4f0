import type { PatternData } from '../../schemas/catalog.ts';
import type { ActionItem } from '../../schemas/incident.ts';
import { sortNewestFirst, type IncidentLike } from '../incidents.ts';
import { daysBetween, shiftYears, toCalendarDate } from '../dates.ts';

/** A pattern as the pure functions see it. */
export interface PatternLike {
  id: string;
  data: PatternData;
}

/** A stretch of days without a matching incident, between two start dates. */
export interface Gap {
  days: number;
  /** Start date of the incident that opened the gap. */
  from: string;
  fromId: string;
  /** Start date of the incident that closed it; undefined when the gap runs to today. */
  to: string | undefined;
  toId: string | undefined;
}

/** "Days since it was DNS" and the record behind it. */
export interface PatternCounter {
  id: string;
  label: string;
  /** Matching incidents (any review status), newest first. */
  ids: string[];
  total: number;
  /** Matches that started in the last 12 months: after the same date a year ago, up to today. */
  lastYear: number;
  /** UTC start date of the most recent match up to today, and its incident. */
  lastDate: string | undefined;
  lastId: string | undefined;
  /** Whole days from `lastDate` to today (UTC calendar dates). */
  daysSince: number | undefined;
  /** The longest gap between two consecutive matches (not counting the current one). */
  longestPriorGap: Gap | undefined;
  /** The longest gap including the current one (last match → today). */
  longestGap: Gap | undefined;
}

/** The figures of a counter that move with the clock; the page's script recomputes them from the reader's date. */
export interface CounterFigures {
  daysSince: number | undefined;
  /** Longest gap in days, the current one included. */
  longestDays: number | undefined;
  lastYear: number;
}

/**
 * The clock-dependent figures from match start dates (YYYY-MM-DD, any order) as of `today`.
 * Dates after today are ignored. Shared by the build and the counters' client script.
 */
export function getCounterFigures(dates: readonly string[], today: string): CounterFigures {
  const past = dates.filter((d) => d <= today).sort();
  const last = past.at(-1);
  if (last === undefined) return { daysSince: undefined, longestDays: undefined, lastYear: 0 };
  const gaps = past.slice(1).map((d, i) => daysBetween(past[i]!, d));
  const daysSince = daysBetween(last, today);
  const yearAgo = shiftYears(today, -1);
  return { daysSince, longestDays: Math.max(daysSince, ...gaps), lastYear: past.filter((d) => d > yearAgo).length };
}

/** A counter with the UTC start dates of its matches, which its script recounts from in the browser. */
export interface DatedCounter {
  counter: PatternCounter;
  dates: string[];
}

/** Gives each counter the start dates (YYYY-MM-DD) of its matches, from every review's start date. */
export function withMatchDates(
  counters: readonly PatternCounter[],
  days: readonly { id: string; date: string }[],
): DatedCounter[] {
  const dateOf = new Map(days.map((d) => [d.id, d.date]));
  return counters.map((counter) => ({ counter, dates: counter.ids.flatMap((id) => dateOf.get(id) ?? []) }));
}

/** A pattern matches an incident that carries any of its tags or touches any of its services. */
export function matchesPattern(
  pattern: { tags: readonly string[]; services: readonly string[] },
  incident: IncidentLike,
): boolean {
  return (
    pattern.tags.some((t) => incident.data.tags.includes(t)) ||
    pattern.services.some((s) => incident.data.services.includes(s))
  );
}

/** The longest of several gaps; ties go to the earlier one (it set the record first). */
function longest(gaps: readonly Gap[]): Gap | undefined {
  return gaps.reduce<Gap | undefined>(
    (best, gap) => (best === undefined || gap.days > best.days ? gap : best),
    undefined,
  );
}

/** The counter of one pattern as of `today` (YYYY-MM-DD). Incidents after today are ignored. */
export function getPatternCounter(
  pattern: PatternLike,
  incidents: readonly IncidentLike[],
  today: string,
): PatternCounter {
  const matching = sortNewestFirst(incidents.filter((i) => matchesPattern(pattern.data, i)));
  const dated = matching
    .map((i) => ({ id: i.id, date: toCalendarDate(i.data.started) }))
    .filter((m) => m.date <= today)
    .reverse(); // oldest first
  const priorGaps: Gap[] = dated.slice(1).map((m, i) => ({
    days: daysBetween(dated[i]!.date, m.date),
    from: dated[i]!.date,
    fromId: dated[i]!.id,
    to: m.date,
    toId: m.id,
  }));
  const last = dated.at(-1);
  const current: Gap | undefined = last && {
    days: daysBetween(last.date, today),
    from: last.date,
    fromId: last.id,
    to: undefined,
    toId: undefined,
  };
  const yearAgo = shiftYears(today, -1);
  return {
    id: pattern.id,
    label: pattern.data.label,
    ids: matching.map((i) => i.id),
    total: matching.length,
    lastYear: dated.filter((m) => m.date > yearAgo).length,
    lastDate: last?.date,
    lastId: last?.id,
    daysSince: current?.days,
    longestPriorGap: longest(priorGaps),
    // The current streak only becomes the record when it is strictly longer.
    longestGap: longest(current ? [...priorGaps, current] : priorGaps),
  };
}

/** Something an incident's review says, tagged with the incident it comes from. */
export interface Attributed<T> {
  id: string;
  item: T;
}

/** What a pattern page collects: the factors, follow-ups and lessons of every matching incident. */
export interface PatternDigest {
  factors: Attributed<{ description: string; category: string | undefined }>[];
  /** Contributing-factor categories across the matches, most frequent first. */
  categories: { key: string; count: number }[];
  actionItems: Attributed<ActionItem>[];
  wentWell: Attributed<string>[];
  wentWrong: Attributed<string>[];
  gotLucky: Attributed<string>[];
  triggers: Attributed<string>[];
}

/** Gathers the learning of the incidents a pattern matches, newest incident first. */
export function getPatternDigest(pattern: PatternLike, incidents: readonly IncidentLike[]): PatternDigest {
  const matching = sortNewestFirst(incidents.filter((i) => matchesPattern(pattern.data, i)));
  const from = <T>(pick: (i: IncidentLike) => readonly T[]) =>
    matching.flatMap((i) => pick(i).map((item) => ({ id: i.id, item })));
  const factors = from((i) =>
    i.data.contributingFactors.map((f) => ({ description: f.description, category: f.category })),
  );
  const counts = new Map<string, number>();
  for (const { item } of factors) if (item.category) counts.set(item.category, (counts.get(item.category) ?? 0) + 1);
  return {
    factors,
    categories: [...counts]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    actionItems: from((i) => i.data.actionItems),
    wentWell: from((i) => i.data.lessons?.wentWell ?? []),
    wentWrong: from((i) => i.data.lessons?.wentWrong ?? []),
    gotLucky: from((i) => i.data.lessons?.gotLucky ?? []),
    triggers: from((i) => (i.data.trigger ? [i.data.trigger] : [])),
  };
}
