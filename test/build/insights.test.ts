import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, fixture, type BuildResult } from './build-site.ts';

// test/fixtures/insights built as of 2026-11-21 (HINDSIGHT_NOW in buildSite). Every figure below
// was worked out by hand from the fixture's frontmatter; the arithmetic is in the comments.
let site: BuildResult;
beforeAll(() => {
  site = buildSite(fixture('insights'));
  if (!site.ok) throw new Error(site.output);
});

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const text = (path: string, selector: string) => {
  const $ = site.page(path);
  return squash($(selector).text());
};
const rowOf = (path: string, table: string, label: string) => {
  const $ = site.page(path);
  const row = $(`${table} tbody tr`).filter((_, tr) => squash($(tr).find('th').first().text()) === label);
  return row
    .find('td')
    .map((_, td) => squash($(td).text()))
    .get();
};

describe('pattern counters', () => {
  test('home page: days since, the record and the counts, as of the build date', () => {
    const $ = site.page('/');
    const counters = $('[data-pattern-counter]');
    // Most recent first; patterns that never happened last.
    expect(counters.map((_, c) => squash($(c).find('.counter-label').text())).get()).toEqual([
      'The database',
      'It was DNS',
      'A certificate expired',
    ]);
    const dns = counters.eq(1);
    // Matches 2024-03-05, 2025-06-01 (09:00+02:00 is 07:00 UTC) and 2026-10-20 (a draft still counts).
    expect(dns.attr('data-dates')).toBe('2026-10-20 2025-06-01 2024-03-05');
    // 2026-10-20 → 2026-11-21 = 11 + 21 days.
    expect(dns.find('[data-days]').text()).toBe('32');
    // Gaps 453 (2024-03-05 → 2025-06-01) and 506 (2025-06-01 → 2026-10-20) days.
    expect(dns.find('[data-longest]').text()).toBe('506 days');
    expect(squash(dns.find('.counter-detail').text())).toBe(
      'Last: 20 Oct 2026 · longest streak 506 days · 1 in the last 12 months, 3 in all',
    );
    expect(dns.find('.counter-detail a').attr('href')).toBe('/incidents/2026-10-20-dns-ttl/');
    expect(squash(dns.find('[data-asof]').text())).toBe('As of the build on 21 Nov 2026.');
    // 2026-11-19 → 2026-11-21; 2025-01-10 → 2026-11-19 is 678 days.
    expect(counters.eq(0).find('[data-days]').text()).toBe('2');
    expect(counters.eq(0).find('[data-longest]').text()).toBe('678 days');
    expect(counters.eq(2).find('.counter-none').text()).toBe('Never, so far');
    expect(counters.eq(2).find('[data-days]').length).toBe(0);
  });

  test('pattern page gathers factors, lessons, action items and incidents', () => {
    const $ = site.page('/patterns/dns/');
    expect(squash($('h1').text())).toBe('It was DNS');
    expect($('[data-pattern-counter] [data-days]').text()).toBe('32');
    const factors = $('#factors-heading + ul > li');
    expect(squash(factors.first().children('a').text())).toBe('Resolver change broke the API');
    expect(
      factors
        .first()
        .find('li')
        .map((_, li) => squash($(li).text()))
        .get(),
    ).toEqual([
      'No canary stage for resolver config (change-management)',
      'Alert needed ten minutes of errors (monitoring)',
    ]);
    expect(text('/patterns/dns/', '#went-well li')).toBe('Rollback took one command (Resolver change broke the API)');
    expect($('table.action-items tbody tr').length).toBe(2);
    expect($('.incident-list > li').length).toBe(3);
    expect(site.page('/patterns/')('[data-pattern-counter]').length).toBe(3);
  });
});

describe('/insights/', () => {
  const page = '/insights/';

  const items = (selector: string) => {
    const $ = site.page(page);
    return $(`${selector} > li`)
      .map((_, li) => squash($(li).text()))
      .get();
  };

  test('headline figures', () => {
    expect(items('[data-headline]')).toEqual([
      '6 incidents',
      '3 h median time to resolve',
      '17% complete reviews',
      '4 open action items (2 overdue)',
      '1 overdue review',
    ]);
  });

  test('backlog: open today 4 (aged 984, 659, 11, 11 days → median 335), month rows by hand', () => {
    const $ = site.page(page);
    expect(squash($('[data-backlog-summary]').text())).toMatch(
      /^4 action items open today, 2 of them overdue; median age of the open ones 335 days\./,
    );
    // The runbook closed 20 Jan 2025, before its review was published on the 31st: it counts from the 20th.
    expect(rowOf(page, '#backlog-trend', '2025-01')).toEqual(['2', '1', '2', '1']);
    // November 2026 up to the 21st: two queue items opened; the canary (due 2024) and autoscale (due 1 Nov) overdue.
    expect(rowOf(page, '#backlog-trend', '2026-11')).toEqual(['2', '0', '4', '2']);
    expect($('#backlog-trend tbody tr').length).toBe(33); // March 2024 to November 2026
    expect($('#backlog-heading').closest('section').find('figure.chart svg[role="img"]').length).toBe(1);
  });

  test('time to resolve: sorted 45, 120, 180, 240, 360 min → median 180, p90 240 + 0.6 × 120 = 312', () => {
    const table = '#metric-toResolve ~ .table-scroll .duration-table';
    expect(rowOf(page, table, 'All incidents')).toEqual(['5', '3 h', '5 h 12 min', '45 min', '6 h']);
    // SEV2: 120 and 180 → median 150, p90 120 + 0.9 × 60 = 174.
    expect(rowOf(page, table, 'SEV2')).toEqual(['2 small sample', '2 h 30 min', '2 h 54 min', '2 h', '3 h']);
    const $ = site.page(page);
    expect($(table).first().find('tbody tr').first().find('a').last().attr('href')).toBe(
      '/incidents/2026-10-20-dns-ttl/',
    );
  });

  test('time to detect: 5, 10, 20, 30 min → median 15, p90 20 + 0.7 × 10 = 27, flagged small', () => {
    expect(rowOf(page, '#metric-toDetect ~ .table-scroll .duration-table', 'All incidents')).toEqual([
      '4 small sample',
      '15 min',
      '27 min',
      '5 min',
      '30 min',
    ]);
  });

  test('by year, per month, per service and how incidents were detected', () => {
    expect(rowOf(page, '#metric-toResolve ~ details .duration-table', '2026')).toEqual([
      '2 small sample',
      '4 h 30 min',
      '5 h 42 min',
      '3 h',
      '6 h',
    ]);
    const $ = site.page(page);
    const monthly = $('figure.chart').filter(
      (_, f) => $(f).find('figcaption').text() === 'Incidents per month, by severity',
    );
    const months = monthly
      .find('tbody th')
      .map((_, th) => $(th).text())
      .get();
    expect(months).toEqual(['2024-03', '2025-01', '2025-06', '2026-10', '2026-11']);
    expect(text(page, '[data-detection-share]')).toBe(
      'Of 4 incidents that record how they were detected, 25% were first reported by customers (1) and 50% were caught by alerts (2).',
    );
    expect(rowOf(page, '#per-service', 'Public API').slice(0, 1)).toEqual(['3']);
    expect(rowOf(page, '#per-service', 'Main Database').slice(0, 1)).toEqual(['2']);
    // Incidents are named by title, the date after it.
    expect(text(page, '#themes-heading ~ ol.ranked')).toContain(
      'Public API + Edge DNS (2): Short TTLs overloaded the resolvers (2026-10-20); Resolver change broke the API (2024-03-05)',
    );
  });

  test('follow-through: action items, review timeliness and completeness', () => {
    expect(items('[data-action-counts]')).toEqual([
      '3 open',
      '1 in progress',
      '2 done',
      "0 won't do",
      '2 overdue',
      '1 open without a due date',
    ]);
    // Done items: 2024-03-05 → 03-18 = 13 days, 2025-01-10 → 01-20 = 10 days.
    expect(text(page, '[data-days-to-close]')).toContain(
      "Median time to close: 11.5 days from the incident's resolution to closed, over 2 done items small sample.",
    );
    // Published 7 (on time) and 21 days (due 2025-01-24) after resolution; the 2025-06-01 review has no date.
    expect(text(page, '[data-review-timeliness]')).toBe(
      'A review is due 10 business days after the incident is resolved. Of 5 resolved incidents, 3 have a published review. ' +
        'Median time to publish: 14 days (p90 19.6 days, n = 2 small sample); 50% of dated reviews came out on time. 1 not yet due.',
    );
    expect(text(page, '#overdue-reviews')).toBe('(no owner): Short TTLs overloaded the resolvers');
    expect(text(page, '[data-completeness]')).toMatch(/^1 of 6 reviews \(17%\) tick every box/);
    expect(rowOf(page, '#completeness-checks', 'Published')).toEqual(['3 / 6', expect.stringContaining('2026-11-19')]);
  });

  test('engagement and load', () => {
    expect(text(page, '[data-meetings]')).toBe(
      '2 reviews record a meeting. Median attendance 13 (n = 2 small sample); median readers 100 (n = 1). ' +
        'Of 2 meetings that list departments, 50% (1) reached beyond engineering.',
    );
    expect(rowOf(page, '#load-by-team', 'platform').slice(0, 2)).toEqual(['3', '1']);
    expect(rowOf(page, '#load-by-team', 'network').slice(0, 2)).toEqual(['2', '1']);
    expect(text(page, '[data-frequent]')).toContain('hold knowledge few others have: A.K. (3).');
    expect(rowOf(page, '#load-by-person', 'J.Y.').slice(0, 3)).toEqual(['network', '2', '1']);
  });

  test('on this day: nothing happened on 21 November in earlier years', () => {
    const $ = site.page(page);
    expect($('[data-on-this-day-list] li').length).toBe(0);
    expect($('[data-on-this-day-empty]').attr('hidden')).toBeUndefined();
  });

  test('charts are static SVG with a table each, coloured through CSS variables, without warnings', () => {
    const $ = site.page(page);
    const charts = $('figure.chart');
    expect(charts.length).toBe(9); // the backlog chart is the ninth
    charts.each((_, figure) => {
      expect($(figure).find('svg[role="img"]').length).toBe(1);
      expect($(figure).find('details table').length).toBe(1);
    });
    const html = site.file('insights/index.html');
    expect(html).not.toMatch(/(fill|stroke)="var\(/);
    expect(html).not.toContain('⚠️');
    expect(html).toContain('style="fill:var(--sev2)"');
  });
});

describe('/actions/', () => {
  test('every open item by owner, overdue first; late reviews', () => {
    const $ = site.page('/actions/');
    expect(
      $('[data-owner]')
        .map((_, s) => $(s).attr('data-owner'))
        .get(),
    ).toEqual(['network', 'platform', 'data']);
    const platform = $('[data-owner="platform"] tbody tr');
    expect(platform.map((_, tr) => squash($(tr).find('td').first().text())).get()).toEqual([
      'Autoscale the webhook queue',
      'Alert on queue depth',
    ]);
    expect(squash(platform.first().find('td').last().text())).toBe('2026-11-01 Overdue by 20 days');
    expect(squash($('[data-owner="network"] tbody td').last().text())).toBe('2024-04-30 Overdue by 935 days');
    expect(squash($('[data-owner="data"] tbody td').last().text())).toBe('2026-11-21');
    expect(squash($('[data-review-owner="(no owner)"] li').text())).toBe(
      'Short TTLs overloaded the resolvers: resolved 2026-10-20, due 2026-11-03, 13 business days late',
    );
  });
});

describe('completeness checklist on the review page', () => {
  test.each([
    ['2024-03-05-resolver-change', 'This review is complete.', []],
    ['2025-01-10-db-failover', '6 of 7 steps done.', ['Timeline records detection']],
    // Only the owner: one action item has no due date, and the review is still in review.
    [
      '2026-11-10-queue-backlog',
      '1 of 7 steps done.',
      [
        'Impact described',
        'Contributing factors recorded',
        'Timeline records detection',
        'Action items triaged',
        'Review meeting held',
        'Published',
      ],
    ],
  ])('%s', (id, summary, missing) => {
    const $ = site.page(`/incidents/${id}/`);
    expect(squash($('.checklist > p').text())).toBe(summary);
    expect(
      $('.checklist li.check-missing')
        .map((_, li) => squash($(li).clone().children('.check-hint, .visually-hidden').remove().end().text()))
        .get(),
    ).toEqual(missing);
  });
});

describe('JSON API', () => {
  test('/api/stats.json is the figures the pages show', () => {
    const stats = JSON.parse(site.file('api/stats.json')) as {
      today: string;
      patterns: { id: string; daysSince?: number }[];
      actions: object;
      reviews: object;
    };
    expect(stats.today).toBe('2026-11-21');
    expect(stats.patterns.map((p) => [p.id, p.daysSince])).toEqual([
      ['database', 2],
      ['dns', 32],
      ['certs', undefined],
    ]);
    expect(stats.actions).toMatchObject({ overdue: 2, openWithoutDue: 1 });
    expect(stats.reviews).toMatchObject({ overdue: 1, awaiting: 1 });
  });

  test('/api/incidents.json has every incident with frontmatter and durations', () => {
    const incidents = JSON.parse(site.file('api/incidents.json')) as { id: string; durations: object }[];
    expect(incidents.map((i) => i.id)).toEqual([
      '2026-11-19-db-locks',
      '2026-11-10-queue-backlog',
      '2026-10-20-dns-ttl',
      '2025-06-01-dns-timeouts',
      '2025-01-10-db-failover',
      '2024-03-05-resolver-change',
    ]);
    expect(incidents.at(-1)).toMatchObject({
      url: 'https://hindsight.example/incidents/2024-03-05-resolver-change/',
      started: '2024-03-05T14:00:00.000Z',
      severity: 'SEV2',
      tags: ['dns', 'config-change'],
      durations: { toDetect: 600_000, toMitigate: 3_600_000, toResolve: 7_200_000 },
    });
    expect(incidents[0]!.durations).toEqual({ toDetect: null, toMitigate: null, toResolve: null });
  });
});
