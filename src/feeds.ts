import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import type { Incident } from './content.ts';
import { siteConfig } from './content.ts';
import { parseCalendarDate } from './lib/dates.ts';
import { getReviewLabel } from './lib/near-misses.ts';
import { url, urls } from './urls.ts';

/** An RSS feed of the published reviews among `incidents`, newest first. */
export function incidentFeed(context: APIContext, incidents: Incident[], title: string, description: string) {
  const published = incidents.filter((i) => i.data.status === 'published');
  return rss({
    title: `${title} · ${siteConfig.title}`,
    description,
    site: new URL(url(), context.site).href,
    trailingSlash: true,
    items: published.map((i) => ({
      title: `[${getReviewLabel(i.data)}] ${i.data.title}`,
      link: urls.incident(i.id),
      pubDate: i.data.published ? parseCalendarDate(i.data.published) : i.data.started,
      description: i.data.summary,
      categories: i.data.tags,
    })),
  });
}
