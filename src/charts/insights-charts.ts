import type { Bucket, Tally } from '../lib/stats/summary.ts';
import type { MonthCount } from '../lib/stats/volume.ts';
import { Plot, renderPlot } from './plot.ts';

/** The CSS colour of a severity: the palette has four ranks; further levels reuse the mildest. */
export function severityColor(level: string, severities: readonly string[]): string {
  return `var(--sev${Math.min(Math.max(severities.indexOf(level), 0) + 1, 4)})`;
}

const common = { width: 640, style: { fontSize: '12px', fontFamily: 'inherit', background: 'transparent' } } as const;

/** Incidents per month, stacked by severity (worst at the bottom). */
export function monthlyChart(cells: readonly MonthCount[], severities: readonly string[]): string {
  const present = severities.filter((s) => cells.some((c) => c.severity === s));
  return renderPlot({
    ...common,
    height: 220,
    ariaLabel: 'Incidents per month, stacked by severity',
    marginLeft: 36,
    x: { type: 'utc', label: null },
    y: { label: 'Incidents', grid: true, tickFormat: 'd', ticks: 4 },
    color: { type: 'ordinal', domain: present, range: present.map((s) => severityColor(s, severities)) },
    marks: [
      Plot.rectY(cells, {
        x: (c: MonthCount) => new Date(`${c.month}-01T00:00:00Z`),
        interval: 'month',
        y: 'count',
        fill: 'severity',
        order: present,
        inset: 0.5,
        title: (c: MonthCount) => `${c.month}: ${c.count} ${c.severity}`,
      }),
      Plot.ruleY([0]),
    ],
  });
}

/** A histogram of fixed duration buckets. */
export function histogramChart(buckets: readonly Bucket[], label: string): string {
  return renderPlot({
    ...common,
    height: 180,
    ariaLabel: `${label}: histogram`,
    marginBottom: 36,
    x: { type: 'band', domain: buckets.map((b) => b.label), label: null, tickSize: 0 },
    y: { label: 'Incidents', grid: true, tickFormat: 'd', ticks: 3 },
    marks: [
      Plot.barY(buckets, { x: 'label', y: 'count', fill: 'var(--accent)', title: (b: Bucket) => `${b.label}: ${b.count}` }),
      Plot.ruleY([0]),
    ],
  });
}

/** A ranked horizontal bar chart of a tally (top `limit` keys). */
export function rankedChart(tallies: readonly Tally[], label: string, limit = 12): string {
  const top = tallies.slice(0, limit);
  const longest = Math.max(4, ...top.map((t) => t.key.length));
  return renderPlot({
    ...common,
    height: 24 * top.length + 40,
    ariaLabel: label,
    marginLeft: Math.min(220, 7 * longest + 12),
    x: { label: 'Incidents', grid: true, tickFormat: 'd', ticks: 4, axis: 'top' },
    y: { type: 'band', domain: top.map((t) => t.key), label: null, tickSize: 0 },
    marks: [
      Plot.barX(top, { y: 'key', x: 'count', fill: 'var(--accent)', title: (t: Tally) => `${t.key}: ${t.count}` }),
      Plot.ruleX([0]),
    ],
  });
}
