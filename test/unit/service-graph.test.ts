import { describe, expect, test } from 'vitest';
import {
  describeActivity,
  escapeMermaidLabel,
  getCappedNeighbourhood,
  getNeighbourhood,
  getRecentActivity,
  getWholeGraph,
  toMermaidFlowchart,
  toNodeId,
  type GraphService,
} from '../../src/lib/service-graph.ts';

// checkout → dns, checkout → db, search → dns, db → storage; billing stands alone; ghost is unknown.
const services: GraphService[] = [
  { id: 'checkout', name: 'Checkout API', dependsOn: ['dns', 'db'] },
  { id: 'dns', name: 'Edge DNS', dependsOn: [] },
  { id: 'db', name: 'Payments DB', dependsOn: ['storage', 'ghost'] },
  { id: 'storage', name: 'Block storage', dependsOn: [] },
  { id: 'search', name: 'Search', dependsOn: ['dns'] },
  { id: 'billing', name: 'Billing', dependsOn: [] },
];

const NOW = new Date('2026-11-21T12:00:00Z');
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe('graph selections', () => {
  test('the whole graph keeps every service and drops edges to unknown ids', () => {
    expect(getWholeGraph(services)).toEqual({
      nodes: ['billing', 'checkout', 'db', 'dns', 'search', 'storage'],
      edges: [
        ['checkout', 'db'],
        ['checkout', 'dns'],
        ['db', 'storage'],
        ['search', 'dns'],
      ],
    });
  });

  test.each([
    [
      'a service: what it needs and what needs it',
      ['db'],
      1,
      ['checkout', 'db', 'storage'],
      [
        ['checkout', 'db'],
        ['db', 'storage'],
      ],
    ],
    [
      'a leaf reached by two dependents',
      ['dns'],
      1,
      ['checkout', 'dns', 'search'],
      [
        ['checkout', 'dns'],
        ['search', 'dns'],
      ],
    ],
    [
      'two hops',
      ['storage'],
      2,
      ['checkout', 'db', 'storage'],
      [
        ['checkout', 'db'],
        ['db', 'storage'],
      ],
    ],
    [
      'several focus services (an incident)',
      ['dns', 'storage'],
      1,
      ['checkout', 'db', 'dns', 'search', 'storage'],
      [
        ['checkout', 'db'],
        ['checkout', 'dns'],
        ['db', 'storage'],
        ['search', 'dns'],
      ],
    ],
    ['an isolated service is alone', ['billing'], 1, ['billing'], []],
    ['unknown focus ids are ignored', ['nope'], 1, [], []],
  ])('neighbourhood of %s', (_name, focus, depth, nodes, edges) => {
    expect(getNeighbourhood(services, focus, depth)).toEqual({ nodes, edges });
  });
});

describe('recent activity', () => {
  const incidents = [
    { data: { started: daysBefore(3), services: ['checkout', 'dns'] } },
    { data: { started: daysBefore(40), services: ['checkout', 'checkout'] } },
    { data: { started: daysBefore(90), services: ['db'] } },
    { data: { started: daysBefore(91), services: ['storage'] } },
    { data: { started: daysBefore(-2), services: ['search'] } },
  ];

  test('counts incidents in the last 90 days per service, once per incident; older and future ones are ignored', () => {
    const activity = getRecentActivity(incidents, NOW);
    expect(
      Object.fromEntries([...activity].map(([id, a]) => [id, [a.count, a.last.toISOString().slice(0, 10)]])),
    ).toEqual({
      checkout: [2, '2026-11-18'],
      dns: [1, '2026-11-18'],
      db: [1, '2026-08-23'],
    });
  });

  test.each([
    [{ count: 1, last: daysBefore(0) }, '⚠ incident today'],
    [{ count: 1, last: daysBefore(1) }, '⚠ incident 1 day ago'],
    [{ count: 3, last: daysBefore(12) }, '⚠ 3 incidents, last 12 days ago'],
    // Calendar days in UTC, as the counters: 23:30 the day before is "1 day ago" at 12:00, 14.5 days back is 15.
    [{ count: 1, last: new Date('2026-11-20T23:30:00Z') }, '⚠ incident 1 day ago'],
    [{ count: 1, last: new Date('2026-11-06T23:00:00Z') }, '⚠ incident 15 days ago'],
    [{ count: 1, last: new Date('2026-11-21T00:05:00Z') }, '⚠ incident today'],
  ])('describes %o as %s', (activity, text) => {
    expect(describeActivity(activity, NOW)).toBe(text);
  });
});

describe('mermaid source', () => {
  test.each([
    ['Checkout API', 'Checkout API'],
    ['Say "hi"', 'Say #34;hi#34;'],
    ['A (b) [c] {d}', 'A #40;b#41; #91;c#93; #123;d#125;'],
    ['<b>&</b> #1 | `x`; y', '#60;b#62;#38;#60;/b#62; #35;1 #124; #96;x#96;#59; y'],
    ['two\n  lines', 'two lines'],
  ])('escapes %j', (text, escaped) => {
    expect(escapeMermaidLabel(text)).toBe(escaped);
  });

  test('node ids never contain a hyphen', () => {
    expect(toNodeId('edge-dns-2')).toBe('svc_edge_dns_2');
  });

  test('the flowchart lists nodes with labels, recent activity as a second line, and dependency edges', () => {
    const selection = getNeighbourhood(services, ['db']);
    const recent = new Map([['db', { count: 1, last: daysBefore(5) }]]);
    expect(toMermaidFlowchart(services, selection, { recent, now: NOW })).toBe(
      [
        'flowchart LR',
        '  svc_checkout["Checkout API"]',
        '  svc_db["Payments DB<br/>⚠ incident 5 days ago"]',
        '  svc_storage["Block storage"]',
        '  svc_checkout --> svc_db',
        '  svc_db --> svc_storage',
      ].join('\n'),
    );
  });
});

describe('capped neighbourhood', () => {
  // A hub: eight services depend on `hub`, which depends on three.
  const hubServices = [
    { id: 'hub', name: 'Hub', dependsOn: ['d1', 'd2', 'd3'] },
    ...['d1', 'd2', 'd3'].map((id) => ({ id, name: id.toUpperCase(), dependsOn: [] })),
    ...['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8'].map((id) => ({
      id,
      name: id.toUpperCase(),
      dependsOn: ['hub'],
    })),
  ];

  test('draws every neighbour when each side fits', () => {
    const selection = getCappedNeighbourhood(hubServices, ['hub'], { perSide: 8 });
    expect(selection.more).toBeUndefined();
    expect(selection).toEqual(getNeighbourhood(hubServices, ['hub']));
  });

  test('keeps perSide - 1 dependents and folds the rest into one "+N more" node', () => {
    const selection = getCappedNeighbourhood(hubServices, ['hub'], { perSide: 4 });
    expect(selection.nodes).toEqual(['d1', 'd2', 'd3', 'hub', 'u1', 'u2', 'u3']);
    expect(selection.more).toEqual([
      {
        nodeId: 'more_dependents',
        side: 'dependents',
        ids: ['u4', 'u5', 'u6', 'u7', 'u8'],
        attachedTo: ['hub'],
        label: '+5 more services depend on it',
      },
    ]);
    expect(selection.edges.every(([a, b]) => selection.nodes.includes(a) && selection.nodes.includes(b))).toBe(true);
  });

  test('services with recent incidents are kept before the others', () => {
    const recent = new Map([['u7', { count: 1, last: daysBefore(2) }]]);
    const selection = getCappedNeighbourhood(hubServices, ['hub'], { perSide: 3, recent });
    expect(selection.nodes.filter((id) => id.startsWith('u'))).toEqual(['u1', 'u7']);
    expect(selection.more?.map((m) => [m.side, m.ids.length])).toEqual([['dependents', 6]]);
    expect(getCappedNeighbourhood(hubServices, ['hub'], { perSide: 2 }).more?.[0]?.label).toBe('+2 more it depends on');
  });

  test('a side one over the cap is drawn whole (the "+1 more" node would take the same room)', () => {
    const selection = getCappedNeighbourhood(hubServices, ['hub'], { perSide: 3 });
    expect(selection.nodes).toContain('d3');
    expect(selection.more?.map((m) => m.side)).toEqual(['dependents']);
  });

  test('the flowchart draws "+N more" nodes with edges to the focus services', () => {
    const selection = getCappedNeighbourhood(hubServices, ['hub', 'u1'], { perSide: 2 });
    const source = toMermaidFlowchart(hubServices, selection, { recent: new Map(), now: NOW });
    expect(source).toContain('  more_dependents["+6 more services depend on these"]');
    expect(source).toContain('  more_dependents --> svc_hub');
    expect(source).toContain('  more_dependencies["+2 more these depend on"]');
    expect(source).toContain('  svc_hub --> more_dependencies');
  });
});
