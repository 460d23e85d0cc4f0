/**
 * Every figure of the insights pages, computed once from the incidents, the patterns and
 * `today`. The result is plain JSON (no Dates, no Maps): `/api/stats.json` is this object.
 */
import { toCalendarDate } from '../dates.ts';
import { findFutureStamps } from '../future-dates.ts';
import type { IncidentLike } from '../incidents.ts';
import type { TeamHours } from '../working-hours.ts';
import { getBacklogTrend, type BacklogTrend } from './backlog.ts';
import { getOutOfHoursStats, type OutOfHoursStats } from './out-of-hours.ts';
import { getNearMissRatios, splitNearMisses, type NearMissYear } from '../near-misses.ts';
import { getCompletenessStats, type CompletenessStats } from './completeness.ts';
import { getDurationStats, type DurationStats } from './durations.ts';
import { getLoadStats, getMeetingStats, type LoadStats, type MeetingStats } from './engagement.ts';
import { getActionStats, getReviewStats, type ActionStats, type ReviewStats } from './follow-through.ts';
import type { DayEntry } from './on-this-day.ts';
import { getPatternCounter, type PatternCounter, type PatternLike } from './patterns.ts';
import { getThemeStats, type ThemeStats } from './themes.ts';
import { getVolumeStats, type VolumeStats } from './volume.ts';

export interface StatsOptions {
  /** The date the figures are "as of" (YYYY-MM-DD, UTC). */
  today: string;
  /** Configured severity levels, worst first. */
  severities: readonly string[];
  /** A review is due this many business days after resolution. */
  reviewDueBusinessDays: number;
  /** False to aggregate responder load by team only. */
  showResponderNames: boolean;
  /** Teams' time zones and working hours (hindsight.yaml `teams`); none by default. */
  teams?: Readonly<Record<string, TeamHours>>;
  /** Whether the out-of-hours load may list people (never in a public build); default false. */
  showShiftNames?: boolean;
}

export interface Stats {
  today: string;
  /** Reviews the figures count (those with a future timestamp are left out). */
  incidents: number;
  /** Reviews left out of every figure: a timestamp after `today` (a typo'd year?) would skew them. */
  futureDated: { id: string; title: string; field: string; value: string }[];
  patterns: PatternCounter[];
  durations: DurationStats;
  volume: VolumeStats;
  themes: ThemeStats;
  /** Start date of every incident, for "On this day" (which runs on the reader's clock). */
  days: DayEntry[];
  actions: ActionStats;
  /** The follow-up backlog month by month. */
  backlog: BacklogTrend;
  reviews: ReviewStats;
  completeness: CompletenessStats;
  meetings: MeetingStats;
  load: LoadStats;
  /** Responder load by working hours, evenings, nights and weekends, for teams with a time zone. */
  outOfHours: OutOfHoursStats;
  /** Near misses against incidents per year (near misses are left out of patterns, durations and volume). */
  nearMisses: { total: number; perYear: NearMissYear[] };
}

/** Counters most recent first (the board reads as "what bit us lately"); never-seen patterns last, by label. */
function byRecency(a: PatternCounter, b: PatternCounter): number {
  return (a.daysSince ?? Infinity) - (b.daysSince ?? Infinity) || a.label.localeCompare(b.label);
}

/** All insights figures as of `options.today`. */
export function computeStats(
  incidents: readonly IncidentLike[],
  patterns: readonly PatternLike[],
  options: StatsOptions,
): Stats {
  const { today } = options;
  const futureDated = incidents.flatMap((i) => {
    const [first] = findFutureStamps(i.data, today);
    return first ? [{ id: i.id, title: i.data.title, field: first.field, value: first.value }] : [];
  });
  const excluded = new Set(futureDated.map((f) => f.id));
  incidents = incidents.filter((i) => !excluded.has(i.id));
  // A near miss did not hurt: it never resets a counter and has no outage to time or count.
  const { incidents: harmful, nearMisses } = splitNearMisses(incidents);
  return {
    today,
    incidents: incidents.length,
    futureDated,
    patterns: patterns.map((p) => getPatternCounter(p, harmful, today)).sort(byRecency),
    durations: getDurationStats(harmful, options.severities),
    volume: getVolumeStats(harmful, options.severities),
    themes: getThemeStats(incidents),
    days: incidents.map((i) => ({ id: i.id, title: i.data.title, date: toCalendarDate(i.data.started) })),
    actions: getActionStats(incidents, today),
    backlog: getBacklogTrend(incidents, today),
    reviews: getReviewStats(incidents, today, options.reviewDueBusinessDays),
    completeness: getCompletenessStats(incidents, today),
    meetings: getMeetingStats(incidents),
    load: getLoadStats(incidents, { showNames: options.showResponderNames }),
    outOfHours: getOutOfHoursStats(incidents, options.teams ?? {}, { showNames: options.showShiftNames ?? false }),
    nearMisses: { total: nearMisses.length, perYear: getNearMissRatios(incidents) },
  };
}

export type { PatternCounter, PatternLike } from './patterns.ts';
