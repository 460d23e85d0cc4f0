/**
 * What the night cost: when an incident paged a team, in the team's own time zone and working
 * hours. Time zones are IANA names resolved by `Intl` (no hand-written offset or DST rules).
 */

/** Where a moment falls for a team: its working hours, the evening after, the night, or a weekend. */
export const SHIFTS = ['working', 'evening', 'night', 'weekend'] as const;
export type Shift = (typeof SHIFTS)[number];

/** How the pages name each shift. */
export const SHIFT_LABELS: Record<Shift, string> = {
  working: 'Working hours',
  evening: 'Evening',
  night: 'Night',
  weekend: 'Weekend',
};

/** Evenings end and nights begin at 22:00 local time. */
export const NIGHT_STARTS = 22 * 60;

/** A team's configured zone and working hours (minutes after local midnight). */
export interface TeamHours {
  timeZone: string;
  /** `09:00-18:00`. */
  hours: string;
}

/** True when `Intl` knows the IANA zone name (`Europe/Berlin`, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** `09:00-18:00` → minutes after midnight, or undefined when it is not `HH:MM-HH:MM` with start before end. */
export function parseHours(hours: string): { start: number; end: number } | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/.exec(hours.trim());
  if (!match) return undefined;
  const start = Number(match[1]) * 60 + Number(match[2]);
  const end = Number(match[3]) * 60 + Number(match[4]);
  return start < end && end <= 24 * 60 ? { start, end } : undefined;
}

/** A moment as a wall clock in a zone shows it. */
export interface LocalTime {
  /** `03:12`. */
  clock: string;
  /** `2024-03-31`. */
  date: string;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  /** Minutes after local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The local wall-clock time of `at` in `timeZone`, via `Intl` (so daylight saving is the zone database's). */
export function toLocalTime(at: Date, timeZone: string): LocalTime {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    format.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  const [hour, minute] = [Number(part('hour')), Number(part('minute'))];
  return {
    clock: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    date: `${part('year')}-${part('month')}-${part('day')}`,
    weekday: WEEKDAYS.indexOf(part('weekday')),
    minutes: hour * 60 + minute,
  };
}

/** The shift `at` falls in for a team: weekend (local Saturday or Sunday), working hours, evening (to 22:00), or night. */
export function getShift(at: Date, team: TeamHours): Shift {
  const local = toLocalTime(at, team.timeZone);
  if (local.weekday === 0 || local.weekday === 6) return 'weekend';
  const hours = parseHours(team.hours);
  if (!hours) throw new Error(`working hours "${team.hours}" are not HH:MM-HH:MM`);
  if (local.minutes >= hours.start && local.minutes < hours.end) return 'working';
  return local.minutes >= hours.end && local.minutes < Math.max(NIGHT_STARTS, hours.end) ? 'evening' : 'night';
}
