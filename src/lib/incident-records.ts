import { getDurations, type IncidentLike } from './incidents.ts';
import type { IncidentData } from '../schemas/incident.ts';

/** One incident as `/api/incidents.json` publishes it: frontmatter (timestamps as ISO strings) plus durations. */
export type IncidentRecord = { id: string; url: string } & Omit<
  IncidentData,
  'started' | 'detected' | 'mitigated' | 'resolved' | 'timeline'
> & {
    started: string;
    detected: string | undefined;
    mitigated: string | undefined;
    resolved: string | undefined;
    timeline: (Omit<IncidentData['timeline'][number], 'at'> & { at: string })[];
    /** Milliseconds from `started`; null when a stamp is missing. */
    durations: { toDetect: number | null; toMitigate: number | null; toResolve: number | null };
  };

/** The export record of one incident; `urlOf` gives its page's absolute or site-relative URL. */
export function toIncidentRecord(incident: IncidentLike, urlOf: (id: string) => string): IncidentRecord {
  const { data } = incident;
  const d = getDurations(data);
  return {
    id: incident.id,
    url: urlOf(incident.id),
    ...data,
    started: data.started.toISOString(),
    detected: data.detected?.toISOString(),
    mitigated: data.mitigated?.toISOString(),
    resolved: data.resolved?.toISOString(),
    timeline: [...data.timeline]
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((e) => ({ ...e, at: e.at.toISOString() })),
    durations: { toDetect: d.toDetect ?? null, toMitigate: d.toMitigate ?? null, toResolve: d.toResolve ?? null },
  };
}
