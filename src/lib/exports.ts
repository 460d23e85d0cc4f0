import type { IncidentData } from '../schemas/incident.ts';
import { getDurations, type IncidentLike } from './incidents.ts';

/** One incident as machine-readable JSON: the frontmatter plus computed durations (minutes). */
export function toIncidentJson(id: string, data: IncidentData, reportUrl: string) {
  const { toDetect, toMitigate, toResolve } = getDurations(data);
  const minutes = (ms: number | undefined) => (ms === undefined ? null : Math.round(ms / 60_000));
  return {
    id,
    url: reportUrl,
    ...data,
    durations: {
      toDetectMinutes: minutes(toDetect),
      toMitigateMinutes: minutes(toMitigate),
      toResolveMinutes: minutes(toResolve),
    },
  };
}

/**
 * A record in the shape of the VOID (Verica Open Incident Database) submission: organization,
 * date, duration, technologies/services, severity and a link to the public report.
 */
export interface VoidRecord {
  organization: string;
  title: string;
  date: string;
  duration_minutes: number | null;
  services: string;
  technologies: string;
  /** Empty for a near miss without a severity. */
  severity: string;
  impact: string;
  report_url: string;
}

/** The VOID record of one incident. Lists are joined with `; `. */
export function toVoidRecord(organization: string, data: IncidentData, reportUrl: string): VoidRecord {
  const { toResolve } = getDurations(data);
  return {
    organization,
    title: data.title,
    date: data.started.toISOString(),
    duration_minutes: toResolve === undefined ? null : Math.round(toResolve / 60_000),
    services: data.services.join('; '),
    technologies: data.tags.join('; '),
    severity: data.severity ?? '',
    impact: data.impact?.description ?? data.summary,
    report_url: reportUrl,
  };
}

/** Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab/CR before one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The VOID records of the published reviews; `reportUrl` gives a review's absolute URL. */
export function toVoidRecords(
  organization: string,
  incidents: readonly IncidentLike[],
  reportUrl: (id: string) => string,
): VoidRecord[] {
  return incidents
    .filter((i) => i.data.status === 'published')
    .map((i) => toVoidRecord(organization, i.data, reportUrl(i.id)));
}

/**
 * RFC 4180 CSV: header row from the first record's keys, fields quoted when needed. Fields are scalars.
 * Text that a spreadsheet would evaluate (`=HYPERLINK(…)`) gets a leading `'`, so it opens as text.
 */
export function toCsv<T extends { [K in keyof T]: string | number | boolean | null }>(records: readonly T[]): string {
  if (records.length === 0) return '';
  const keys = Object.keys(records[0]!) as (keyof T)[];
  const cell = (value: string | number | boolean | null) => {
    const text =
      value === null ? '' : typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = records.map((r) => keys.map((k) => cell(r[k])).join(','));
  return `${[keys.join(','), ...rows].join('\r\n')}\r\n`;
}
