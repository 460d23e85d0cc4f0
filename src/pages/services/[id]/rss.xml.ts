import type { APIContext } from 'astro';
import { getSite } from '../../../content.ts';
import { incidentFeed } from '../../../feeds.ts';

export async function getStaticPaths() {
  const { services } = await getSite();
  return services.map((s) => ({ params: { id: s.id } }));
}

/** Published reviews touching one service. */
export async function GET(context: APIContext) {
  const id = context.params.id!;
  const { byService, serviceById } = await getSite();
  const name = serviceById.get(id)?.data.name ?? id;
  return incidentFeed(context, byService.get(id) ?? [], name, `Reviews of incidents that touched ${name}.`);
}
