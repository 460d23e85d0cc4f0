import type { ActionItem, IncidentData } from '../schemas/incident.ts';

/** An incident as the pure functions see it: an id and its validated frontmatter. */
export interface IncidentLike {
  id: string;
  data: IncidentData;
}

/** Time to detect, mitigate and resolve (ms from `started`); undefined when a stamp is missing. */
export interface Durations {
  toDetect: number | undefined;
  toMitigate: number | undefined;
  toResolve: number | undefined;
}

/** The lifecycle durations of one incident. */
export function getDurations(data: Pick<IncidentData, 'started' | 'detected' | 'mitigated' | 'resolved'>): Durations {
  const since = (stamp: Date | undefined) => (stamp ? stamp.getTime() - data.started.getTime() : undefined);
  return { toDetect: since(data.detected), toMitigate: since(data.mitigated), toResolve: since(data.resolved) };
}

/** An incident without `resolved` is still going on. */
export function isOngoing(data: Pick<IncidentData, 'resolved'>): boolean {
  return data.resolved === undefined;
}

/** Newest first by `started`; ties broken by id so the order is stable. */
export function sortNewestFirst<T extends IncidentLike>(incidents: readonly T[]): T[] {
  return [...incidents].sort((a, b) => b.data.started.getTime() - a.data.started.getTime() || a.id.localeCompare(b.id));
}

/** Groups items under every key `keysOf` returns; keys sorted, items keep their order. */
export function groupByKeys<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

/** The UTC year an incident started in, e.g. `"2024"`. */
export function getYear(data: Pick<IncidentData, 'started'>): string {
  return String(data.started.getUTCFullYear());
}

/** Open or in-progress with `due` before `today` (`YYYY-MM-DD`); due today is not overdue. */
export function isOverdue(item: Pick<ActionItem, 'status' | 'due'>, today: string): boolean {
  return (item.status === 'open' || item.status === 'in-progress') && item.due !== undefined && item.due < today;
}

/** Related ids both ways: A lists B ⇒ B shows A. Ids outside `incidents` are dropped. */
export function getRelatedBothWays(incidents: readonly IncidentLike[]): Map<string, string[]> {
  const known = new Set(incidents.map((i) => i.id));
  const related = new Map(incidents.map((i) => [i.id, new Set<string>()]));
  for (const incident of incidents) {
    for (const other of incident.data.related) {
      if (!known.has(other) || other === incident.id) continue;
      related.get(incident.id)!.add(other);
      related.get(other)!.add(incident.id);
    }
  }
  return new Map([...related].map(([id, ids]) => [id, [...ids].sort()]));
}

/** Services that depend on `id` directly. */
export function getDependents(
  id: string,
  services: readonly { id: string; data: { dependsOn: string[] } }[],
): string[] {
  return services
    .filter((s) => s.data.dependsOn.includes(id))
    .map((s) => s.id)
    .sort();
}
