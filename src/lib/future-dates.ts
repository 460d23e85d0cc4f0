import type { IncidentData } from '../schemas/incident.ts';
import { DAY_MS, parseCalendarDate } from './dates.ts';
import { getDurations, type Durations } from './incidents.ts';

/** Days past `today` a stamp may lie before it counts as implausible (time zones, a review written ahead). */
export const FUTURE_GRACE_DAYS = 1;

const STAMP_FIELDS = ['started', 'detected', 'mitigated', 'resolved'] as const;

/** One timestamp later than the build or lint day allows. */
export interface FutureStamp {
  /** Field path as an author writes it: `resolved`, `timeline[3].at`. */
  field: string;
  path: (string | number)[];
  /** The stamp as ISO 8601. */
  value: string;
}

const toTime = (value: unknown): number | undefined => {
  const time =
    value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value.replace(' ', 'T')) : NaN;
  return Number.isNaN(time) ? undefined : time;
};

/** The first instant that counts as implausibly late on `today` (YYYY-MM-DD, UTC). */
function futureLimit(today: string): number {
  return parseCalendarDate(today).getTime() + (1 + FUTURE_GRACE_DAYS) * DAY_MS;
}

/** Whether `date` lies implausibly far after `today` (see findFutureStamps). */
export function isImplausiblyLate(date: Date, today: string): boolean {
  return date.getTime() >= futureLimit(today);
}

/**
 * Stamps of a review (parsed `Date`s or raw YAML strings) later than the end of `today`
 * (YYYY-MM-DD, UTC) plus `FUTURE_GRACE_DAYS`: a typo'd year gives absurd durations and "ongoing now".
 */
export function findFutureStamps(data: Record<string, unknown>, today: string): FutureStamp[] {
  const limit = futureLimit(today);
  const found: FutureStamp[] = [];
  const check = (value: unknown, path: (string | number)[], field: string) => {
    const time = toTime(value);
    if (time !== undefined && time >= limit) found.push({ field, path, value: new Date(time).toISOString() });
  };
  for (const field of STAMP_FIELDS) check(data[field], [field], field);
  const timeline = Array.isArray(data['timeline']) ? (data['timeline'] as unknown[]) : [];
  timeline.forEach((entry, index) =>
    check((entry as { at?: unknown } | null)?.at, ['timeline', index, 'at'], `timeline[${index}].at`),
  );
  return found;
}

/**
 * A review's time to detect, mitigate and resolve as its page shows them: a duration that starts
 * or ends at a stamp after `today` (plus the grace day) is left out, since a mistyped year would
 * read "180 years to resolve". The future stamps come back too, for the page to say why.
 */
export function getPlausibleDurations(
  data: Pick<IncidentData, 'started' | 'detected' | 'mitigated' | 'resolved'>,
  today: string,
): { durations: Durations; future: FutureStamp[] } {
  const future = findFutureStamps(data, today);
  const isFuture = new Set(future.map((stamp) => stamp.field));
  const durations = getDurations(data);
  const keep = (field: 'detected' | 'mitigated' | 'resolved', ms: number | undefined) =>
    isFuture.has('started') || isFuture.has(field) ? undefined : ms;
  return {
    durations: {
      toDetect: keep('detected', durations.toDetect),
      toMitigate: keep('mitigated', durations.toMitigate),
      toResolve: keep('resolved', durations.toResolve),
    },
    future: future.filter((stamp) => stamp.path.length === 1),
  };
}
