import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import {
  backlogChart,
  getTimeBin,
  histogramChart,
  rankedChart,
  severityColor,
  timeChart,
} from '../../src/charts/insights-charts.ts';
import { Plot, renderPlot } from '../../src/charts/plot.ts';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'];

describe('charts (Observable Plot, static SVG)', () => {
  test('monthly chart: one bar segment per month and severity, coloured by CSS variables', () => {
    const svg = timeChart(
      [
        { month: '2024-01', severity: 'SEV1', count: 1, ids: ['a'] },
        { month: '2024-01', severity: 'SEV3', count: 2, ids: ['b', 'c'] },
        { month: '2024-05', severity: 'SEV5', count: 1, ids: ['d'] },
      ],
      SEVERITIES,
    );
    const $ = cheerio.load(svg, { xml: true });
    const rects = $('g[data-mark="rect"] rect');
    expect(rects.map((_, r) => $(r).attr('style')).get()).toEqual([
      'fill:var(--sev1)',
      'fill:var(--sev3)',
      'fill:var(--sev4)',
    ]);
    expect(rects.map((_, r) => $(r).find('title').text()).get()).toEqual([
      '2024-01: 1 SEV1',
      '2024-01: 2 SEV3',
      '2024-05: 1 SEV5',
    ]);
    // Presentation attributes do not resolve var() in every browser: none may be left.
    expect(svg).not.toMatch(/(fill|stroke)="var\(/);
    expect($('svg').attr('role')).toBe('img');
    expect($('svg').attr('aria-label')).toBe('Incidents per month, stacked by severity');
    // Only the image itself is named: ARIA forbids aria-label on its role-less groups.
    expect($('svg [aria-label]').length).toBe(0);
  });

  test('spans of four years or more are binned by year, so bars stay visible', () => {
    const cells = [
      { month: '2012-02', severity: 'SEV1', count: 1, ids: ['a'] },
      { month: '2012-08', severity: 'SEV1', count: 2, ids: ['b', 'c'] },
      { month: '2016-02', severity: 'SEV2', count: 1, ids: ['d'] },
    ];
    expect(getTimeBin(cells)).toBe('year');
    expect(getTimeBin(cells.slice(0, 2))).toBe('month');
    const $ = cheerio.load(timeChart(cells, SEVERITIES), { xml: true });
    expect($('svg').attr('aria-label')).toBe('Incidents per year, stacked by severity');
    expect(
      $('g[data-mark="bar"] rect title')
        .map((_, t) => $(t).text())
        .get(),
    ).toEqual(['2012: 3 SEV1', '2016: 1 SEV2']);
    // Each year's label sits under the middle of its own bar (empty years keep their place).
    const shift = (transform: string | undefined) => Number(/translate\((-?[\d.]+)/.exec(transform ?? '')?.[1] ?? 0);
    const labels = $('g[data-mark="x-axis tick label"] text')
      .map((_, t) => ({ year: $(t).text(), x: shift($(t).attr('transform')) + shift($(t).parent().attr('transform')) }))
      .get();
    expect(labels.map((l) => l.year)).toEqual(['2012', '2013', '2014', '2015', '2016']);
    const bars = $('g[data-mark="bar"] rect')
      .map((_, r) => ({
        title: $(r).find('title').text(),
        centre: Number($(r).attr('x')) + Number($(r).attr('width')) / 2,
      }))
      .get();
    for (const bar of bars)
      expect(Math.abs(labels.find((l) => bar.title.startsWith(l.year))!.x - bar.centre)).toBeLessThan(1);
  });

  test('histogram keeps the bucket order and draws empty buckets as zero', () => {
    const $ = cheerio.load(
      histogramChart(
        [
          { label: '< 15 min', from: 0, to: 1, count: 2, ids: [] },
          { label: '15–30 min', from: 1, to: 2, count: 0, ids: [] },
          { label: '≥ 3 d', from: 2, to: undefined, count: 1, ids: [] },
        ],
        'Time to resolve',
      ),
      { xml: true },
    );
    // Tick labels drop their spaces to fit; the bars' titles and the table keep the long form.
    expect(
      $('g[data-mark="x-axis tick label"] text')
        .map((_, t) => $(t).text())
        .get(),
    ).toEqual(['<15min', '15–30min', '≥3d']);
    expect(
      $('g[data-mark="bar"] rect title')
        .map((_, t) => $(t).text())
        .get(),
    ).toEqual(['< 15 min: 2', '15–30 min: 0', '≥ 3 d: 1']);
  });

  test('ranked chart shows the top entries, largest first', () => {
    const tallies = Array.from({ length: 15 }, (_, i) => ({ key: `tag-${i}`, count: 15 - i, ids: [] }));
    const $ = cheerio.load(rankedChart(tallies, 'Tags', 5), { xml: true });
    expect($('g[data-mark="bar"] rect').length).toBe(5);
    expect($('g[data-mark="y-axis tick label"] text').first().text()).toBe('tag-0');
  });

  test('backlog chart: an open line and a dashed overdue line, coloured by CSS variables', () => {
    const month = (m: string, openAtEnd: number, overdueAtEnd: number) => ({
      month: m,
      end: `${m}-28`,
      opened: 0,
      closed: 0,
      openAtEnd,
      overdueAtEnd,
    });
    const $ = cheerio.load(backlogChart([month('2024-01', 2, 0), month('2024-02', 3, 2), month('2024-03', 3, 2)]), {
      xml: true,
    });
    const lines = $('g[data-mark="line"] path');
    expect(lines.map((_, p) => $(p).parent().attr('style') ?? $(p).attr('style')).get()).toEqual([
      expect.stringContaining('stroke:var(--accent)'),
      expect.stringContaining('stroke:var(--danger)'),
    ]);
    expect($('svg').attr('aria-label')).toBe('Action items open and overdue at the end of each month');
  });

  test('a chart Plot warns about fails the build instead of shipping a ⚠️', () => {
    expect(() => renderPlot({ marks: [Plot.barY([{ d: '2024-01-01', n: 1 }], { x: 'd', y: 'n' })] })).toThrow(
      /Plot warned/,
    );
  });

  test('severity colours: four ranks, levels past the fourth reuse the mildest', () => {
    expect(SEVERITIES.map((s) => severityColor(s, SEVERITIES))).toEqual([
      'var(--sev1)',
      'var(--sev2)',
      'var(--sev3)',
      'var(--sev4)',
      'var(--sev4)',
    ]);
  });
});
