import type { APIContext } from 'astro';
import { getSite, siteConfig } from '../../content.ts';
import { toCsv, toVoidRecord } from '../../lib/exports.ts';
import { urls } from '../../urls.ts';

/** The same records as `void.json`, as CSV. */
export async function GET(context: APIContext) {
  const { incidents } = await getSite();
  const records = incidents
    .filter((i) => i.data.status === 'published')
    .map((i) => toVoidRecord(siteConfig.organization, i.data, new URL(urls.incident(i.id), context.site).href));
  return new Response(toCsv(records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
