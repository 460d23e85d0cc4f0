import { daysBetween, toCalendarDate } from '../format.ts';

export { daysBetween, toCalendarDate };

const DAY = 86_400_000;
const asUtc = (date: string) => new Date(`${date}T00:00:00Z`);

/** `2024-03` from an instant, in UTC. */
export function toMonth(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The calendar date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return toCalendarDate(new Date(asUtc(date).getTime() + days * DAY));
}

const isWeekend = (date: string) => [0, 6].includes(asUtc(date).getUTCDay());

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
  const days = Math.round((asUtc(to).getTime() - asUtc(from).getTime()) / DAY);
  if (!(days > 0)) return 0;
  const start = asUtc(from).getUTCDay();
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
