import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { cleanSvg, decorateSvgNodes, getSvgLabels } from '../../src/lib/diagram.ts';
import {
  drawLayeredFlowchart,
  FONT_SIZE,
  layoutLayeredFlowchart,
  parseLayeredFlowchart,
  type FlowchartLayout,
  type LayeredFlowchart,
  type PlacedNode,
  type Point,
} from '../../src/lib/layered-flowchart.ts';
import { toMermaidFlowchart, type GraphService } from '../../src/lib/service-graph.ts';
import { getServiceGraphView } from '../../src/lib/view/service-graph.ts';

const colors = { bg: 'var(--surface)', fg: 'var(--text)' };
const now = new Date('2026-11-21T12:00:00Z');
const links = { service: (id: string) => `/services/${id}/`, services: () => '/services/' };

/** A chart from `a>b c>d` shorthand; every node labelled with its id. */
function chart(direction: 'TD' | 'LR', edges: string, extraNodes: string[] = []): LayeredFlowchart {
  const pairs = edges.split(' ').map((pair) => pair.split('>') as [string, string]);
  const ids = [...new Set([...pairs.flat(), ...extraNodes])];
  return { direction, nodes: ids.map((id) => ({ id, lines: [`Service ${id}`] })), edges: pairs };
}

// A catalog with fan-in, fan-out, a long edge (web → db skips a layer), a cycle and a two-line label.
const catalog: GraphService[] = [
  { id: 'web', name: 'Web Frontend', dependsOn: ['api', 'cdn', 'db'] },
  { id: 'mobile', name: 'Mobile API', dependsOn: ['api'] },
  { id: 'api', name: 'Checkout API', dependsOn: ['db', 'cache', 'auth'] },
  { id: 'auth', name: 'Auth', dependsOn: ['db', 'api'] },
  { id: 'cache', name: 'Redis Cache', dependsOn: [] },
  { id: 'cdn', name: 'CDN', dependsOn: [] },
  { id: 'db', name: 'Payments DB', dependsOn: [] },
];
const recent = new Map([['api', { count: 2, last: new Date('2026-11-18T00:00:00Z') }]]);
const neighbourhood = parseLayeredFlowchart(
  getServiceGraphView({ services: catalog, recent, now, links, focus: ['api'] }).source,
)!;
const whole = parseLayeredFlowchart(getServiceGraphView({ services: catalog, recent, now, links }).source)!;

const cases: [string, LayeredFlowchart][] = [
  ['a chain', chart('TD', 'a>b b>c')],
  ['a fan-out and fan-in with a long edge', chart('TD', 'a>b a>c a>d b>e c>e a>e')],
  ['a cycle', chart('TD', 'a>b b>c c>a c>d')],
  ['a two-service cycle', chart('TD', 'a>b b>a b>c')],
  ['a left-to-right chain with a lone node', chart('LR', 'a>b b>c a>c', ['z'])],
  ['a generated neighbourhood (TD)', neighbourhood],
  ['the generated whole catalog (LR)', whole],
];

const near = (a: number, b: number) => Math.abs(a - b) < 0.02;
/** On the outline of the node's box. */
function onBorder(p: Point, n: PlacedNode): boolean {
  const withinX = p.x >= n.x - 0.02 && p.x <= n.x + n.width + 0.02;
  const withinY = p.y >= n.y - 0.02 && p.y <= n.y + n.height + 0.02;
  return (
    (withinX && (near(p.y, n.y) || near(p.y, n.y + n.height))) ||
    (withinY && (near(p.x, n.x) || near(p.x, n.x + n.width)))
  );
}
/** An axis-parallel segment that enters the inside of a box (its edge excluded). */
function cutsThrough(p: Point, q: Point, n: PlacedNode): boolean {
  const [x1, x2] = [Math.min(p.x, q.x), Math.max(p.x, q.x)];
  const [y1, y2] = [Math.min(p.y, q.y), Math.max(p.y, q.y)];
  return x2 > n.x + 0.5 && x1 < n.x + n.width - 0.5 && y2 > n.y + 0.5 && y1 < n.y + n.height - 0.5;
}

describe.each(cases)('the layout of %s', (_name, input) => {
  const layout: FlowchartLayout = layoutLayeredFlowchart(input);
  const node = (id: string) => layout.nodes.find((n) => n.id === id)!;

  test('places every node once, inside the canvas, with no two overlapping', () => {
    expect(layout.nodes.map((n) => n.id)).toEqual(input.nodes.map((n) => n.id));
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(16);
      expect(n.y).toBeGreaterThanOrEqual(16);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width - 16 + 0.02);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height - 16 + 0.02);
    }
    for (const [i, a] of layout.nodes.entries())
      for (const b of layout.nodes.slice(i + 1)) {
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
  });

  test('draws every edge at right angles from its source border to its target border, around the nodes', () => {
    expect(layout.edges.map((e) => `${e.from}>${e.to}`)).toEqual(input.edges.map(([a, b]) => `${a}>${b}`));
    for (const edge of layout.edges) {
      const points = edge.points;
      expect(onBorder(points[0]!, node(edge.from)), `${edge.from}>${edge.to} starts on its source`).toBe(true);
      expect(onBorder(points.at(-1)!, node(edge.to)), `${edge.from}>${edge.to} ends on its target`).toBe(true);
      for (let i = 0; i + 1 < points.length; i++) {
        const [p, q] = [points[i]!, points[i + 1]!];
        expect(near(p.x, q.x) || near(p.y, q.y), `${edge.from}>${edge.to} segment ${i} is straight`).toBe(true);
        for (const n of layout.nodes)
          expect(cutsThrough(p, q, n), `${edge.from}>${edge.to} cuts through ${n.id}`).toBe(false);
      }
    }
  });

  test('never runs two edges along each other unless they share a source or a target', () => {
    const segments = layout.edges.flatMap((edge) =>
      edge.points.slice(1).map((q, i) => ({ edge, p: edge.points[i]!, q })),
    );
    for (const [i, s] of segments.entries())
      for (const t of segments.slice(i + 1)) {
        if (s.edge.from === t.edge.from || s.edge.to === t.edge.to) continue;
        const shared = (axis: 'x' | 'y', along: 'x' | 'y') =>
          near(s.p[axis], s.q[axis]) && near(t.p[axis], t.q[axis]) && near(s.p[axis], t.p[axis])
            ? Math.min(Math.max(s.p[along], s.q[along]), Math.max(t.p[along], t.q[along])) -
              Math.max(Math.min(s.p[along], s.q[along]), Math.min(t.p[along], t.q[along]))
            : 0;
        const name = `${s.edge.from}>${s.edge.to} and ${t.edge.from}>${t.edge.to}`;
        expect(Math.max(shared('x', 'y'), shared('y', 'x')), `${name} overlap`).toBeLessThan(1);
      }
  });

  test('puts each acyclic edge source before its target, top-down for TD and left to right for LR', () => {
    // One edge of each cycle must point back; these are the cycles of the charts above.
    const cyclic = new Set(['a>b', 'b>a', 'b>c', 'c>a', 'svc_api>svc_auth', 'svc_auth>svc_api']);
    for (const edge of layout.edges.filter((e) => !cyclic.has(`${e.from}>${e.to}`))) {
      const [from, to] = [node(edge.from), node(edge.to)];
      if (input.direction === 'TD') expect(from.y + from.height).toBeLessThan(to.y);
      else expect(from.x + from.width).toBeLessThan(to.x);
    }
  });

  test('is deterministic', () => {
    expect(layoutLayeredFlowchart(input)).toEqual(layout);
  });
});

describe('parseLayeredFlowchart', () => {
  test('reads back what toMermaidFlowchart writes: labels decoded, "+N more" nodes, the direction', () => {
    const services: GraphService[] = [
      { id: 'api', name: 'R&D "API" [v2] #1;', dependsOn: ['db'] },
      { id: 'db', name: 'DB', dependsOn: [] },
    ];
    const source = toMermaidFlowchart(
      services,
      {
        nodes: ['api', 'db'],
        edges: [['api', 'db']],
        more: [{ nodeId: 'more_dependents', side: 'dependents', ids: ['x'], attachedTo: ['api'], label: '+1 more' }],
      },
      { direction: 'TD', recent: new Map([['db', { count: 1, last: now }]]), now },
    );
    expect(parseLayeredFlowchart(source)).toEqual({
      direction: 'TD',
      nodes: [
        { id: 'svc_api', lines: ['R&D "API" [v2] #1;'] },
        { id: 'svc_db', lines: ['DB', '⚠ incident today'] },
        { id: 'more_dependents', lines: ['+1 more'] },
      ],
      edges: [
        ['svc_api', 'svc_db'],
        ['more_dependents', 'svc_api'],
      ],
    });
  });

  test.each([
    ['an inline node in an edge', 'flowchart TD\n  a["A"] --> b["B"]'],
    ['a labelled edge', 'flowchart TD\n  a["A"]\n  b["B"]\n  a -->|uses| b'],
    ['a node shape other than a box', 'flowchart TD\n  a(("A"))'],
    ['an edge to an undeclared node', 'flowchart TD\n  a["A"]\n  a --> b'],
    ['another direction', 'flowchart RL\n  a["A"]'],
    ['a subgraph', 'flowchart TD\n  subgraph x\n  a["A"]\n  end'],
  ])('leaves %s to beautiful-mermaid', (_name, source) => {
    expect(parseLayeredFlowchart(source)).toBeUndefined();
  });
});

describe('drawLayeredFlowchart', () => {
  const source = [
    'flowchart TD',
    '  svc_a["Say #quot;hi#quot; #60;script#62; #38; Issue #35;12#59;"]',
    '  svc_b["Payments DB<br/>⚠ incident 3 days ago"]',
    '  svc_a --> svc_b',
  ].join('\n');
  const svg = drawLayeredFlowchart(source, colors)!;

  test('writes the markup beautiful-mermaid writes, so cleanSvg and decorateSvgNodes work on it', () => {
    expect(svg).toMatch(
      /^<svg xmlns="[^"]+" class="layered" viewBox="0 0 [\d.]+ [\d.]+" width="[\d.]+" height="[\d.]+" style="--bg:var\(--surface\);--fg:var\(--text\)">/,
    );
    // Fill, stroke and font of nodes and edges are diagrams.css rules for svg.layered, not attributes on each.
    expect(svg.replace(/<defs>.*<\/defs>/, '')).not.toMatch(/\s(?:fill|stroke|stroke-width|font-size|text-anchor)=/);
    // The label size the widths were estimated for is the one diagrams.css draws them at.
    const css = readFileSync(new URL('../../src/styles/diagrams.css', import.meta.url), 'utf8');
    expect(/:where\(\.layered text\) \{[^}]*font-size: (\d+)px;/.exec(css)?.[1]).toBe(String(FONT_SIZE));
    expect(svg).toContain('<marker id="arrowhead"');
    expect(svg).toMatch(
      /<polyline class="edge" data-from="svc_a" data-to="svc_b" [^>]*points="[^"]+"[^>]*marker-end="url\(#arrowhead\)" \/>/,
    );
    expect(svg).toMatch(/<g class="node" data-id="svc_b" [^>]*data-shape="rectangle">\s*<rect [^>]*height="53\.8"/);
    expect(svg).toMatch(/<rect [^>]*height="36\.9"/);
    expect(svg).toMatch(
      /<text [^>]*><tspan [^>]*>Payments DB<\/tspan><tspan [^>]*>⚠ incident 3 days ago<\/tspan><\/text>/,
    );

    const cleaned = cleanSvg(svg, 'd1');
    expect(cleaned).toContain('marker-end="url(#d1-arrowhead)"');
    expect(getSvgLabels(cleaned)).toEqual(['Say "hi" <script> & Issue #12;', 'Payments DB ⚠ incident 3 days ago']);
    const decorated = decorateSvgNodes(
      cleaned,
      new Map([['svc_b', { href: '/services/b/', label: 'B', classes: ['is-current'] }]]),
    );
    expect(decorated).toMatch(
      /<a href="\/services\/b\/" aria-label="B" class="diagram-link"><g class="node is-current"[ >]/,
    );
  });

  test('escapes labels: no markup from a service name reaches the SVG', () => {
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('Say &#34;hi&#34; &#60;script&#62; &#38; Issue &#35;12;');
  });

  test('is deterministic, and leaves other flowcharts to beautiful-mermaid', () => {
    expect(drawLayeredFlowchart(source, colors)).toBe(svg);
    expect(drawLayeredFlowchart('flowchart TD\n  a --> b', colors)).toBeUndefined();
  });
});
