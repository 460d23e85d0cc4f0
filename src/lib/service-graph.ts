/**
 * The service dependency graph (`dependsOn`): whole or cut to a neighbourhood, services with
 * recent incidents, and the Mermaid flowchart source that draws it.
 */
import { calendarDaysAgo, DAY_MS } from './dates.ts';

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
  /** Services left out of a capped neighbourhood, drawn as one "+N more" node per side. */
  more?: HiddenNeighbours[];
}

/** The neighbours of the focus services on one side that a capped graph does not draw. */
export interface HiddenNeighbours {
  /** Mermaid node id of the "+N more" node: `more_dependents` or `more_dependencies`. */
  nodeId: string;
  side: 'dependents' | 'dependencies';
  /** The services left out, sorted. */
  ids: string[];
  /** Focus services the hidden ones are attached to (the "+N more" node's edges). */
  attachedTo: string[];
  /** "+7 more services depend on this service". */
  label: string;
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
export function getNeighbourhood(
  services: readonly GraphService[],
  focus: readonly string[],
  depth = 1,
): GraphSelection {
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

/**
 * The focus services with their direct dependencies and dependents, at most `perSide` of each
 * drawn: a neighbourhood of twenty services shrinks to unreadable text in a column. Dependencies
 * and dependents beyond the cap become a "+N more" node; services with recent incidents are
 * kept first, then those attached to more focus services, then by name.
 */
export function getCappedNeighbourhood(
  services: readonly GraphService[],
  focus: readonly string[],
  options: { perSide: number; recent?: ReadonlyMap<string, RecentActivity> },
): GraphSelection {
  const full = getNeighbourhood(services, focus, 1);
  const centre = new Set(focus.filter((id) => full.nodes.includes(id)));
  const attached = (id: string, side: HiddenNeighbours['side']) =>
    full.edges
      .filter(([from, to]) => (side === 'dependencies' ? to === id && centre.has(from) : from === id && centre.has(to)))
      .map(([from, to]) => (side === 'dependencies' ? from : to));
  const sides = { dependencies: [] as string[], dependents: [] as string[] };
  for (const id of full.nodes) {
    if (centre.has(id)) continue;
    // A service both depended on and depending (a cycle through the focus) counts as a dependency.
    sides[attached(id, 'dependencies').length > 0 ? 'dependencies' : 'dependents'].push(id);
  }
  const keep = new Set(centre);
  const more: HiddenNeighbours[] = [];
  for (const side of ['dependencies', 'dependents'] as const) {
    const ranked = [...sides[side]].sort(
      (a, b) =>
        Number(options.recent?.has(b) ?? false) - Number(options.recent?.has(a) ?? false) ||
        attached(b, side).length - attached(a, side).length ||
        a.localeCompare(b),
    );
    // One "+N more" node takes a place of its own, so a side one over the cap is drawn whole.
    const shown = ranked.length > options.perSide ? ranked.slice(0, options.perSide - 1) : ranked;
    for (const id of shown) keep.add(id);
    const hidden = ranked.filter((id) => !keep.has(id)).sort();
    if (hidden.length > 0) {
      more.push({
        nodeId: `more_${side}`,
        side,
        ids: hidden,
        attachedTo: [...new Set(hidden.flatMap((id) => attached(id, side)))].sort(),
        label: describeHidden(side, hidden.length, centre.size),
      });
    }
  }
  const selection: GraphSelection = {
    nodes: full.nodes.filter((id) => keep.has(id)),
    edges: full.edges.filter(([a, b]) => keep.has(a) && keep.has(b)),
  };
  return more.length > 0 ? { ...selection, more } : selection;
}

/** The label of a "+N more" node: "+7 more services depend on it", "+3 more it depends on". */
function describeHidden(side: HiddenNeighbours['side'], n: number, focusCount: number): string {
  const it = focusCount === 1 ? 'it' : 'these';
  return side === 'dependents'
    ? `+${n} more ${n === 1 ? 'service depends' : 'services depend'} on ${it}`
    : `+${n} more ${it} ${focusCount === 1 ? 'depends' : 'depend'} on`;
}

/** Services touched by incidents that started in the `days` days up to `now` (future starts ignored). */
export function getRecentActivity(
  incidents: readonly { data: { started: Date; services: readonly string[] } }[],
  now: Date,
  days = 90,
): Map<string, RecentActivity> {
  const since = now.getTime() - days * DAY_MS;
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
export function toMermaidFlowchart(
  services: readonly GraphService[],
  selection: GraphSelection,
  options: FlowchartOptions,
): string {
  const byId = new Map(services.map((s) => [s.id, s]));
  const lines = [`flowchart ${options.direction ?? 'LR'}`];
  for (const id of selection.nodes) {
    const activity = options.recent.get(id);
    const name = escapeMermaidLabel(byId.get(id)?.name ?? id);
    const label = activity ? `${name}<br/>${escapeMermaidLabel(describeActivity(activity, options.now))}` : name;
    lines.push(`  ${toNodeId(id)}["${label}"]`);
  }
  for (const hidden of selection.more ?? []) lines.push(`  ${hidden.nodeId}["${escapeMermaidLabel(hidden.label)}"]`);
  for (const [from, to] of selection.edges) lines.push(`  ${toNodeId(from)} --> ${toNodeId(to)}`);
  for (const hidden of selection.more ?? []) {
    for (const id of hidden.attachedTo)
      lines.push(
        hidden.side === 'dependents'
          ? `  ${hidden.nodeId} --> ${toNodeId(id)}`
          : `  ${toNodeId(id)} --> ${hidden.nodeId}`,
      );
  }
  return lines.join('\n');
}
