/**
 * A review's timeline as Timeline.astro renders it: the time-to summary, then the lead-in and
 * each phase as a list with its heading note ("2 h 5 min", "3 days so far").
 */
import type { IncidentData } from '../../schemas/incident.ts';
import { toCalendarDate } from '../dates.ts';
import { formatDuration } from '../format.ts';
import { getPlausibleDurations, isImplausiblyLate } from '../future-dates.ts';
import { buildTimeline, formatElapsed, type TimelineItem } from '../timeline.ts';

/** One list of the timeline: the lead-in or a phase. */
export interface TimelineList {
  /** `lead-in`, or the phase id (`started-detected`, …). */
  id: string;
  /** What the list starts from (`lead`, `started`, `detected`, …), for the CSS. */
  from: string;
  label: string;
  /** Shown after the heading: the lead-in's caveat, or how long the phase lasted. */
  note: string | undefined;
  items: TimelineItem[];
  /** The open end of an unresolved incident: the list ends with an "Ongoing" row. */
  ongoing: boolean;
}

/** Everything the timeline section shows. */
export interface TimelineView {
  /** "detect 5 min", "mitigate 1 h 2 min", … for the stamps the review has. */
  summary: string[];
  lists: TimelineList[];
  /** The instant the page was built, where an ongoing list ends. */
  now: Date;
  /** Time since impact began, for the "Ongoing" row ("3 days"); undefined once resolved. */
  elapsed: string | undefined;
}

/** The timeline of one review as of `now` (the build time). */
export function getTimelineView(
  data: Pick<IncidentData, 'started' | 'detected' | 'mitigated' | 'resolved' | 'timeline'>,
  now: Date,
): TimelineView {
  const timeline = buildTimeline(data, { now });
  // A stamp after the build date (a mistyped year) would read "180 years": no duration ends there.
  const today = toCalendarDate(now);
  const { durations } = getPlausibleDurations(data, today);
  const isLate = (date: Date | undefined) => date !== undefined && isImplausiblyLate(date, today);
  const summary = (
    [
      ['detect', durations.toDetect],
      ['mitigate', durations.toMitigate],
      ['resolve', durations.toResolve],
    ] as const
  ).flatMap(([what, ms]) => (ms === undefined ? [] : [`${what} ${formatDuration(ms)}`]));
  const lists: TimelineList[] = [
    ...(timeline.leadIn.length > 0
      ? [
          {
            id: 'lead-in',
            from: 'lead',
            label: 'How we got here',
            note: 'before impact began; not to scale',
            items: timeline.leadIn,
            ongoing: false,
          },
        ]
      : []),
    ...timeline.phases.map((p) => ({
      id: p.id,
      from: p.id.split('-')[0]!,
      label: p.label,
      note:
        p.durationMs === undefined || isLate(p.start) || isLate(p.end)
          ? undefined
          : p.ongoing
            ? `${formatElapsed(p.durationMs, p.start, now)} so far`
            : formatElapsed(p.durationMs, p.start, p.end ?? p.start),
      items: p.items,
      ongoing: p.ongoing,
    })),
  ];
  const elapsed = timeline.ongoing
    ? formatElapsed(now.getTime() - data.started.getTime(), data.started, now)
    : undefined;
  return { summary, lists, now, elapsed };
}
