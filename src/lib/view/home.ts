/**
 * The home page (index.astro renders it): what is ongoing, the busiest tags and services, the
 * years covered and the start-here picks.
 */
import { isOngoing, type IncidentLike } from '../incidents.ts';
import { getMostLinked, getMostRead } from '../start-here.ts';

/** Tags shown in the "By tag" panel, and services in the "By service" panel. */
const TOP_TAGS = 12;
const TOP_SERVICES = 8;
/** Services in the start-here "busiest" list, and reviews under "Newest reviews". */
const BUSIEST_SERVICES = 4;
const NEWEST = 6;

/** A key and how many reviews carry it. */
export interface KeyCount {
  key: string;
  count: number;
}

/** The home page as it renders. */
export interface HomeView<I, S> {
  /** Unresolved incidents, newest first. */
  ongoing: I[];
  /** Configured severities (worst first) with their review counts, none left out. */
  severities: KeyCount[];
  /** Services with the most reviews, most first (ties by id), with their names. */
  topServices: (KeyCount & { name: string })[];
  /** Tags with the most reviews, most first (ties alphabetical). */
  topTags: KeyCount[];
  /** The first and the last year with a review; undefined without reviews. */
  years: { first: string; last: string } | undefined;
  /** The busiest services of the catalog for the start-here panel. */
  busiestServices: { service: S; count: number }[];
  mostRead: I[];
  mostLinked: { incident: I; links: number }[];
  newest: I[];
}

/** What the home page is computed from: the build's reviews (newest first) and their groupings. */
export interface HomeInput<I, S> {
  incidents: readonly I[];
  byTag: ReadonlyMap<string, readonly I[]>;
  byService: ReadonlyMap<string, readonly I[]>;
  bySeverity: ReadonlyMap<string, readonly I[]>;
  /** Newest year first. */
  byYear: ReadonlyMap<string, readonly I[]>;
  serviceById: ReadonlyMap<string, S>;
  serviceNames: ReadonlyMap<string, string>;
  related: ReadonlyMap<string, readonly string[]>;
  /** Configured severity levels, worst first. */
  severities: readonly string[];
}

/** Groups by review count, most first, ties by key. */
function busiest(groups: ReadonlyMap<string, readonly unknown[]>, limit: number): KeyCount[] {
  return [...groups]
    .map(([key, list]) => ({ key, count: list.length }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** Everything the home page shows. */
export function getHomeView<I extends IncidentLike, S>(input: HomeInput<I, S>): HomeView<I, S> {
  const { incidents } = input;
  const topServices = busiest(input.byService, TOP_SERVICES);
  const years = [...input.byYear.keys()];
  return {
    ongoing: incidents.filter((i) => isOngoing(i.data)),
    severities: input.severities.map((key) => ({ key, count: input.bySeverity.get(key)?.length ?? 0 })),
    topServices: topServices.map((s) => ({ ...s, name: input.serviceNames.get(s.key) ?? s.key })),
    topTags: busiest(input.byTag, TOP_TAGS),
    years: years.length > 0 ? { first: years.at(-1)!, last: years[0]! } : undefined,
    busiestServices: topServices.slice(0, BUSIEST_SERVICES).flatMap(({ key, count }) => {
      const service = input.serviceById.get(key);
      return service ? [{ service, count }] : [];
    }),
    mostRead: getMostRead(incidents),
    mostLinked: getMostLinked(incidents, input.related),
    newest: incidents.slice(0, NEWEST),
  };
}
