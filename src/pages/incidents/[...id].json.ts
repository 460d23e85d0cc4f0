import type { APIContext } from 'astro';
import { getSite, pageKey, type Incident } from '../../content.ts';
import { toIncidentJson } from '../../lib/exports.ts';
import { urls } from '../../urls.ts';

export async function getStaticPaths() {
  const site = await getSite();
  return site.incidents.map((incident) => ({
    params: { id: incident.id },
    props: { incident },
    cacheKey: pageKey(site, incident),
  }));
}

/** `/incidents/<id>.json`: one review's frontmatter and computed durations. */
export function GET(context: APIContext) {
  const { incident } = context.props as { incident: Incident };
  const report = new URL(urls.incident(incident.id), context.site).href;
  return Response.json(toIncidentJson(incident.id, incident.data, report));
}
