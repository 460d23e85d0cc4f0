import type { IncidentData } from '../../schemas/incident.ts';
import type { IncidentLike } from '../incidents.ts';
import { share } from './summary.ts';
import { CHECKLIST_STEPS, isStepDone, type ChecklistStepId } from '../completeness.ts';

/** The steps that make a review done, in the order a team usually completes them (rules: src/lib/completeness.ts). */
export const COMPLETENESS_CHECKS = CHECKLIST_STEPS;

export type CheckId = ChecklistStepId;

/** One review's checklist. */
export interface Completeness {
  checks: { id: CheckId; label: string; hint: string; done: boolean }[];
  done: number;
  total: number;
  complete: boolean;
}

/** Whether each step of the checklist is done for one review, as of `today`. */
export function getCompleteness(data: IncidentData, today: string): Completeness {
  const checks = COMPLETENESS_CHECKS.map((c) => ({ ...c, done: isStepDone(c.id, data, today) }));
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
