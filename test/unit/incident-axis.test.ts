import { describe, expect, test } from 'vitest';
import { buildMonthAxis, formatMonths, getAxisFilters } from '../../src/lib/incident-axis.ts';
import { matchesPattern } from '../../src/lib/stats/patterns.ts';
import type { IncidentLike } from '../../src/lib/incidents.ts';
import { createIncidentSchema } from '../../src/schemas/incident.ts';

const schema = createIncidentSchema();

/** Validated incidents from id, start and a few optional fields. */
function mockIncidents(items: ({ id: string; started: string } & Record<string, unknown>)[]): IncidentLike[] {
  return items.map(({ id, ...fields }) => ({
    id,
    data: schema.parse({ title: id, summary: 's', status: 'published', severity: 'SEV3', ...fields }),
  }));
}

const incidents = mockIncidents([
  { id: 'a', started: '2024-03-05T14:00:00Z', tags: ['dns'], services: ['edge-dns'] },
  { id: 'b', started: '2024-03-20T09:00:00Z', tags: ['dns', 'config-change'], services: ['checkout'] },
  { id: 'c', started: '2024-02-01T00:30:00+01:00', tags: ['certs'], services: ['checkout'] }, // 31 Jan UTC
  { id: 'd', started: '2022-11-10T00:00:00Z', tags: [], services: ['edge-dns'] },
  { id: 'e', started: '2024-04-02T00:00:00Z', tags: ['capacity'], services: [] },
]);

describe('buildMonthAxis', () => {
  test('months newest first, incidents newest first within a month, gaps labelled, years flagged once', () => {
    const rows = buildMonthAxis(incidents);
    expect(
      rows.map((r) =>
        r.kind === 'gap'
          ? `gap: ${r.label}`
          : `${r.key}${r.newYear ? ' (year)' : ''}: ${r.incidents.map((i) => i.id).join(',')}`,
      ),
    ).toEqual([
      '2024-04 (year): e',
      '2024-03: b,a',
      // February 2024 is empty; the incident started 1 Feb at +01:00 is 31 Jan in UTC.
      'gap: No incidents for 1 month',
      '2024-01: c',
      'gap: No incidents for 1 year 1 month',
      '2022-11 (year): d',
    ]);
    expect(rows[0]).toMatchObject({ label: 'April 2024', year: '2024' });
  });

  test('no incidents, no rows', () => {
    expect(buildMonthAxis([])).toEqual([]);
  });

  test.each([
    [1, '1 month'],
    [11, '11 months'],
    [12, '1 year'],
    [14, '1 year 2 months'],
    [26, '2 years 2 months'],
  ])('%i months read as %s', (months, text) => {
    expect(formatMonths(months)).toBe(text);
  });
});

describe('filters', () => {
  const patterns = [
    { id: 'dns', data: { label: 'It was DNS', tags: ['dns'], services: [] } },
    { id: 'edge', data: { label: 'The edge', tags: [], services: ['edge-dns'] } },
    { id: 'never', data: { label: 'Never seen', tags: ['nope'], services: [] } },
  ];

  test('a pattern matches by any tag or any service', () => {
    expect(incidents.filter((i) => matchesPattern(patterns[0]!.data, i)).map((i) => i.id)).toEqual(['a', 'b']);
    expect(incidents.filter((i) => matchesPattern(patterns[1]!.data, i)).map((i) => i.id)).toEqual(['a', 'd']);
  });

  test('services, tags and patterns with incidents, each sorted by label; empty patterns left out', () => {
    const filters = getAxisFilters(
      incidents,
      new Map([
        ['edge-dns', 'Edge DNS'],
        ['checkout', 'Checkout API'],
      ]),
      patterns,
    );
    expect(filters.map((f) => `${f.kind}:${f.value} ${f.label} [${f.ids.join(',')}]`)).toEqual([
      'service:checkout Checkout API [b,c]',
      'service:edge-dns Edge DNS [a,d]',
      'tag:capacity #capacity [e]',
      'tag:certs #certs [c]',
      'tag:config-change #config-change [b]',
      'tag:dns #dns [a,b]',
      'pattern:dns It was DNS [a,b]',
      'pattern:edge The edge [a,d]',
    ]);
  });
});
