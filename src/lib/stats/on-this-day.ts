// No imports: this module is also bundled into the page's "On this day" script.

/** An incident reduced to what "On this day" shows. */
export interface DayEntry {
  id: string;
  title: string;
  /** UTC start date, YYYY-MM-DD. */
  date: string;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * Entries from earlier years on today's month and day (UTC), newest first. Incidents of
 * 29 February are remembered on 28 February in years without one.
 */
export function getOnThisDay<T extends DayEntry>(entries: readonly T[], today: string): T[] {
  const year = Number(today.slice(0, 4));
  const monthDay = today.slice(5);
  const matches = (date: string) => {
    const day = date.slice(5);
    return day === monthDay || (day === '02-29' && monthDay === '02-28' && !isLeap(year));
  };
  return entries
    .filter((e) => Number(e.date.slice(0, 4)) < year && matches(e.date))
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}
