import type { DetectionMethod } from '../../schemas/incident.ts';
import type { IncidentLike } from '../incidents.ts';
import { toMonth } from '../dates.ts';
import { share, tally, type Tally } from './summary.ts';

/** Incidents that started in one UTC month at one severity. */
export interface MonthCount {
  month: string;
  severity: string;
  count: number;
  ids: string[];
}

export interface VolumeStats {
  total: number;
  /** Per month and severity, months ascending, severities in configured order; only non-zero cells. */
  perMonth: MonthCount[];
  /** First and last month with an incident (`YYYY-MM`). */
  span: { from: string; to: string } | undefined;
  perService: Tally[];
  perTag: Tally[];
  /** Per detection method; incidents without one are tallied as `unknown`. */
  perDetection: Tally[];
  /** Of incidents whose detection method is known: share found by customers, and by alerts. */
  detectedBy: {
    known: number;
    customer: number;
    alert: number;
    customerShare: number | undefined;
    alertShare: number | undefined;
  };
}

/** How many incidents, when, where and how they were found. */
export function getVolumeStats(incidents: readonly IncidentLike[], severities: readonly string[]): VolumeStats {
  const cells = new Map<string, MonthCount>();
  for (const incident of incidents) {
    const { severity } = incident.data;
    if (severity === undefined) continue; // only a near miss has none, and computeStats leaves those out
    const month = toMonth(incident.data.started);
    const key = `${month} ${severity}`;
    const cell = cells.get(key) ?? { month, severity, count: 0, ids: [] };
    cell.count += 1;
    cell.ids.push(incident.id);
    cells.set(key, cell);
  }
  const rank = (level: string) => severities.indexOf(level);
  const perMonth = [...cells.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || rank(a.severity) - rank(b.severity),
  );
  const methodOf = (i: IncidentLike): DetectionMethod | 'unknown' => i.data.detection?.method ?? 'unknown';
  const known = incidents.filter((i) => i.data.detection !== undefined).length;
  const customer = incidents.filter((i) => methodOf(i) === 'customer-report').length;
  const alert = incidents.filter((i) => methodOf(i) === 'alert').length;
  return {
    total: incidents.length,
    perMonth,
    span: perMonth.length ? { from: perMonth[0]!.month, to: perMonth.at(-1)!.month } : undefined,
    perService: tally(incidents, (i) => i.data.services),
    perTag: tally(incidents, (i) => i.data.tags),
    perDetection: tally(incidents, (i) => [methodOf(i)]),
    detectedBy: { known, customer, alert, customerShare: share(customer, known), alertShare: share(alert, known) },
  };
}
