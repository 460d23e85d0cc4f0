import { locateField, type ReviewDocument } from './review-document.ts';
import type { RawFinding } from './rules.ts';

/** Owners that name nobody. */
const PLACEHOLDER_OWNER = /^(?:tbd|tbc|todo|unassigned|unknown|none|nobody|n\/a|\?+|-+)$/i;

/** `What we learned so far` satisfies `What we learned`: compare lowercased words as a prefix. */
function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** What a finished review has: the sections, contributing factors, owned action items, detection. */
export function findCompletenessIssues(doc: ReviewDocument, requiredSections: readonly string[]): RawFinding[] {
  const findings: RawFinding[] = [];
  const at = (path: PropertyKey[]) => locateField(doc, path);
  const { raw } = doc;

  if (!doc.mdxError) {
    const bodyStart = { start: doc.parts.bodyOffset, end: doc.parts.bodyOffset };
    for (const section of requiredSections) {
      const wanted = normalizeHeading(section);
      const heading = doc.headings.find((h) => h.depth >= 2 && h.depth <= 3 && normalizeHeading(h.text).startsWith(wanted));
      if (!heading) {
        findings.push({
          rule: 'required-sections',
          ...bodyStart,
          message: `the narrative has no "${section}" section`,
          suggestion: `Add a "## ${section}" heading with its text (npm run new scaffolds every section).`,
        });
      } else if (!heading.hasContent) {
        findings.push({
          rule: 'required-sections',
          start: heading.start,
          end: heading.end,
          message: `the "${heading.text}" section is empty`,
          suggestion: 'Write the section, or remove the heading if your team does not use it (see requiredSections in hindsight-lint.yaml).',
        });
      }
    }
  }

  if (list(raw['contributingFactors']).length === 0) {
    findings.push({
      rule: 'contributing-factors',
      ...at(['contributingFactors']),
      message: 'no contributing factors are listed',
      suggestion: 'List the conditions that together allowed the incident: contributingFactors: [{ description: …, category: … }].',
    });
  }

  const actionItems = list(raw['actionItems']);
  if (actionItems.length === 0) {
    findings.push({
      rule: 'action-items',
      ...at(['actionItems']),
      message: 'no action items are listed',
      suggestion: 'Add what the organisation commits to: actionItems: [{ title: …, owner: …, status: open, type: prevent }].',
    });
  }
  actionItems.forEach((item, index) => {
    const owner = record(item)['owner'];
    if (typeof owner === 'string' && !PLACEHOLDER_OWNER.test(owner.trim())) return;
    findings.push({
      rule: 'action-items',
      ...at(['actionItems', index, 'owner']),
      message: `action item ${index + 1} has no real owner (${owner === undefined ? 'none given' : JSON.stringify(owner)})`,
      suggestion: 'Name the team or person who will do it; an unowned action item is rarely done.',
    });
  });

  // A near miss may have been stopped before anyone had to notice it.
  if (raw['detected'] === undefined && raw['kind'] !== 'near-miss') {
    findings.push({
      rule: 'detected',
      ...at(['started']),
      message: '`detected` is missing: when did the organisation notice?',
      suggestion: 'Add detected: <timestamp with offset>, e.g. the first alert or report.',
    });
  }

  if (!list(raw['timeline']).some((entry) => record(entry)['kind'] === 'detection')) {
    findings.push({
      rule: 'timeline-detection',
      ...at(['timeline']),
      message: 'the timeline has no detection entry',
      suggestion: 'Add the moment the incident was noticed: { at: …, event: …, kind: detection }.',
    });
  }

  if (raw['status'] === 'published' && raw['published'] === undefined) {
    findings.push({
      rule: 'published-date',
      ...at(['status']),
      message: 'the review is published but has no `published` date',
      suggestion: 'Add published: YYYY-MM-DD (the day the review was shared).',
    });
  }
  return findings;
}
