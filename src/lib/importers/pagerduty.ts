import type { TimelineKind } from '../../schemas/incident.ts';
import { TimestampSchema } from '../../schemas/primitives.ts';
import { createAliaser, replaceNames } from '../initials.ts';
import { nameVariants } from '../lint/language.ts';
import { escapeMdx } from '../mdx-escape.ts';
import { guessTimelineKind } from '../timeline-kind.ts';
import { shorten } from './slack.ts';
import { ImportError, type ImportedEntry, type ImportResult } from './types.ts';

/** A reference to a user, service or other object, as the PagerDuty API writes it. */
interface Reference {
  id?: string;
  type?: string;
  summary?: string;
  html_url?: string | null;
}

/** One entry of `GET /incidents/{id}/log_entries` (the fields the importer reads). */
export interface PagerDutyLogEntry {
  id: string;
  type: string;
  summary?: string;
  created_at: string;
  html_url?: string | null;
  agent?: Reference | null;
  user?: Reference | null;
  assignees?: Reference[];
  channel?: { type?: string; summary?: string; subject?: string; details?: unknown } | null;
  incident?: Reference | null;
  note?: { content?: string } | null;
  event_details?: { description?: string } | null;
}

/**
 * The log entries of a PagerDuty export: the API response (`{ log_entries: [...] }`), a list of
 * such pages, or a bare list. Anything else is an ImportError naming the file.
 */
export function readPagerDutyEntries(json: unknown, file: string): PagerDutyLogEntry[] {
  const pages =
    Array.isArray(json) && json.every((p) => p && typeof p === 'object' && 'log_entries' in p) ? json : [json];
  const entries: unknown[] = [];
  for (const page of pages) {
    if (Array.isArray(page)) entries.push(...(page as unknown[]));
    else if (page && typeof page === 'object' && Array.isArray((page as { log_entries?: unknown }).log_entries))
      entries.push(...(page as { log_entries: unknown[] }).log_entries);
    else
      throw new ImportError(
        `${file} is not a PagerDuty log entries export (expected { "log_entries": [...] } from GET /incidents/{id}/log_entries)`,
      );
  }
  return entries.map((entry, index) => {
    const e = entry as Partial<PagerDutyLogEntry> | null;
    if (!e || typeof e.type !== 'string' || typeof e.created_at !== 'string') {
      throw new ImportError(`${file}: log entry ${index} has no "type" or "created_at"`);
    }
    return { ...e, id: typeof e.id === 'string' ? e.id : `#${index}` } as PagerDutyLogEntry;
  });
}

/** What each entry type becomes; `undefined` = skipped (counted in the report). */
const KINDS: Record<string, TimelineKind | undefined> = {
  trigger_log_entry: 'detection',
  acknowledge_log_entry: 'action',
  unacknowledge_log_entry: 'observation',
  escalate_log_entry: 'escalation',
  assign_log_entry: 'escalation',
  reassign_log_entry: 'escalation',
  responder_request_log_entry: 'escalation',
  priority_change_log_entry: 'escalation',
  urgency_change_log_entry: 'escalation',
  resolve_log_entry: 'resolution',
  annotate_log_entry: 'observation',
  snooze_log_entry: 'observation',
  link_log_entry: 'observation',
  status_update_log_entry: 'communication',
  notify_log_entry: undefined,
  repeat_escalation_path_log_entry: undefined,
};

/** PagerDuty log entries as timeline entries and lifecycle stamps (started/detected = first trigger, resolved = last resolve). */
export function importPagerDuty(
  entries: readonly PagerDutyLogEntry[],
  options: { keepNames: boolean; file: string },
): ImportResult {
  const notes: string[] = [];
  const alias = createAliaser();
  // Every user PagerDuty names, so their names in summaries ("Acknowledged by …") become initials too.
  const aliases = new Map<string, string>();
  const person = (ref: Reference | null | undefined) => {
    if (!ref?.summary || !/user/.test(ref.type ?? '')) return undefined;
    return options.keepNames ? ref.summary : alias(ref.id ?? ref.summary, ref.summary);
  };
  for (const e of entries) {
    for (const ref of [e.agent, e.user, ...(e.assignees ?? [])]) {
      const shown = person(ref);
      if (shown && ref?.summary && !options.keepNames)
        for (const name of nameVariants([ref.summary])) aliases.set(name, shown);
    }
  }
  const scrub = (text: string) => (options.keepNames ? text : replaceNames(text, aliases));

  const seen = new Set<string>();
  const skipped = new Map<string, number>();
  const unknown = new Set<string>();
  const details: string[] = [];
  const timeline: ImportedEntry[] = [];
  let firstTrigger: Date | undefined;
  let triggeredByPerson = false;
  let lastResolve: Date | undefined;
  for (const entry of [...entries].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    const parsed = TimestampSchema.safeParse(entry.created_at);
    if (!parsed.success)
      throw new ImportError(
        `${options.file}: log entry ${entry.id} created_at "${entry.created_at}" ${parsed.error.issues[0]?.message}`,
      );
    const at = parsed.data;
    const known = entry.type in KINDS;
    if (known && KINDS[entry.type] === undefined) {
      skipped.set(entry.type, (skipped.get(entry.type) ?? 0) + 1);
      continue;
    }
    if (!known) unknown.add(entry.type);
    let kind = KINDS[entry.type] ?? 'observation';
    let event = scrub(entry.summary ?? entry.type.replace(/_log_entry$/, '').replace(/_/g, ' '));
    if (entry.type === 'trigger_log_entry') {
      if (!firstTrigger)
        triggeredByPerson = /user/.test(entry.agent?.type ?? '') || entry.channel?.type === 'web_trigger';
      firstTrigger ??= at;
      const what =
        entry.channel?.summary || entry.channel?.subject || entry.event_details?.description || entry.incident?.summary;
      event = scrub(what ? `Triggered: ${what}` : event);
      const more = entry.channel?.details;
      if (more !== undefined && more !== null && more !== '' && more !== what) {
        details.push(
          `### Trigger details (${entry.id})\n\n${scrub(typeof more === 'string' ? more : JSON.stringify(more, null, 2))}`,
        );
      }
    } else if (entry.type === 'annotate_log_entry') {
      const note = entry.note?.content || entry.channel?.summary;
      if (note) {
        event = scrub(`Note: ${note}`);
        kind = guessTimelineKind(note, 'observation');
      }
    } else if (entry.type === 'resolve_log_entry') {
      lastResolve = at;
    }
    const oneLine = event.replace(/\s+/g, ' ').trim();
    if (oneLine.length > 280) details.push(`### ${entry.type} (${entry.id})\n\n${event}`);
    const actor =
      person(entry.agent) ??
      (entry.agent?.summary && !/user/.test(entry.agent.type ?? '') ? entry.agent.summary : undefined);
    const link = entry.html_url || (entry.type === 'trigger_log_entry' ? entry.incident?.html_url : undefined);
    timeline.push({ at, event: shorten(oneLine, 280), kind, ...(actor ? { actor } : {}), ...(link ? { link } : {}) });
  }

  notes.push(`${timeline.length} log entr${timeline.length === 1 ? 'y' : 'ies'} imported`);
  for (const [type, count] of skipped)
    notes.push(`${count} ${type.replace(/_log_entry$/, '')} entr${count === 1 ? 'y' : 'ies'} skipped (paging noise)`);
  if (unknown.size > 0) notes.push(`unknown entry type(s) ${[...unknown].join(', ')} were imported as observations`);
  if (details.length > 0) notes.push('trigger details and long entries were kept in the body');
  if (!options.keepNames) notes.push('people are written as initials (use --keep-names to keep names)');
  if (firstTrigger)
    notes.push('started and detected were set to the first trigger; impact may have begun earlier (pass --started)');
  const title = entries.find((e) => e.incident?.summary)?.incident?.summary;
  return {
    fields: {
      ...(title ? { title: scrub(title) } : {}),
      ...(firstTrigger ? { started: firstTrigger, detected: firstTrigger } : {}),
      ...(lastResolve ? { resolved: lastResolve } : {}),
      // A page raised by hand in the web UI was a person's report, not an alert.
      detection: {
        method: triggeredByPerson ? 'employee-report' : 'alert',
        ...(title ? { source: `PagerDuty: ${scrub(title)}` } : {}),
      },
    },
    timeline,
    body: details.length > 0 ? escapeMdx(`## PagerDuty details\n\n${details.join('\n\n')}`) : '',
    notes,
  };
}
