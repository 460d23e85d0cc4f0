/**
 * Starts a build's diagrams before the pages ask for them, so the layout worker draws while the
 * main thread is busy with other work instead of idling until a page waits:
 * - the ```mermaid fences of every review, as soon as the build (or dev server) starts: Astro then
 *   still loads and syncs content, and the reviews rendered at sync waited for their diagrams;
 * - the generated service graphs, once content has synced, while Vite bundles the site (the first
 *   page waited for every graph: the graph route lists only the ones that could be drawn).
 * The pages draw the same sources and find them in the diagram cache, drawn or in flight
 * (render.ts `drawAhead`). Only a head start: a source read differently here is drawn again there.
 */
import type { AstroIntegration } from 'astro';
import type { SiteConfig } from '../schemas/site-config.ts';
import { displayPath } from '../lib/content-errors.ts';
import { readContent, type ContentSnapshot } from '../lib/content-files.ts';
import { isReviewInBuild } from '../lib/corpus.ts';
import { findMermaidFences } from '../lib/diagram.ts';
import { sortNewestFirst, type IncidentLike } from '../lib/incidents.ts';
import { splitFrontmatter } from '../lib/raw-frontmatter.ts';
import { getRecentActivity } from '../lib/service-graph.ts';
import {
  byServiceName,
  generatedGraphFocuses,
  getServiceGraphView,
  SERVICE_GRAPH_ORIGIN,
  toGraphServices,
} from '../lib/view/service-graph.ts';
import { urls } from '../urls.ts';
import { drawAhead } from './diagrams/render.ts';

type SyncedService = { id: string; data: { name: string; dependsOn: readonly string[] } };
interface Synced {
  building: boolean;
  incidents?: IncidentLike[] | undefined;
  services?: SyncedService[] | undefined;
}

// The content loaders (content.config.ts) and this integration (astro.config.mjs) are separate
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

/** Starts every ```mermaid fence of the reviews under `contentRoot`. */
function drawFencesAhead(contentRoot: string): void {
  let reviews: ContentSnapshot['incidents'];
  try {
    reviews = readContent(contentRoot).incidents;
  } catch {
    return; // The content loaders report what cannot be read, with the file named.
  }
  for (const { path, text } of reviews) {
    for (const source of findMermaidFences(splitFrontmatter(text).body)) drawAhead(source, { file: displayPath(path) });
  }
}

/** Starts every generated service graph of the build, with the inputs the pages use (src/content.ts). */
function drawGraphsAhead(options: DiagramsAheadOptions, incidents: IncidentLike[], services: SyncedService[]): void {
  // In the order the pages draw them (src/content.ts drawGraphsAhead).
  const built = sortNewestFirst(incidents.filter((i) => isReviewInBuild(i.data, options.drafts, options.audience)));
  const now = options.now ?? new Date();
  const graphServices = toGraphServices([...services].sort(byServiceName));
  const recent = getRecentActivity(built, now);
  for (const focus of generatedGraphFocuses(built, services)) {
    const graph = getServiceGraphView({ services: graphServices, recent, now, links: urls, focus });
    if (graph.drawn) drawAhead(graph.source, { file: SERVICE_GRAPH_ORIGIN, generated: true });
  }
}

/** The settings the pages read the corpus with (src/content.ts). */
export interface DiagramsAheadOptions {
  contentRoot: string;
  drafts: SiteConfig['drafts'];
  audience: 'internal' | 'public';
  now: Date | undefined;
}

/** The integration: fences are drawn ahead in `astro build` and `astro dev`, graphs in `astro build`. */
export function diagramsAhead(options: DiagramsAheadOptions): AstroIntegration {
  return {
    name: 'hindsight-diagrams-ahead',
    hooks: {
      // The diagram plugin has configured the layout workers by now (astro.config.mjs).
      'astro:config:setup': ({ command }) => {
        synced.building = command === 'build';
        // `astro dev` renders plain-Markdown reviews as it syncs content too, waiting for their diagrams.
        if (command === 'build' || command === 'dev') drawFencesAhead(options.contentRoot);
      },
      // After the content sync, before Vite bundles.
      'astro:build:start': () => {
        const { incidents, services } = synced;
        synced.incidents = synced.services = undefined;
        if (incidents && services) drawGraphsAhead(options, incidents, services);
      },
    },
  };
}
