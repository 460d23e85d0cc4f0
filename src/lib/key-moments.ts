/**
 * Key moments: the few timeline entries an author marks `key: true`, read at a glance in the
 * strip atop a review and on the one-screen brief. A review without any falls back to its
 * lifecycle stamps (impact began, detected, mitigated, resolved).
 */
import type { IncidentData } from '../schemas/incident.ts';
import { toCalendarDate } from './dates.ts';
import { formatDuration } from './format.ts';
import { isImplausiblyLate } from './future-dates.ts';
import { MILESTONE_LABELS } from './labels.ts';
import { MILESTONES } from './timeline.ts';

/** One moment of the strip. */
export interface KeyMoment {
  at: Date;
  event: string;
  /** Milliseconds since impact began; negative for a latent condition. */
  sinceStart: number;
  /** `start`, `+7 min`, `+1 h 08 min`, `3 d before` for a latent condition, or the date of a stamp after the build date. */
  offset: string;
}

/** Key moments in time order, and whether they are the lifecycle fallback. */
export interface KeyMoments {
  moments: KeyMoment[];
  /** True when no entry is marked `key: true` and the stamps stand in. */
  fromStamps: boolean;
}

/** How long after impact began, as the strip writes it. */
export function formatOffset(sinceStart: number): string {
  if (sinceStart === 0) return 'start';
  return sinceStart > 0 ? `+${formatDuration(sinceStart)}` : `${formatDuration(-sinceStart)} before`;
}

/**
 * The marked key moments of a review, or its lifecycle stamps when none is marked. A moment after
 * `today` (YYYY-MM-DD, the build date; a mistyped year) shows its date, not "+65743 d".
 */
export function getKeyMoments(
  data: Pick<IncidentData, 'started' | 'detected' | 'mitigated' | 'resolved' | 'timeline'>,
  today: string,
): KeyMoments {
  const started = data.started.getTime();
  const late = (at: Date) => isImplausiblyLate(at, today) || isImplausiblyLate(data.started, today);
  const moment = (at: Date, event: string): KeyMoment => ({
    at,
    event,
    sinceStart: at.getTime() - started,
    offset: late(at) ? toCalendarDate(at) : formatOffset(at.getTime() - started),
  });
  const marked = data.timeline.filter((e) => e.key === true);
  if (marked.length > 0) {
    // Stable sort: entries at one instant keep the author's order.
    return {
      moments: marked.map((e) => moment(e.at, e.event)).sort((a, b) => a.at.getTime() - b.at.getTime()),
      fromStamps: false,
    };
  }
  const stamps = MILESTONES.flatMap((m) => (data[m] ? [moment(data[m], MILESTONE_LABELS[m])] : []));
  return { moments: stamps.sort((a, b) => a.at.getTime() - b.at.getTime()), fromStamps: true };
}

/** The brief shows the first factors as the authors ordered them (most telling first), and how many it left out. */
export function getTopFactors<T>(factors: readonly T[], limit = 3): { shown: T[]; more: number } {
  return { shown: factors.slice(0, limit), more: Math.max(0, factors.length - limit) };
}
