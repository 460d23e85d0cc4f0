/**
 * An incident's timeline as readers see it: the author's entries merged with the lifecycle
 * stamps, ordered, cut into phases, with long gaps compressed and labelled. Pure: `now` is
 * passed in, nothing reads the clock.
 */
import type { IncidentData, TimelineKind } from '../schemas/incident.ts';
import { calendarDiff, toCalendarDate } from './dates.ts';
import { formatDuration } from './format.ts';
import { median } from './stats/summary.ts';
import { MILESTONE_LABELS } from './labels.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The lifecycle stamps of an incident, in the order they happen. */
export const MILESTONES = ['started', 'detected', 'mitigated', 'resolved'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** An author entry of this kind at a stamp's exact time carries the stamp instead of a second row. */
const MILESTONE_KIND: Record<Milestone, TimelineKind | undefined> = {
  started: undefined,
  detected: 'detection',
  mitigated: 'mitigation',
  resolved: 'resolution',
};

/** One row of the timeline. */
export interface TimelineItem {
  at: Date;
  /** The author's kind; undefined for a lifecycle stamp nobody wrote an entry for. */
  kind: TimelineKind | undefined;
  /** What happened; for a bare stamp, its label ("Detected"). */
  event: string;
  actor: string | undefined;
  link: string | undefined;
  /** The lifecycle stamp this row marks, if any. */
  milestone: Milestone | undefined;
  /** The author marked it a key moment (`key: true`). */
  key: boolean;
  /** Milliseconds since impact began; negative for latent conditions. */
  sinceStart: number;
  /** Same instant as the row before it. */
  simultaneous: boolean;
  /** First row, or the UTC day differs from the row before: show the date. */
  newDay: boolean;
  /** Space to draw before this row, 0 (none) to 1 (the most), growing with the log of the gap. */
  spacing: number;
  /** A long gap before this row, drawn compressed with this label ("6 h 20 min later"). */
  gap: string | undefined;
  /** Latent conditions only: how long before impact ("2 years 9 months earlier"). */
  relative: string | undefined;
}

/** A stretch of the incident between two lifecycle stamps (or after resolution). */
export interface TimelinePhase {
  /** `started-detected`, `detected-mitigated`, …, `detected-open` while ongoing, `after`. */
  id: string;
  label: string;
  start: Date;
  /** Undefined for the open end of an ongoing incident and for the after-resolution phase. */
  end: Date | undefined;
  /** `end - start`, or `now - start` while ongoing; undefined after resolution. */
  durationMs: number | undefined;
  /** This is the open end of an incident without `resolved`. */
  ongoing: boolean;
  items: TimelineItem[];
}

/** The whole timeline of one incident. */
export interface IncidentTimeline {
  /** Entries before impact began: "how we got here". Empty when there are none. */
  leadIn: TimelineItem[];
  phases: TimelinePhase[];
  /** No `resolved` stamp. */
  ongoing: boolean;
  /** The instant the timeline was computed for (shown with an ongoing incident). */
  now: Date;
}

/** Tuning for gap compression. */
export interface TimelineOptions {
  /** "Now", for the open end of an ongoing incident. */
  now: Date;
  /** A gap is never compressed below this (default 1 hour). */
  minLongGapMs?: number;
  /** A gap this many times the median gap is compressed (default 4). */
  longGapFactor?: number;
}

type Stamps = Pick<IncidentData, 'started' | 'detected' | 'mitigated' | 'resolved' | 'timeline'>;

/** A timeline item before its layout (spacing, gaps, day breaks) is worked out. */
type MergedEntry = Omit<TimelineItem, 'simultaneous' | 'newDay' | 'spacing' | 'gap' | 'relative'>;

/** Author entries plus lifecycle stamps, sorted by instant; ties keep stamps first, then authored order. */
export function mergeEntries(data: Stamps): MergedEntry[] {
  const started = data.started.getTime();
  const items = data.timeline.map((entry): MergedEntry => ({
    at: entry.at,
    kind: entry.kind,
    event: entry.event,
    actor: entry.actor,
    link: entry.link,
    milestone: undefined,
    key: entry.key === true,
    sinceStart: entry.at.getTime() - started,
  }));
  const bare: typeof items = [];
  for (const milestone of MILESTONES) {
    const at = data[milestone];
    if (!at) continue;
    const kind = MILESTONE_KIND[milestone];
    const carrier = kind && items.find((i) => i.kind === kind && !i.milestone && i.at.getTime() === at.getTime());
    if (carrier) carrier.milestone = milestone;
    else
      bare.push({
        at,
        kind: undefined,
        event: MILESTONE_LABELS[milestone],
        actor: undefined,
        link: undefined,
        milestone,
        key: false,
        sinceStart: at.getTime() - started,
      });
  }
  const rank = (item: (typeof items)[number]) =>
    item.milestone && !item.kind ? MILESTONES.indexOf(item.milestone) - 10 : 0;
  // Array.prototype.sort is stable, so equal instants keep stamps first and then the author's order.
  return [...bare, ...items].sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a) - rank(b));
}

/** Builds the timeline shown on a review: lead-in, phases with durations, compressed gaps. */
export function buildTimeline(data: Stamps, options: TimelineOptions): IncidentTimeline {
  const { now, minLongGapMs = HOUR, longGapFactor = 4 } = options;
  const merged = mergeEntries(data);
  const started = data.started.getTime();

  const during = merged.filter((i) => i.at.getTime() >= started);
  const gaps = during.slice(1).map((item, n) => item.at.getTime() - during[n]!.at.getTime());
  const threshold = Math.max(minLongGapMs, longGapFactor * (median(gaps.filter((g) => g > 0)) ?? 0));

  const items: TimelineItem[] = merged.map((item, n) => {
    const previous = merged[n - 1];
    const gapMs = previous ? item.at.getTime() - previous.at.getTime() : 0;
    const latent = item.sinceStart < 0;
    const crossesStart = previous !== undefined && previous.sinceStart < 0 && !latent;
    const compressed = !latent && !crossesStart && previous !== undefined && gapMs >= threshold;
    return {
      ...item,
      simultaneous: previous !== undefined && gapMs === 0,
      newDay: !previous || toCalendarDate(previous.at) !== toCalendarDate(item.at),
      // Latent rows and the jump into the incident are never to scale; the labels carry the time.
      spacing: latent || crossesStart || compressed || gapMs === 0 ? 0 : spacingFor(gapMs, threshold),
      gap: compressed ? `${formatElapsed(gapMs, previous.at, item.at)} later` : undefined,
      relative: latent ? `${formatElapsed(-item.sinceStart, item.at, data.started)} earlier` : undefined,
    };
  });

  return {
    leadIn: items.filter((i) => i.sinceStart < 0),
    phases: buildPhases(
      data,
      items.filter((i) => i.sinceStart >= 0),
      now,
    ),
    ongoing: data.resolved === undefined,
    now,
  };
}

const FROM_LABEL: Record<Milestone, string> = {
  started: 'Impact',
  detected: 'Detection',
  mitigated: 'Mitigation',
  resolved: 'Resolution',
};

/** Cuts the in-incident rows into phases between the stamps that exist. */
function buildPhases(data: Stamps, items: TimelineItem[], now: Date): TimelinePhase[] {
  // Sorted by time: an automatic mitigation can come before anyone detected the impact.
  const bounds = MILESTONES.flatMap((m) => (data[m] ? [{ milestone: m, at: data[m] }] : [])).sort(
    (a, b) => a.at.getTime() - b.at.getTime() || MILESTONES.indexOf(a.milestone) - MILESTONES.indexOf(b.milestone),
  );
  const phases: TimelinePhase[] = [];
  for (let n = 0; n < bounds.length; n++) {
    const from = bounds[n]!;
    const to = bounds[n + 1];
    if (from.milestone === 'resolved') break;
    const id = `${from.milestone}-${to?.milestone ?? 'open'}`;
    const label = !to
      ? `${FROM_LABEL[from.milestone]} onwards (ongoing)`
      : id === 'started-detected'
        ? 'Impact before detection'
        : `${FROM_LABEL[from.milestone]} to ${FROM_LABEL[to.milestone].toLowerCase()}`;
    const end = to?.at;
    phases.push({
      id,
      label,
      start: from.at,
      end,
      durationMs: (end ?? now).getTime() - from.at.getTime(),
      ongoing: !to,
      items: [],
    });
  }
  if (data.resolved) {
    phases.push({
      id: 'after',
      label: 'After resolution',
      start: data.resolved,
      end: undefined,
      durationMs: undefined,
      ongoing: false,
      items: [],
    });
  }
  const closing = data.resolved ? phases.length - 2 : -1;
  for (const item of items) {
    const t = item.at.getTime();
    // A row at a stamp opens the phase that starts there; rows at `resolved` close the last phase.
    const index = phases.findIndex((p, n) =>
      p.id === 'after'
        ? t > p.start.getTime()
        : t >= p.start.getTime() &&
          (p.end === undefined || t < p.end.getTime() || (n === closing && t === p.end.getTime())),
    );
    phases[index === -1 ? phases.length - 1 : index]!.items.push(item);
  }
  // A zero-length phase (two stamps at one instant) holds nothing; drop it rather than draw an empty band.
  return phases.filter((p) => p.items.length > 0 || (p.durationMs !== undefined && p.durationMs > 0) || p.ongoing);
}

/** 0..1 on a log scale, so one minute and one hour both read as "some time" without a huge scale. */
function spacingFor(gapMs: number, threshold: number): number {
  const value = Math.log1p(gapMs / MINUTE) / Math.log1p(threshold / MINUTE);
  return Math.round(Math.min(1, value) * 100) / 100;
}

const unit = (count: number, name: string) => `${count} ${name}${count === 1 ? '' : 's'}`;

/**
 * A gap as people say it: `42 min`, `6 h 20 min`, `3 days 4 h`, `5 months 2 days`, `2 years 9 months`.
 * Months and years are calendar months between `from` and `to` (UTC), not 30-day blocks.
 */
export function formatElapsed(ms: number, from: Date, to: Date): string {
  if (ms < DAY) return formatDuration(ms);
  const { months, days } = calendarDiff(from, to);
  if (months >= 12) {
    const rest = months % 12;
    return rest ? `${unit(Math.floor(months / 12), 'year')} ${unit(rest, 'month')}` : unit(months / 12, 'year');
  }
  if (months >= 1) return days ? `${unit(months, 'month')} ${unit(days, 'day')}` : unit(months, 'month');
  // Rounded to the hour before splitting, so 1 day 23 h 40 min reads "2 days", never "1 day 24 h".
  const totalHours = Math.round(ms / HOUR);
  const wholeDays = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  return hours && wholeDays < 7 ? `${unit(wholeDays, 'day')} ${hours} h` : unit(wholeDays, 'day');
}
