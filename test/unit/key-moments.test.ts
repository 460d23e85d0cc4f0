import { describe, expect, test } from 'vitest';
import { formatOffset, getKeyMoments, getTopFactors } from '../../src/lib/key-moments.ts';
import { mockIncidents } from './mock-incidents.ts';

const [marked, unmarked] = mockIncidents([
  {
    id: 'marked',
    started: '2024-03-05T14:02:00Z',
    detected: '2024-03-05T14:09:00Z',
    timeline: [
      { at: '2024-03-05T15:10:00Z', event: 'Rolled back', kind: 'mitigation', key: true },
      { at: '2024-03-05T14:09:00Z', event: 'Alert fired', kind: 'detection', key: true },
      { at: '2024-03-05T14:30:00Z', event: 'Paged network', kind: 'escalation' },
      { at: '2024-03-02T14:02:00Z', event: 'Config merged', kind: 'action', key: true },
      { at: '2024-03-05T14:02:00Z', event: 'Deploy reached all regions', kind: 'action', key: false },
    ],
  },
  {
    id: 'unmarked',
    started: '2024-03-05T14:02:00Z',
    mitigated: '2024-03-05T15:10:00Z',
    resolved: '2024-03-05T15:40:00Z',
    detected: '2024-03-05T14:09:00Z',
  },
]);

const TODAY = '2026-11-21';

describe('key moments', () => {
  test('marked entries only, in time order, with their offset from impact', () => {
    expect(getKeyMoments(marked!.data, TODAY)).toEqual({
      fromStamps: false,
      moments: [
        {
          at: new Date('2024-03-02T14:02:00Z'),
          event: 'Config merged',
          sinceStart: -3 * 86_400_000,
          offset: '3 d before',
        },
        { at: new Date('2024-03-05T14:09:00Z'), event: 'Alert fired', sinceStart: 7 * 60_000, offset: '+7 min' },
        { at: new Date('2024-03-05T15:10:00Z'), event: 'Rolled back', sinceStart: 68 * 60_000, offset: '+1 h 08 min' },
      ],
    });
  });

  test('without marked entries, the lifecycle stamps stand in', () => {
    const { fromStamps, moments } = getKeyMoments(unmarked!.data, TODAY);
    expect(fromStamps).toBe(true);
    expect(moments.map((m) => `${m.offset} ${m.event}`)).toEqual([
      'start Impact began',
      '+7 min Detected',
      '+1 h 08 min Mitigated',
      '+1 h 38 min Resolved',
    ]);
  });

  test('a stamp after the build date (a mistyped year) shows its date, not an offset of centuries', () => {
    const typo = { ...unmarked!.data, resolved: new Date('2204-03-05T15:40:00Z') };
    expect(getKeyMoments(typo, TODAY).moments.map((m) => `${m.offset} ${m.event}`)).toEqual([
      'start Impact began',
      '+7 min Detected',
      '+1 h 08 min Mitigated',
      '2204-03-05 Resolved',
    ]);
  });

  test.each([
    [0, 'start'],
    [30_000, '+< 1 min'],
    [26 * 3_600_000, '+1 d 2 h'],
    [-45 * 60_000, '45 min before'],
  ])('%i ms after impact reads %s', (ms, text) => {
    expect(formatOffset(ms)).toBe(text);
  });

  test('the brief shows the first three factors in the order the authors gave and counts the rest', () => {
    expect(getTopFactors(['a', 'b', 'c', 'd', 'e'])).toEqual({ shown: ['a', 'b', 'c'], more: 2 });
    expect(getTopFactors(['a'])).toEqual({ shown: ['a'], more: 0 });
  });
});
