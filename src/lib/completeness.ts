/**
 * What makes a review complete: one rule table for the review page's checklist
 * (stats/completeness.ts) and the linter (lint/completeness.ts). Each rule is one function over
 * the frontmatter, raw (the linter reads YAML as written) or validated (the checklist), so both
 * give the same verdict on the same review. A rule used by one side only says why.
 */
import type { RuleId } from './lint/rules.ts';

/** Owners that name nobody: placeholders, and nothing at all. */
const PLACEHOLDER_OWNER = /^(?:tbd|tbc|todo|unassigned|unknown|none|nobody|n\/a|\?+|-+)?$/i;

/** Whether `owner` names a team or person (not "TBD", "TODO", "?", "unassigned", blank or missing). */
export function isRealOwner(owner: unknown): boolean {
  return typeof owner === 'string' && !PLACEHOLDER_OWNER.test(owner.trim());
}

/** A review's frontmatter as either side has it: raw YAML data or validated incident data. */
export type ReviewFields = Readonly<Record<string, unknown>>;

const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Readonly<Record<string, unknown>> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The checklist on the review page: its steps in the order a team usually completes them. */
export const CHECKLIST_STEPS = [
  { id: 'owner', label: 'Owner named', hint: 'Set `owner`: the team or person who owns the review.' },
  { id: 'impact', label: 'Impact described', hint: 'Describe what users and the business experienced under `impact`.' },
  {
    id: 'factors',
    label: 'Contributing factors recorded',
    hint: 'List the conditions that allowed the incident under `contributingFactors`.',
  },
  { id: 'timeline', label: 'Timeline records detection', hint: 'Add a `timeline` entry of kind `detection`.' },
  {
    id: 'actions',
    label: 'Action items triaged',
    hint: 'Add `actionItems`; every open or in-progress item needs a `due` date.',
  },
  { id: 'review', label: 'Review meeting held', hint: 'Record the meeting under `review.date` (on or before today).' },
  { id: 'published', label: 'Published', hint: 'Set `status: published` once the review is signed off.' },
] as const;

/** A step of the checklist. */
export type ChecklistStepId = (typeof CHECKLIST_STEPS)[number]['id'];

/** One rule: the lint rule that reports it and the checklist step it counts towards (either may be absent). */
export interface CompletenessRule {
  lint?: RuleId;
  step?: ChecklistStepId;
  /** Whether the review passes, as of `today` (YYYY-MM-DD). */
  passes: (review: ReviewFields, today: string) => boolean;
}

/** The table with its keys kept and every rule typed alike. */
const ruleTable = <K extends string>(rules: Record<K, CompletenessRule>): Readonly<Record<K, CompletenessRule>> =>
  rules;

/** Every rule, one function each. */
export const COMPLETENESS_RULES = ruleTable({
  owner: { lint: 'owner', step: 'owner', passes: (r) => isRealOwner(r['owner']) },
  // Lint leaves it out: a review may describe impact in its narrative; the checklist asks for the field.
  impact: { step: 'impact', passes: (r) => r['impact'] !== undefined || r['kind'] === 'near-miss' }, // a near miss hurt nobody
  contributingFactors: {
    lint: 'contributing-factors',
    step: 'factors',
    passes: (r) => list(r['contributingFactors']).length > 0,
  },
  timelineDetection: {
    lint: 'timeline-detection',
    step: 'timeline',
    passes: (r) => list(r['timeline']).some((entry) => record(entry)['kind'] === 'detection'),
  },
  actionItemsListed: { lint: 'action-items', step: 'actions', passes: (r) => list(r['actionItems']).length > 0 },
  actionItemsOwned: {
    lint: 'action-items',
    step: 'actions',
    passes: (r) => list(r['actionItems']).every((item) => isRealOwner(record(item)['owner'])),
  },
  // Lint leaves it out: reviews are published with open items not yet scheduled; `overdue-action` watches dated ones.
  actionItemsDue: {
    step: 'actions',
    passes: (r) =>
      list(r['actionItems']).every((item) => {
        const { status, due } = record(item);
        return due !== undefined || status === 'done' || status === 'wont-do';
      }),
  },
  // The checklist's own steps: they say how far the review process is, not what the writing lacks.
  reviewMeeting: {
    step: 'review',
    passes: (r, today) => {
      const date = record(r['review'])['date'];
      return typeof date === 'string' && date <= today;
    },
  },
  published: { step: 'published', passes: (r) => r['status'] === 'published' },
  // Writing checks the checklist does not repeat: its steps are what a reader of the page looks for.
  detected: { lint: 'detected', passes: (r) => r['detected'] !== undefined || r['kind'] === 'near-miss' }, // may be caught before anyone noticed
  publishedDate: { lint: 'published-date', passes: (r) => r['status'] !== 'published' || r['published'] !== undefined },
});

/** A rule's key in the table. */
export type CompletenessRuleKey = keyof typeof COMPLETENESS_RULES;

/** The keys of the rules a lint rule or checklist step is made of. */
export function rulesOf(use: { lint: RuleId } | { step: ChecklistStepId }): CompletenessRuleKey[] {
  return (Object.entries(COMPLETENESS_RULES) as [CompletenessRuleKey, CompletenessRule][])
    .filter(([, rule]) => ('lint' in use ? rule.lint === use.lint : rule.step === use.step))
    .map(([key]) => key);
}

/** Whether `review` passes every rule of a checklist step, as of `today`. */
export function isStepDone(step: ChecklistStepId, review: ReviewFields, today: string): boolean {
  return rulesOf({ step }).every((key) => COMPLETENESS_RULES[key].passes(review, today));
}
