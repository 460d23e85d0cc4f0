import type { APIContext } from 'astro';
import { drawServiceGraphFile, getServiceGraph, getSite } from '../../content.ts';
import { serviceGraphFileName, type ServiceGraphView } from '../../lib/view/service-graph.ts';

/** One file for each distinct graph a review shows; its name is a digest of what it draws. */
export async function getStaticPaths() {
  const site = await getSite();
  const graphs = new Map<string, ServiceGraphView>();
  for (const incident of site.incidents) {
    const graph = getServiceGraph(site, incident.data.services);
    if (graph.drawn) graphs.set(serviceGraphFileName(graph), graph);
  }
  return [...graphs].map(([name, graph]) => ({ params: { name }, props: { graph }, cacheKey: name }));
}

/** `/graphs/<name>.svg`: a review's service graph, which the review page fetches as it loads. */
export async function GET(context: APIContext) {
  const { graph } = context.props as { graph: ServiceGraphView };
  return new Response(await drawServiceGraphFile(graph), { headers: { 'Content-Type': 'image/svg+xml' } });
}
