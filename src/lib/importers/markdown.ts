import type { ActionItem, ActionStatus, ActionType } from '../../schemas/incident.ts';
import { createAliaser, replaceNames } from '../initials.ts';
import { nameVariants } from '../lint/language.ts';
import { parseCalendarDate } from '../dates.ts';
import { escapeMdx } from '../mdx-escape.ts';
import {
  isPlainProse,
  labelsToHeadings,
  listItems,
  normalizeName,
  plainText,
  splitSections,
  type MdNode,
  type Section,
} from './markdown-sections.ts';
import { parseTimeline } from './markdown-timeline.ts';
import type { ImportedFields, ImportResult } from './types.ts';

/** How to read a Markdown review. */
export interface MarkdownImportOptions {
  /** Keep people's names as written instead of initials. */
  keepNames: boolean;
  /** Offset for timeline times when the document names no zone, e.g. `+02:00`. */
  utcOffset?: string;
  /** Configured severity levels, to recognise `Severity: SEV2`. */
  severities: readonly string[];
}

const META_LINE =
  /^\s*(?:[-*]\s+)?(?:\*\*|__)?(date|authors?|status|severity|sev|priority)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:)\s*(.*?)\s*$/i;

/**
 * A review written in the Google-SRE-style template (Summary, Impact, Root Causes, Trigger,
 * Resolution, Detection, Action Items, Lessons Learned, Timeline) as fields, timeline and body.
 * Sections that map to fields leave the body; everything else stays in it, escaped for MDX.
 */
export function importMarkdown(markdown: string, options: MarkdownImportOptions): ImportResult {
  const { sections } = splitSections(labelsToHeadings(markdown));
  const fields: ImportedFields = {};
  const notes: string[] = [];
  const kept: string[] = [];
  const meta: Record<string, string> = {};

  for (const section of sections) {
    if (section.depth <= 1) {
      if (section.depth === 1 && !fields.title)
        fields.title = section.title
          .replace(/^(?:post-?mortem|incident (?:report|review)|pir)\s*[:—–-]\s*/i, '')
          .trim();
      else if (section.depth === 1) kept.push(`#${section.headingSource}`);
      const rest = readMetaLines(section.source, meta);
      if (rest.trim()) kept.push(rest.trim());
      continue;
    }
    if (!mapSection(section, fields, notes)) kept.push(`${section.headingSource}\n\n${section.source}`.trim());
  }

  if (meta['severity']) {
    const level = findSeverity(meta['severity'], options.severities);
    if (level) fields.severity = level;
    else notes.push(`severity "${meta['severity']}" is not a configured level; pass --severity`);
  }
  if (meta['authors'])
    fields.authors = meta['authors']
      .split(/\s*(?:,|;|\band\b|&)\s*/)
      .map((a) => a.trim())
      .filter(Boolean);
  if (meta['status']) notes.push(`the document's status ("${meta['status']}") was not imported: imports are drafts`);

  const timelineSection = sections.find((s) => sectionKey(s.title) === 'timeline');
  let timeline: ImportResult['timeline'] = [];
  if (timelineSection) {
    const parsed = parseTimeline(timelineSection.source, {
      ...(meta['date'] && /^\d{4}-\d{2}-\d{2}/.test(meta['date']) ? { date: meta['date'].slice(0, 10) } : {}),
      ...(options.utcOffset ? { offset: options.utcOffset } : {}),
      heading: timelineSection.title,
    });
    timeline = parsed.entries.sort((a, b) => a.at.getTime() - b.at.getTime());
    notes.push(...parsed.notes);
    if (parsed.unparsed.length > 0) {
      kept.push(`## Timeline lines not imported\n\n${parsed.unparsed.join('\n')}`);
      notes.push(`${parsed.unparsed.length} timeline line(s) had no time and were kept in the body`);
    }
    const first = parsed.started ?? timeline[0]?.at;
    if (first) fields.started = first;
    if (!parsed.started && first)
      notes.push('started was set to the first timeline entry (no "OUTAGE BEGINS" marker); check it');
    const after = (kind: string) =>
      timeline.find((e) => e.kind === kind && (!fields.started || e.at >= fields.started))?.at;
    const detected = after('detection');
    const mitigated = parsed.mitigated ?? after('mitigation');
    const resolved = parsed.resolved ?? after('resolution');
    if (detected) fields.detected = detected;
    if (mitigated) fields.mitigated = mitigated;
    if (resolved) fields.resolved = resolved;
  }
  if (!fields.started && meta['date'] && /^\d{4}-\d{2}-\d{2}$/.test(meta['date'])) {
    fields.started = parseCalendarDate(meta['date']);
    notes.push(`started was set to the document's date (${meta['date']}, 00:00 UTC): no timeline times were found`);
  }

  let body = kept.join('\n\n');
  if (!options.keepNames && fields.authors) {
    const alias = createAliaser();
    const aliases = new Map<string, string>();
    for (const author of fields.authors)
      for (const name of nameVariants([author])) aliases.set(name, alias(author, author));
    fields.authors = fields.authors.map((a) => alias(a, a));
    const scrub = (text: string) => replaceNames(text, aliases);
    timeline = timeline.map((e) => ({ ...e, event: scrub(e.event) }));
    scrubFields(fields, scrub);
    body = scrub(body);
  }
  return { fields, timeline, body: escapeMdx(body), notes };
}

/** Reads `Date:`, `Authors:`, `Status:`, `Severity:` lines into `meta`; returns the other lines. */
function readMetaLines(source: string, meta: Record<string, string>): string {
  return source
    .split('\n')
    .filter((line) => {
      const match = META_LINE.exec(line);
      if (!match) return true;
      const key = match[1]!
        .toLowerCase()
        .replace(/^author$/, 'authors')
        .replace(/^(sev|priority)$/, 'severity');
      meta[key] = match[2]!.replace(/(?:\*\*|__)/g, '').trim();
      return false;
    })
    .join('\n');
}

/** `SEV2`, `sev 2`, `Sev-2` or a configured name in the text, as the configured spelling. */
function findSeverity(text: string, severities: readonly string[]): string | undefined {
  const direct = severities.find((s) => text.toLowerCase().includes(s.toLowerCase()));
  if (direct) return direct;
  const number = /\bsev(?:erity)?\s*-?\s*(\d)\b/i.exec(text)?.[1];
  return number ? severities.find((s) => s.toLowerCase() === `sev${number}`) : undefined;
}

/** A section's name without parenthetical notes or HTML: `Timeline (all times UTC)` or `Summary <a id="s"></a>` → `timeline`, `summary`. */
function sectionKey(title: string): string {
  return normalizeName(title.replace(/\([^)]*\)|<[^>]*>/g, ' '));
}

/** Maps one section to fields; false when it stays in the body. */
function mapSection(section: Section, fields: ImportedFields, notes: string[]): boolean {
  const name = sectionKey(section.title);
  const plain = isPlainProse(section.nodes);
  const text = plainText(section.nodes);
  if (!text && section.nodes.length === 0) return name === 'lessons learned' || name === 'timeline';
  switch (name) {
    case 'summary': {
      if (plain) {
        fields.summary = text;
        return true;
      }
      const prose = plainText(section.nodes.filter((n) => n.type === 'paragraph'));
      return keepWith(notes, section, () => (fields.summary = prose || text));
    }
    case 'impact':
      if (!plain) return keepWith(notes, section, () => (fields.impact = { description: text }));
      fields.impact = { description: text };
      return true;
    case 'root cause':
    case 'root causes':
    case 'contributing factors': {
      const items =
        listItems(section.nodes) ?? section.nodes.filter((n) => n.type === 'paragraph').map((n) => plainText([n]));
      fields.contributingFactors = items.filter(Boolean).map((description) => ({ description }));
      if (plain) return true;
      notes.push(`"${section.title}" has more than lists and paragraphs; it was also kept in the body`);
      return false;
    }
    case 'trigger':
      fields.trigger = text;
      return plain;
    case 'detection':
      fields.detection = { method: guessDetectionMethod(text), ...(text.length <= 200 ? { source: text } : {}) };
      notes.push(`detection.method "${fields.detection.method}" was guessed from the Detection text; check it`);
      return plain && text.length <= 200;
    case 'action items':
      return mapActionItems(section, fields, notes);
    case 'what went well':
    case 'what went wrong':
    case 'where we got lucky': {
      const items = listItems(section.nodes);
      if (!items || !plain) return false;
      fields.lessons ??= { wentWell: [], wentWrong: [], gotLucky: [] };
      const key = name === 'what went well' ? 'wentWell' : name === 'what went wrong' ? 'wentWrong' : 'gotLucky';
      fields.lessons[key].push(...items);
      return true;
    }
    case 'timeline':
      return true;
    default:
      return false;
  }
}

/** Maps a field but keeps the section too (its content has more than plain text). */
function keepWith(notes: string[], section: Section, map: () => void): boolean {
  map();
  notes.push(`"${section.title}" has more than plain text; it was mapped and also kept in the body`);
  return false;
}

/** The detection method a Detection paragraph describes. */
export function guessDetectionMethod(text: string): NonNullable<ImportedFields['detection']>['method'] {
  if (/\b(customers?|support|tickets?|users? report\w*|tweets?)\b/i.test(text)) return 'customer-report';
  if (/\b(synthetic|probes?|prober|blackbox|black-box|canary check)\b/i.test(text)) return 'synthetic';
  if (/\b(alert\w*|monitor\w*|paged|pager\w*|alarm\w*|dashboards?)\b/i.test(text)) return 'alert';
  if (/\b(engineers?|employees?|staff|noticed|colleagues?|on-?call)\b/i.test(text)) return 'employee-report';
  return 'other';
}

const TYPES: Record<string, ActionType> = {
  prevent: 'prevent',
  prevention: 'prevent',
  mitigate: 'mitigate',
  mitigation: 'mitigate',
  repair: 'mitigate',
  detect: 'detect',
  detection: 'detect',
  process: 'process',
  investigate: 'process',
  other: 'process',
};

/** The Action Items table (Action Item | Type | Owner | Bug …) as action items. */
function mapActionItems(section: Section, fields: ImportedFields, notes: string[]): boolean {
  const table = section.nodes.find((n) => n.type === 'table');
  const rows = table?.children ?? [];
  if (!table || rows.length < 2) {
    const items = listItems(section.nodes);
    if (!items) return false;
    fields.actionItems = items.map((title) => ({ title, owner: 'unassigned', status: 'open', type: 'process' }));
    notes.push(`${items.length} action item(s) from a list: owner "unassigned" and type "process" need filling in`);
    return isPlainProse(section.nodes);
  }
  const header = (rows[0]!.children ?? []).map((cell) => normalizeName(plainText([cell])));
  const column = (pattern: RegExp) => header.findIndex((h) => pattern.test(h));
  const cols = {
    title: Math.max(0, column(/action|item|task|what/)),
    type: column(/type|kind|category/),
    owner: column(/owner|who|assignee|team/),
    ticket: column(/bug|ticket|issue|link|tracking|jira/),
    status: column(/status|state|done/),
    due: column(/due|deadline|date/),
  };
  const items: ActionItem[] = [];
  let guessedTypes = 0;
  for (const row of rows.slice(1)) {
    const cells = row.children ?? [];
    const cell = (index: number) => (index >= 0 && cells[index] ? plainText([cells[index]]) : '');
    let title = cell(cols.title);
    if (!title) continue;
    const typeText = normalizeName(cell(cols.type));
    const type = TYPES[typeText];
    if (!type) guessedTypes += 1;
    const ticketUrl = cols.ticket >= 0 && cells[cols.ticket] ? firstUrl(cells[cols.ticket]!) : undefined;
    const ticketText = cell(cols.ticket).replace(/\s*\(https?:[^)]*\)/g, '');
    if (!ticketUrl && ticketText) title = `${title} (${ticketText})`;
    const owner = cell(cols.owner);
    const due = cell(cols.due);
    items.push({
      title,
      owner: owner || 'unassigned',
      status: guessStatus(`${cell(cols.status)} ${ticketText}`),
      type: type ?? 'process',
      ...(ticketUrl ? { ticket: ticketUrl } : {}),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(due) ? { due } : {}),
    });
  }
  fields.actionItems = items;
  if (guessedTypes > 0)
    notes.push(
      `${guessedTypes} action item(s) had no known type (prevent, mitigate, detect, process); set to "process"`,
    );
  const unowned = items.filter((i) => i.owner === 'unassigned').length;
  if (unowned > 0) notes.push(`${unowned} action item(s) have no owner; written as "unassigned"`);
  const others = section.nodes.filter((n) => n !== table);
  if (others.length === 0) return true;
  // Prose around the table stays in the body, without the table (now in the frontmatter).
  section.source = section.source.replace(/^\s*\|.*\|\s*$/gm, '').trim();
  return false;
}

function firstUrl(node: MdNode): string | undefined {
  if (node.type === 'link' && node.url && /^https?:\/\//.test(node.url)) return node.url;
  for (const child of node.children ?? []) {
    const url = firstUrl(child);
    if (url) return url;
  }
  return undefined;
}

function guessStatus(text: string): ActionStatus {
  if (/\b(won'?t|wont|obsolete|cancel+ed|declined)\b/i.test(text)) return 'wont-do';
  if (/\b(done|fixed|closed|complete[d]?|resolved)\b/i.test(text)) return 'done';
  if (/\b(in[ -]progress|started|ongoing|wip)\b/i.test(text)) return 'in-progress';
  return 'open';
}

/** Applies `scrub` to every text field the importer filled. */
function scrubFields(fields: ImportedFields, scrub: (text: string) => string): void {
  for (const key of ['title', 'summary', 'trigger'] as const) if (fields[key]) fields[key] = scrub(fields[key]);
  if (fields.impact) fields.impact.description = scrub(fields.impact.description);
  if (fields.detection?.source) fields.detection.source = scrub(fields.detection.source);
  if (fields.contributingFactors)
    fields.contributingFactors = fields.contributingFactors.map((f) => ({ description: scrub(f.description) }));
  if (fields.actionItems)
    fields.actionItems = fields.actionItems.map((i) => ({ ...i, title: scrub(i.title), owner: scrub(i.owner) }));
  if (fields.lessons) {
    const { wentWell, wentWrong, gotLucky } = fields.lessons;
    fields.lessons = { wentWell: wentWell.map(scrub), wentWrong: wentWrong.map(scrub), gotLucky: gotLucky.map(scrub) };
  }
}
