import { describe, expect, test } from 'vitest';
import { getServicePageView, getServiceRows } from '../../../src/lib/view/service.ts';
import { mockIncidents } from '../mock-incidents.ts';

const services = [
  { id: 'api', data: { name: 'API', dependsOn: ['db', 'legacy'] } },
  { id: 'db', data: { name: 'Database', dependsOn: [] } },
  { id: 'web', data: { name: 'Web', dependsOn: ['api'] } },
];
const names = new Map(services.map((s) => [s.id, s.data.name]));

describe('getServiceRows', () => {
  test('each service with its dependencies and dependents by name, and its review count', () => {
    const rows = getServiceRows(services, names, new Map([['api', [1, 2]]]));
    expect(
      rows.map((r) => [r.service.id, r.dependsOn.map((l) => l.name), r.dependents.map((l) => l.name), r.incidents]),
    ).toEqual([
      ['api', ['Database', 'legacy'], ['Web'], 2],
      ['db', [], ['API'], 0],
      ['web', ['API'], [], 0],
    ]);
  });
});

describe('getServicePageView', () => {
  test('splits its reviews into incidents and near misses and links its neighbours', () => {
    const reviews = mockIncidents([{ id: 'i' }, { id: 'n', kind: 'near-miss', severity: undefined }]);
    const view = getServicePageView(services[0]!, services, names, reviews);
    expect(view.incidents.map((i) => i.id)).toEqual(['i']);
    expect(view.nearMisses.map((i) => i.id)).toEqual(['n']);
    expect(view.dependsOn).toEqual([
      { id: 'db', name: 'Database' },
      { id: 'legacy', name: 'legacy' },
    ]);
    expect(view.dependents).toEqual([{ id: 'web', name: 'Web' }]);
  });
});
