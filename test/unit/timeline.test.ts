import { describe, expect, test } from 'vitest';
import { buildTimeline, formatElapsed, mergeEntries } from '../../src/lib/timeline.ts';
import { incidentData } from './mock-incidents.ts';

const NOW = new Date('2024-03-06T00:00:00Z');

/** A validated incident from the few fields a test cares about (timeline entries as `at kind event`). */
function incident(fields: Record<string, unknown>, entries: string[] = []) {
  const timeline = entries.map((line) => {
    const [at, kind, ...event] = line.split(' ');
    return { at, kind, event: event.join(' ') };
  });
  return incidentData({ started: '2024-03-05T14:00:00Z', ...fields, timeline });
}

/** `HH:MM label` for each row, the shape a reader scans. */
const rows = (items: { at: Date; event: string }[]) =>
  items.map((i) => `${i.at.toISOString().slice(11, 16)} ${i.event}`);

describe('mergeEntries', () => {
  test('sorts entries by instant whatever order the author used, and adds the lifecycle stamps', () => {
    const data = incident({ detected: '2024-03-05T14:10:00Z', resolved: '2024-03-05T15:00:00Z' }, [
      '2024-03-05T14:30:00Z action Restarted pods',
      '2024-03-05T14:05:00Z observation Latency rose',
    ]);
    expect(rows(mergeEntries(data))).toEqual([
      '14:00 Impact began',
      '14:05 Latency rose',
      '14:10 Detected',
      '14:30 Restarted pods',
      '15:00 Resolved',
    ]);
  });

  test('an entry of the matching kind at a stamp carries the stamp instead of adding a second row', () => {
    const data = incident({ detected: '2024-03-05T14:10:00Z', mitigated: '2024-03-05T14:40:00Z' }, [
      '2024-03-05T14:10:00Z detection Alert fired',
      '2024-03-05T14:40:00Z action Rolled back',
    ]);
    const merged = mergeEntries(data);
    expect(rows(merged)).toEqual(['14:00 Impact began', '14:10 Alert fired', '14:40 Mitigated', '14:40 Rolled back']);
    expect(merged.map((i) => i.milestone)).toEqual(['started', 'detected', 'mitigated', undefined]);
  });

  test('equal instants keep stamps first, then the authored order (stable)', () => {
    const data = incident({}, [
      '2024-03-05T14:00:00Z communication Status page posted',
      '2024-03-05T14:00:00Z escalation Paged the database team',
      '2024-03-05T14:00:00Z action Froze deploys',
    ]);
    expect(rows(mergeEntries(data))).toEqual([
      '14:00 Impact began',
      '14:00 Status page posted',
      '14:00 Paged the database team',
      '14:00 Froze deploys',
    ]);
  });

  test('mixed offsets sort by the instant, not by the written clock time', () => {
    const data = incident({ started: '2024-03-05T14:00:00+01:00' }, [
      '2024-03-05T13:30:00Z action Written in UTC',
      '2024-03-05T15:20:00+02:00 action Written in +02:00',
    ]);
    // 15:20+02:00 is 13:20Z: before 13:30Z although its clock reads later.
    expect(rows(mergeEntries(data))).toEqual(['13:00 Impact began', '13:20 Written in +02:00', '13:30 Written in UTC']);
  });
});

describe('buildTimeline phases', () => {
  test.each([
    [
      'every stamp',
      { detected: '2024-03-05T14:07:00Z', mitigated: '2024-03-05T14:40:00Z', resolved: '2024-03-05T15:10:00Z' },
      [
        ['started-detected', 'Impact before detection', '7 min'],
        ['detected-mitigated', 'Detection to mitigation', '33 min'],
        ['mitigated-resolved', 'Mitigation to resolution', '30 min'],
      ],
    ],
    [
      'no detected stamp',
      { mitigated: '2024-03-05T14:40:00Z', resolved: '2024-03-05T15:10:00Z' },
      [
        ['started-mitigated', 'Impact to mitigation', '40 min'],
        ['mitigated-resolved', 'Mitigation to resolution', '30 min'],
      ],
    ],
    [
      'no mitigated stamp',
      { detected: '2024-03-05T14:07:00Z', resolved: '2024-03-05T15:10:00Z' },
      [
        ['started-detected', 'Impact before detection', '7 min'],
        ['detected-resolved', 'Detection to resolution', '1 h 03 min'],
      ],
    ],
    [
      'mitigated (automatically) before anyone detected it',
      { detected: '2024-03-05T14:30:00Z', mitigated: '2024-03-05T14:10:00Z', resolved: '2024-03-05T15:00:00Z' },
      [
        ['started-mitigated', 'Impact to mitigation', '10 min'],
        ['mitigated-detected', 'Mitigation to detection', '20 min'],
        ['detected-resolved', 'Detection to resolution', '30 min'],
      ],
    ],
    ['only started, ongoing', {}, [['started-open', 'Impact onwards (ongoing)', '10 h']]],
    [
      'detected, ongoing',
      { detected: '2024-03-05T14:07:00Z' },
      [
        ['started-detected', 'Impact before detection', '7 min'],
        ['detected-open', 'Detection onwards (ongoing)', '9 h 53 min'],
      ],
    ],
  ])('%s', (_name, stamps, expected) => {
    const timeline = buildTimeline(incident(stamps), { now: NOW });
    const closed = timeline.phases.filter((p) => p.id !== 'after');
    expect(closed.map((p) => [p.id, p.label, formatElapsed(p.durationMs!, p.start, p.end ?? NOW)])).toEqual(expected);
    expect(timeline.ongoing).toBe(!('resolved' in stamps));
    expect(closed.at(-1)!.ongoing).toBe(!('resolved' in stamps));
  });

  test('rows land in the phase that contains them; a row at a stamp opens the phase that starts there', () => {
    const data = incident(
      { detected: '2024-03-05T14:10:00Z', mitigated: '2024-03-05T14:40:00Z', resolved: '2024-03-05T15:00:00Z' },
      [
        '2024-03-05T14:05:00Z observation Latency rose',
        '2024-03-05T14:40:00Z action Rolled back',
        '2024-03-05T15:00:00Z communication All clear posted',
      ],
    );
    const { phases } = buildTimeline(data, { now: NOW });
    expect(phases.map((p) => [p.id, rows(p.items)])).toEqual([
      ['started-detected', ['14:00 Impact began', '14:05 Latency rose']],
      ['detected-mitigated', ['14:10 Detected']],
      ['mitigated-resolved', ['14:40 Mitigated', '14:40 Rolled back', '15:00 Resolved', '15:00 All clear posted']],
    ]);
  });

  test('entries after resolved go to an "After resolution" phase', () => {
    const data = incident({ resolved: '2024-03-05T15:00:00Z' }, [
      '2024-03-07T09:00:00Z communication Customer letter sent',
    ]);
    const after = buildTimeline(data, { now: NOW }).phases.at(-1)!;
    expect([after.id, after.label, after.durationMs, rows(after.items)]).toEqual([
      'after',
      'After resolution',
      undefined,
      ['09:00 Customer letter sent'],
    ]);
  });

  test('two stamps at one instant do not draw an empty zero-length band', () => {
    const data = incident({ detected: '2024-03-05T14:00:00Z', resolved: '2024-03-05T14:30:00Z' });
    const { phases } = buildTimeline(data, { now: NOW });
    expect(phases.map((p) => [p.id, rows(p.items)])).toEqual([
      ['detected-resolved', ['14:00 Impact began', '14:00 Detected', '14:30 Resolved']],
    ]);
  });

  test('an ongoing incident measures its open phase up to now', () => {
    const { phases, ongoing } = buildTimeline(incident({}), { now: new Date('2024-03-07T16:00:00Z') });
    expect(ongoing).toBe(true);
    expect(phases).toHaveLength(1);
    expect([phases[0]!.end, phases[0]!.durationMs]).toEqual([undefined, 2 * 86_400_000 + 2 * 3_600_000]);
  });
});

describe('buildTimeline lead-in and gaps', () => {
  test('entries before started are latent conditions with a calendar label, never drawn to scale', () => {
    const data = incident({ started: '2024-03-05T14:02:00Z', resolved: '2024-03-05T15:00:00Z' }, [
      '2021-06-01T00:00:00Z observation Canary ticket deferred',
      '2024-02-20T10:00:00Z action Config refactor merged',
    ]);
    const { leadIn, phases } = buildTimeline(data, { now: NOW });
    expect(leadIn.map((i) => [i.event, i.relative, i.spacing, i.gap])).toEqual([
      ['Canary ticket deferred', '2 years 9 months earlier', 0, undefined],
      ['Config refactor merged', '14 days earlier', 0, undefined],
    ]);
    // The jump from the lead-in into the incident is not a "gap later" either.
    expect(phases[0]!.items[0]).toMatchObject({ event: 'Impact began', gap: undefined, spacing: 0, newDay: true });
  });

  test('a long gap inside the incident is compressed and labelled; short gaps get log spacing', () => {
    const data = incident({ resolved: '2024-03-06T02:00:00Z' }, [
      '2024-03-05T14:05:00Z action A',
      '2024-03-05T14:10:00Z action B',
      '2024-03-05T14:15:00Z action C',
      '2024-03-05T20:35:00Z action D',
    ]);
    const items = buildTimeline(data, { now: NOW }).phases.flatMap((p) => p.items);
    expect(items.map((i) => [i.event, i.gap])).toEqual([
      ['Impact began', undefined],
      ['A', undefined],
      ['B', undefined],
      ['C', undefined],
      ['D', '6 h 20 min later'],
      ['Resolved', '5 h 25 min later'],
    ]);
    expect(items[1]!.spacing).toBeGreaterThan(0);
    expect(items[1]!.spacing).toBeLessThan(1);
    expect(items[4]!.spacing).toBe(0);
  });

  test('when every gap is long, none is singled out (threshold follows the median gap)', () => {
    const data = incident({ resolved: '2024-03-05T23:00:00Z' }, [
      '2024-03-05T17:00:00Z action A',
      '2024-03-05T20:00:00Z action B',
    ]);
    const items = buildTimeline(data, { now: NOW }).phases.flatMap((p) => p.items);
    expect(items.map((i) => i.gap)).toEqual([undefined, undefined, undefined, undefined]);
    expect(items.slice(1).every((i) => i.spacing > 0)).toBe(true);
  });

  test('simultaneous rows are flagged and take no extra space; a new UTC day shows its date', () => {
    const data = incident({ started: '2024-03-05T23:50:00Z' }, [
      '2024-03-05T23:55:00Z action A',
      '2024-03-05T23:55:00Z action B',
      '2024-03-06T00:10:00Z action C',
    ]);
    const items = buildTimeline(data, { now: NOW }).phases.flatMap((p) => p.items);
    expect(items.map((i) => [i.event, i.simultaneous, i.newDay])).toEqual([
      ['Impact began', false, true],
      ['A', false, false],
      ['B', true, false],
      ['C', false, true],
    ]);
    expect(items[2]!.spacing).toBe(0);
  });
});

describe('formatElapsed', () => {
  test.each([
    ['2024-03-05T14:00:00Z', '2024-03-05T14:42:00Z', '42 min'],
    ['2024-03-05T14:00:00Z', '2024-03-05T20:20:00Z', '6 h 20 min'],
    ['2024-03-05T14:00:00Z', '2024-03-06T14:00:00Z', '1 day'],
    ['2024-03-05T14:00:00Z', '2024-03-08T18:00:00Z', '3 days 4 h'],
    ['2024-03-05T14:00:00Z', '2024-03-25T18:00:00Z', '20 days'],
    // Hours that round up to a whole day carry into the days.
    ['2024-03-05T14:00:00Z', '2024-03-07T13:40:00Z', '2 days'],
    ['2024-03-05T14:00:00Z', '2024-03-07T13:20:00Z', '1 day 23 h'],
    ['2024-01-31T00:00:00Z', '2024-02-29T00:00:00Z', '1 month'],
    ['2024-01-15T00:00:00Z', '2024-06-17T00:00:00Z', '5 months 2 days'],
    ['2021-06-01T00:00:00Z', '2024-03-05T14:02:00Z', '2 years 9 months'],
    ['2021-03-05T14:02:00Z', '2024-03-05T14:02:00Z', '3 years'],
    ['2023-03-06T00:00:00Z', '2024-03-05T00:00:00Z', '11 months 28 days'],
  ])('%s → %s is %s', (from, to, expected) => {
    const a = new Date(from);
    const b = new Date(to);
    expect(formatElapsed(b.getTime() - a.getTime(), a, b)).toBe(expected);
  });
});
