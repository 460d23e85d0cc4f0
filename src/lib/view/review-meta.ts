/**
 * The facts panel of a review (MetaPanel.astro) and what it gives the search index
 * (SearchMeta.astro): lifecycle stamps with their durations, local page times, and Pagefind's
 * metadata, filters and sort keys.
 */
import type { IncidentData } from '../../schemas/incident.ts';
import { formatDate } from '../format.ts';
import { getDurations } from '../incidents.ts';
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

/** The stamps and local page times of a review's facts panel. */
export function getKeyFacts(
  data: Pick<IncidentData, 'started' | 'detected' | 'mitigated' | 'resolved' | 'participants'>,
  teams: Readonly<Record<string, TeamHours>>,
): KeyFacts {
  const durations = getDurations(data);
  return {
    stamps: [
      { label: 'Started', at: data.started, after: undefined, what: undefined },
      { label: 'Detected', at: data.detected, after: durations.toDetect, what: 'to detect' },
      { label: 'Mitigated', at: data.mitigated, after: durations.toMitigate, what: 'to mitigate' },
      { label: 'Resolved', at: data.resolved, after: durations.toResolve, what: 'to resolve' },
    ],
    paged: getPagedLocal(data, teams),
  };
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
