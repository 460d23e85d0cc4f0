/**
 * Is the follow-up backlog growing? Month by month: action items opened, closed, still open at
 * the month's end and overdue then, plus the median age of the items open today.
 */
import type { ActionItem, IncidentData } from '../../schemas/incident.ts';
import type { IncidentLike } from '../incidents.ts';
import { daysBetween, daysInMonth, toCalendarDate } from '../dates.ts';
import { quantile } from './summary.ts';

/** One month of the backlog. */
export interface BacklogMonth {
  /** `YYYY-MM`. */
  month: string;
  /** The date the month's standing is taken at: its last day, or `today` for the current month. */
  end: string;
  opened: number;
  closed: number;
  /** Created on or before `end` and not closed by then. */
  openAtEnd: number;
  /** Open at `end` with `due` before `end`. */
  overdueAtEnd: number;
}

export interface BacklogTrend {
  /** From the month of the first item to today's month; empty without items. */
  months: BacklogMonth[];
  /** Items open or in progress today. */
  openToday: number;
  /** Median days since `created` of the items open today; undefined when none is open. */
  medianOpenAgeDays: number | undefined;
  /** Done or won't-do items with no `closed` date: when they left the backlog is unknown, so the trend leaves them out. */
  closedWithoutDate: number;
}

/**
 * When an item was opened: its `created`, else the review's `published`, `resolved` or `started`
 * date (UTC). A default later than the item's `closed` gives way to it: an item fixed before the
 * review was published was open no later than the day it closed.
 */
export function getCreatedDate(
  item: Pick<ActionItem, 'created' | 'closed'>,
  data: Pick<IncidentData, 'published' | 'resolved' | 'started'>,
): string {
  if (item.created !== undefined) return item.created;
  const fallback = data.published ?? toCalendarDate(data.resolved ?? data.started);
  return item.closed !== undefined && item.closed < fallback ? item.closed : fallback;
}

const isOpen = (item: Pick<ActionItem, 'status'>) => item.status === 'open' || item.status === 'in-progress';

/** The last calendar day of a `YYYY-MM` month. */
function lastDay(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${daysInMonth(year, m)}`;
}

/** `YYYY-MM` months from `from` to `to`, both included. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (let current = from; current <= to; current = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(current);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/** The backlog month by month up to `today` (YYYY-MM-DD); items created after today are ignored. */
export function getBacklogTrend(incidents: readonly IncidentLike[], today: string): BacklogTrend {
  const all = incidents.flatMap((i) =>
    i.data.actionItems.map((item) => ({ ...item, created: getCreatedDate(item, i.data) })),
  );
  const dated = all.filter((item) => item.created <= today);
  const tracked = dated.filter((item) => isOpen(item) || item.closed !== undefined);
  const openToday = dated.filter(isOpen);
  const first = tracked.map((item) => item.created).sort()[0];
  const months = first
    ? monthsBetween(first.slice(0, 7), today.slice(0, 7)).map((month): BacklogMonth => {
        const end = month === today.slice(0, 7) ? today : lastDay(month);
        const open = tracked.filter((item) => item.created <= end && (item.closed === undefined || item.closed > end));
        return {
          month,
          end,
          opened: tracked.filter((item) => item.created.startsWith(month)).length,
          closed: tracked.filter((item) => item.closed?.startsWith(month)).length,
          openAtEnd: open.length,
          overdueAtEnd: open.filter((item) => item.due !== undefined && item.due < end).length,
        };
      })
    : [];
  return {
    months,
    openToday: openToday.length,
    medianOpenAgeDays: quantile(
      openToday.map((item) => daysBetween(item.created, today)),
      0.5,
    ),
    closedWithoutDate: dated.length - tracked.length,
  };
}
