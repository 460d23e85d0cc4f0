import type { IncidentLike } from './incidents.ts';

/** The reviews with the most readers (from `review.readers`), most first; unread ones left out. */
export function getMostRead<T extends IncidentLike>(incidents: readonly T[], limit = 3): T[] {
  return incidents
    .filter((i) => (i.data.review?.readers ?? 0) > 0)
    .sort((a, b) => b.data.review!.readers! - a.data.review!.readers! || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** The reviews most linked from others (related links, both directions), most first. */
export function getMostLinked<T extends IncidentLike>(
  incidents: readonly T[],
  related: ReadonlyMap<string, readonly string[]>,
  limit = 3,
): { incident: T; links: number }[] {
  return incidents
    .map((incident) => ({ incident, links: related.get(incident.id)?.length ?? 0 }))
    .filter((x) => x.links > 0)
    .sort((a, b) => b.links - a.links || a.incident.id.localeCompare(b.incident.id))
    .slice(0, limit);
}
