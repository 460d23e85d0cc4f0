/** Site-relative URLs that honour `base` (e.g. `HINDSIGHT_BASE=/kb/`). */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** `/kb/` + `incidents/x/`. */
export function url(path = ''): string {
  return base + path.replace(/^\//, '');
}

/** `/search/`, or `/search/?tag=dns` given a query string (alone, so browser code need not bundle `urls`). */
export function searchUrl(query = ''): string {
  return url(`search/${query ? `?${query}` : ''}`);
}

export const urls = {
  home: () => url(),
  incidents: () => url('incidents/'),
  incident: (id: string) => url(`incidents/${id}/`),
  /** The one-screen printable brief of a review. */
  brief: (id: string) => url(`incidents/${id}/brief/`),
  nearMisses: () => url('near-misses/'),
  tags: () => url('tags/'),
  tag: (tag: string) => url(`tags/${tag}/`),
  services: () => url('services/'),
  /** A review's service graph, drawn once per distinct neighbourhood (`serviceGraphFileName`). */
  serviceGraph: (name: string) => url(`graphs/${name}.svg`),
  service: (id: string) => url(`services/${id}/`),
  severity: (level: string) => url(`severity/${level.toLowerCase()}/`),
  years: () => url('years/'),
  year: (year: string) => url(`years/${year}/`),
  glossary: () => url('glossary/'),
  glossaryTerm: (id: string) => url(`glossary/#${id}`),
  learn: () => url('learn/'),
  path: (id: string) => url(`learn/${id}/`),
  handout: (id: string) => url(`learn/${id}/handout/`),
  insights: () => url('insights/'),
  actions: () => url('actions/'),
  patterns: () => url('patterns/'),
  pattern: (id: string) => url(`patterns/${id}/`),
  api: (file: string) => url(`api/${file}`),
  timeline: () => url('timeline/'),
  /** The cross-incident timeline cut to one tag, service or pattern. */
  timelineFilter: (kind: 'tag' | 'service' | 'pattern', value: string) => url(`timeline/${kind}s/${value}/`),
  search: searchUrl,
  /** The Pagefind bundle (index and UI) written by the build. */
  pagefind: () => url('pagefind/'),
  /** The header's search dialog markup, fetched when a reader starts to search. */
  searchDialog: () => url('search-dialog.html'),
};
