import { describe, expect, test } from 'vitest';
import { getBriefView } from '../../../src/lib/view/brief.ts';
import { incidentData } from '../mock-incidents.ts';

const TODAY = '2026-11-21';

/** A validated review that began 2024-03-05 14:00 UTC. */
const review = (fields: Record<string, unknown>) => incidentData({ started: '2024-03-05T14:00:00Z', ...fields });

describe('getBriefView', () => {
  test('a resolved review: how long it took, its impact, the top three factors and how many more', () => {
    const factors = ['a', 'b', 'c', 'd'].map((description) => ({ description }));
    const view = getBriefView(
      review({
        resolved: '2024-03-05T15:10:00Z',
        impact: { description: 'Checkout failed.' },
        contributingFactors: factors,
      }),
      TODAY,
    );
    expect([view.ongoing, view.resolvedAfter, view.impact]).toEqual([false, '1 h 10 min', 'Checkout failed.']);
    expect([view.factors.shown.map((f) => f.description), view.factors.more]).toEqual([['a', 'b', 'c'], 1]);
  });

  test('ongoing; a near miss without impact; a resolution after the build date shows no duration', () => {
    expect(getBriefView(review({}), TODAY)).toMatchObject({
      ongoing: true,
      resolvedAfter: undefined,
      impact: 'Not described yet.',
    });
    expect(getBriefView(review({ kind: 'near-miss', severity: undefined }), TODAY).impact).toBe(
      'None: a near miss, caught before it hurt.',
    );
    expect(getBriefView(review({ resolved: '2204-03-05T15:10:00Z' }), TODAY)).toMatchObject({
      ongoing: false,
      resolvedAfter: undefined,
    });
  });
});
