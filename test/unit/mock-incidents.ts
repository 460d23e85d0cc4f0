import type { IncidentLike } from '../../src/lib/incidents.ts';
import type { PatternLike } from '../../src/lib/stats/patterns.ts';
import { PatternSchema } from '../../src/schemas/catalog.ts';
import { createIncidentSchema } from '../../src/schemas/incident.ts';

const schema = createIncidentSchema();

/** Validated frontmatter from the few fields a test cares about; the rest make the smallest valid review. */
export function incidentData(fields: Record<string, unknown>) {
  return schema.parse({
    title: 't',
    summary: 's',
    status: 'published',
    severity: 'SEV3',
    started: '2024-01-01T00:00:00Z',
    ...fields,
  });
}

/** Validated incidents built from the few fields a test cares about (through the real schema). */
export function mockIncidents(items: ({ id: string } & Record<string, unknown>)[]): IncidentLike[] {
  return items.map(({ id, ...fields }) => ({ id, data: incidentData({ title: id, ...fields }) }));
}

/** Validated patterns. */
export function mockPatterns(items: ({ id: string } & Record<string, unknown>)[]): PatternLike[] {
  return items.map((item) => ({ id: item.id, data: PatternSchema.parse({ label: item.id, ...item }) }));
}
