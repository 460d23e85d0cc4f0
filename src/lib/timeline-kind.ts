import type { TimelineKind } from '../schemas/incident.ts';

/** Keyword cues, checked in order: the first kind whose cue appears in the text wins. */
const CUES: readonly [TimelineKind, RegExp][] = [
  ['resolution', /\b(resolved|all clear|fully recovered|back to normal|incident closed|closing the incident)\b/i],
  ['mitigation', /\b(mitigat\w*|roll(ed|ing)? ?back|revert(ed|ing)?|failed over|fail ?over|drain(ed|ing)?|recover(ed|ing)|restored|error rates? (dropped|back))\b/i],
  ['escalation', /\b(escalat\w*|paged in|pulled in|declared (a )?sev|major incident|brought in)\b/i],
  ['communication', /\b(status ?page|announce\w*|customers? (were )?(told|notified|emailed)|posted an update|comms|public update|tweet\w*)\b/i],
  ['detection', /\b(alert\w*|paged|pager|triggered|fired|detected|noticed|reports? (of|that)|customer reports?|first report)\b/i],
];

/** A best guess at a timeline entry's kind from its text; `fallback` when no cue matches. */
export function guessTimelineKind(text: string, fallback: TimelineKind): TimelineKind {
  for (const [kind, cue] of CUES) if (cue.test(text)) return kind;
  return fallback;
}
