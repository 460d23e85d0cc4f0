import { COMPLETENESS_RULES, isRealOwner, type CompletenessRuleKey } from '../completeness.ts';
import { frontmatterSectionFor, normalizeHeading, type FrontmatterSection } from '../owned-sections.ts';
import { locateField, type ReviewDocument } from './review-document.ts';
import type { RawFinding } from './rules.ts';

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The items the frontmatter holds for a section it owns (`contributingFactors`, `lessons.wentWell`…). */
function frontmatterItems(raw: Record<string, unknown>, section: FrontmatterSection): unknown[] {
  return section.key === 'contributingFactors'
    ? list(raw['contributingFactors'])
    : list(record(raw['lessons'])[section.key]);
}

/**
 * What a finished review has: the narrative's sections (body rules, lint only) and the frontmatter
 * rules of src/lib/completeness.ts that the linter reports (an owner, factors, owned action items, detection).
 */
export function findCompletenessIssues(
  doc: ReviewDocument,
  requiredSections: readonly string[],
  today: string,
): RawFinding[] {
  const findings: RawFinding[] = [];
  const at = (path: PropertyKey[]) => locateField(doc, path);
  const { raw } = doc;

  if (!doc.mdxError) {
    const bodyStart = { start: doc.parts.bodyOffset, end: doc.parts.bodyOffset };
    for (const section of requiredSections) {
      // A list the frontmatter owns (Contributing factors, What went well…) is there when the frontmatter has it.
      const owned = frontmatterSectionFor(section);
      if (owned && frontmatterItems(raw, owned).length > 0) continue;
      // `What we learned so far` satisfies `What we learned`: lowercased words compared as a prefix.
      const wanted = normalizeHeading(section);
      const heading = doc.headings.find(
        (h) => h.depth >= 2 && h.depth <= 3 && normalizeHeading(h.text).startsWith(wanted),
      );
      if (!heading) {
        findings.push({
          rule: 'required-sections',
          ...bodyStart,
          message: owned
            ? `"${section}" has nothing listed: \`${owned.field}\` is empty`
            : `the narrative has no "${section}" section`,
          suggestion: owned
            ? `List them in \`${owned.field}\` in the frontmatter; the page shows them under "${owned.heading}".`
            : `Add a "## ${section}" heading with its text (npm run new scaffolds every section).`,
        });
      } else if (!heading.hasContent) {
        findings.push({
          rule: 'required-sections',
          start: heading.start,
          end: heading.end,
          message: `the "${heading.text}" section is empty`,
          suggestion:
            'Write the section, or remove the heading if your team does not use it (see requiredSections in hindsight-lint.yaml).',
        });
      }
    }
    for (const heading of doc.headings) {
      const owned = heading.depth >= 2 && heading.depth <= 3 ? frontmatterSectionFor(heading.text) : undefined;
      if (!owned) continue;
      const items = frontmatterItems(raw, owned).length;
      findings.push({
        rule: 'section-in-frontmatter',
        start: heading.start,
        end: heading.end,
        message: `the narrative has a "${heading.text}" section, but that list belongs in \`${owned.field}\`${items > 0 ? ` (which already has ${items})` : ''}`,
        suggestion: `Move its points into \`${owned.field}\` and remove the heading; the page shows that list under "${owned.heading}". Prose that explains the list can stay under a heading of its own (e.g. "How we got here").`,
      });
    }
  }

  const fails = (key: CompletenessRuleKey) => !COMPLETENESS_RULES[key].passes(raw, today);

  if (fails('owner')) {
    const owner = raw['owner'];
    findings.push({
      rule: 'owner',
      ...at(['owner']),
      message:
        owner === undefined
          ? '`owner` is missing: who owns this review?'
          : `the owner ${JSON.stringify(owner)} names nobody`,
      suggestion: 'Set owner: the team or person who owns the review and sees its action items through.',
    });
  }

  if (fails('contributingFactors')) {
    findings.push({
      rule: 'contributing-factors',
      ...at(['contributingFactors']),
      message: 'no contributing factors are listed',
      suggestion:
        'List the conditions that together allowed the incident: contributingFactors: [{ description: …, category: … }].',
    });
  }

  if (fails('actionItemsListed')) {
    findings.push({
      rule: 'action-items',
      ...at(['actionItems']),
      message: 'no action items are listed',
      suggestion:
        'Add what the organisation commits to: actionItems: [{ title: …, owner: …, status: open, type: prevent }].',
    });
  }
  if (fails('actionItemsOwned')) {
    list(raw['actionItems']).forEach((item, index) => {
      const owner = record(item)['owner'];
      if (isRealOwner(owner)) return;
      findings.push({
        rule: 'action-items',
        ...at(['actionItems', index, 'owner']),
        message: `action item ${index + 1} has no real owner (${owner === undefined ? 'none given' : JSON.stringify(owner)})`,
        suggestion: 'Name the team or person who will do it; an unowned action item is rarely done.',
      });
    });
  }

  if (fails('detected')) {
    findings.push({
      rule: 'detected',
      ...at(['started']),
      message: '`detected` is missing: when did the organisation notice?',
      suggestion: 'Add detected: <timestamp with offset>, e.g. the first alert or report.',
    });
  }

  if (fails('timelineDetection')) {
    findings.push({
      rule: 'timeline-detection',
      ...at(['timeline']),
      message: 'the timeline has no detection entry',
      suggestion: 'Add the moment the incident was noticed: { at: …, event: …, kind: detection }.',
    });
  }

  if (fails('publishedDate')) {
    findings.push({
      rule: 'published-date',
      ...at(['status']),
      message: 'the review is published but has no `published` date',
      suggestion: 'Add published: YYYY-MM-DD (the day the review was shared).',
    });
  }
  return findings;
}
