import type { APIContext } from 'astro';
import { drawServiceGraphFile, getServiceGraph, getServiceGraphFile, getSite } from '../../content.ts';
import { serviceGraphFileName, type ServiceGraphView } from '../../lib/view/service-graph.ts';

/**
 * One file for each distinct graph a review shows, named by a digest of what it draws; none for
 * a graph that could not be drawn at build time (its review shows it inline, drawn by the browser).
 */
export async function getStaticPaths() {
  const site = await getSite();
  const graphs = new Map<string, ServiceGraphView>();
  for (const incident of site.incidents) {
    const graph = getServiceGraph(site, incident.data.services);
    if (graph.drawn) graphs.set(serviceGraphFileName(graph), graph);
  }
  const drawn = await Promise.all(
    [...graphs].map(async ([name, graph]) => ((await getServiceGraphFile(graph)) ? [{ name, graph }] : [])),
  );
  return drawn.flat().map(({ name, graph }) => ({ params: { name }, props: { graph }, cacheKey: name }));
}

/** `/graphs/<name>.svg`: a review's service graph, which the review page fetches as it loads. */
export async function GET(context: APIContext) {
  const { graph } = context.props as { graph: ServiceGraphView };
  const svg = await drawServiceGraphFile(graph);
  if (svg === undefined) throw new Error(`A service graph listed for its own file was not drawn:\n${graph.source}`);
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
}
