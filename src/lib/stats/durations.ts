import { getDurations, getYear, type IncidentLike } from '../incidents.ts';
import { histogram, summarize, type Bucket, type Sample, type Summary } from './summary.ts';

/** The three lifecycle durations, each measured from `started`. */
export const DURATION_METRICS = ['toDetect', 'toMitigate', 'toResolve'] as const;
export type DurationMetric = (typeof DURATION_METRICS)[number];

/** Human names of the metrics, for headings and tables. */
export const METRIC_LABELS: Record<DurationMetric, string> = {
  toDetect: 'Time to detect',
  toMitigate: 'Time to mitigate',
  toResolve: 'Time to resolve',
};

/** Summaries of the three durations for one group of incidents (a severity, a year, or all). */
export interface DurationGroup {
  key: string;
  incidents: number;
  metrics: Record<DurationMetric, Summary>;
}

export interface DurationStats {
  overall: DurationGroup;
  /** One group per configured severity, worst first (empty levels included, with n = 0). */
  bySeverity: DurationGroup[];
  /** One group per year that has incidents, newest first. */
  byYear: DurationGroup[];
  /** Histograms of each duration in fixed buckets (minutes to days). */
  histograms: Record<DurationMetric, Bucket[]>;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Lower edges of the histogram buckets: durations are skewed, so buckets widen as they go. */
export const DURATION_BUCKETS = [
  { from: 0, label: '< 15 min' },
  { from: 15 * MIN, label: '15–30 min' },
  { from: 30 * MIN, label: '30–60 min' },
  { from: HOUR, label: '1–2 h' },
  { from: 2 * HOUR, label: '2–4 h' },
  { from: 4 * HOUR, label: '4–8 h' },
  { from: 8 * HOUR, label: '8–24 h' },
  { from: 24 * HOUR, label: '1–3 d' },
  { from: 72 * HOUR, label: '≥ 3 d' },
] as const;

/** Each incident's value for `metric`, skipping incidents where the stamp is missing. */
export function getSamples(incidents: readonly IncidentLike[], metric: DurationMetric): Sample[] {
  return incidents.flatMap((i) => {
    const value = getDurations(i.data)[metric];
    return value === undefined ? [] : [{ id: i.id, value }];
  });
}

function group(key: string, incidents: readonly IncidentLike[]): DurationGroup {
  const metrics = Object.fromEntries(DURATION_METRICS.map((m) => [m, summarize(getSamples(incidents, m))]));
  return { key, incidents: incidents.length, metrics: metrics as Record<DurationMetric, Summary> };
}

/** Duration summaries overall, per severity and per year, and their histograms. */
export function getDurationStats(incidents: readonly IncidentLike[], severities: readonly string[]): DurationStats {
  const years = [...new Set(incidents.map((i) => getYear(i.data)))].sort().reverse();
  const histograms = Object.fromEntries(
    DURATION_METRICS.map((m) => [m, histogram(getSamples(incidents, m), DURATION_BUCKETS)]),
  );
  return {
    overall: group('all', incidents),
    bySeverity: severities.map((level) =>
      group(
        level,
        incidents.filter((i) => i.data.severity === level),
      ),
    ),
    byYear: years.map((year) =>
      group(
        year,
        incidents.filter((i) => getYear(i.data) === year),
      ),
    ),
    histograms: histograms as Record<DurationMetric, Bucket[]>,
  };
}
