/**
 * The service dependency graph (`dependsOn`): whole or cut to a neighbourhood, services with
 * recent incidents, and the Mermaid flowchart source that draws it.
 */
import { calendarDaysAgo } from './format.ts';

const DAY = 86_400_000;

/** A service as the graph sees it. */
export interface GraphService {
  id: string;
  name: string;
  dependsOn: readonly string[];
}

/** Which services to draw and which `dependsOn` edges between them, `[from, to]` = from depends on to. */
export interface GraphSelection {
  nodes: string[];
  edges: [string, string][];
}

/** Recent incident activity of one service. */
export interface RecentActivity {
  count: number;
  /** Start of the newest incident. */
  last: Date;
}

/** Every `dependsOn` edge whose both ends are known services, sorted. */
function knownEdges(services: readonly GraphService[]): [string, string][] {
  const known = new Set(services.map((s) => s.id));
  return services
    .flatMap((s) => s.dependsOn.filter((to) => known.has(to) && to !== s.id).map((to): [string, string] => [s.id, to]))
    .sort(([a, b], [c, d]) => a.localeCompare(c) || b.localeCompare(d));
}

/** The whole catalog: every service and every edge. */
export function getWholeGraph(services: readonly GraphService[]): GraphSelection {
  return { nodes: services.map((s) => s.id).sort(), edges: knownEdges(services) };
}

/**
 * Services within `depth` hops of any focus service, following edges in both directions
 * (what they need and what needs them), with every edge among the chosen services.
 */
export function getNeighbourhood(services: readonly GraphService[], focus: readonly string[], depth = 1): GraphSelection {
  const edges = knownEdges(services);
  const known = new Set(services.map((s) => s.id));
  const chosen = new Set(focus.filter((id) => known.has(id)));
  let frontier = [...chosen];
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const [from, to] of edges) {
      for (const [here, there] of [
        [from, to],
        [to, from],
      ] as const) {
        if (frontier.includes(here) && !chosen.has(there)) {
          chosen.add(there);
          next.push(there);
        }
      }
    }
    frontier = next;
  }
  return { nodes: [...chosen].sort(), edges: edges.filter(([a, b]) => chosen.has(a) && chosen.has(b)) };
}

/** Services touched by incidents that started in the `days` days up to `now` (future starts ignored). */
export function getRecentActivity(
  incidents: readonly { data: { started: Date; services: readonly string[] } }[],
  now: Date,
  days = 90,
): Map<string, RecentActivity> {
  const since = now.getTime() - days * DAY;
  const activity = new Map<string, RecentActivity>();
  for (const { data } of incidents) {
    const t = data.started.getTime();
    if (t < since || t > now.getTime()) continue;
    for (const id of new Set(data.services)) {
      const seen = activity.get(id);
      if (!seen) activity.set(id, { count: 1, last: data.started });
      else activity.set(id, { count: seen.count + 1, last: t > seen.last.getTime() ? data.started : seen.last });
    }
  }
  return activity;
}

/** The Mermaid node id of a service: kebab-case ids become `svc_checkout_api` (no `-` to misparse). */
export function toNodeId(serviceId: string): string {
  return `svc_${serviceId.replace(/[^a-z0-9]/gi, '_')}`;
}

/**
 * Escapes text for a quoted Mermaid label. Characters either parser could read as syntax become
 * Mermaid entity codes (`#quot;`, `#91;`), which Mermaid decodes and the SVG cleaner turns into
 * character references; line breaks become spaces.
 */
export function escapeMermaidLabel(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/["#&<>[\](){}|`;]/g, (char) => `#${char.codePointAt(0)};`);
}

/** "today", "1 day ago", "12 days ago": calendar days in UTC, as the pattern counters count. */
function daysAgo(then: Date, now: Date): string {
  const days = calendarDaysAgo(then, now);
  return days <= 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
}

/** The text cue of recent activity (the colour cue is CSS): "⚠ incident 12 days ago". */
export function describeActivity(activity: RecentActivity, now: Date): string {
  const ago = daysAgo(activity.last, now);
  return activity.count === 1 ? `⚠ incident ${ago}` : `⚠ ${activity.count} incidents, last ${ago}`;
}

/** How to draw a selection. */
export interface FlowchartOptions {
  direction?: 'LR' | 'TD' | undefined;
  recent: ReadonlyMap<string, RecentActivity>;
  now: Date;
}

/** Mermaid flowchart source for a selection; an arrow points from a service to what it depends on. */
export function toMermaidFlowchart(services: readonly GraphService[], selection: GraphSelection, options: FlowchartOptions): string {
  const byId = new Map(services.map((s) => [s.id, s]));
  const lines = [`flowchart ${options.direction ?? 'LR'}`];
  for (const id of selection.nodes) {
    const activity = options.recent.get(id);
    const name = escapeMermaidLabel(byId.get(id)?.name ?? id);
    const label = activity ? `${name}<br/>${escapeMermaidLabel(describeActivity(activity, options.now))}` : name;
    lines.push(`  ${toNodeId(id)}["${label}"]`);
  }
  for (const [from, to] of selection.edges) lines.push(`  ${toNodeId(from)} --> ${toNodeId(to)}`);
  return lines.join('\n');
}
