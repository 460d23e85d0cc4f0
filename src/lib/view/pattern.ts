/**
 * A pattern's page (patterns/[id].astro renders it): its counter's incidents, what they teach
 * (factors and lessons grouped by incident, titled), the near misses it matches.
 */
import type { IncidentLike } from '../incidents.ts';
import {
  getPatternDigest,
  matchesPattern,
  type PatternCounter,
  type PatternDigest,
  type PatternLike,
} from '../stats/patterns.ts';

/** A line some review wrote, with the review it came from. */
export interface FromReview<T> {
  item: T;
  id: string;
  title: string;
}

/** The pattern page as it renders. */
export interface PatternView<I extends IncidentLike> {
  /** Matching reviews in this build, newest first. */
  incidents: I[];
  digest: PatternDigest;
  /** What the pattern matches: `#tag`s, then service names. */
  matchedBy: string[];
  /** Contributing factors, one entry per review. */
  factorsByIncident: { id: string; title: string; factors: PatternDigest['factors'][number]['item'][] }[];
  /** Lessons across the matches, non-empty lists only. */
  lessons: { id: 'went-well' | 'went-wrong' | 'got-lucky'; title: string; items: FromReview<string>[] }[];
  /** Matching reviews with action items. */
  withActions: I[];
  /** Near misses the pattern matches. */
  nearMisses: I[];
}

/** What the page of one pattern is computed from. */
export interface PatternInput<I extends IncidentLike> {
  counter: PatternCounter;
  patterns: readonly PatternLike[];
  incidentById: ReadonlyMap<string, I>;
  nearMisses: readonly I[];
  serviceNames: ReadonlyMap<string, string>;
}

/** Everything a pattern's page shows. */
export function getPatternView<I extends IncidentLike>(input: PatternInput<I>): PatternView<I> {
  const { counter, incidentById } = input;
  const pattern = input.patterns.find((p) => p.id === counter.id);
  if (!pattern) throw new Error(`Pattern counter "${counter.id}" has no pattern in patterns.yaml.`);
  const incidents = counter.ids.flatMap((id) => incidentById.get(id) ?? []);
  const digest = getPatternDigest(pattern, incidents);
  const titleOf = (id: string) => incidentById.get(id)?.data.title ?? id;
  const titled = <T>(list: readonly { id: string; item: T }[]) =>
    list.map(({ id, item }) => ({ id, item, title: titleOf(id) }));
  const lessons = [
    { id: 'went-well' as const, title: 'What went well', items: titled(digest.wentWell) },
    { id: 'went-wrong' as const, title: 'What went wrong', items: titled(digest.wentWrong) },
    { id: 'got-lucky' as const, title: 'Where we got lucky', items: titled(digest.gotLucky) },
  ];
  return {
    incidents,
    digest,
    matchedBy: [
      ...pattern.data.tags.map((t) => `#${t}`),
      ...pattern.data.services.map((s) => input.serviceNames.get(s) ?? s),
    ],
    factorsByIncident: [...Map.groupBy(digest.factors, (f) => f.id)].map(([id, list]) => ({
      id,
      title: titleOf(id),
      factors: list.map((f) => f.item),
    })),
    lessons: lessons.filter((l) => l.items.length > 0),
    withActions: incidents.filter((i) => i.data.actionItems.length > 0),
    nearMisses: input.nearMisses.filter((i) => matchesPattern(pattern.data, i)),
  };
}
