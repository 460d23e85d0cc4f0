import type { APIRoute } from 'astro';
import { getSite } from '../../content.ts';
import { toIncidentRecord } from '../../lib/incident-records.ts';
import { urls } from '../../urls.ts';

/** Every incident's frontmatter and computed durations, newest first, for other tools. */
export const GET: APIRoute = async ({ site }) => {
  const { incidents } = await getSite();
  const absolute = (id: string) => (site ? new URL(urls.incident(id), site).href : urls.incident(id));
  const records = incidents.map((i) => toIncidentRecord(i, absolute));
  return new Response(JSON.stringify(records, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
