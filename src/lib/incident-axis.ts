/**
 * The cross-incident timeline (`/timeline/`): incidents on one axis by month, newest first,
 * with runs of empty months compressed into a labelled gap, and the filters that cut it.
 */
import { toMonth } from './dates.ts';
import type { IncidentLike } from './incidents.ts';
import { matchesPattern } from './stats/patterns.ts';

/** A month with incidents. */
export interface AxisMonth<T> {
  kind: 'month';
  /** `2024-03` (UTC). */
  key: string;
  /** `March 2024`. */
  label: string;
  year: string;
  /** First month shown of its year (newest first): the year heading goes here. */
  newYear: boolean;
  /** Newest first. */
  incidents: T[];
}

/** A run of months without incidents between two months with some. */
export interface AxisGap {
  kind: 'gap';
  months: number;
  /** `No incidents for 1 year 2 months`. */
  label: string;
}

export type AxisRow<T> = AxisMonth<T> | AxisGap;

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Index of a UTC month, so consecutive months differ by one. */
const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();

/** `14` → `1 year 2 months`. */
export function formatMonths(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return [years ? part(years, 'year') : '', rest ? part(rest, 'month') : ''].filter(Boolean).join(' ');
}

/** Months with incidents, newest first, with a gap row wherever months without any were skipped. */
export function buildMonthAxis<T extends IncidentLike>(incidents: readonly T[]): AxisRow<T>[] {
  const sorted = [...incidents].sort(
    (a, b) => b.data.started.getTime() - a.data.started.getTime() || a.id.localeCompare(b.id),
  );
  const rows: AxisRow<T>[] = [];
  let previous: { index: number; year: string } | undefined;
  for (const incident of sorted) {
    const started = incident.data.started;
    const index = monthIndex(started);
    const current = rows.at(-1);
    if (current?.kind === 'month' && previous?.index === index) {
      current.incidents.push(incident);
      continue;
    }
    if (previous && previous.index - index > 1) {
      const months = previous.index - index - 1;
      rows.push({ kind: 'gap', months, label: `No incidents for ${formatMonths(months)}` });
    }
    const year = String(started.getUTCFullYear());
    rows.push({
      kind: 'month',
      key: toMonth(started),
      label: MONTH.format(started),
      year,
      newYear: previous?.year !== year,
      incidents: [incident],
    });
    previous = { index, year };
  }
  return rows;
}

/** A pattern as the axis needs it (see the content model: any tag or any service matches). */
export interface PatternLike {
  id: string;
  data: { label: string; tags: readonly string[]; services: readonly string[] };
}

/** One way to cut the axis: `/timeline/<kind>s/<value>/`. */
export interface AxisFilter {
  kind: 'tag' | 'service' | 'pattern';
  value: string;
  label: string;
  /** Ids of the incidents it keeps. */
  ids: string[];
}

/** Every filter with at least one incident: tags, services and patterns, each sorted by label. */
export function getAxisFilters(
  incidents: readonly IncidentLike[],
  services: ReadonlyMap<string, string>,
  patterns: readonly PatternLike[],
): AxisFilter[] {
  const byLabel = (a: AxisFilter, b: AxisFilter) => a.label.localeCompare(b.label);
  const collect = (
    kind: AxisFilter['kind'],
    keysOf: (i: IncidentLike) => readonly string[],
    labelOf: (key: string) => string,
  ) => {
    const ids = new Map<string, string[]>();
    for (const incident of incidents)
      for (const key of new Set(keysOf(incident))) ids.set(key, [...(ids.get(key) ?? []), incident.id]);
    return [...ids]
      .map(([value, list]): AxisFilter => ({ kind, value, label: labelOf(value), ids: list }))
      .sort(byLabel);
  };
  const patternFilters = patterns
    .map((p): AxisFilter => ({
      kind: 'pattern',
      value: p.id,
      label: p.data.label,
      ids: incidents.filter((i) => matchesPattern(p.data, i)).map((i) => i.id),
    }))
    .filter((f) => f.ids.length > 0)
    .sort(byLabel);
  return [
    ...collect(
      'service',
      (i) => i.data.services,
      (id) => services.get(id) ?? id,
    ),
    ...collect(
      'tag',
      (i) => i.data.tags,
      (tag) => `#${tag}`,
    ),
    ...patternFilters,
  ];
}
