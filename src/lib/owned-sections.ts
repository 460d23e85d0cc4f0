/**
 * One story per review: lists live in the frontmatter, the story in the body. These sections are
 * lists the frontmatter owns; the page shows each once, under the body's heading of the same name
 * when the narrative has one (older reviews), else in its own block.
 */
export const FRONTMATTER_SECTIONS = [
  { key: 'contributingFactors', heading: 'Contributing factors', field: 'contributingFactors' },
  { key: 'wentWell', heading: 'What went well', field: 'lessons.wentWell' },
  { key: 'wentWrong', heading: 'What went wrong', field: 'lessons.wentWrong' },
  { key: 'gotLucky', heading: 'Where we got lucky', field: 'lessons.gotLucky' },
] as const;

/** A section the frontmatter owns. */
export type FrontmatterSection = (typeof FRONTMATTER_SECTIONS)[number];
/** `contributingFactors`, `wentWell`, `wentWrong` or `gotLucky`. */
export type FrontmatterSectionKey = FrontmatterSection['key'];

/** Lowercase words only: `What went well?` and `what went well` compare equal. */
export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The frontmatter-owned section a heading names (`Contributing factors (draft)` counts), if any. */
export function frontmatterSectionFor(headingText: string): FrontmatterSection | undefined {
  const text = normalizeHeading(headingText);
  return FRONTMATTER_SECTIONS.find((section) => {
    const wanted = normalizeHeading(section.heading);
    return text === wanted || text.startsWith(`${wanted} `);
  });
}

/**
 * Where each owned list goes: heading id → section key, for the first level-2 heading in the
 * body that names it. Keys not in the map are shown in the page's own block.
 */
export function placeFrontmatterSections(
  headings: readonly { depth: number; slug: string; text: string }[],
): Map<string, FrontmatterSectionKey> {
  const placed = new Map<string, FrontmatterSectionKey>();
  const used = new Set<FrontmatterSectionKey>();
  for (const heading of headings) {
    if (heading.depth !== 2) continue;
    const section = frontmatterSectionFor(heading.text);
    if (!section || used.has(section.key)) continue;
    used.add(section.key);
    placed.set(heading.slug, section.key);
  }
  return placed;
}

/**
 * Whether a body has a `##` heading naming a list the frontmatter owns. Such a review needs the
 * MDX path: the list is placed under that heading by a component, which Markdown cannot call.
 */
export function hasFrontmatterSectionHeading(body: string): boolean {
  return body.split('\n').some((line) => {
    const heading = /^ {0,3}##[ \t]+(.+?)[ \t#]*$/.exec(line);
    return heading !== null && frontmatterSectionFor(heading[1]!) !== undefined;
  });
}
