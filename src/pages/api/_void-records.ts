import type { APIContext } from 'astro';
import { getSite, siteConfig } from '../../content.ts';
import { toVoidRecords, type VoidRecord } from '../../lib/exports.ts';
import { urls } from '../../urls.ts';

/** The VOID records of every published review, linked under the deployed origin (void.json and void.csv). */
export async function getVoidRecords(context: APIContext): Promise<VoidRecord[]> {
  const { incidents } = await getSite();
  return toVoidRecords(siteConfig.organization, incidents, (id) => new URL(urls.incident(id), context.site).href);
}
