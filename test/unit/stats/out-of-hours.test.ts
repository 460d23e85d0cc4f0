import { describe, expect, test } from 'vitest';
import { getOutOfHoursStats, getPagedLocal } from '../../../src/lib/stats/out-of-hours.ts';
import { mockIncidents } from '../mock-incidents.ts';

const teams = {
  sre: { timeZone: 'Europe/Berlin', hours: '09:00-18:00' },
  data: { timeZone: 'America/New_York', hours: '09:00-17:00' },
};
const person = (name: string, team: string, role = 'responder') => ({ name, team, role });

const [night, office, saturday] = mockIncidents([
  // Detected Tue 2 Apr 2024 01:12 UTC: 03:12 CEST in Berlin (night), 21:12 EDT on Monday in New York (evening).
  {
    id: 'night',
    started: '2024-04-02T01:00:00Z',
    detected: '2024-04-02T01:12:00Z',
    participants: [
      person('A.K.', 'sre'),
      person('B.L.', 'data'),
      person('C.M.', 'support', 'observer'),
      person('D.N.', 'network'),
    ],
  },
  // No detected: started Tue 08:00 UTC is 10:00 in Berlin.
  {
    id: 'office',
    started: '2024-04-02T08:00:00Z',
    participants: [person('A.K.', 'sre', 'incident-commander'), person('A.K.', 'sre', 'scribe'), person('E.O.', 'sre')],
  },
  { id: 'saturday', started: '2024-04-06T10:00:00Z', participants: [person('B.L.', 'data')] },
]);

describe('out-of-hours load', () => {
  test('the review line: local page time per configured team, observers and unconfigured teams left out', () => {
    expect(getPagedLocal(night!.data, teams)).toEqual([
      { team: 'data', timeZone: 'America/New_York', clock: '21:12', date: '2024-04-01', shift: 'evening' },
      { team: 'sre', timeZone: 'Europe/Berlin', clock: '03:12', date: '2024-04-02', shift: 'night' },
    ]);
  });

  test('per team and per person, by hand', () => {
    const stats = getOutOfHoursStats([night!, office!, saturday!], teams, { showNames: true });
    expect(stats.perTeam).toEqual([
      {
        team: 'data',
        timeZone: 'America/New_York',
        hours: '09:00-17:00',
        shifts: { working: [], evening: ['night'], night: [], weekend: ['saturday'] },
        outOfHours: 2,
        total: 2,
      },
      {
        team: 'sre',
        timeZone: 'Europe/Berlin',
        hours: '09:00-18:00',
        shifts: { working: ['office'], evening: [], night: ['night'], weekend: [] },
        outOfHours: 1,
        total: 2,
      },
    ]);
    // A.K. is listed twice in "office" and counts once for it.
    expect(stats.perPerson.map((p) => [p.name, p.team, p.outOfHours, p.total])).toEqual([
      ['B.L.', 'data', 2, 2],
      ['A.K.', 'sre', 1, 2],
      ['E.O.', 'sre', 0, 1],
    ]);
    expect(stats.unconfiguredTeams).toEqual(['network']);
  });

  test('the team-only switch still aggregates by team but lists nobody', () => {
    const stats = getOutOfHoursStats([night!, office!, saturday!], teams, { showNames: false });
    expect(stats.perTeam.map((t) => [t.team, t.outOfHours])).toEqual([
      ['data', 2],
      ['sre', 1],
    ]);
    expect(stats.perPerson).toEqual([]);
  });
});
