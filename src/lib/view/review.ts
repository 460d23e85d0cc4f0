/**
 * What a review's page shows beyond its own frontmatter (incidents/[...id].astro renders it):
 * where the frontmatter-owned lists go, the lessons block, related and suggested reviews.
 */
import type { IncidentData } from '../../schemas/incident.ts';
import { splitAfterHeadings, type NarrativePart } from '../narrative-parts.ts';
import { placeFrontmatterSections, type FrontmatterSectionKey } from '../owned-sections.ts';
import type { Suggestion } from '../related.ts';

/** One list of lessons ("What went well" and its items). */
export interface LessonList {
  key: Extract<FrontmatterSectionKey, 'wentWell' | 'wentWrong' | 'gotLucky'>;
  title: string;
  items: string[];
}

/** The review page as pages render it. */
export interface ReviewView<I> {
  /** Narrative headings (by slug) under which a frontmatter list is shown. */
  placed: Map<string, FrontmatterSectionKey>;
  /** Frontmatter lists the narrative already shows, so the page leaves out their own blocks. */
  inNarrative: Set<FrontmatterSectionKey>;
  /** Lessons the narrative does not show, non-empty lists only. */
  lessons: LessonList[];
  /** Reviews the authors linked, either direction. */
  related: I[];
  /** Computed suggestions, with their reasons. */
  suggested: { incident: I; suggestion: Suggestion }[];
  /** The narrative has a diagram drawn in the browser, so the page adds the lazy Mermaid loader. */
  needsMermaidLoader: boolean;
  /**
   * A narrative rendered on the Markdown path with lists placed under its headings, cut where they
   * go; undefined when the page renders `Content` as it is (an MDX review, or nothing placed).
   */
  narrative: NarrativePart[] | undefined;
}

/** What the page of one review needs, from the build-wide lookups. */
export interface ReviewInput<I> {
  incident: I;
  /** The narrative's headings, as `render()` returns them. */
  headings: readonly { depth: number; slug: string; text: string }[];
  related: ReadonlyMap<string, readonly string[]>;
  suggestions: ReadonlyMap<string, readonly Suggestion[]>;
  incidentById: ReadonlyMap<string, I>;
}

/** The lessons lists in page order, each titled as the narrative heading it may replace. */
export function getLessonLists(
  lessons: IncidentData['lessons'],
  inNarrative: ReadonlySet<FrontmatterSectionKey>,
): LessonList[] {
  if (!lessons) return [];
  const lists: LessonList[] = [
    { key: 'wentWell', title: 'What went well', items: lessons.wentWell },
    { key: 'wentWrong', title: 'What went wrong', items: lessons.wentWrong },
    { key: 'gotLucky', title: 'Where we got lucky', items: lessons.gotLucky },
  ];
  return lists.filter((list) => list.items.length > 0 && !inNarrative.has(list.key));
}

/** Everything a review's page shows besides its frontmatter. */
export function getReviewView<
  I extends { id: string; data: Pick<IncidentData, 'lessons'>; rendered?: { html: string } | undefined },
>(input: ReviewInput<I>): ReviewView<I> {
  const { incident, incidentById } = input;
  // Lists the frontmatter owns appear once: under the narrative's heading of that name, else in their own block.
  const placed = placeFrontmatterSections(input.headings);
  const inNarrative = new Set(placed.values());
  return {
    placed,
    inNarrative,
    lessons: getLessonLists(incident.data.lessons, inNarrative),
    related: (input.related.get(incident.id) ?? []).flatMap((id) => incidentById.get(id) ?? []),
    suggested: (input.suggestions.get(incident.id) ?? []).flatMap((suggestion) => {
      const other = incidentById.get(suggestion.id);
      return other ? [{ incident: other, suggestion }] : [];
    }),
    // A review rendered on the Markdown path (plain-markdown.ts) carries no MDX imports, so the page
    // adds the lazy Mermaid loader itself when the narrative has a diagram the browser draws.
    needsMermaidLoader: incident.rendered?.html.includes('<pre class="mermaid"') ?? false,
    narrative: incident.rendered && placed.size > 0 ? splitAfterHeadings(incident.rendered.html, placed) : undefined,
  };
}
