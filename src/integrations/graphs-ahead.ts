/**
 * Starts drawing a build's generated service graphs as soon as content has synced, in the layout
 * worker, while Vite bundles the site: the worker had nothing to do then, and the first page
 * waited for every graph (the graph route lists only the ones that could be drawn). The pages
 * draw the same sources and find them in the diagram cache, drawn or in flight (render.ts).
 * Only a head start: a graph drawn here from other inputs than the pages' is a cache miss there.
 */
import type { AstroIntegration } from 'astro';
import type { SiteConfig } from '../schemas/site-config.ts';
import { isReviewInBuild } from '../lib/corpus.ts';
import { sortNewestFirst, type IncidentLike } from '../lib/incidents.ts';
import { getRecentActivity } from '../lib/service-graph.ts';
import {
  byServiceName,
  generatedGraphFocuses,
  getServiceGraphView,
  SERVICE_GRAPH_ORIGIN,
  toGraphServices,
} from '../lib/view/service-graph.ts';
import { urls } from '../urls.ts';
import { renderDiagram } from './diagrams/render.ts';

type SyncedService = { id: string; data: { name: string; dependsOn: readonly string[] } };
interface Synced {
  building: boolean;
  incidents?: IncidentLike[] | undefined;
  services?: SyncedService[] | undefined;
}

// The content loaders (content.config.ts) and this integration (astro.config.ts) are separate
// module instances in one process: they meet through a global keyed by a registered symbol.
const SYNCED_KEY = Symbol.for('hindsight.synced-entries');
const globals = globalThis as Record<symbol, Synced | undefined>;
const synced: Synced = (globals[SYNCED_KEY] ??= { building: false });

/** Keeps a collection's entries as synced, for the graphs drawn ahead; in `astro build` only. */
export function keepSyncedEntries(collection: string, entries: Iterable<{ id: string; data: unknown }>): void {
  if (!synced.building) return;
  if (collection === 'incidents') synced.incidents = [...entries] as IncidentLike[];
  if (collection === 'services') synced.services = [...entries] as SyncedService[];
}

/** The integration: `drafts`, `audience` and `now` as the pages read them (src/content.ts). */
export function graphsAhead(options: {
  drafts: SiteConfig['drafts'];
  audience: 'internal' | 'public';
  now: Date | undefined;
}): AstroIntegration {
  return {
    name: 'hindsight-graphs-ahead',
    hooks: {
      'astro:config:setup': ({ command }) => {
        synced.building = command === 'build';
      },
      // Runs after the content sync and before Vite bundles.
      'astro:build:start': () => {
        const { incidents, services } = synced;
        synced.incidents = synced.services = undefined;
        if (!incidents || !services) return;
        // In the order the pages draw them (src/content.ts drawGraphsAhead).
        const built = sortNewestFirst(
          incidents.filter((i) => isReviewInBuild(i.data, options.drafts, options.audience)),
        );
        const now = options.now ?? new Date();
        const graphServices = toGraphServices([...services].sort(byServiceName));
        const recent = getRecentActivity(built, now);
        for (const focus of generatedGraphFocuses(built, services)) {
          const graph = getServiceGraphView({ services: graphServices, recent, now, links: urls, focus });
          // The page that shows a graph reports any error in drawing it.
          if (graph.drawn) renderDiagram(graph.source, { file: SERVICE_GRAPH_ORIGIN, generated: true }).catch(() => {});
        }
      },
    },
  };
}
