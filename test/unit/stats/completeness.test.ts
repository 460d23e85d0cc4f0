import { describe, expect, test } from 'vitest';
import { getCompleteness, getCompletenessStats } from '../../../src/lib/stats/completeness.ts';
import { mockIncidents } from '../mock-incidents.ts';

const complete = {
  owner: 'platform',
  impact: { description: 'Checkout failed.' },
  contributingFactors: [{ description: 'No canary' }],
  timeline: [{ at: '2024-01-01T00:05:00Z', event: 'Alert', kind: 'detection' }],
  actionItems: [
    { title: 'Canary', owner: 'net', status: 'open', type: 'prevent', due: '2024-02-01' },
    { title: 'Done without date', owner: 'net', status: 'done', type: 'detect' },
  ],
  review: { date: '2024-01-10' },
  status: 'published',
};

describe('completeness checklist', () => {
  test('a review with every part is complete', () => {
    const [i] = mockIncidents([{ id: 'full', ...complete }]);
    const c = getCompleteness(i!.data, '2024-01-10');
    expect(c).toMatchObject({ done: 7, total: 7, complete: true });
    expect(c.checks.map((x) => x.id)).toEqual([
      'owner',
      'impact',
      'factors',
      'timeline',
      'actions',
      'review',
      'published',
    ]);
  });

  test.each([
    ['owner', { owner: undefined }],
    ['impact', { impact: undefined }],
    ['factors', { contributingFactors: [] }],
    ['timeline', { timeline: [{ at: '2024-01-01T00:05:00Z', event: 'Paged', kind: 'escalation' }] }],
    ['actions', { actionItems: [] }],
    ['actions', { actionItems: [{ title: 'Someday', owner: 'net', status: 'in-progress', type: 'prevent' }] }],
    ['review', { review: undefined }],
    ['review', { review: { date: '2024-01-11' } }],
    ['review', { review: { attendees: 4 } }],
    ['published', { status: 'in-review' }],
  ])('missing %s', (id, change) => {
    const [i] = mockIncidents([{ id: 'x', ...complete, ...change }]);
    const c = getCompleteness(i!.data, '2024-01-10');
    expect(c.checks.filter((x) => !x.done).map((x) => x.id)).toEqual([id]);
    expect(c.complete).toBe(false);
    expect(c.done).toBe(6);
  });

  test('a near miss needs no impact to be complete', () => {
    const [i] = mockIncidents([{ id: 'nm', ...complete, kind: 'near-miss', impact: undefined }]);
    expect(getCompleteness(i!.data, '2024-01-10').complete).toBe(true);
  });

  test('share of complete reviews and what each check misses', () => {
    const list = mockIncidents([{ id: 'a', ...complete }, { id: 'b', ...complete, owner: undefined }, { id: 'c' }]);
    const s = getCompletenessStats(list, '2024-01-10');
    expect(s).toMatchObject({ complete: 1, total: 3 });
    expect(s.share).toBeCloseTo(1 / 3);
    expect(s.perCheck[0]).toEqual({ id: 'owner', label: 'Owner named', done: 1, missing: ['b', 'c'] });
    // 'c' is published by default in mockIncidents.
    expect(s.perCheck.at(-1)).toMatchObject({ id: 'published', done: 3, missing: [] });
    expect(s.byIncident.c!.done).toBe(1);
  });
});
