import { describe, expect, test } from 'vitest';
import { getTimelineView } from '../../../src/lib/view/timeline.ts';
import { incidentData } from '../mock-incidents.ts';

const NOW = new Date('2024-03-07T19:07:00Z');

/** A validated incident that began 2024-03-05 14:00 UTC. */
const incident = (fields: Record<string, unknown>) => incidentData({ started: '2024-03-05T14:00:00Z', ...fields });

describe('getTimelineView', () => {
  test('a resolved incident: the time-to summary and one list per phase with its duration', () => {
    const view = getTimelineView(incident({ detected: '2024-03-05T14:07:00Z', resolved: '2024-03-05T15:10:00Z' }), NOW);
    expect(view.summary).toEqual(['detect 7 min', 'resolve 1 h 10 min']);
    expect(view.lists.map((l) => [l.id, l.from, l.note, l.ongoing])).toEqual([
      ['started-detected', 'started', '7 min', false],
      ['detected-resolved', 'detected', '1 h 03 min', false],
    ]);
    expect(view.elapsed).toBeUndefined();
  });

  test('an ongoing incident: the open phase counts "so far" and the open row says how long since impact', () => {
    const view = getTimelineView(incident({ detected: '2024-03-05T14:07:00Z' }), NOW);
    expect(view.summary).toEqual(['detect 7 min']);
    expect(view.lists.at(-1)).toMatchObject({ from: 'detected', note: '2 days 5 h so far', ongoing: true });
    expect(view.elapsed).toBe('2 days 5 h');
    expect(view.now).toBe(NOW);
  });

  test('entries before impact open a lead-in list, not to scale', () => {
    const view = getTimelineView(
      incident({
        resolved: '2024-03-05T15:00:00Z',
        timeline: [{ at: '2023-01-01T00:00:00Z', kind: 'observation', event: 'A latent bug ships' }],
      }),
      NOW,
    );
    expect(view.lists[0]).toMatchObject({
      id: 'lead-in',
      from: 'lead',
      label: 'How we got here',
      note: 'before impact began; not to scale',
      ongoing: false,
    });
    expect(view.lists[0]?.items.map((i) => i.event)).toEqual(['A latent bug ships']);
  });

  test('a mistyped year: no summary entry and no phase duration ends at the future stamp', () => {
    const view = getTimelineView(incident({ detected: '2024-03-05T14:07:00Z', resolved: '2204-03-05T15:10:00Z' }), NOW);
    expect(view.summary).toEqual(['detect 7 min']);
    expect(view.lists.map((l) => [l.id, l.note])).toEqual([
      ['started-detected', '7 min'],
      ['detected-resolved', undefined],
    ]);
  });
});
