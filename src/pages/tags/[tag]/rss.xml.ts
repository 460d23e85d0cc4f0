import type { APIContext } from 'astro';
import { frontmatterOf, getSite, pageKey } from '../../../content.ts';
import { incidentFeed } from '../../../feeds.ts';

export async function getStaticPaths() {
  const site = await getSite();
  return [...site.byTag].map(([tag, incidents]) => ({
    params: { tag },
    cacheKey: pageKey(site, incidents.map(frontmatterOf)),
  }));
}

/** Published reviews with one tag. */
export async function GET(context: APIContext) {
  const tag = context.params.tag!;
  const { byTag } = await getSite();
  return incidentFeed(context, byTag.get(tag) ?? [], `#${tag}`, `Reviews tagged ${tag}.`);
}
