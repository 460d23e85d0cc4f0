import {
  ACTION_STATUSES,
  ACTION_TYPES,
  type ActionItem,
  type ActionStatus,
  type ActionType,
} from '../../schemas/incident.ts';
import { isOverdue, type IncidentLike } from '../incidents.ts';
import { addBusinessDays, businessDaysBetween, daysBetween, toCalendarDate } from '../dates.ts';
import { share, summarize, type Summary } from './summary.ts';

/** One action item with the incident it came from and its standing today. */
export interface ActionRow extends ActionItem {
  incidentId: string;
  incidentTitle: string;
  /** Open or in progress with `due` before today (due today is not overdue; won't-do never is). */
  overdue: boolean;
  /** Whole days past `due`, for overdue items. */
  daysOverdue: number | undefined;
}

/** Open and in-progress items of one owner, overdue first. */
export interface OwnerActions {
  owner: string;
  overdue: number;
  items: ActionRow[];
}

export interface ActionStats {
  total: number;
  byStatus: Record<ActionStatus, number>;
  /** Per type: all items and those still open or in progress. */
  byType: Record<ActionType, { total: number; open: number }>;
  /** Per owner, owners with overdue items first. */
  byOwner: {
    owner: string;
    total: number;
    open: number;
    inProgress: number;
    done: number;
    wontDo: number;
    overdue: number;
  }[];
  overdue: number;
  /** Open or in-progress items that have no due date. */
  openWithoutDue: number;
  /** Days from the incident's resolution date (start date if unresolved) to `closed`, for done items. */
  daysToClose: Summary;
  /** Every open or in-progress item, grouped by owner. */
  openByOwner: OwnerActions[];
}

const isOpen = (item: Pick<ActionItem, 'status'>) => item.status === 'open' || item.status === 'in-progress';

/** Every action item of every incident, with overdue worked out against `today`. */
export function getActionRows(incidents: readonly IncidentLike[], today: string): ActionRow[] {
  return incidents.flatMap((incident) =>
    incident.data.actionItems.map((item) => {
      const overdue = isOverdue(item, today);
      return {
        ...item,
        incidentId: incident.id,
        incidentTitle: incident.data.title,
        overdue,
        daysOverdue: overdue && item.due ? daysBetween(item.due, today) : undefined,
      };
    }),
  );
}

/** Overdue first (longest overdue first), then by due date, items without one last; then by title. */
export function compareActionRows(a: ActionRow, b: ActionRow): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const dueA = a.due ?? '9999-99-99';
  const dueB = b.due ?? '9999-99-99';
  return dueA.localeCompare(dueB) || a.title.localeCompare(b.title) || a.incidentId.localeCompare(b.incidentId);
}

/** Items still to do: open or in progress. */
export function countOpenActions(actions: Pick<ActionStats, 'byStatus'>): number {
  return actions.byStatus.open + actions.byStatus['in-progress'];
}

/** Open and in-progress items grouped by owner: owners with the most overdue items first, then by name. */
export function groupOpenByOwner(rows: readonly ActionRow[]): OwnerActions[] {
  const groups = new Map<string, ActionRow[]>();
  for (const row of rows.filter(isOpen)) groups.set(row.owner, [...(groups.get(row.owner) ?? []), row]);
  return [...groups]
    .map(([owner, items]) => ({
      owner,
      overdue: items.filter((i) => i.overdue).length,
      items: items.sort(compareActionRows),
    }))
    .sort((a, b) => b.overdue - a.overdue || a.owner.localeCompare(b.owner));
}

/** Counts of action items by status, type and owner; overdue; days to close. */
export function getActionStats(incidents: readonly IncidentLike[], today: string): ActionStats {
  const rows = getActionRows(incidents, today);
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length]));
  const byType = Object.fromEntries(
    ACTION_TYPES.map((t) => {
      const ofType = rows.filter((r) => r.type === t);
      return [t, { total: ofType.length, open: ofType.filter(isOpen).length }];
    }),
  );
  const owners = [...new Set(rows.map((r) => r.owner))];
  const byOwner = owners
    .map((owner) => {
      const own = rows.filter((r) => r.owner === owner);
      const count = (status: ActionStatus) => own.filter((r) => r.status === status).length;
      return {
        owner,
        total: own.length,
        open: count('open'),
        inProgress: count('in-progress'),
        done: count('done'),
        wontDo: count('wont-do'),
        overdue: own.filter((r) => r.overdue).length,
      };
    })
    .sort((a, b) => b.overdue - a.overdue || a.owner.localeCompare(b.owner));
  const startOf = new Map(incidents.map((i) => [i.id, toCalendarDate(i.data.resolved ?? i.data.started)]));
  const closeSamples = rows.flatMap((r) =>
    r.status === 'done' && r.closed
      ? [{ id: r.incidentId, value: daysBetween(startOf.get(r.incidentId)!, r.closed) }]
      : [],
  );
  return {
    total: rows.length,
    byStatus: byStatus as Record<ActionStatus, number>,
    byType: byType as Record<ActionType, { total: number; open: number }>,
    byOwner,
    overdue: rows.filter((r) => r.overdue).length,
    openWithoutDue: rows.filter((r) => isOpen(r) && r.due === undefined).length,
    daysToClose: summarize(closeSamples),
    openByOwner: groupOpenByOwner(rows),
  };
}

/** One resolved incident's review and whether it came out in time. */
export interface ReviewRow {
  id: string;
  title: string;
  owner: string | undefined;
  /** UTC date the incident was resolved. */
  resolved: string;
  /** The review is due this many business days after resolution. */
  due: string;
  /** The `published` date, if given. */
  published: string | undefined;
  /** True when it has a `published` date or its status is `published`. */
  isPublished: boolean;
  /** Calendar days from resolution to publication. */
  daysToPublish: number | undefined;
  /** Published after the due date, or still unpublished after it. */
  late: boolean;
  /** For unpublished late reviews: business days past due, as of today. */
  businessDaysLate: number | undefined;
}

/** Late reviews of one owner. */
export interface OwnerReviews {
  owner: string;
  items: ReviewRow[];
}

export interface ReviewStats {
  dueBusinessDays: number;
  /** Resolved incidents (ongoing ones have no review due yet). */
  resolved: number;
  published: number;
  /** Calendar days from `resolved` to `published`, where both are known. */
  daysToPublish: Summary;
  /** Of reviews with a `published` date: how many came out by the due date. */
  publishedOnTime: number;
  publishedLate: number;
  onTimeShare: number | undefined;
  /** Unpublished and not yet due. */
  awaiting: number;
  /** Unpublished and past due, by owner (reviews without an owner under "(no owner)"). */
  overdueByOwner: OwnerReviews[];
  overdue: number;
}

/** The review row of every resolved incident, as of `today`. */
export function getReviewRows(incidents: readonly IncidentLike[], today: string, dueBusinessDays: number): ReviewRow[] {
  return incidents.flatMap(({ id, data }) => {
    if (!data.resolved) return [];
    const resolved = toCalendarDate(data.resolved);
    const due = addBusinessDays(resolved, dueBusinessDays);
    const isPublished = data.published !== undefined || data.status === 'published';
    const lateUnpublished = !isPublished && today > due;
    return [
      {
        id,
        title: data.title,
        owner: data.owner,
        resolved,
        due,
        published: data.published,
        isPublished,
        daysToPublish: data.published ? daysBetween(resolved, data.published) : undefined,
        late: lateUnpublished || (data.published !== undefined && data.published > due),
        businessDaysLate: lateUnpublished ? businessDaysBetween(due, today) : undefined,
      },
    ];
  });
}

/** Review timeliness: how long publication took and which reviews are overdue, by owner. */
export function getReviewStats(
  incidents: readonly IncidentLike[],
  today: string,
  dueBusinessDays: number,
): ReviewStats {
  const rows = getReviewRows(incidents, today, dueBusinessDays);
  const dated = rows.filter((r) => r.published !== undefined);
  const overdue = rows.filter((r) => !r.isPublished && r.late);
  const owners = [...new Set(overdue.map((r) => r.owner ?? '(no owner)'))].sort();
  const publishedLate = dated.filter((r) => r.late).length;
  return {
    dueBusinessDays,
    resolved: rows.length,
    published: rows.filter((r) => r.isPublished).length,
    daysToPublish: summarize(dated.map((r) => ({ id: r.id, value: r.daysToPublish! }))),
    publishedOnTime: dated.length - publishedLate,
    publishedLate,
    onTimeShare: share(dated.length - publishedLate, dated.length),
    awaiting: rows.filter((r) => !r.isPublished && !r.late).length,
    overdueByOwner: owners.map((owner) => ({
      owner,
      items: overdue
        .filter((r) => (r.owner ?? '(no owner)') === owner)
        .sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id)),
    })),
    overdue: overdue.length,
  };
}
