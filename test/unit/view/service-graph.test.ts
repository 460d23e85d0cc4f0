import { describe, expect, it } from 'vitest';
import { getServiceGraphView, serviceGraphFileName } from '../../../src/lib/view/service-graph.ts';

const services = [
  { id: 'api', name: 'API', dependsOn: ['db'] },
  { id: 'db', name: 'Database', dependsOn: [] },
  { id: 'lonely', name: 'Lonely', dependsOn: [] },
];
const links = { service: (id: string) => `/services/${id}/`, services: () => '/services/' };
const now = new Date('2026-03-10T12:00:00Z');
const recent = new Map([['db', { count: 2, last: new Date('2026-03-08T09:00:00Z') }]]);

describe('getServiceGraphView', () => {
  it('draws the whole catalog left to right with every node linked', () => {
    const view = getServiceGraphView({ services, recent: new Map(), now, links });
    expect(view.drawn).toBe(true);
    expect(view.source.split('\n')[0]).toBe('flowchart LR');
    expect([...view.decorations.values()].map((d) => d.href)).toEqual([
      '/services/api/',
      '/services/db/',
      '/services/lonely/',
    ]);
    expect(view.currentCount).toBe(0);
    expect(view.hasRecent).toBe(false);
  });

  it('centres a neighbourhood top-down, outlines the focus and names recent incidents in the link', () => {
    const view = getServiceGraphView({ services, recent, now, links, focus: ['api'] });
    expect(view.source.split('\n')[0]).toBe('flowchart TD');
    const [api, db] = [...view.decorations.values()];
    expect(api).toEqual({ href: '/services/api/', label: 'API: service page', classes: ['is-current'] });
    expect(db?.label).toBe('Database, ⚠ 2 incidents, last 2 days ago: service page');
    expect(db?.classes).toEqual(['is-recent']);
    expect(view.currentCount).toBe(1);
    expect(view.hasRecent).toBe(true);
  });

  it('has nothing to draw for a service without neighbours', () => {
    expect(getServiceGraphView({ services, recent, now, links, focus: ['lonely'] }).drawn).toBe(false);
  });

  it('links the "+N more" node of a capped neighbourhood to the focus service page', () => {
    const hub = [
      { id: 'hub', name: 'Hub', dependsOn: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] },
      ...'abcdefg'.split('').map((id) => ({ id, name: id, dependsOn: [] })),
    ];
    const view = getServiceGraphView({ services: hub, recent: new Map(), now, links, focus: ['hub'] });
    const more = [...view.decorations.values()].find((d) => d.classes.includes('is-more'));
    expect(more?.href).toBe('/services/hub/');
    expect(more?.label).toMatch(/: the full list on the service page$/);
  });
});

describe('serviceGraphFileName', () => {
  const view = (focus: string[], withRecent = recent) =>
    getServiceGraphView({ services, recent: withRecent, now, links, focus });

  it('names the same drawing the same, whatever order the focus was given in', () => {
    expect(serviceGraphFileName(view(['api', 'db']))).toBe(serviceGraphFileName(view(['db', 'api'])));
    expect(serviceGraphFileName(view(['api']))).toMatch(/^[0-9a-f]{16}$/);
  });

  it('names a different drawing differently: another focus, or the same nodes marked otherwise', () => {
    const names = [view(['api']), view(['db']), view(['api'], new Map())].map(serviceGraphFileName);
    expect(new Set(names).size).toBe(3);
  });
});
