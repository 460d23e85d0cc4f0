/**
 * The only module that queries content collections. It loads everything once per build,
 * fails the build on dangling references, and derives what the pages need.
 */
import { throwPendingContentProblems } from './integrations/content-problems.ts';
import { displayPath } from './lib/content-errors.ts';
import { getCollection, type CollectionEntry } from 'astro:content';
import { ContentError } from './lib/content-errors.ts';
import { resolve } from 'node:path';
import { toCalendarDate } from './lib/dates.ts';
import { getRelatedBothWays, getYear, groupByKeys, sortNewestFirst } from './lib/incidents.ts';
import { estimateReadingMinutes, getVisibleSteps } from './lib/learning-paths.ts';
import { splitNearMisses } from './lib/near-misses.ts';
import { toPublicIncident } from './lib/privacy.ts';
import { findDanglingReferences } from './lib/references.ts';
import { computeStats, type Stats } from './lib/stats/index.ts';
import { withMatchDates, type DatedCounter } from './lib/stats/patterns.ts';
import { suggestRelated, type Suggestion } from './lib/related.ts';
import { describeActivity, getNeighbourhood, getRecentActivity, type RecentActivity } from './lib/service-graph.ts';
import { cacheKeyOf, frontmatterOf } from './lib/cache-key.ts';
import { isReviewInBuild } from './lib/corpus.ts';
import {
  byServiceName,
  generatedGraphFocuses,
  getServiceGraphView,
  SERVICE_GRAPH_ORIGIN,
  toGraphServices,
  serviceGraphFileName,
  type ServiceGraphView,
} from './lib/view/service-graph.ts';
import { decorateSvgNodes, interactiveSvg, svgSize } from './lib/diagram.ts';
import { renderDiagram } from './integrations/diagrams/render.ts';
import { urls } from './urls.ts';

export { frontmatterOf };
import { siteConfig } from './site-config.ts';
import { getSettings } from './settings.ts';

export type Incident = CollectionEntry<'incidents'>;
export type Service = CollectionEntry<'services'>;
export type LearningPath = CollectionEntry<'paths'>;
export type Pattern = CollectionEntry<'patterns'>;
export type GlossaryTerm = CollectionEntry<'glossary'>;

export { siteConfig };

/** "Today" for overdue checks: the build date, or `HINDSIGHT_NOW` to pin it (tests). */
export const buildTime = getSettings().now ?? new Date();
export const today = toCalendarDate(buildTime);

/**
 * Who the build is for: `internal` (default) shows everything; `public`
 * (`HINDSIGHT_AUDIENCE=public`) builds only reviews marked `visibility: public`.
 */
export const audience: 'internal' | 'public' = getSettings().audience;

export interface Site {
  /** Every review in the build, newest first. */
  incidents: Incident[];
  incidentById: Map<string, Incident>;
  services: Service[];
  serviceById: Map<string, Service>;
  /** Each service's display name by id, in the order of `services`. */
  serviceNames: Map<string, string>;
  paths: LearningPath[];
  /** Paths with only the steps this build can show, their incidents resolved. */
  learningPaths: ResolvedPath[];
  /** Estimated minutes to read each review's narrative. */
  readingMinutes: Map<string, number>;
  patterns: Pattern[];
  glossary: GlossaryTerm[];
  /** Reviews of near misses (`kind: near-miss`), newest first; also in `incidents`. */
  nearMisses: Incident[];
  byTag: Map<string, Incident[]>;
  byService: Map<string, Incident[]>;
  bySeverity: Map<string, Incident[]>;
  byYear: Map<string, Incident[]>;
  /** Related incidents the authors linked, both directions. */
  related: Map<string, string[]>;
  /** Insights figures (patterns, durations, follow-through, engagement) as of `today`. */
  stats: Stats;
  /** The pattern counters (`stats.patterns`) with the start dates of their matches. */
  patternCounters: DatedCounter[];
  /** Services with incidents in the 90 days before the build (service graphs mark them). */
  recentActivity: Map<string, RecentActivity>;
  /** Computed suggestions (shared services, tags, factor categories, wording), explicit links excluded. */
  suggestions: Map<string, Suggestion[]>;
  /**
   * Everything every page may read besides the reviews: the catalog collections, the settings,
   * the audience and the build date. Part of every page's cache key (see `pageKey`).
   */
  catalogKey: string;
}

/** A learning path ready to render. */
export interface ResolvedPath {
  id: string;
  data: LearningPath['data'];
  steps: { incident: Incident; note: string; questions: string[] }[];
  minutes: number;
}

const fileOf = (entry: { id: string; filePath?: string | undefined }, fallback: string) =>
  entry.filePath ? displayPath(resolve(entry.filePath)) : fallback;

async function loadSite(): Promise<Site> {
  const [allIncidents, services, paths, patterns, glossary] = await Promise.all([
    getCollection('incidents'),
    getCollection('services'),
    getCollection('paths'),
    getCollection('patterns'),
    getCollection('glossary'),
  ]);

  const problems = findDanglingReferences({
    incidents: allIncidents.map((i) => ({ id: i.id, file: fileOf(i, `incidents/${i.id}`), data: i.data })),
    services: services.map((s) => ({ id: s.id, file: fileOf(s, `services/${s.id}.yaml`), data: s.data })),
    paths: paths.map((p) => ({ id: p.id, file: fileOf(p, `paths/${p.id}.yaml`), data: p.data })),
    patterns: patterns.map((p) => ({ id: p.id, file: 'patterns.yaml', data: p.data })),
  });
  if (problems.length > 0) throw new ContentError(problems);

  const built = allIncidents.filter((i) => isReviewInBuild(i.data, siteConfig.drafts, audience));
  // A public build reads only the public projection of each review, so no page or export can reach the rest.
  const publicContext = {
    publishedIds: new Set(built.map((i) => i.id)),
    teams: new Set(services.map((s) => s.data.team)),
  };
  const incidents = sortNewestFirst(
    audience === 'public' ? built.map((i) => ({ ...i, data: toPublicIncident(i.data, publicContext) })) : built,
  );
  const severityRank = (level: string) => siteConfig.severities.indexOf(level);
  const bySeverity = new Map(
    [...groupByKeys(incidents, (i) => (i.data.severity ? [i.data.severity] : []))].sort(
      ([a], [b]) => severityRank(a) - severityRank(b),
    ),
  );

  const incidentById = new Map(incidents.map((i) => [i.id, i]));
  const servicesByName = [...services].sort(byServiceName);
  const related = getRelatedBothWays(incidents);
  const readingMinutes = new Map(incidents.map((i) => [i.id, estimateReadingMinutes(i.body ?? '')]));
  const learningPaths = [...paths]
    .sort((a, b) => a.data.title.localeCompare(b.data.title))
    .map((p) => {
      const steps = getVisibleSteps(p.data.steps, new Set(incidentById.keys())).map((s) => ({
        ...s,
        incident: incidentById.get(s.incident)!,
      }));
      const minutes = steps.reduce((sum, s) => sum + (readingMinutes.get(s.incident.id) ?? 0), 0);
      return { id: p.id, data: p.data, steps, minutes };
    })
    .filter((p) => p.steps.length > 0);

  const stats = computeStats(incidents, patterns, {
    today,
    severities: siteConfig.severities,
    reviewDueBusinessDays: siteConfig.reviewDueBusinessDays,
    // Role aliases are per review, so a public build aggregates load by team, never by alias.
    showResponderNames: siteConfig.responderLoad === 'people' && audience === 'internal',
    teams: siteConfig.teams,
    // People by name only in an internal build: a public one shows teams.
    showShiftNames: siteConfig.responderLoad === 'people' && audience === 'internal',
  });

  return {
    catalogKey: cacheKeyOf(services, paths, patterns, glossary, siteConfig, audience, today),
    incidents,
    incidentById,
    learningPaths,
    readingMinutes,
    services: servicesByName,
    serviceById: new Map(services.map((s) => [s.id, s])),
    serviceNames: new Map(servicesByName.map((s) => [s.id, s.data.name])),
    paths: [...paths].sort((a, b) => a.data.title.localeCompare(b.data.title)),
    patterns,
    glossary: [...glossary].sort((a, b) => a.data.term.localeCompare(b.data.term)),
    nearMisses: splitNearMisses(incidents).nearMisses,
    byTag: groupByKeys(incidents, (i) => i.data.tags),
    byService: groupByKeys(incidents, (i) => i.data.services),
    bySeverity,
    byYear: new Map([...groupByKeys(incidents, (i) => [getYear(i.data)])].reverse()),
    related,
    recentActivity: getRecentActivity(incidents, buildTime),
    suggestions: new Map(
      [...suggestRelated(incidents.map(toRelatedInput), 5 + 5)].map(([id, list]) => [
        id,
        list.filter((sug) => !related.get(id)?.includes(sug.id)).slice(0, 5),
      ]),
    ),
    stats,
    patternCounters: withMatchDates(stats.patterns, stats.days),
  };
}

function toRelatedInput(i: Incident) {
  return {
    id: i.id,
    services: i.data.services,
    tags: i.data.tags,
    categories: i.data.contributingFactors.flatMap((f) => (f.category ? [f.category] : [])),
    text: `${i.data.title} ${i.data.summary} ${i.data.trigger ?? ''} ${i.body ?? ''}`,
  };
}

let site: Promise<Site> | undefined;

/** Everything the pages render, computed once per build. */
export function getSite(): Promise<Site> {
  // In `astro dev`, a saved file that no longer validates shows in the error overlay.
  throwPendingContentProblems();
  site ??= loadSite().then((loaded) => {
    // Not in dev, where the page asked for must not wait behind every other page's graph.
    if (import.meta.env.PROD) drawGraphsAhead(loaded);
    return loaded;
  });
  return site;
}

/**
 * The incremental-build `cacheKey` of one path: the catalog, settings and build date plus the
 * `parts` the page reads (content entries count by digest; pass `frontmatterOf(entry)` where a
 * page shows only frontmatter). Every `getStaticPaths` result carries one; a new page adds its own.
 */
export function pageKey(site: Site, ...parts: unknown[]): string {
  return cacheKeyOf(site.catalogKey, ...parts);
}

const graphServicesOf = (site: Site) => toGraphServices(site.services);

/** Each site's graphs by focus: a build asks for every one twice (drawGraphsAhead, then its page). */
const graphsBySite = new WeakMap<Site, Map<string, ServiceGraphView>>();

/** The service graph (ServiceGraph.astro) centred on `focus`, or of the whole catalog, as of the build. */
export function getServiceGraph(site: Site, focus?: readonly string[]): ServiceGraphView {
  let graphs = graphsBySite.get(site);
  if (!graphs) graphsBySite.set(site, (graphs = new Map<string, ServiceGraphView>()));
  const key = focus ? JSON.stringify(focus) : '';
  let graph = graphs.get(key);
  if (!graph) {
    graph = getServiceGraphView({
      services: graphServicesOf(site),
      recent: site.recentActivity,
      now: buildTime,
      links: urls,
      focus,
    });
    graphs.set(key, graph);
  }
  return graph;
}

/** Where a review's graph file (`graphs/[name].svg.ts`) is, and the size it is drawn at. */
export interface ServiceGraphFile {
  src: string;
  width: number;
  height: number;
}

/**
 * `graph` as drawn at build time (from the diagram cache when drawn before) and its size;
 * undefined when it could not be, and the browser draws it from its source (render.ts warns).
 */
async function drawGeneratedGraph(graph: ServiceGraphView) {
  const drawn = await renderDiagram(graph.source, { file: SERVICE_GRAPH_ORIGIN, generated: true });
  const size = drawn.svg === undefined ? undefined : svgSize(drawn.svg);
  return drawn.svg && size ? { svg: drawn.svg, type: drawn.type, size } : undefined;
}

/**
 * Where `graph`'s own file is and its size, for the placeholder a review page keeps for it;
 * undefined when it was not drawn at build time (the page then shows it inline, drawn by the browser).
 */
export async function getServiceGraphFile(graph: ServiceGraphView): Promise<ServiceGraphFile | undefined> {
  const drawn = await drawGeneratedGraph(graph);
  return drawn && { src: urls.serviceGraph(serviceGraphFileName(graph)), ...drawn.size };
}

/** The content of `graph`'s own file: the drawing with its links, as an SVG document. */
export async function drawServiceGraphFile(graph: ServiceGraphView): Promise<string | undefined> {
  const drawn = await drawGeneratedGraph(graph);
  // A file of its own is an SVG document, which names its namespace; inline, HTML implies it.
  return (
    drawn &&
    interactiveSvg(decorateSvgNodes(drawn.svg, graph.decorations), drawn.type).replace(
      /^<svg\b/,
      '<svg xmlns="http://www.w3.org/2000/svg"',
    )
  );
}

/**
 * Starts drawing every review's and service's graph, in the order their pages render, as soon as
 * the site is known: the layout worker then works through them while pages render, instead of
 * each page waiting in turn for its own. At 1,000 reviews with no graph cached, the review pages'
 * own time went from 11.3 to 5.0 s and the page phase from 15.7 to 13.7 s (medians of three).
 * The page that shows a graph reports any error in drawing it. A build has usually started them
 * earlier still, when content synced (src/integrations/diagrams-ahead.ts); then they are cached.
 */
function drawGraphsAhead(site: Site): void {
  for (const focus of generatedGraphFocuses(site.incidents, site.services)) {
    const graph = getServiceGraph(site, focus);
    if (graph.drawn) drawGeneratedGraph(graph).catch(() => {});
  }
}

/**
 * What a service graph centred on `focus` (none: the whole catalog) shows beyond the catalog:
 * the "⚠ incident … ago" notes of its services, which move with other reviews and the build time.
 */
export function serviceGraphKey(site: Site, focus?: readonly string[]): [string, string][] {
  const graph = graphServicesOf(site);
  const nodes = focus ? getNeighbourhood(graph, focus).nodes : graph.map((s) => s.id);
  return nodes.flatMap((id): [string, string][] => {
    const activity = site.recentActivity.get(id);
    return activity ? [[id, describeActivity(activity, buildTime)]] : [];
  });
}

/** The cache key of a review's page: the review, and what it shows of other reviews and the catalog. */
export function incidentPageKey(site: Site, incident: Incident): string {
  const id = incident.id;
  const paths = site.learningPaths
    .filter((p) => p.steps.some((s) => s.incident.id === id))
    .map((p) => [p.id, p.steps.map((s) => frontmatterOf(s.incident))]);
  return pageKey(
    site,
    incident,
    (site.related.get(id) ?? []).flatMap((other) => site.incidentById.get(other) ?? []).map(frontmatterOf),
    // The page shows a suggestion's reasons, not its score (which moves with every review's words).
    (site.suggestions.get(id) ?? []).map((s) => [s.reasons, frontmatterOf(site.incidentById.get(s.id)!)]),
    paths,
    site.stats.completeness.byIncident[id],
    serviceGraphKey(site, incident.data.services),
    // An unresolved incident's timeline ends "ongoing" at the build's minute.
    incident.data.resolved ? null : buildTime,
  );
}
