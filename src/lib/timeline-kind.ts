import type { TimelineKind } from '../schemas/incident.ts';

/**
 * Keyword cues, checked in order: the first kind whose cue appears in the text wins. Talking
 * about a state ("status page: resolved") comes before the state itself, and "alert paged"
 * is a detection while "support pages the on-call" is an escalation.
 */
const CUES: readonly [TimelineKind, RegExp][] = [
  [
    'communication',
    /\b(status ?page|announce\w*|customers? (were )?(told|notified|emailed)|posted an update|public update|tweet\w*|press)\b/i,
  ],
  [
    'resolution',
    /\b(resolved|all clear|fully recovered|back to normal|incident closed|closing the incident|outage ends)\b/i,
  ],
  [
    'mitigation',
    /\b(mitigat\w*|roll(ed|ing)? ?back|revert(ed|ing)?|failed over|drain(ed|ing)?|recover(ed|ing)|restored|restarted|resumed?|resuming|error rates? (dropped|back))\b/i,
  ],
  [
    'detection',
    /\b(alert\w*|pager|triggered|fired|detected|noticed|reports?|reported|emailed support|called support|customer reports?|(first |support )tickets?|monitoring shows?)\b/i,
  ],
  [
    'escalation',
    /\b(escalat\w*|pag(ed|es|ing)|pulled in|brought in|declar(?:ed|es|ing|e)|incident commander|war room|bridge opened)\b/i,
  ],
];

/** A best guess at a timeline entry's kind from its text; `fallback` when no cue matches. */
export function guessTimelineKind(text: string, fallback: TimelineKind): TimelineKind {
  for (const [kind, cue] of CUES) if (cue.test(text)) return kind;
  return fallback;
}
