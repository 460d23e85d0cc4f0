import { findFutureStamps } from '../future-dates.ts';
import { isOverdue } from '../incidents.ts';
import { slugify } from '../slugify.ts';
import { locateField, type ReviewDocument } from './review-document.ts';
import type { RawFinding } from './rules.ts';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Suffixes that add nothing to a tag: `dns-outage` is `dns`. */
const FILLER_SUFFIXES = [
  'outage',
  'outages',
  'incident',
  'incidents',
  'issue',
  'issues',
  'problem',
  'problems',
  'failure',
  'failures',
  'error',
  'errors',
  'bug',
  'bugs',
];

/** The tags a review's raw frontmatter lists (strings only). */
export function tagsOf(doc: ReviewDocument): string[] {
  const tags = doc.raw['tags'];
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
}

/** Lowercase letters and digits only, and without a trailing plural `s`. */
function tagKey(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/ies$/, 'y')
    .replace(/(?<=\w{3})s$/, '');
}

/** Whether `a` and `b` are spellings of one idea (`dns`/`DNS`/`dns-outage`, `cert`/`certs`, a one-letter typo). */
export function isNearDuplicateTag(a: string, b: string): boolean {
  if (a === b) return false;
  if (tagKey(a) === tagKey(b)) return true;
  const [lowerA, lowerB] = [a.toLowerCase(), b.toLowerCase()];
  for (const [long, short] of [
    [lowerA, lowerB],
    [lowerB, lowerA],
  ] as const) {
    if (FILLER_SUFFIXES.some((suffix) => long === `${short}-${suffix}`)) return true;
  }
  return Math.min(a.length, b.length) >= 6 && isOneEditApart(lowerA, lowerB);
}

function isOneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return Math.max(a.length, b.length) - i - j <= 1;
}

/** Tag spelling, near-duplicate tags (against the whole corpus), overdue open action items and future timestamps. */
export function findConsistencyIssues(
  doc: ReviewDocument,
  tagCounts: ReadonlyMap<string, number>,
  today: string,
): RawFinding[] {
  const findings: RawFinding[] = [];
  tagsOf(doc).forEach((tag, index) => {
    const where = locateField(doc, ['tags', index]);
    if (!KEBAB.test(tag)) {
      const fixed = slugify(tag);
      findings.push({
        rule: 'tag-format',
        ...where,
        message: `tag "${tag}" is not lowercase kebab-case`,
        suggestion: fixed ? `Use "${fixed}".` : 'Use lowercase letters, digits and hyphens.',
      });
    }
    const preferred = preferredSpelling(tag, tagCounts);
    if (preferred) {
      const uses = tagCounts.get(preferred) ?? 0;
      findings.push({
        rule: 'tag-near-duplicate',
        ...where,
        message: `tag "${tag}" looks like a variant of "${preferred}" (used by ${uses} review${uses === 1 ? '' : 's'})`,
        suggestion: `Use "${preferred}" so both reviews appear on one tag page, or disable this rule for the line if they differ on purpose.`,
      });
    }
  });

  const items = Array.isArray(doc.raw['actionItems']) ? (doc.raw['actionItems'] as unknown[]) : [];
  items.forEach((item, index) => {
    const { status, due, title } = (item ?? {}) as { status?: unknown; due?: unknown; title?: unknown };
    if (typeof due !== 'string' || (status !== 'open' && status !== 'in-progress')) return;
    if (!isOverdue({ status, due }, today)) return;
    findings.push({
      rule: 'overdue-action',
      ...locateField(doc, ['actionItems', index, 'due']),
      message: `action item "${String(title)}" was due ${due} and is still ${status}`,
      suggestion: 'Update its status (done, wont-do with a reason) or agree a new due date with its owner.',
    });
  });
  for (const stamp of findFutureStamps(doc.raw, today)) {
    findings.push({
      rule: 'future-timestamp',
      ...locateField(doc, stamp.path),
      message: `${stamp.field} ${stamp.value} is after today (${today})`,
      suggestion: 'Check the year; until it is fixed, insights leave this review out of their figures.',
    });
  }
  return findings;
}

/**
 * The spelling of `tag` the corpus prefers, if `tag` is a near-duplicate of one: the more used tag
 * wins; on a tie, the kebab-case one, then the shorter, then the first alphabetically.
 */
export function preferredSpelling(tag: string, tagCounts: ReadonlyMap<string, number>): string | undefined {
  const rank = (t: string) => [-(tagCounts.get(t) ?? 0), KEBAB.test(t) ? 0 : 1, t.length] as const;
  let best: string | undefined;
  for (const other of tagCounts.keys()) {
    if (!isNearDuplicateTag(tag, other) || !isPreferred(rank(other), rank(tag), other, tag)) continue;
    if (!best || isPreferred(rank(other), rank(best), other, best)) best = other;
  }
  return best;
}

function isPreferred(a: readonly number[], b: readonly number[], nameA: string, nameB: string): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return nameA < nameB;
}
