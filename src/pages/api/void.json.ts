import type { APIContext } from 'astro';
import { getSite, siteConfig } from '../../content.ts';
import { toVoidRecords } from '../../lib/exports.ts';
import { urls } from '../../urls.ts';

/** VOID-compatible metadata of every published review. */
export async function GET(context: APIContext) {
  const { incidents } = await getSite();
  const records = toVoidRecords(
    siteConfig.organization,
    incidents,
    (id) => new URL(urls.incident(id), context.site).href,
  );
  return Response.json(records);
}
