import type { IncidentLike } from '../incidents.ts';
import { share, summarize, tally, type Summary, type Tally } from './summary.ts';

/** Who the review meetings reached. */
export interface MeetingStats {
  /** Reviews that record a meeting (a `review` block). */
  meetings: number;
  attendees: Summary;
  readers: Summary;
  /** Reviews per department that attended, most frequent first. */
  departments: Tally[];
  /** Of meetings that list departments: how many reached beyond engineering. */
  withDepartments: number;
  beyondEngineering: number;
  beyondEngineeringShare: number | undefined;
}

/** A person (as the reviews write the name) and the incidents they were part of. */
export interface PersonLoad {
  name: string;
  /** Teams given for this person across reviews. */
  teams: string[];
  incidents: number;
  ids: string[];
  /** Incidents where they were pulled in while not on call. */
  notOnCall: number;
  notOnCallIds: string[];
}

export interface LoadStats {
  /** False when the site aggregates by team only: the person lists are then empty. */
  showNames: boolean;
  /** Incidents per team that took part (participants without a team under "(no team)"). */
  perTeam: Tally[];
  /** Incidents per team where a member was pulled in while not on call. */
  notOnCallPerTeam: Tally[];
  perPerson: PersonLoad[];
  /** People in at least `manyThreshold` incidents: knowledge held by few. */
  frequent: PersonLoad[];
  manyThreshold: number;
  /** Incidents that record any participant. */
  withParticipants: number;
}

const ENGINEERING = /^engineering$/i;

/** Attendance, departments and readers of review meetings. */
export function getMeetingStats(incidents: readonly IncidentLike[]): MeetingStats {
  const reviewed = incidents.filter((i) => i.data.review !== undefined);
  const sample = (pick: (i: IncidentLike) => number | undefined) =>
    reviewed.flatMap((i) => {
      const value = pick(i);
      return value === undefined ? [] : [{ id: i.id, value }];
    });
  const withDepartments = reviewed.filter((i) => i.data.review!.departments.length > 0);
  const beyond = withDepartments.filter((i) => i.data.review!.departments.some((d) => !ENGINEERING.test(d)));
  return {
    meetings: reviewed.length,
    attendees: summarize(sample((i) => i.data.review?.attendees)),
    readers: summarize(sample((i) => i.data.review?.readers)),
    departments: tally(reviewed, (i) => i.data.review!.departments.map((d) => d.toLowerCase())),
    withDepartments: withDepartments.length,
    beyondEngineering: beyond.length,
    beyondEngineeringShare: share(beyond.length, withDepartments.length),
  };
}

/** Responder load per team and per person; `showNames: false` keeps only the team view. */
export function getLoadStats(
  incidents: readonly IncidentLike[],
  options: { showNames: boolean; manyThreshold?: number },
): LoadStats {
  const manyThreshold = options.manyThreshold ?? 3;
  const teamOf = (team: string | undefined) => team ?? '(no team)';
  const people = new Map<string, PersonLoad>();
  for (const incident of incidents) {
    for (const p of incident.data.participants) {
      const person = people.get(p.name) ?? {
        name: p.name,
        teams: [],
        incidents: 0,
        ids: [],
        notOnCall: 0,
        notOnCallIds: [],
      };
      if (p.team && !person.teams.includes(p.team)) person.teams.push(p.team);
      // A person listed twice in one review (two roles) counts once for it.
      if (!person.ids.includes(incident.id)) {
        person.ids.push(incident.id);
        person.incidents += 1;
      }
      if (p.onCall === false && !person.notOnCallIds.includes(incident.id)) {
        person.notOnCallIds.push(incident.id);
        person.notOnCall += 1;
      }
      people.set(p.name, person);
    }
  }
  const perPerson = [...people.values()].sort((a, b) => b.incidents - a.incidents || a.name.localeCompare(b.name));
  return {
    showNames: options.showNames,
    perTeam: tally(incidents, (i) => i.data.participants.map((p) => teamOf(p.team))),
    notOnCallPerTeam: tally(incidents, (i) =>
      i.data.participants.filter((p) => p.onCall === false).map((p) => teamOf(p.team)),
    ),
    perPerson: options.showNames ? perPerson : [],
    frequent: options.showNames ? perPerson.filter((p) => p.incidents >= manyThreshold) : [],
    manyThreshold,
    withParticipants: incidents.filter((i) => i.data.participants.length > 0).length,
  };
}
