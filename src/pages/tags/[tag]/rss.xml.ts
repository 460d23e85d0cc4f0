import type { APIContext } from 'astro';
import { getSite } from '../../../content.ts';
import { incidentFeed } from '../../../feeds.ts';

export async function getStaticPaths() {
  const { byTag } = await getSite();
  return [...byTag.keys()].map((tag) => ({ params: { tag } }));
}

/** Published reviews with one tag. */
export async function GET(context: APIContext) {
  const tag = context.params.tag!;
  const { byTag } = await getSite();
  return incidentFeed(context, byTag.get(tag) ?? [], `#${tag}`, `Reviews tagged ${tag}.`);
}
