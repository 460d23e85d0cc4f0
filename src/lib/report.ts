/** The terminal reports of `npm run report`: plain-text tables and their JSON twins. */
import type { BacklogTrend } from './stats/backlog.ts';
import type { ActionStats, OwnerActions, OwnerReviews, ReviewStats } from './stats/follow-through.ts';

/** Left-aligned columns separated by two spaces; cells longer than `max` are cut with `…`. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], max = 60): string {
  const cut = (cell: string) => (cell.length > max ? `${cell.slice(0, max - 1)}…` : cell);
  const table = [headers, ...rows].map((row) => row.map(cut));
  const widths = headers.map((_, i) => Math.max(...table.map((row) => row[i]?.length ?? 0)));
  return table
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `actions --json`: every open or in-progress item by owner, overdue first. */
export interface ActionsReport {
  today: string;
  open: number;
  overdue: number;
  owners: OwnerActions[];
}

/** `reviews --json`: unpublished reviews past their due date, by owner. */
export interface ReviewsReport {
  today: string;
  dueBusinessDays: number;
  overdue: number;
  awaiting: number;
  owners: OwnerReviews[];
}

/** The actions report's data. */
export function getActionsReport(actions: ActionStats, today: string): ActionsReport {
  const open = actions.openByOwner.reduce((n, g) => n + g.items.length, 0);
  return { today, open, overdue: actions.overdue, owners: actions.openByOwner };
}

/** The reviews report's data. */
export function getReviewsReport(reviews: ReviewStats, today: string): ReviewsReport {
  return {
    today,
    dueBusinessDays: reviews.dueBusinessDays,
    overdue: reviews.overdue,
    awaiting: reviews.awaiting,
    owners: reviews.overdueByOwner,
  };
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** The actions report as a table; the owner is written on its group's first row only. */
export function formatActionsReport(report: ActionsReport): string {
  const head = `Open action items as of ${report.today}: ${report.open} open, ${report.overdue} overdue.`;
  if (report.open === 0) return `${head}\n`;
  const rows = report.owners.flatMap((group) =>
    group.items.map((item, i) => [
      i === 0 ? group.owner : '',
      item.due ?? '-',
      item.overdue ? `OVERDUE ${days(item.daysOverdue!)}` : '',
      item.status,
      item.title,
      item.incidentId,
    ]),
  );
  return `${head}\n\n${formatTable(['OWNER', 'DUE', 'LATE', 'STATUS', 'ACTION', 'INCIDENT'], rows)}\n`;
}

/** The reviews report as a table. */
export function formatReviewsReport(report: ReviewsReport): string {
  const head =
    `Reviews are due ${report.dueBusinessDays} business days after resolution. As of ${report.today}: ` +
    `${report.overdue} overdue, ${report.awaiting} not yet due.`;
  if (report.overdue === 0) return `${head}\n`;
  const rows = report.owners.flatMap((group) =>
    group.items.map((r, i) => [
      i === 0 ? group.owner : '',
      r.resolved,
      r.due,
      `${r.businessDaysLate} business ${r.businessDaysLate === 1 ? 'day' : 'days'}`,
      r.title,
      r.id,
    ]),
  );
  return `${head}\n\n${formatTable(['OWNER', 'RESOLVED', 'DUE', 'LATE', 'REVIEW', 'INCIDENT'], rows)}\n`;
}

/** `actions --trend`: the backlog month by month, as on the insights page. */
export function formatBacklogTrend(trend: BacklogTrend, today: string): string {
  const median = trend.medianOpenAgeDays === undefined ? '-' : days(trend.medianOpenAgeDays);
  const head = `Action item backlog as of ${today}: ${trend.openToday} open, median age ${median}.`;
  const note =
    trend.closedWithoutDate > 0
      ? `\n${trend.closedWithoutDate} closed items have no closed date and are left out of the trend.`
      : '';
  if (trend.months.length === 0) return `${head}${note}\n`;
  const rows = trend.months.map((m) => [
    m.month,
    String(m.opened),
    String(m.closed),
    String(m.openAtEnd),
    String(m.overdueAtEnd),
  ]);
  return `${head}${note}\n\n${formatTable(['MONTH', 'OPENED', 'CLOSED', 'OPEN AT END', 'OVERDUE AT END'], rows)}\n`;
}
