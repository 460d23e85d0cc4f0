/**
 * Near misses: reviews of something caught before it hurt (`kind: near-miss`). They teach as
 * much as outages, but they are not outages: they never reset a "days since" counter and stay
 * out of duration statistics. The yearly ratio to incidents is a learning signal.
 */
import type { IncidentData } from '../schemas/incident.ts';
import { getYear, type IncidentLike } from './incidents.ts';

/** True for a review of something caught before it hurt. */
export function isNearMiss(data: Pick<IncidentData, 'kind'>): boolean {
  return data.kind === 'near-miss';
}

/** Splits reviews into incidents and near misses, each keeping the input order. */
export function splitNearMisses<T extends IncidentLike>(reviews: readonly T[]): { incidents: T[]; nearMisses: T[] } {
  return {
    incidents: reviews.filter((r) => !isNearMiss(r.data)),
    nearMisses: reviews.filter((r) => isNearMiss(r.data)),
  };
}

/** One year's near misses against its incidents. */
export interface NearMissYear {
  year: string;
  incidents: number;
  nearMisses: number;
  /** Near misses per incident; undefined in a year without incidents. */
  ratio: number | undefined;
  /** The near misses of the year, for links. */
  ids: string[];
}

/** Near misses and incidents per UTC start year, years ascending, only years with either. */
export function getNearMissRatios(reviews: readonly IncidentLike[]): NearMissYear[] {
  const years = new Map<string, NearMissYear>();
  for (const review of reviews) {
    const year = getYear(review.data);
    const row = years.get(year) ?? { year, incidents: 0, nearMisses: 0, ratio: undefined, ids: [] };
    if (isNearMiss(review.data)) {
      row.nearMisses += 1;
      row.ids.push(review.id);
    } else row.incidents += 1;
    years.set(year, row);
  }
  return [...years.values()]
    .sort((a, b) => a.year.localeCompare(b.year))
    .map((row) => ({
      ...row,
      ids: row.ids.sort(),
      ratio: row.incidents === 0 ? undefined : row.nearMisses / row.incidents,
    }));
}

/** What a feed or handout puts before a title: `SEV2`, `Near miss`, or `Near miss · SEV3`. */
export function getReviewLabel(data: Pick<IncidentData, 'kind' | 'severity'>): string {
  return [isNearMiss(data) ? 'Near miss' : undefined, data.severity].filter(Boolean).join(' · ');
}
