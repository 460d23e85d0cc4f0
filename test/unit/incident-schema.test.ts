import { describe, expect, test } from 'vitest';
import { formatSchemaIssues } from '../../src/lib/content-errors.ts';
import { createIncidentSchema } from '../../src/schemas/incident.ts';

const schema = createIncidentSchema();
const valid = {
  title: 'Checkout errors after resolver change',
  summary: 'Checkout failed for an hour.',
  status: 'published',
  severity: 'SEV2',
  started: '2024-03-05T14:02:00Z',
};

/** The author-facing lines for a frontmatter object. */
function problems(data: Record<string, unknown>): string[] {
  const result = schema.safeParse(data, { reportInput: true });
  return result.success ? [] : formatSchemaIssues('incidents/x.mdx', result.error.issues, data);
}

describe('incident schema messages', () => {
  test('a valid minimal review passes and gets list defaults', () => {
    const data = schema.parse(valid);
    expect(data.started.toISOString()).toBe('2024-03-05T14:02:00.000Z');
    expect(data.visibility).toBe('internal');
    expect(data.services).toEqual([]);
  });

  test('missing required fields', () => {
    expect(problems({ ...valid, title: undefined, severity: undefined })).toMatchInlineSnapshot(`
      [
        "incidents/x.mdx: title is required (expected text)",
        "incidents/x.mdx: severity is required: expected one of SEV1, SEV2, SEV3, SEV4 (only a near miss may leave it out)",
      ]
    `);
  });

  test('unknown status, severity, role, kind and detection method', () => {
    expect(
      problems({
        ...valid,
        status: 'done',
        severity: 'SEV9',
        participants: [{ name: 'A.K.', role: 'hero' }],
        timeline: [{ at: '2024-03-05T14:09:00Z', event: 'Alert', kind: 'alarm' }],
        detection: { method: 'psychic' },
      }),
    ).toMatchInlineSnapshot(`
      [
        "incidents/x.mdx: status "done": expected one of draft, in-review, published",
        "incidents/x.mdx: severity "SEV9": expected one of SEV1, SEV2, SEV3, SEV4",
        "incidents/x.mdx: detection.method "psychic": expected one of alert, customer-report, employee-report, synthetic, other",
        "incidents/x.mdx: participants[0].role "hero": expected one of incident-commander, responder, communications, scribe, subject-matter-expert, observer",
        "incidents/x.mdx: timeline[0].kind "alarm": expected one of detection, escalation, action, mitigation, resolution, communication, observation",
      ]
    `);
  });

  test('a timestamp without an offset, and one that is not a timestamp', () => {
    expect(problems({ ...valid, started: '2024-03-05T14:02:00', detected: 'yesterday' })).toMatchInlineSnapshot(`
      [
        "incidents/x.mdx: started "2024-03-05T14:02:00" has no timezone offset: add Z for UTC or an offset such as +02:00",
        "incidents/x.mdx: detected "yesterday": expected an ISO 8601 timestamp with an offset, e.g. 2024-03-05T14:02:00Z",
      ]
    `);
  });

  test('timeline entries need an offset too', () => {
    expect(problems({ ...valid, timeline: [{ at: '2024-03-05 14:09', event: 'x', kind: 'action' }] })).toEqual([
      'incidents/x.mdx: timeline[0].at "2024-03-05 14:09" has no timezone offset: add Z for UTC or an offset such as +02:00',
    ]);
  });

  test('lifecycle stamps out of order', () => {
    expect(
      problems({
        ...valid,
        detected: '2024-03-05T13:00:00Z',
        mitigated: '2024-03-05T15:00:00Z',
        resolved: '2024-03-05T14:30:00Z',
      }),
    ).toMatchInlineSnapshot(`
      [
        "incidents/x.mdx: detected "2024-03-05T13:00:00Z" is earlier than started (2024-03-05T14:02:00.000Z)",
        "incidents/x.mdx: resolved "2024-03-05T14:30:00Z" is earlier than mitigated (2024-03-05T15:00:00.000Z)",
      ]
    `);
  });

  test.each([
    ['2024-03-05T14:02Z', '2024-03-05T14:02:00.000Z'],
    ['2024-03-05T16:02:00+02:00', '2024-03-05T14:02:00.000Z'],
    ['2024-03-05T07:02:00-0700', '2024-03-05T14:02:00.000Z'],
    ['2024-03-05T14:02:00.500Z', '2024-03-05T14:02:00.500Z'],
    ['2024-03-05 14:02:00Z', '2024-03-05T14:02:00.000Z'],
  ])('accepts %s as %s', (started, iso) => {
    expect(schema.parse({ ...valid, started }).started.toISOString()).toBe(iso);
  });

  test('severity matches case-insensitively and takes the configured spelling', () => {
    expect(schema.parse({ ...valid, severity: 'sev2' }).severity).toBe('SEV2');
    expect(createIncidentSchema(['P0', 'P1']).parse({ ...valid, severity: 'p1' }).severity).toBe('P1');
  });

  test('tags must be kebab-case and titles at most 200 characters', () => {
    expect(problems({ ...valid, tags: ['DNS'], title: 'x'.repeat(201) })).toEqual([
      `incidents/x.mdx: title "${'x'.repeat(76)}…" must be at most 200 characters`,
      'incidents/x.mdx: tags[0] "DNS": expected lowercase kebab-case, e.g. config-change',
    ]);
  });

  test('a near miss needs no severity, impact or detected; an incident still needs its severity', () => {
    const withoutSeverity = { ...valid, severity: undefined };
    const nearMiss = schema.parse({ ...withoutSeverity, kind: 'near-miss' });
    expect([nearMiss.kind, nearMiss.severity, nearMiss.impact, nearMiss.detected]).toEqual([
      'near-miss',
      undefined,
      undefined,
      undefined,
    ]);
    expect(schema.parse(valid).kind).toBe('incident');
    expect(problems({ ...withoutSeverity, kind: 'incident' })).toEqual([
      'incidents/x.mdx: severity is required: expected one of SEV1, SEV2, SEV3, SEV4 (only a near miss may leave it out)',
    ]);
    expect(problems({ ...valid, kind: 'close-call' })).toEqual([
      'incidents/x.mdx: kind "close-call": expected one of incident, near-miss',
    ]);
  });

  test('an action item reopened with its closed date kept, or created after it closed, is refused', () => {
    const item = { title: 'Canary', owner: 'platform', type: 'prevent' };
    expect(
      problems({
        ...valid,
        actionItems: [
          { ...item, status: 'open', closed: '2024-03-20' },
          { ...item, status: 'done', created: '2024-03-21', closed: '2024-03-20' },
          { ...item, status: 'done', created: '2024-03-12', closed: '2024-03-20' },
        ],
      }),
    ).toEqual([
      'incidents/x.mdx: actionItems[0].closed "2024-03-20" is set but the status is open: remove closed when an item is reopened',
      'incidents/x.mdx: actionItems[1].created "2024-03-21" is after closed (2024-03-20)',
    ]);
  });
});
