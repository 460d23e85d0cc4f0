/**
 * The cross-incident timeline page (`/timeline/`, IncidentAxis.astro): the incidents a filter
 * keeps on the month axis, each with its severity rank, time to resolve, services and patterns,
 * and the filter menu grouped by kind.
 */
import { buildMonthAxis, type AxisFilter, type AxisRow, type PatternLike } from '../incident-axis.ts';
import { getDurations, type IncidentLike } from '../incidents.ts';
import { getSeverityColour } from '../severity.ts';
import { matchesPattern } from '../stats/patterns.ts';

/** One incident on the axis, with what its row shows besides its own frontmatter. */
export interface AxisEntry<I> {
  incident: I;
  /** Colour step 0–4 of its severity (ranks past the fourth share the mildest look, as SeverityBadge does). */
  colour: 0 | 1 | 2 | 3 | 4;
  /** Milliseconds from impact to resolution; undefined while ongoing. */
  toResolve: number | undefined;
  services: { id: string; name: string }[];
  /** Patterns the incident matches. */
  patterns: { id: string; label: string }[];
}

/** A group of the filter menu. */
export interface AxisFilterGroup {
  kind: AxisFilter['kind'];
  title: string;
  filters: AxisFilter[];
}

/** The timeline page as it renders. */
export interface IncidentAxisView<I> {
  /** The incidents shown: all, or those the filter keeps; newest first. */
  incidents: I[];
  rows: AxisRow<AxisEntry<I>>[];
  groups: AxisFilterGroup[];
}

/** What the timeline page is computed from. */
export interface IncidentAxisInput<I> {
  /** Every review of the build, newest first. */
  incidents: readonly I[];
  filters: readonly AxisFilter[];
  /** The filter of this page; undefined on `/timeline/` itself. */
  filter: AxisFilter | undefined;
  patterns: readonly PatternLike[];
  serviceNames: ReadonlyMap<string, string>;
  /** Configured severity levels, worst first. */
  severities: readonly string[];
}

const GROUPS = [
  { kind: 'service', title: 'Services' },
  { kind: 'tag', title: 'Tags' },
  { kind: 'pattern', title: 'Patterns' },
] as const;

/** The timeline page of one filter (or none). */
export function getIncidentAxisView<I extends IncidentLike>(input: IncidentAxisInput<I>): IncidentAxisView<I> {
  const keep = input.filter ? new Set(input.filter.ids) : undefined;
  const incidents = keep ? input.incidents.filter((i) => keep.has(i.id)) : [...input.incidents];
  const toEntry = (incident: I): AxisEntry<I> => ({
    incident,
    colour: getSeverityColour(incident.data.severity, input.severities),
    toResolve: getDurations(incident.data).toResolve,
    services: incident.data.services.map((id) => ({ id, name: input.serviceNames.get(id) ?? id })),
    patterns: input.patterns
      .filter((p) => matchesPattern(p.data, incident))
      .map((p) => ({ id: p.id, label: p.data.label })),
  });
  return {
    incidents,
    rows: buildMonthAxis(incidents).map((row) =>
      row.kind === 'gap' ? row : { ...row, incidents: row.incidents.map(toEntry) },
    ),
    groups: GROUPS.map((g) => ({ ...g, filters: input.filters.filter((f) => f.kind === g.kind) })),
  };
}
