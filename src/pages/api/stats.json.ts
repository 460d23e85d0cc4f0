import type { APIRoute } from 'astro';
import { getSite } from '../../content.ts';

/** Every figure of the insights pages, as computed at build time (see src/lib/stats/index.ts). */
export const GET: APIRoute = async () => {
  const { stats } = await getSite();
  return new Response(JSON.stringify(stats, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
