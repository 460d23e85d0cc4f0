import { describe, expect, test } from 'vitest';
import { toCsv, toIncidentJson, toVoidRecord, toVoidRecords } from '../../src/lib/exports.ts';
import { createIncidentSchema } from '../../src/schemas/incident.ts';

const data = createIncidentSchema().parse({
  title: 'Checkout errors, "resolver" change',
  summary: 'Checkout failed.',
  status: 'published',
  severity: 'SEV2',
  started: '2024-03-05T14:02:00Z',
  detected: '2024-03-05T14:09:00Z',
  resolved: '2024-03-05T15:10:00Z',
  services: ['checkout-api', 'edge-dns'],
  tags: ['dns'],
  impact: { description: '12% of checkouts failed' },
});

describe('exports', () => {
  test('incident JSON carries frontmatter and durations in minutes', () => {
    const json = toIncidentJson('x', data, 'https://kb.example/incidents/x/');
    expect(json.durations).toEqual({ toDetectMinutes: 7, toMitigateMinutes: null, toResolveMinutes: 68 });
    expect((JSON.parse(JSON.stringify(json)) as { started: string }).started).toBe('2024-03-05T14:02:00.000Z');
  });

  test('VOID record and CSV quoting', () => {
    const record = toVoidRecord('Example Corp', data, 'https://kb.example/incidents/x/');
    expect(record).toEqual({
      organization: 'Example Corp',
      title: 'Checkout errors, "resolver" change',
      date: '2024-03-05T14:02:00.000Z',
      duration_minutes: 68,
      services: 'checkout-api; edge-dns',
      technologies: 'dns',
      severity: 'SEV2',
      impact: '12% of checkouts failed',
      report_url: 'https://kb.example/incidents/x/',
    });
    expect(toCsv([record])).toBe(
      'organization,title,date,duration_minutes,services,technologies,severity,impact,report_url\r\n' +
        'Example Corp,"Checkout errors, ""resolver"" change",2024-03-05T14:02:00.000Z,68,checkout-api; edge-dns,dns,SEV2,12% of checkouts failed,https://kb.example/incidents/x/\r\n',
    );
    expect(toCsv([])).toBe('');
  });

  test('VOID records list published reviews only, each with its absolute URL', () => {
    const incidents = [
      { id: 'x', data },
      { id: 'd', data: { ...data, status: 'draft' as const } },
    ];
    expect(
      toVoidRecords('Example Corp', incidents, (id) => `https://kb.example/incidents/${id}/`).map((r) => r.report_url),
    ).toEqual(['https://kb.example/incidents/x/']);
  });

  test.each([
    ['=HYPERLINK("https://evil.example","x")', `"'=HYPERLINK(""https://evil.example"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['a=b', 'a=b'],
  ])('a cell starting a formula (%j) opens as text', (title, expected) => {
    const csv = toCsv([{ title, minutes: -5 }]);
    expect(csv).toBe(`title,minutes\r\n${expected},-5\r\n`);
  });
});
