import type { IncidentData } from '../../schemas/incident.ts';
import type { IncidentLike } from '../incidents.ts';
import { share } from './summary.ts';

/** The steps that make a review done, in the order a team usually completes them. */
export const COMPLETENESS_CHECKS = [
  { id: 'owner', label: 'Owner named', hint: 'Set `owner`: the team or person who owns the review.' },
  { id: 'impact', label: 'Impact described', hint: 'Describe what users and the business experienced under `impact`.' },
  { id: 'factors', label: 'Contributing factors recorded', hint: 'List the conditions that allowed the incident under `contributingFactors`.' },
  { id: 'timeline', label: 'Timeline records detection', hint: 'Add a `timeline` entry of kind `detection`.' },
  { id: 'actions', label: 'Action items triaged', hint: 'Add `actionItems`; every open or in-progress item needs a `due` date.' },
  { id: 'review', label: 'Review meeting held', hint: 'Record the meeting under `review.date` (on or before today).' },
  { id: 'published', label: 'Published', hint: 'Set `status: published` once the review is signed off.' },
] as const;

export type CheckId = (typeof COMPLETENESS_CHECKS)[number]['id'];

/** One review's checklist. */
export interface Completeness {
  checks: { id: CheckId; label: string; hint: string; done: boolean }[];
  done: number;
  total: number;
  complete: boolean;
}

/** Whether each step of the checklist is done for one review, as of `today`. */
export function getCompleteness(data: IncidentData, today: string): Completeness {
  const done: Record<CheckId, boolean> = {
    owner: data.owner !== undefined,
    // A near miss hurt nobody: it has no impact to describe.
    impact: data.impact !== undefined || data.kind === 'near-miss',
    factors: data.contributingFactors.length > 0,
    timeline: data.timeline.some((e) => e.kind === 'detection'),
    actions: data.actionItems.length > 0 && data.actionItems.every((a) => a.due !== undefined || a.status === 'done' || a.status === 'wont-do'),
    review: data.review?.date !== undefined && data.review.date <= today,
    published: data.status === 'published',
  };
  const checks = COMPLETENESS_CHECKS.map((c) => ({ ...c, done: done[c.id] }));
  const count = checks.filter((c) => c.done).length;
  return { checks, done: count, total: checks.length, complete: count === checks.length };
}

export interface CompletenessStats {
  /** Each review's checklist, by incident id. */
  byIncident: Record<string, Completeness>;
  complete: number;
  total: number;
  share: number | undefined;
  /** Per check: how many reviews pass it, and which do not. */
  perCheck: { id: CheckId; label: string; done: number; missing: string[] }[];
}

/** Checklists of every review and the share that are complete. */
export function getCompletenessStats(incidents: readonly IncidentLike[], today: string): CompletenessStats {
  const byIncident = Object.fromEntries(incidents.map((i) => [i.id, getCompleteness(i.data, today)]));
  const complete = Object.values(byIncident).filter((c) => c.complete).length;
  return {
    byIncident,
    complete,
    total: incidents.length,
    share: share(complete, incidents.length),
    perCheck: COMPLETENESS_CHECKS.map((check, index) => {
      const missing = incidents.filter((i) => !byIncident[i.id]!.checks[index]!.done).map((i) => i.id);
      return { id: check.id, label: check.label, done: incidents.length - missing.length, missing };
    }),
  };
}
