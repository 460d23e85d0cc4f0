/**
 * The facts panel of a review (MetaPanel.astro) and what it gives the search index
 * (SearchMeta.astro): lifecycle stamps with their durations, local page times, and Pagefind's
 * metadata, filters and sort keys.
 */
import type { IncidentData } from '../../schemas/incident.ts';
import { formatDate } from '../format.ts';
import { getPlausibleDurations, type FutureStamp } from '../future-dates.ts';
import { FILTER_KEYS, getSearchFacets, type FacetSource } from '../search.ts';
import { getSeverityColour, getSeverityRank } from '../severity.ts';
import { getPagedLocal, type PagedLocal } from '../stats/out-of-hours.ts';
import type { TeamHours } from '../working-hours.ts';

/** One lifecycle stamp of the facts panel. */
export interface FactStamp {
  label: 'Started' | 'Detected' | 'Mitigated' | 'Resolved';
  at: Date | undefined;
  /** Milliseconds from impact to this stamp (none for Started, or when it is missing). */
  after: number | undefined;
  /** "to detect", … after the duration. */
  what: string | undefined;
}

/** The derived lines of the facts panel. */
export interface KeyFacts {
  stamps: FactStamp[];
  /** Local page time of each configured team among the responders. */
  paged: PagedLocal[];
  /** Why durations are missing when a lifecycle stamp lies after the build date (a mistyped year). */
  futureNote: string | undefined;
}

/** What a review gives Pagefind besides its text. */
export interface SearchMetaView {
  /** `key:value` result metadata; empty values are left out. */
  meta: string[];
  /** `key:value` filter values. */
  filters: string[];
  /** `key:value` sort keys. */
  sorts: string[];
}

/** The stamps and local page times of a review's facts panel, as of `today` (YYYY-MM-DD, the build date). */
export function getKeyFacts(
  data: Pick<IncidentData, 'started' | 'detected' | 'mitigated' | 'resolved' | 'participants'>,
  teams: Readonly<Record<string, TeamHours>>,
  today: string,
): KeyFacts {
  const { durations, future } = getPlausibleDurations(data, today);
  return {
    stamps: [
      { label: 'Started', at: data.started, after: undefined, what: undefined },
      { label: 'Detected', at: data.detected, after: durations.toDetect, what: 'to detect' },
      { label: 'Mitigated', at: data.mitigated, after: durations.toMitigate, what: 'to mitigate' },
      { label: 'Resolved', at: data.resolved, after: durations.toResolve, what: 'to resolve' },
    ],
    paged: getPagedLocal(data, teams),
    futureNote: future.length > 0 ? describeFutureStamps(future, today) : undefined,
  };
}

/** "resolved 2204-03-05 lies after this site was built (2026-11-21): …". */
function describeFutureStamps(future: readonly FutureStamp[], today: string): string {
  const one = future.length === 1;
  const listed = future.map((stamp) => `${stamp.field} ${stamp.value.slice(0, 10)}`).join(', ');
  const stamps = listed.charAt(0).toUpperCase() + listed.slice(1);
  return `${stamps} ${one ? 'lies' : 'lie'} after this site was built (${today}): probably a mistyped year, so the durations that depend on ${one ? 'it' : 'them'} are not shown.`;
}

/** Pagefind's metadata, filters and sorts for one review; `severities` are the configured levels, worst first. */
export function getSearchMeta(
  data: FacetSource & Pick<IncidentData, 'started' | 'severity' | 'services'>,
  serviceNames: ReadonlyMap<string, string>,
  severities: readonly string[],
): SearchMetaView {
  const serviceName = (id: string) => serviceNames.get(id) ?? id;
  const facets = getSearchFacets(data, serviceName);
  const meta = {
    date: formatDate(data.started),
    severity: data.severity,
    severity_rank: String(getSeverityColour(data.severity, severities)),
    services: data.services.map(serviceName).join(', '),
  };
  return {
    meta: Object.entries(meta).flatMap(([key, value]) => (value ? [`${key}:${value}`] : [])),
    filters: FILTER_KEYS.flatMap((key) => facets[key].map((value) => `${key}:${value}`)),
    sorts: [`date:${data.started.toISOString()}`, `severity:${getSeverityRank(data.severity, severities)}`],
  };
}
