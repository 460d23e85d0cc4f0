import { DAY_MS } from '../dates.ts';
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
const NAMES = Object.keys(ZONES)
  .filter((z) => z.length > 1)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** A zone in a heading (`(all times utc)`): the words around it say it is a zone, so any case. */
const ZONE = `(?:Z|(?:UTC|GMT)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|[+-]\\d{2}:?\\d{2}|${NAMES})`;
/**
 * A zone right after an entry's time: only a designator as written in logs (upper case, a whole
 * word), so `14:25 Zookeeper`, `10:05 Estimated` or `10:30 Cets` keep their first letters.
 * `Z` and `+0200` count only when they touch the time (`14:25Z`), so `10:05 +1000 requests` is text.
 */
const ENTRY_ZONE = `(?:Z|[+-]\\d{2}:?\\d{2}|\\s*(?:(?:UTC|GMT)(?:\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{2}:\\d{2}|${NAMES.toUpperCase()}))(?![\\p{L}\\p{N}_])`;
const DATE_LINE = new RegExp(`^[\\s*_#>|-]*(\\d{4}-\\d{2}-\\d{2})(?![T ]\\d{1,2}:\\d{2})[\\s*_|]*(.*)$`, 'i');
const ENTRY = new RegExp(
  `^\\s*(?:[-*+]|\\d+[.)])?\\s*\\|?\\s*(?:\\*\\*|__)?(?:(\\d{4}-\\d{2}-\\d{2})[T ,]+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(${ENTRY_ZONE})?(?:\\*\\*|__)?\\s*(?:[|:–—-]\\s*)*(.*)$`,
  'u',
);
/** Google's template marks lifecycle moments inside entries, e.g. `**OUTAGE BEGINS**`. */
const MARKER =
  /\s*(?:\*\*|__)?\s*\b(?:OUTAGE|INCIDENT|IMPACT)\s+(BEGINS|BEGAN|STARTS|STARTED|MITIGATED|ENDS|ENDED|RESOLVED)\b\s*(?:\*\*|__)?\.?/;

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

/** A zone some text names, as written and as an offset. */
interface NamedZone {
  name: string;
  offset: string;
}

/** The zone a heading or date line announces, e.g. `(all times UTC)` or `times in PDT`. */
function announcedZone(text: string): NamedZone | undefined {
  const match = new RegExp(`\\b(?:times?|all times|in)\\b[^)]*?\\b${ZONE}\\b|\\(${ZONE}\\)`, 'i').exec(text);
  if (!match) return undefined;
  const name = new RegExp(`${ZONE}\\s*$`, 'i').exec(match[0].replace(/\)$/, ''))?.[0];
  const offset = name ? zoneOffset(name) : undefined;
  return name && offset ? { name: name.trim(), offset } : undefined;
}

/** A line as quoted in the report: trimmed, at most 60 characters. */
function quote(line: string): string {
  const text = line.trim().replace(/^[-*+|]\s*/, '');
  return `"${text.length > 60 ? `${text.slice(0, 59)}…` : text}"`;
}

/** `3 h 20 min` */
function formatGap(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  return [hours ? `${hours} h` : '', minutes % 60 ? `${minutes % 60} min` : ''].filter(Boolean).join(' ') || '0 min';
}

/**
 * Reads timeline lines: date lines (`2025-06-12 (all times UTC)`) set the day, entry lines
 * (`- 14:05 text`, `| 14:05 | text |`, `2025-06-12 14:05 text`) become entries. When a time is
 * earlier than the one before it on the same day, the day rolls over. Every such guess (a day
 * rolled over, a zone read from a line or a heading, none found) is a line in `notes`.
 */
export function parseTimeline(
  source: string,
  context: { date?: string; offset?: string; heading?: string },
): ParsedTimeline {
  const result: ParsedTimeline = { entries: [], unparsed: [], notes: [] };
  const rollovers: string[] = [];
  const lineZones = new Map<string, { offset: string; count: number }>();
  const announced = new Map<string, NamedZone & { where: string }>();
  let date = context.date;
  const headingZone = context.offset ? undefined : announcedZone(context.heading ?? '');
  if (headingZone) announced.set(headingZone.name, { ...headingZone, where: 'the timeline heading' });
  let offset = context.offset ?? headingZone?.offset;
  let assumedUtc = false;
  let previous: { at: Date; line: string } | undefined;
  for (const rawLine of source.split('\n')) {
    const line = rawLine.trimEnd();
    if (!line.trim() || /^\s*\|?[\s:|-]+\|?\s*$/.test(line) || /^\s*\|\s*(time|when)\b/i.test(line)) continue;
    const dateLine = DATE_LINE.exec(line);
    if (dateLine) {
      date = dateLine[1];
      const zone = announcedZone(dateLine[2] ?? '');
      if (zone && !context.offset) {
        offset = zone.offset;
        if (!announced.has(zone.name)) announced.set(zone.name, { ...zone, where: `the date line ${quote(line)}` });
      }
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
    const lineZone = entry[5] ? zoneOffset(entry[5]) : undefined;
    if (lineZone) {
      const name = entry[5]!.trim();
      const seen = lineZones.get(name) ?? { offset: lineZone, count: 0 };
      lineZones.set(name, { ...seen, count: seen.count + 1 });
    }
    const zone = lineZone ?? offset;
    if (!zone) assumedUtc = true;
    let at = new Date(`${day}T${String(hours).padStart(2, '0')}:${entry[3]}:${entry[4] ?? '00'}${zone ?? 'Z'}`);
    if (Number.isNaN(at.getTime())) {
      result.unparsed.push(line);
      continue;
    }
    if (!entry[1] && previous && at < previous.at) {
      at = new Date(at.getTime() + DAY_MS * Math.ceil((previous.at.getTime() - at.getTime()) / DAY_MS));
      rollovers.push(
        `${quote(line)} is earlier than the line before (${quote(previous.line)}); read as the next day, ${formatGap(at.getTime() - previous.at.getTime())} after it: check it`,
      );
    }
    previous = { at, line };
    let text = entry[6]!.replace(/\s*\|\s*$/, '').replace(/\s*\|\s*/g, ' — ');
    const marker = MARKER.exec(text);
    if (marker) {
      text = text.replace(MARKER, ' ').replace(/\s+/g, ' ').trim();
      const word = marker[1]!.toUpperCase();
      const stamp = /^(BEGINS|BEGAN|STARTS|STARTED)$/.test(word)
        ? 'started'
        : word === 'MITIGATED'
          ? 'mitigated'
          : 'resolved';
      if (!result[stamp]) {
        result[stamp] = at;
        result.notes.push(
          `${stamp} was taken from the marker "${marker[0].replace(/\*\*|__|\.$/g, '').trim()}" in ${quote(line)} (the marker left the entry's text)`,
        );
      }
    }
    text = cleanInline(text) || '(no description)';
    const kind =
      marker?.[1] === 'MITIGATED'
        ? 'mitigation'
        : marker && /END|RESOLVED/.test(marker[1]!)
          ? 'resolution'
          : guessTimelineKind(text, 'action');
    result.entries.push({ at, event: text, kind });
  }
  if (result.entries.length > 0) {
    if (assumedUtc)
      result.notes.push(
        'the timeline names no time zone; times were read as UTC (pass --utc-offset +02:00 if they are not)',
      );
    for (const [name, zone] of announced)
      result.notes.push(`timeline times without a zone were read as ${name} (${zone.offset}), as ${zone.where} says`);
    for (const [name, zone] of lineZones)
      result.notes.push(
        `"${name}" after the time was read as the zone ${zone.offset} on ${zone.count} timeline line(s)`,
      );
  }
  result.notes.push(...rollovers);
  if (result.entries.length > 0)
    result.notes.push(`${result.entries.length} timeline entries: their kinds were guessed from keywords; check them`);
  return result;
}

/** Markdown links as `text (url)`, emphasis markers dropped: frontmatter text is shown as written. */
function cleanInline(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\((\S+?)\)/g, (_, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/\*\*|__/g, '')
    .trim();
}
