/**
 * What a service graph shows (ServiceGraph.astro renders it): the flowchart source, each node's
 * link, accessible name and outline classes, and which legend lines apply.
 */
import { cacheKeyOf } from '../cache-key.ts';
import type { NodeDecoration } from '../diagram.ts';
import {
  describeActivity,
  getCappedNeighbourhood,
  getWholeGraph,
  toMermaidFlowchart,
  toNodeId,
  type GraphService,
  type RecentActivity,
} from '../service-graph.ts';

/** Where a generated graph came from, as diagram messages name it. */
export const SERVICE_GRAPH_ORIGIN = '(generated service graph)';

/** Dependencies (and dependents) drawn per graph: five nodes a row keep labels at reading size in the column. */
const PER_SIDE = 5;

/** Where graph nodes link to (the site's `urls`, passed in so this stays free of the base path). */
export interface ServiceGraphLinks {
  service: (id: string) => string;
  services: () => string;
}

/** What a graph is drawn from and centred on. */
export interface ServiceGraphInput {
  /** The whole catalog. */
  services: readonly GraphService[];
  /** Services with incidents in the last 90 days. */
  recent: ReadonlyMap<string, RecentActivity>;
  now: Date;
  links: ServiceGraphLinks;
  /** Services to centre on; omitted = the whole catalog. */
  focus?: readonly string[] | undefined;
  direction?: 'LR' | 'TD' | undefined;
  /** Where a "+N more" node of a capped neighbourhood leads; the focus service's page by default. */
  moreHref?: string | undefined;
}

/** A service graph ready to render. */
export interface ServiceGraphView {
  /** False when there is nothing worth drawing (one service or none). */
  drawn: boolean;
  source: string;
  decorations: Map<string, NodeDecoration>;
  /** How many focus services have a bold outline (the legend names them when any). */
  currentCount: number;
  /** Whether any drawn service had a recent incident (the legend explains the dashed outline). */
  hasRecent: boolean;
}

/** A catalog entry as graphs read it. */
interface CatalogService {
  id: string;
  data: { name: string; dependsOn: readonly string[] };
}

/** The order a site lists its services in, and graphs draw them in: by name. */
export const byServiceName = (a: CatalogService, b: CatalogService) => a.data.name.localeCompare(b.data.name);

/** The catalog as a graph reads it, in the order given (`byServiceName` on a site). */
export const toGraphServices = (services: readonly CatalogService[]): GraphService[] =>
  services.map((s) => ({ id: s.id, name: s.data.name, dependsOn: s.data.dependsOn }));

/**
 * The focus of every generated graph a build draws, in the order their pages render: each
 * review's services, each service, then the whole catalog (undefined).
 */
export function generatedGraphFocuses(
  incidents: readonly { data: { services: readonly string[] } }[],
  services: readonly { id: string }[],
): (readonly string[] | undefined)[] {
  return [...incidents.map((i) => i.data.services), ...services.map((s) => [s.id]), undefined];
}

/** The graph of the whole catalog, or of the neighbourhood of `focus` capped at `PER_SIDE` a side. */
export function getServiceGraphView(input: ServiceGraphInput): ServiceGraphView {
  const { services, recent, now, links, focus } = input;
  const selection = focus
    ? getCappedNeighbourhood(services, focus, { perSide: PER_SIDE, recent })
    : getWholeGraph(services);
  const names = new Map(services.map((s) => [s.id, s.name]));
  const moreLink = input.moreHref ?? (focus?.length === 1 ? links.service(focus[0]!) : links.services());
  // Neighbourhoods read top-down (dependents, the service, its dependencies) and fit the column;
  // the whole catalog is wider than deep, so it runs left to right.
  const source = toMermaidFlowchart(services, selection, {
    recent,
    now,
    direction: input.direction ?? (focus ? 'TD' : 'LR'),
  });
  const current = new Set(focus ?? []);
  const decorations = new Map(
    selection.nodes.map((id): [string, NodeDecoration] => {
      const activity = recent.get(id);
      return [
        toNodeId(id),
        {
          href: links.service(id),
          // The name starts with the node's visible text (WCAG 2.5.3, label in name).
          label: `${names.get(id) ?? id}${activity ? `, ${describeActivity(activity, now)}` : ''}: service page`,
          classes: [current.has(id) ? 'is-current' : '', activity ? 'is-recent' : ''].filter(Boolean),
        },
      ];
    }),
  );
  for (const hidden of selection.more ?? []) {
    decorations.set(hidden.nodeId, {
      href: moreLink,
      label: `${hidden.label}: ${focus?.length === 1 ? 'the full list on the service page' : 'the whole graph'}`,
      classes: ['is-more'],
    });
  }
  return {
    drawn: selection.nodes.length > 1,
    source,
    decorations,
    currentCount: current.size,
    hasRecent: selection.nodes.some((id) => recent.has(id)),
  };
}

/**
 * The name of a graph's own file (`graphs/<name>.svg`), from what it draws: reviews of the same
 * services show the same graph, so they share one file a browser fetches once and caches.
 */
export function serviceGraphFileName(graph: ServiceGraphView): string {
  return cacheKeyOf(graph.source, [...graph.decorations]).slice(0, 16);
}
