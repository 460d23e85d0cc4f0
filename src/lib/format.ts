import { parseCalendarDate } from './dates.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration as people say it: `42 min`, `1 h 08 min`, `2 d 3 h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < MINUTE) return ms === 0 ? '0 min' : '< 1 min';
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  if (ms < DAY) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')} min`;
  }
  const hours = Math.round(ms / HOUR);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** `2024-03-05 14:02 UTC`: every time on the site is written in UTC with the zone named. */
export function formatTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

// Timeline.astro still imports it from here; every other caller reads src/lib/dates.ts.
export { toCalendarDate } from './dates.ts';

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `5 Mar 2024` from a `Date` or a `YYYY-MM-DD` string (read as a UTC calendar date). */
export function formatDate(date: Date | string): string {
  return LONG_DATE.format(typeof date === 'string' ? parseCalendarDate(date) : date);
}

/** `1 incident`, `3 incidents`. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** `text` with its first letter in lower case, to follow a word ("For new on-call engineers"); acronyms ("SREs") stay. */
export function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
