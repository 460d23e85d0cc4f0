import type { APIContext } from 'astro';
import { getSite } from '../../content.ts';
import { incidentFeed } from '../../feeds.ts';

/** Every published near-miss review. */
export async function GET(context: APIContext) {
  const { nearMisses } = await getSite();
  return incidentFeed(context, nearMisses, 'Near misses', 'Reviews of what was caught before it hurt.');
}
