/**
 * Responder load by shift: for each team with a configured time zone, whether each incident paged
 * it in its working hours, the evening, the night or a weekend; per team, and per person when names
 * may be shown. The moment that counts is when the organisation noticed (`detected`, else `started`).
 */
import type { IncidentData } from '../../schemas/incident.ts';
import type { IncidentLike } from '../incidents.ts';
import { getShift, SHIFTS, toLocalTime, type Shift, type TeamHours } from '../working-hours.ts';

/** Incidents per shift, with their ids. */
export type ShiftCounts = Record<Shift, string[]>;

export interface TeamShiftLoad {
  team: string;
  timeZone: string;
  hours: string;
  shifts: ShiftCounts;
  /** Incidents outside working hours. */
  outOfHours: number;
  total: number;
}

export interface PersonShiftLoad extends Omit<TeamShiftLoad, 'timeZone' | 'hours'> {
  name: string;
}

export interface OutOfHoursStats {
  /** Configured teams that took part in any incident, most out-of-hours first. */
  perTeam: TeamShiftLoad[];
  /** Empty when names may not be shown (team-only setting, public builds). */
  perPerson: PersonShiftLoad[];
  /** Teams participants name that have no time zone configured, by name. */
  unconfiguredTeams: string[];
}

/** When the incident paged people: `detected`, else `started`. */
export function getPageTime(data: Pick<IncidentData, 'detected' | 'started'>): Date {
  return data.detected ?? data.started;
}

/** "Paged at 03:12 local for the sre team": one line per configured team that took part. */
export interface PagedLocal {
  team: string;
  timeZone: string;
  /** `03:12`. */
  clock: string;
  /** The local date when it differs from the UTC date of the page. */
  date: string;
  shift: Shift;
}

/** Responders are participants other than observers. */
const respondersOf = (data: Pick<IncidentData, 'participants'>) =>
  data.participants.filter((p) => p.role !== 'observer');

/** The local page time for each configured team among an incident's responders, by team name. */
export function getPagedLocal(
  data: Pick<IncidentData, 'detected' | 'started' | 'participants'>,
  teams: Readonly<Record<string, TeamHours>>,
): PagedLocal[] {
  const at = getPageTime(data);
  const names = [
    ...new Set(respondersOf(data).flatMap((p) => (p.team && Object.hasOwn(teams, p.team) ? [p.team] : []))),
  ].sort();
  return names.map((team) => {
    const config = teams[team]!;
    const local = toLocalTime(at, config.timeZone);
    return { team, timeZone: config.timeZone, clock: local.clock, date: local.date, shift: getShift(at, config) };
  });
}

const emptyShifts = (): ShiftCounts => ({ working: [], evening: [], night: [], weekend: [] });
const totals = (shifts: ShiftCounts) => ({
  outOfHours: shifts.evening.length + shifts.night.length + shifts.weekend.length,
  total: SHIFTS.reduce((n, s) => n + shifts[s].length, 0),
});
const byLoad = (a: { outOfHours: number; total: number }, b: { outOfHours: number; total: number }) =>
  b.outOfHours - a.outOfHours || b.total - a.total;

/** Responder load by shift for the configured teams. */
export function getOutOfHoursStats(
  incidents: readonly IncidentLike[],
  teams: Readonly<Record<string, TeamHours>>,
  options: { showNames: boolean },
): OutOfHoursStats {
  const perTeam = new Map<string, ShiftCounts>();
  const perPerson = new Map<string, { team: string; shifts: ShiftCounts }>();
  const unconfigured = new Set<string>();
  for (const incident of incidents) {
    const shiftOf = new Map(getPagedLocal(incident.data, teams).map((p) => [p.team, p.shift]));
    for (const p of respondersOf(incident.data)) {
      if (p.team && !shiftOf.has(p.team)) unconfigured.add(p.team);
      const shift = p.team ? shiftOf.get(p.team) : undefined;
      if (!p.team || !shift) continue;
      const team = perTeam.get(p.team) ?? emptyShifts();
      // A team or person listed twice in one review counts once for it.
      if (!team[shift].includes(incident.id)) team[shift].push(incident.id);
      perTeam.set(p.team, team);
      const person = perPerson.get(p.name) ?? { team: p.team, shifts: emptyShifts() };
      if (!person.shifts[shift].includes(incident.id)) person.shifts[shift].push(incident.id);
      perPerson.set(p.name, person);
    }
  }
  return {
    perTeam: [...perTeam]
      .map(([team, shifts]) => ({
        team,
        timeZone: teams[team]!.timeZone,
        hours: teams[team]!.hours,
        shifts,
        ...totals(shifts),
      }))
      .sort((a, b) => byLoad(a, b) || a.team.localeCompare(b.team)),
    perPerson: options.showNames
      ? [...perPerson]
          .map(([name, { team, shifts }]) => ({ name, team, shifts, ...totals(shifts) }))
          .sort((a, b) => byLoad(a, b) || a.name.localeCompare(b.name))
      : [],
    unconfiguredTeams: [...unconfigured].sort(),
  };
}
