/**
 * The one-screen brief of a review (`/incidents/<id>/brief/`): how it ended, its impact in one
 * line, the key moments and the top contributing factors.
 */
import type { IncidentData } from '../../schemas/incident.ts';
import { formatDuration } from '../format.ts';
import { getPlausibleDurations } from '../future-dates.ts';
import { getKeyMoments, getTopFactors, type KeyMoments } from '../key-moments.ts';
import { isNearMiss } from '../near-misses.ts';

/** What the brief shows besides the frontmatter it prints as it is. */
export interface BriefView {
  /** Still going on (no `resolved`). */
  ongoing: boolean;
  /** "1 h 10 min" from impact to resolution; undefined while ongoing or when `resolved` lies after the build date. */
  resolvedAfter: string | undefined;
  /** The impact in a sentence, or why there is none. */
  impact: string;
  keyMoments: KeyMoments;
  factors: { shown: IncidentData['contributingFactors']; more: number };
}

/** The brief of one review as of `today` (YYYY-MM-DD, the build date). */
export function getBriefView(
  data: Pick<
    IncidentData,
    'started' | 'detected' | 'mitigated' | 'resolved' | 'timeline' | 'impact' | 'kind' | 'contributingFactors'
  >,
  today: string,
): BriefView {
  const { toResolve } = getPlausibleDurations(data, today).durations;
  return {
    ongoing: data.resolved === undefined,
    resolvedAfter: toResolve === undefined ? undefined : formatDuration(toResolve),
    impact:
      data.impact?.description ??
      (isNearMiss(data) ? 'None: a near miss, caught before it hurt.' : 'Not described yet.'),
    keyMoments: getKeyMoments(data, today),
    factors: getTopFactors(data.contributingFactors),
  };
}
