import type { APIContext } from 'astro';
import { getSite, siteConfig } from '../content.ts';
import { incidentFeed } from '../feeds.ts';

/** Every published review. */
export async function GET(context: APIContext) {
  const { incidents } = await getSite();
  return incidentFeed(context, incidents, 'New reviews', `Post-incident reviews of ${siteConfig.organization}.`);
}
