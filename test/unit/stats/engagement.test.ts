import { describe, expect, test } from 'vitest';
import { getLoadStats, getMeetingStats } from '../../../src/lib/stats/engagement.ts';
import { mockIncidents } from '../mock-incidents.ts';

const incidents = mockIncidents([
  {
    id: 'a',
    review: { date: '2024-01-10', attendees: 23, departments: ['Engineering', 'support'], readers: 140 },
    participants: [
      { name: 'A.K.', role: 'incident-commander', team: 'platform', onCall: true },
      { name: 'J.Y.', role: 'subject-matter-expert', team: 'network', onCall: false },
      { name: 'J.Y.', role: 'scribe', team: 'network', onCall: false },
    ],
  },
  {
    id: 'b',
    review: { attendees: 5, departments: ['engineering'] },
    participants: [
      { name: 'A.K.', role: 'incident-commander', team: 'platform', onCall: true },
      { name: 'M.P.', role: 'responder', onCall: false },
    ],
  },
  {
    id: 'c',
    review: { attendees: 8 },
    participants: [
      { name: 'A.K.', role: 'responder', team: 'platform', onCall: false },
      { name: 'J.Y.', role: 'responder', team: 'network' },
    ],
  },
  { id: 'd' },
]);

describe('review meetings', () => {
  test('attendance, readers and the reach beyond engineering', () => {
    const m = getMeetingStats(incidents);
    expect(m.meetings).toBe(3);
    expect(m.attendees).toMatchObject({ n: 3, median: 8, smallSample: true });
    expect(m.readers).toMatchObject({ n: 1, median: 140 });
    expect(m.departments.map((d) => [d.key, d.count])).toEqual([
      ['engineering', 2],
      ['support', 1],
    ]);
    // Of the two meetings that list departments, one reached support.
    expect(m).toMatchObject({ withDepartments: 2, beyondEngineering: 1, beyondEngineeringShare: 0.5 });
  });
});

describe('responder load', () => {
  test('per team and per person; two roles in one review count once', () => {
    const load = getLoadStats(incidents, { showNames: true });
    expect(load.perTeam.map((t) => [t.key, t.count])).toEqual([
      ['platform', 3],
      ['network', 2],
      ['(no team)', 1],
    ]);
    expect(load.perPerson.map((p) => [p.name, p.incidents, p.notOnCall, p.teams])).toEqual([
      ['A.K.', 3, 1, ['platform']],
      ['J.Y.', 2, 1, ['network']],
      ['M.P.', 1, 1, []],
    ]);
    expect(load.notOnCallPerTeam.map((t) => [t.key, t.count])).toEqual([
      ['(no team)', 1],
      ['network', 1],
      ['platform', 1],
    ]);
    expect(load.frequent.map((p) => p.name)).toEqual(['A.K.']);
    expect(load.withParticipants).toBe(3);
  });

  test('team-only mode lists nobody by name', () => {
    const load = getLoadStats(incidents, { showNames: false });
    expect(load.perPerson).toEqual([]);
    expect(load.frequent).toEqual([]);
    expect(load.perTeam).toHaveLength(3);
    expect(JSON.stringify(load)).not.toContain('J.Y.');
  });
});
