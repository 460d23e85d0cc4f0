import type { APIContext } from 'astro';
import { getSite, siteConfig } from '../../content.ts';
import { toVoidRecord } from '../../lib/exports.ts';
import { urls } from '../../urls.ts';

/** VOID-compatible metadata of every published review. */
export async function GET(context: APIContext) {
  const { incidents } = await getSite();
  const records = incidents
    .filter((i) => i.data.status === 'published')
    .map((i) => toVoidRecord(siteConfig.organization, i.data, new URL(urls.incident(i.id), context.site).href));
  return Response.json(records);
}
