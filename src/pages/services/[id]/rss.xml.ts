import type { APIContext } from 'astro';
import { frontmatterOf, getSite, pageKey } from '../../../content.ts';
import { incidentFeed } from '../../../feeds.ts';

export async function getStaticPaths() {
  const site = await getSite();
  return site.services.map((s) => ({
    params: { id: s.id },
    cacheKey: pageKey(site, (site.byService.get(s.id) ?? []).map(frontmatterOf)),
  }));
}

/** Published reviews touching one service. */
export async function GET(context: APIContext) {
  const id = context.params.id!;
  const { byService, serviceById } = await getSite();
  const name = serviceById.get(id)?.data.name ?? id;
  return incidentFeed(context, byService.get(id) ?? [], name, `Reviews of incidents that touched ${name}.`);
}
