import type { APIContext } from 'astro';
import { getSite, siteConfig } from '../../content.ts';
import { toCsv, toVoidRecords } from '../../lib/exports.ts';
import { urls } from '../../urls.ts';

/** The same records as `void.json`, as CSV. */
export async function GET(context: APIContext) {
  const { incidents } = await getSite();
  const records = toVoidRecords(
    siteConfig.organization,
    incidents,
    (id) => new URL(urls.incident(id), context.site).href,
  );
  return new Response(toCsv(records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
