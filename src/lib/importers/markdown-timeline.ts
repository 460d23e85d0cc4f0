import { guessTimelineKind } from '../timeline-kind.ts';
import type { ImportedEntry } from './types.ts';

/** Offsets of zone names postmortems commonly write; anything else needs `--utc-offset`. */
const ZONES: Record<string, string> = {
  utc: '+00:00',
  gmt: '+00:00',
  z: '+00:00',
  pst: '-08:00',
  pdt: '-07:00',
  mst: '-07:00',
  mdt: '-06:00',
  cst: '-06:00',
  cdt: '-05:00',
  est: '-05:00',
  edt: '-04:00',
  cet: '+01:00',
  cest: '+02:00',
  bst: '+01:00',
  eet: '+02:00',
  eest: '+03:00',
  jst: '+09:00',
  aest: '+10:00',
};
const ZONE = `(?:Z|UTC|GMT|[+-]\\d{2}:?\\d{2}|(?:UTC|GMT)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|${Object.keys(ZONES)
  .filter((z) => z.length > 1)
  .join('|')})`;
const DATE_LINE = new RegExp(`^[\\s*_#>|-]*(\\d{4}-\\d{2}-\\d{2})(?![T ]\\d{1,2}:\\d{2})[\\s*_|]*(.*)$`, 'i');
const ENTRY = new RegExp(
  `^\\s*(?:[-*+]|\\d+[.)])?\\s*\\|?\\s*(?:\\*\\*|__)?(?:(\\d{4}-\\d{2}-\\d{2})[T ,]+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(${ZONE})?(?:\\*\\*|__)?\\s*(?:[|:–—-]\\s*)*(.*)$`,
  'i',
);
/** Google's template marks lifecycle moments inside entries, e.g. `**OUTAGE BEGINS**`. */
const MARKER = /\s*(?:\*\*|__)?\s*\b(?:OUTAGE|INCIDENT|IMPACT)\s+(BEGINS|BEGAN|STARTS|STARTED|MITIGATED|ENDS|ENDED|RESOLVED)\b\s*(?:\*\*|__)?\.?/;

/** Timeline lines read from a section. */
export interface ParsedTimeline {
  entries: ImportedEntry[];
  started?: Date;
  mitigated?: Date;
  resolved?: Date;
  /** Lines that were neither a date, an entry nor blank (kept in the body by the caller). */
  unparsed: string[];
  notes: string[];
}

/** `+02:00` from a zone text (`UTC+2`, `CEST`, `+0200`), or undefined when unknown. */
export function zoneOffset(zone: string): string | undefined {
  const text = zone.trim().toLowerCase();
  if (ZONES[text]) return ZONES[text];
  const numeric = /^(?:utc|gmt)?\s*([+-])\s*(\d{1,2}):?(\d{2})?$/.exec(text);
  if (!numeric) return undefined;
  return `${numeric[1]}${numeric[2]!.padStart(2, '0')}:${numeric[3] ?? '00'}`;
}

/** The zone a heading or date line announces, e.g. `(all times UTC)` or `times in PDT`. */
function announcedZone(text: string): string | undefined {
  const match = new RegExp(`\\b(?:times?|all times|in)\\b[^)]*?\\b${ZONE}\\b|\\(${ZONE}\\)`, 'i').exec(text);
  if (!match) return undefined;
  const zone = new RegExp(`${ZONE}\\s*$`, 'i').exec(match[0].replace(/\)$/, ''))?.[0];
  return zone ? zoneOffset(zone) : undefined;
}

/**
 * Reads timeline lines: date lines (`2025-06-12 (all times UTC)`) set the day, entry lines
 * (`- 14:05 text`, `| 14:05 | text |`, `2025-06-12 14:05 text`) become entries. When a time is
 * earlier than the one before it on the same day, the day rolls over.
 */
export function parseTimeline(source: string, context: { date?: string; offset?: string; heading?: string }): ParsedTimeline {
  const result: ParsedTimeline = { entries: [], unparsed: [], notes: [] };
  let date = context.date;
  let offset = context.offset ?? announcedZone(context.heading ?? '');
  let assumedUtc = false;
  let previous: Date | undefined;
  let rolled = 0;
  for (const rawLine of source.split('\n')) {
    const line = rawLine.trimEnd();
    if (!line.trim() || /^\s*\|?[\s:|-]+\|?\s*$/.test(line) || /^\s*\|\s*(time|when)\b/i.test(line)) continue;
    const dateLine = DATE_LINE.exec(line);
    if (dateLine) {
      date = dateLine[1];
      offset = announcedZone(dateLine[2] ?? '') ?? offset;
      previous = undefined;
      continue;
    }
    const entry = ENTRY.exec(line);
    const hours = Number(entry?.[2]);
    if (!entry || hours > 23 || Number(entry[3]) > 59 || !(entry[1] ?? date)) {
      result.unparsed.push(line);
      continue;
    }
    const day = entry[1] ?? date!;
    const zone = (entry[5] ? zoneOffset(entry[5]) : undefined) ?? offset;
    if (!zone) assumedUtc = true;
    let at = new Date(`${day}T${String(hours).padStart(2, '0')}:${entry[3]}:${entry[4] ?? '00'}${zone ?? 'Z'}`);
    if (Number.isNaN(at.getTime())) {
      result.unparsed.push(line);
      continue;
    }
    if (!entry[1] && previous && at < previous) {
      at = new Date(at.getTime() + 86_400_000 * Math.ceil((previous.getTime() - at.getTime()) / 86_400_000));
      rolled += 1;
    }
    previous = at;
    let text = entry[6]!.replace(/\s*\|\s*$/, '').replace(/\s*\|\s*/g, ' — ');
    const marker = MARKER.exec(text);
    if (marker) {
      text = text.replace(MARKER, ' ').replace(/\s+/g, ' ').trim();
      const word = marker[1]!.toUpperCase();
      if (/^(BEGINS|BEGAN|STARTS|STARTED)$/.test(word)) result.started ??= at;
      else if (word === 'MITIGATED') result.mitigated ??= at;
      else result.resolved ??= at;
    }
    text = cleanInline(text) || '(no description)';
    const kind = marker?.[1] === 'MITIGATED' ? 'mitigation' : marker && /END|RESOLVED/.test(marker[1]!) ? 'resolution' : guessTimelineKind(text, 'action');
    result.entries.push({ at, event: text, kind });
  }
  if (assumedUtc && result.entries.length > 0)
    result.notes.push('the timeline names no time zone; times were read as UTC (pass --utc-offset +02:00 if they are not)');
  if (rolled > 0) result.notes.push(`${rolled} timeline time(s) earlier than the line before were read as the next day`);
  if (result.entries.length > 0) result.notes.push(`${result.entries.length} timeline entries: their kinds were guessed from keywords; check them`);
  return result;
}

/** Markdown links as `text (url)`, emphasis markers dropped: frontmatter text is shown as written. */
function cleanInline(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\((\S+?)\)/g, (_, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/\*\*|__/g, '')
    .trim();
}
