import { parseCalendarDate } from '../lib/dates.ts';
import type { BacklogMonth } from '../lib/stats/backlog.ts';
import type { Bucket, Tally } from '../lib/stats/summary.ts';
import type { MonthCount } from '../lib/stats/volume.ts';
import { Plot, renderPlot } from './plot.ts';

/** The CSS colour of a severity: the palette has four ranks; further levels reuse the mildest. */
export function severityColor(level: string, severities: readonly string[]): string {
  return `var(--sev${Math.min(Math.max(severities.indexOf(level), 0) + 1, 4)})`;
}

// Type size and family come from insights.css (`.chart svg`), not an inline style attribute.
const common = { width: 640 } as const;

/** Above this many months a bar per month is a hairline: the chart bins by year instead. */
export const MONTHLY_CHART_MAX_MONTHS = 48;

/** Whether the time chart bins by month or, for long spans, by year. */
export function getTimeBin(cells: readonly MonthCount[]): 'month' | 'year' {
  const months = cells.map((c) => Number(c.month.slice(0, 4)) * 12 + Number(c.month.slice(5, 7)));
  return months.length && Math.max(...months) - Math.min(...months) >= MONTHLY_CHART_MAX_MONTHS ? 'year' : 'month';
}

/** Incidents per month (or per year over long spans), stacked by severity, worst at the bottom. */
export function timeChart(monthCells: readonly MonthCount[], severities: readonly string[]): string {
  const bin = getTimeBin(monthCells);
  const byKey = new Map<string, MonthCount>();
  for (const c of monthCells) {
    const period = bin === 'year' ? c.month.slice(0, 4) : c.month;
    const cell = byKey.get(`${period} ${c.severity}`) ?? { month: period, severity: c.severity, count: 0, ids: [] };
    byKey.set(`${period} ${c.severity}`, { ...cell, count: cell.count + c.count, ids: [...cell.ids, ...c.ids] });
  }
  const cells = [...byKey.values()];
  const present = severities.filter((s) => cells.some((c) => c.severity === s));
  const color = { type: 'ordinal', domain: present, range: present.map((s) => severityColor(s, severities)) } as const;
  const y = { label: 'Incidents', grid: true, tickFormat: 'd', ticks: 4 } as const;
  const bars = {
    y: 'count',
    fill: 'severity',
    order: present,
    title: (c: MonthCount) => `${c.month}: ${c.count} ${c.severity}`,
  } as const;
  if (bin === 'year') {
    // One band per year, empty years included, so each label sits under its own bar.
    const first = Math.min(...cells.map((c) => Number(c.month)));
    const years = Array.from({ length: Math.max(...cells.map((c) => Number(c.month))) - first + 1 }, (_, i) =>
      String(first + i),
    );
    const step = Math.ceil(years.length / 12);
    return renderPlot({
      ...common,
      height: 220,
      ariaLabel: 'Incidents per year, stacked by severity',
      marginLeft: 36,
      x: {
        type: 'band',
        domain: years,
        label: null,
        tickSize: 0,
        ticks: years.filter((_, i) => i % step === 0),
        padding: 0.15,
      },
      y,
      color,
      marks: [Plot.barY(cells, { ...bars, x: 'month' }), Plot.ruleY([0])],
    });
  }
  return renderPlot({
    ...common,
    height: 220,
    ariaLabel: 'Incidents per month, stacked by severity',
    marginLeft: 36,
    x: { type: 'utc', label: null },
    y,
    color,
    marks: [
      Plot.rectY(cells, {
        ...bars,
        x: (c: MonthCount) => parseCalendarDate(`${c.month}-01`),
        interval: 'month',
        inset: 0.5,
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
    // Tick labels without spaces ("15–30min") fit nine buckets in 640 px; the table keeps the long form.
    x: {
      type: 'band',
      domain: buckets.map((b) => b.label),
      label: null,
      tickSize: 0,
      tickFormat: (l: string) => l.replace(/\s+/g, ''),
    },
    y: { label: 'Incidents', grid: true, tickFormat: 'd', ticks: 3 },
    marks: [
      Plot.barY(buckets, {
        x: 'label',
        y: 'count',
        fill: 'var(--accent)',
        title: (b: Bucket) => `${b.label}: ${b.count}`,
      }),
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

/** The follow-up backlog: items open (accent) and overdue (danger, dashed) at each month's end. */
export function backlogChart(months: readonly BacklogMonth[]): string {
  const at = (m: BacklogMonth) => parseCalendarDate(`${m.month}-01`);
  return renderPlot({
    ...common,
    height: 220,
    ariaLabel: 'Action items open and overdue at the end of each month',
    marginLeft: 36,
    x: { type: 'utc', label: null },
    y: { label: 'Action items', grid: true, tickFormat: 'd', ticks: 4 },
    marks: [
      Plot.lineY(months, { x: at, y: 'openAtEnd', stroke: 'var(--accent)', strokeWidth: 2, curve: 'step-after' }),
      Plot.lineY(months, {
        x: at,
        y: 'overdueAtEnd',
        stroke: 'var(--danger)',
        strokeWidth: 2,
        strokeDasharray: '4 3',
        curve: 'step-after',
      }),
      Plot.ruleY([0]),
    ],
  });
}
