/**
 * Draws the flowcharts Hindsight generates itself (service graphs) without ELK: dagre's layered
 * layout, edges routed as right-angled polylines between the layers, and SVG in the markup
 * beautiful-mermaid writes, so cleanSvg, decorateSvgNodes and diagrams.css treat both alike.
 * About half ELK's time a graph (~2 ms a neighbourhood). Authors' diagrams stay with ELK.
 */
import dagre from '@dagrejs/dagre';

/** A flowchart in the subset toMermaidFlowchart writes: `id["label"]` nodes and `a --> b` edges. */
export interface LayeredFlowchart {
  direction: 'TD' | 'LR';
  nodes: { id: string; lines: string[] }[];
  /** `[from, to]`: the arrow points at `to`. */
  edges: [string, string][];
}

/** A point in SVG user units. */
export interface Point {
  x: number;
  y: number;
}

/** A node placed on the canvas: `x`, `y` is its top-left corner. */
export interface PlacedNode {
  id: string;
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A flowchart with every node placed and every edge routed, in a `width` × `height` canvas. */
export interface FlowchartLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: { from: string; to: string; points: Point[] }[];
}

/** Colours of the drawing, CSS values (`var(--surface)`). */
export interface FlowchartColors {
  bg: string;
  fg: string;
}

// beautiful-mermaid's metrics, so a generated graph keeps the size and spacing it had under ELK.
/** Label size, px: the text widths are estimated for it, and diagrams.css sets it on `svg.layered text`. */
export const FONT_SIZE = 13;
const LINE_HEIGHT = FONT_SIZE * 1.3;
const PAD_X = 20;
const PAD_Y = 10;
const MIN_WIDTH = 60;
const MIN_HEIGHT = 36;
const NODE_GAP = 28;
const LAYER_GAP = 48;
/** Room between parallel horizontal edge segments in one gap between layers. */
const TRACK_GAP = 12;
/** Room between the ends of edges that share a side of a node. */
const PORT_GAP = 12;
const CANVAS_PADDING = 16;

const NODE = /^\s*([A-Za-z_]\w*)\["([^"]*)"\]\s*$/;
const EDGE = /^\s*([A-Za-z_]\w*)\s+-->\s+([A-Za-z_]\w*)\s*$/;
const NAMED_CODES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0' };

/**
 * Reads a generated flowchart; undefined when the source uses anything outside the subset
 * (the caller then hands it to beautiful-mermaid, which reads all of Mermaid).
 */
export function parseLayeredFlowchart(source: string): LayeredFlowchart | undefined {
  const [header, ...rest] = source.trim().split('\n');
  const direction = /^flowchart\s+(TD|TB|LR)\s*$/.exec(header ?? '')?.[1];
  if (!direction) return undefined;
  const chart: LayeredFlowchart = { direction: direction === 'LR' ? 'LR' : 'TD', nodes: [], edges: [] };
  const ids = new Set<string>();
  for (const line of rest) {
    const node = NODE.exec(line);
    const edge = node ? null : EDGE.exec(line);
    if (node && !ids.has(node[1]!)) {
      ids.add(node[1]!);
      chart.nodes.push({ id: node[1]!, lines: node[2]!.split(/<br\s*\/?>/).map(decodeMermaidCodes) });
    } else if (edge && ids.has(edge[1]!) && ids.has(edge[2]!) && edge[1] !== edge[2]) {
      chart.edges.push([edge[1]!, edge[2]!]);
    } else if (line.trim() !== '') {
      return undefined;
    }
  }
  return chart;
}

/** Mermaid's entity codes (`#34;`, `#quot;`), as escapeMermaidLabel writes them, back to characters. */
function decodeMermaidCodes(text: string): string {
  return text.replace(/#(\d+|[a-z]+);/g, (code, name: string) =>
    /^\d+$/.test(name) ? String.fromCodePoint(Number(name)) : (NAMED_CODES[name] ?? code),
  );
}

/** beautiful-mermaid's estimate of a line's width at 13 px, weight 500 (no DOM to measure with). */
export function estimateTextWidth(text: string): number {
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (/\p{M}/u.test(char)) continue;
    if (/\p{Emoji_Presentation}|\p{Extended_Pictographic}/u.test(char) || (code >= 0x1100 && isWide(code))) units += 2;
    else if (char === ' ') units += 0.3;
    else if (char === 'W' || char === 'M') units += 1.5;
    else if ('wm@%'.includes(char)) units += 1.2;
    else if ("iltfjI1!|.,:;'".includes(char)) units += 0.4;
    else if ('()[]{}/\\-"`'.includes(char)) units += 0.5;
    else if (char === 'r') units += 0.8;
    else if (char >= 'A' && char <= 'Z') units += 1.2;
    else units += 1;
  }
  return units * FONT_SIZE * 0.57 + FONT_SIZE * 0.15;
}

/** CJK, Hangul and full-width forms: two units, as beautiful-mermaid counts them. */
function isWide(code: number): boolean {
  return (
    code <= 0x115f ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/** A node's box: the widest line plus padding, one line height a line. */
function measureNode(lines: readonly string[]): { width: number; height: number } {
  const text = Math.max(...lines.map(estimateTextWidth));
  return {
    width: Math.max(MIN_WIDTH, text + 2 * PAD_X),
    height: Math.max(MIN_HEIGHT, lines.length * LINE_HEIGHT + 2 * PAD_Y),
  };
}

/** A horizontal edge segment in the gap below layer `gap`, before it has a track (a y). */
interface Run {
  edge: number;
  gap: number;
  /** Where it comes down (x) and where it leaves downwards. */
  from: number;
  to: number;
  /** Runs of one edge's first gap share `from` with the node's other edges out; of its last, `to` with those in. */
  fromKey: string;
  toKey: string;
  track?: number;
}

/**
 * Places the nodes with dagre and routes every edge at right angles: out of the side of its node
 * that faces the target, along a horizontal track in the gap between two layers, down the lane
 * dagre kept free through each layer it crosses, and into the target's facing side. Everything is
 * computed top-down and turned a quarter for LR, as dagre itself does.
 */
export function layoutLayeredFlowchart(chart: LayeredFlowchart): FlowchartLayout {
  const lr = chart.direction === 'LR';
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: NODE_GAP, ranksep: LAYER_GAP, edgesep: PORT_GAP });
  graph.setDefaultEdgeLabel(() => ({}));
  const size = new Map(chart.nodes.map((node) => [node.id, measureNode(node.lines)]));
  for (const node of chart.nodes) {
    const { width, height } = size.get(node.id)!;
    graph.setNode(node.id, lr ? { width: height, height: width } : { width, height });
  }
  const edges = unique(chart.edges);
  for (const [from, to] of edges) graph.setEdge(from, to);
  dagre.layout(graph);

  // Top-down boxes (w, h along the layer and across it) and the layers, by centre y.
  const box = new Map(
    chart.nodes.map((node) => {
      const { x, y, width, height } = graph.node(node.id) as { x: number; y: number; width: number; height: number };
      return [node.id, { x, y, w: width, h: height }];
    }),
  );
  const layerYs = [...new Set([...box.values()].map((b) => round(b.y)))].sort((a, b) => a - b);
  const layerOf = new Map([...box].map(([id, b]) => [id, layerYs.indexOf(round(b.y))]));
  const inLayer = (y: number) => [...box.values()].filter((b) => round(b.y) === y);
  const top = layerYs.map((y) => Math.min(...inLayer(y).map((b) => b.y - b.h / 2)));
  const bottom = layerYs.map((y) => Math.max(...inLayer(y).map((b) => b.y + b.h / 2)));

  // Each edge: the x where it crosses every layer strictly between its ends (dagre's dummy nodes).
  const routes = edges.map(([from, to]) => {
    const a = layerOf.get(from)!;
    const b = layerOf.get(to)!;
    const step = b > a ? 1 : -1;
    const points = (graph.edge(from, to) as { points: Point[] }).points;
    const lanes: number[] = [];
    for (let layer = a + step; layer !== b; layer += step) lanes.push(xAt(points, layerYs[layer]!));
    return { from, to, a, b, step, lanes, start: 0, end: 0 };
  });

  // Ports: every edge leaving a node leaves from the middle of the side facing its target, and every
  // edge entering one meets in the middle of the side facing its source, so fan-outs and fan-ins
  // read as one branching line with one arrowhead, as ELK drew them. A side with both (a cycle's
  // way back) splits them by direction, downward edges left of upward ones at both of their ends,
  // so the two edges of a two-service cycle run side by side instead of on top of each other.
  const sides = new Map<string, Set<'start' | 'end'>>();
  const sideOf = (id: string, down: boolean) => `${id} ${down ? 'bottom' : 'top'}`;
  for (const route of routes) {
    for (const [key, end] of [
      [sideOf(route.from, route.step > 0), 'start'],
      [sideOf(route.to, route.step < 0), 'end'],
    ] as const)
      sides.set(key, (sides.get(key) ?? new Set()).add(end));
  }
  for (const route of routes) {
    const port = (id: string, key: string) =>
      box.get(id)!.x + (sides.get(key)!.size === 1 ? 0 : (route.step * -PORT_GAP) / 2);
    route.start = port(route.from, sideOf(route.from, route.step > 0));
    route.end = port(route.to, sideOf(route.to, route.step < 0));
  }

  // The horizontal runs in each gap, given tracks so that no run's vertical ends cut another run.
  const runs: Run[] = [];
  routes.forEach((route, edge) => {
    // A jog of under half a pixel is drawn straight (the end stays on its node's side).
    const xs = [route.start, ...route.lanes, route.end];
    for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i]! - xs[i - 1]!) < 0.5) xs[i] = xs[i - 1]!;
    route.lanes = xs.slice(1, -1);
    route.end = xs.at(-1)!;
    for (let i = 0; i + 1 < xs.length; i++) {
      const gap = route.step > 0 ? route.a + i : route.a - i - 1;
      const fromKey = i === 0 ? `out ${route.from}` : `${edge} ${i}`;
      const toKey = i === xs.length - 2 ? `in ${route.to}` : `${edge} ${i}`;
      if (xs[i] !== xs[i + 1]) runs.push({ edge, gap, from: xs[i]!, to: xs[i + 1]!, fromKey, toKey });
    }
  });
  // Downward runs take the tracks from the top of a gap, upward ones (a cycle's way back) from the bottom.
  const downTracks = layerYs.map((_, gap) =>
    assignTracks(runs.filter((r) => r.gap === gap && routes[r.edge]!.step > 0)),
  );
  const upTracks = layerYs.map((_, gap) => assignTracks(runs.filter((r) => r.gap === gap && routes[r.edge]!.step < 0)));
  const tracks = layerYs.map((_, gap) => downTracks[gap]! + upTracks[gap]!);

  // Widen a gap that needs more tracks than fit, pushing the layers below it down.
  const shift = layerYs.map(() => 0);
  for (let gap = 0; gap + 1 < layerYs.length; gap++) {
    const room = top[gap + 1]! - bottom[gap]!;
    const need = (tracks[gap]! + 1) * TRACK_GAP;
    for (let layer = gap + 1; layer < layerYs.length; layer++) shift[layer]! += Math.max(0, need - room);
  }
  const trackY = (gap: number, track: number) => {
    const from = bottom[gap]! + shift[gap]!;
    const to = top[gap + 1]! + shift[gap + 1]!;
    return from + ((track + 1) * (to - from)) / (tracks[gap]! + 1);
  };

  const placed = chart.nodes.map((node): PlacedNode => {
    const b = box.get(node.id)!;
    const y = b.y + shift[layerOf.get(node.id)!]!;
    return { ...toCanvas(lr, { x: b.x - b.w / 2, y: y - b.h / 2 }, b.w, b.h), id: node.id, lines: node.lines };
  });
  const routed = routes.map((route, edge) => {
    const source = box.get(route.from)!;
    const target = box.get(route.to)!;
    const down = route.step > 0;
    const sourceY = source.y + shift[route.a]! + (down ? source.h / 2 : -source.h / 2);
    const targetY = target.y + shift[route.b]! + (down ? -target.h / 2 : target.h / 2);
    const points: Point[] = [{ x: route.start, y: sourceY }];
    const xs = [route.start, ...route.lanes, route.end];
    for (let i = 0; i + 1 < xs.length; i++) {
      const gap = down ? route.a + i : route.a - i - 1;
      const run = runs.find((r) => r.edge === edge && r.gap === gap);
      if (!run) continue; // Straight down through this gap: no corner.
      const y = trackY(gap, down ? run.track! : tracks[gap]! - 1 - run.track!);
      points.push({ x: xs[i]!, y }, { x: xs[i + 1]!, y });
    }
    points.push({ x: route.end, y: targetY });
    return { from: route.from, to: route.to, points: points.map((p) => (lr ? { x: p.y, y: p.x } : p)) };
  });
  return fitCanvas(placed, routed);
}

/**
 * Gives each run of one gap a track, 0 nearest the layer it comes from, and returns how many
 * tracks the gap needs. A run enters its track at `from` and leaves at `to`: if `to` lies within
 * another run's span (ends included), that run must be nearer, else the way on would cut it or
 * run along its way in; and if another run's `from` lies within this one's span, that run must
 * be nearer too. Runs from one port or to one port are exempt: they branch off each other.
 * Runs that do not overlap share a track.
 */
function assignTracks(runs: Run[]): number {
  const span = (r: Run) => [Math.min(r.from, r.to), Math.max(r.from, r.to)] as const;
  const within = (x: number, r: Run) => x > span(r)[0] - 0.5 && x < span(r)[1] + 0.5;
  const touches = (p: Run, q: Run) => span(p)[0] < span(q)[1] + PORT_GAP / 2 && span(q)[0] < span(p)[1] + PORT_GAP / 2;
  const branches = (p: Run, q: Run) => p.fromKey === q.fromKey || p.toKey === q.toKey;
  const nearer = new Map(
    runs.map((r) => [r, runs.filter((o) => o !== r && !branches(o, r) && (within(r.to, o) || within(o.from, r)))]),
  );
  const order = [...runs].sort((p, q) => span(p)[0] - span(q)[0] || span(p)[1] - span(q)[1] || p.edge - q.edge);
  const used: Run[][] = [];
  const placed = new Set<Run>();
  while (placed.size < runs.length) {
    // The leftmost run whose nearer runs all have tracks; if the rules go round in a circle, the leftmost left.
    const next =
      order.find((r) => !placed.has(r) && nearer.get(r)!.every((o) => placed.has(o))) ??
      order.find((r) => !placed.has(r))!;
    let track = Math.max(
      0,
      ...nearer
        .get(next)!
        .filter((o) => placed.has(o))
        .map((o) => o.track! + 1),
    );
    // Runs that touch on a track read as one line: fine when they all leave one port (a fan-out)
    // or all reach one (a fan-in), ambiguous otherwise, so anything else needs a track of its own.
    const clear = (t: number) => {
      const line = [next];
      for (let i = 0; i < line.length; i++)
        for (const o of used[t] ?? []) if (!line.includes(o) && touches(o, line[i]!)) line.push(o);
      return line.every((o) => o.fromKey === next.fromKey) || line.every((o) => o.toKey === next.toKey);
    };
    while (!clear(track)) track++;
    next.track = track;
    (used[track] ??= []).push(next);
    placed.add(next);
  }
  return used.length;
}

/** The x where a polyline crosses height y (it runs downwards or upwards throughout). */
function xAt(points: readonly Point[], y: number): number {
  for (let i = 0; i + 1 < points.length; i++) {
    const p = points[i]!;
    const q = points[i + 1]!;
    if ((p.y - y) * (q.y - y) <= 0 && p.y !== q.y) return p.x + ((q.x - p.x) * (y - p.y)) / (q.y - p.y);
  }
  return points[points.length >> 1]!.x;
}

/** A top-down box on the canvas, turned a quarter for LR. */
function toCanvas(lr: boolean, corner: Point, w: number, h: number) {
  return lr ? { x: corner.y, y: corner.x, width: h, height: w } : { x: corner.x, y: corner.y, width: w, height: h };
}

/** Moves everything so the drawing starts at the canvas padding, and sizes the canvas to it. */
function fitCanvas(nodes: PlacedNode[], edges: FlowchartLayout['edges']): FlowchartLayout {
  const xs = [...nodes.flatMap((n) => [n.x, n.x + n.width]), ...edges.flatMap((e) => e.points.map((p) => p.x))];
  const ys = [...nodes.flatMap((n) => [n.y, n.y + n.height]), ...edges.flatMap((e) => e.points.map((p) => p.y))];
  const dx = CANVAS_PADDING - Math.min(...xs);
  const dy = CANVAS_PADDING - Math.min(...ys);
  return {
    width: round(Math.max(...xs) + dx + CANVAS_PADDING),
    height: round(Math.max(...ys) + dy + CANVAS_PADDING),
    nodes: nodes.map((n) => ({
      ...n,
      x: round(n.x + dx),
      y: round(n.y + dy),
      width: round(n.width),
      height: round(n.height),
    })),
    edges: edges.map((e) => ({ ...e, points: e.points.map((p) => ({ x: round(p.x + dx), y: round(p.y + dy) })) })),
  };
}

/**
 * Marks the SVG this module draws. Its nodes and edges carry no presentation attributes: the
 * fill, stroke and font beautiful-mermaid repeats on every one of them are rules of diagrams.css
 * for this class, written once per site instead of once per node on every review page.
 */
export const LAYERED_SVG_CLASS = 'layered';

/**
 * The SVG of a laid-out flowchart, element for element what beautiful-mermaid writes (less the
 * style block and the per-element presentation attributes, which diagrams.css holds, the unused
 * start-arrow marker and the indentation).
 */
export function renderLayeredFlowchartSvg(layout: FlowchartLayout, colors: FlowchartColors): string {
  const { width, height } = layout;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="${LAYERED_SVG_CLASS}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" style="--bg:${escapeXml(colors.bg)};--fg:${escapeXml(colors.fg)}">`,
    '<defs>',
    '<marker id="arrowhead" markerWidth="8" markerHeight="5" refX="7" refY="2.5" orient="auto">',
    '<polygon points="0 0, 8 2.5, 0 5" fill="var(--_arrow)" stroke="var(--_arrow)" stroke-width="0.75" stroke-linejoin="round" />',
    '</marker>',
    '</defs>',
  ];
  for (const edge of layout.edges) {
    const points = edge.points.map((p) => `${p.x},${p.y}`).join(' ');
    parts.push(
      `<polyline class="edge" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}" data-style="solid" data-arrow-start="false" data-arrow-end="true" points="${points}" marker-end="url(#arrowhead)" />`,
    );
  }
  for (const node of layout.nodes) {
    const cx = round(node.x + node.width / 2);
    const cy = round(node.y + node.height / 2);
    const text =
      node.lines.length === 1
        ? `<text x="${cx}" y="${cy}" dy="${round(FONT_SIZE * 0.35)}">${escapeXml(node.lines[0]!)}</text>`
        : `<text x="${cx}" y="${cy}">${node.lines
            .map((line, i) => {
              const dy = i === 0 ? -((node.lines.length - 1) / 2) * LINE_HEIGHT + FONT_SIZE * 0.35 : LINE_HEIGHT;
              return `<tspan x="${cx}" dy="${round(dy)}">${escapeXml(line)}</tspan>`;
            })
            .join('')}</text>`;
    parts.push(
      `<g class="node" data-id="${escapeXml(node.id)}" data-label="${escapeXml(node.lines.join('\n'))}" data-shape="rectangle">`,
      `<rect x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" />`,
      text,
      '</g>',
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/**
 * Escapes text for SVG content and attributes. `#` too: cleanSvg turns Mermaid entity codes such
 * as `#12;` into characters, and a service named "Issue #12; triage" must keep its text.
 */
function escapeXml(text: string): string {
  return text.replace(/[&<>"'#]/g, (char) => `&#${char.codePointAt(0)};`);
}

/** The SVG of a generated flowchart; undefined when the source is outside the subset this draws. */
export function drawLayeredFlowchart(source: string, colors: FlowchartColors): string | undefined {
  const chart = parseLayeredFlowchart(source);
  return chart && chart.nodes.length > 0 ? renderLayeredFlowchartSvg(layoutLayeredFlowchart(chart), colors) : undefined;
}

function unique(edges: readonly [string, string][]): [string, string][] {
  return [...new Map(edges.map((edge) => [edge.join(' '), edge])).values()];
}

/** Coordinates to a tenth of a pixel: finer digits change no pixel and cost bytes on every page. */
function round(n: number): number {
  return Math.round(n * 10) / 10;
}
