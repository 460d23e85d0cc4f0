/**
 * Calendar dates in UTC, the site's one home for them: `YYYY-MM-DD` strings for days (they have
 * no time zone), `Date`s for instants. "Today" is always passed in, never read from the clock.
 */

/** Milliseconds in a day (UTC days have no daylight-saving jumps). */
export const DAY_MS = 86_400_000;

/** `2024-03-05`, the UTC calendar date of an instant. */
export function toCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `2024-03` from an instant, in UTC. */
export function toMonth(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** Midnight UTC at the start of calendar date `date` (`YYYY-MM-DD`). */
export function parseCalendarDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** `2026-11-21` as midnight UTC (so "today" is the same day everywhere), else an ISO timestamp as written. */
export function parseDateOrTimestamp(text: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseCalendarDate(text) : new Date(text);
}

/** Days in `month` (1–12) of `year`: 28 to 31. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole days from calendar date `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseCalendarDate(to).getTime() - parseCalendarDate(from).getTime()) / DAY_MS);
}

/**
 * The site's one definition of "days ago": calendar days in UTC between the day `then` happened and
 * the day `now` is, as the pattern counters count them (an incident at 23:00 is "1 day ago" at 01:00).
 */
export function calendarDaysAgo(then: Date, now: Date): number {
  return daysBetween(toCalendarDate(then), toCalendarDate(now));
}

/** The calendar date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return toCalendarDate(new Date(parseCalendarDate(date).getTime() + days * DAY_MS));
}

const isWeekend = (date: string) => [0, 6].includes(parseCalendarDate(date).getUTCDay());

/** The date `n` business days (Monday to Friday; no holiday calendar) after `date`. */
export function addBusinessDays(date: string, n: number): string {
  let current = date;
  for (let left = n; left > 0;) {
    current = addDays(current, 1);
    if (!isWeekend(current)) left -= 1;
  }
  return current;
}

/**
 * Business days after `from` up to and including `to`; 0 when `to` is not later. Counted by whole
 * weeks, not day by day: reviews overdue for years are counted on every build.
 */
export function businessDaysBetween(from: string, to: string): number {
  const days = daysBetween(from, to);
  if (!(days > 0)) return 0;
  const start = parseCalendarDate(from).getUTCDay();
  let count = Math.floor(days / 7) * 5;
  for (let offset = 1; offset <= days % 7; offset++) {
    const weekday = (start + offset) % 7;
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

/** The same calendar date `years` earlier or later; 29 February becomes 28 February off leap years. */
export function shiftYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/** Whole calendar months from `from` to `to` (UTC), then whole days left over. */
export function calendarDiff(from: Date, to: Date): { months: number; days: number } {
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (addMonths(from, months).getTime() > to.getTime()) months--;
  const days = Math.floor((to.getTime() - addMonths(from, months).getTime()) / DAY_MS);
  return { months, days };
}

/** `date` plus `months` calendar months, clamped to the end of a shorter month (31 Jan + 1 = 29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  result.setUTCDate(Math.min(day, daysInMonth(result.getUTCFullYear(), result.getUTCMonth() + 1)));
  return result;
}
