import { isMap, isScalar, isSeq, parse, YAMLSeq, type Document } from 'yaml';
import { createIncidentSchema } from '../../schemas/incident.ts';
import { TimestampSchema } from '../../schemas/primitives.ts';
import { describeUnknownId, formatSchemaIssues } from '../content-errors.ts';
import { formatHouseStyle, parseFrontmatterDocument, renderReview, splitReview } from '../review-file.ts';
import { canonicalSeverity, PLACEHOLDER_SUMMARY, reviewIdFor } from '../scaffold.ts';
import { toUtcTimestamp } from '../timestamps.ts';
import { ImportError, type ImportedEntry, type ImportResult } from './types.ts';

/** What the author adds on the command line; flags win over what the importer found. */
export interface DraftOptions {
  title?: string;
  severity?: string;
  started?: Date;
  summary?: string;
  services: string[];
  tags: string[];
  owner?: string;
  slug?: string;
  /** Names the input in the body's comment, e.g. `slack export, #inc-2291`. */
  source: string;
}

/** Catalog facts the draft is checked against. */
export interface DraftCatalog {
  severities: readonly string[];
  serviceIds: readonly string[];
}

const STAMPS = ['detected', 'mitigated', 'resolved'] as const;

/** The timeline as frontmatter: sorted, UTC timestamps, optional fields only when present. */
function timelineData(entries: readonly ImportedEntry[]) {
  return [...entries]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((e) => ({
      at: toUtcTimestamp(e.at),
      event: e.event,
      kind: e.kind,
      ...(e.actor ? { actor: e.actor } : {}),
      ...(e.link ? { link: e.link } : {}),
    }));
}

/** Lifecycle stamps that respect the schema's order (detected/mitigated/resolved ≥ started, resolved ≥ mitigated). */
function orderedStamps(
  started: Date,
  result: ImportResult,
  notes: string[],
): Partial<Record<(typeof STAMPS)[number], Date>> {
  const stamps: Partial<Record<(typeof STAMPS)[number], Date>> = {};
  for (const key of STAMPS) {
    const stamp = result.fields[key];
    if (!stamp) continue;
    if (stamp < started)
      notes.push(`${key} ${toUtcTimestamp(stamp)} is before started ${toUtcTimestamp(started)}; left out`);
    else if (key === 'resolved' && stamps.mitigated && stamp < stamps.mitigated)
      notes.push(`resolved ${toUtcTimestamp(stamp)} is before mitigated; left out`);
    else stamps[key] = stamp;
  }
  return stamps;
}

/** A new draft review from an import: its id and file text. Throws ImportError naming what is missing. */
export function createDraft(
  result: ImportResult,
  options: DraftOptions,
  catalog: DraftCatalog,
): { id: string; text: string; notes: string[] } {
  const notes = [...result.notes];
  const { fields } = result;
  const title = options.title ?? fields.title;
  const severity = options.severity ?? fields.severity;
  const started = options.started ?? fields.started;
  const problems: string[] = [];
  if (!title) problems.push('no title was found: pass --title "…"');
  if (!severity) problems.push(`no severity was found: pass --severity (one of ${catalog.severities.join(', ')})`);
  else if (!catalog.severities.some((s) => s.toLowerCase() === severity.toLowerCase())) {
    problems.push(`severity "${severity}" is not one of ${catalog.severities.join(', ')}: pass --severity`);
  }
  if (!started) problems.push('no start time was found: pass --started 2026-11-20T14:02Z');
  for (const service of options.services) {
    if (!catalog.serviceIds.includes(service))
      problems.push(`--services: ${describeUnknownId(service, 'a service in the catalog', catalog.serviceIds)}`);
  }
  if (problems.length > 0 || !title || !severity || !started) throw new ImportError(problems.join('\n'));

  const summary = options.summary ?? fields.summary;
  if (!summary) notes.push('no summary was found; a placeholder was written');
  const data = {
    title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
    summary: summary || PLACEHOLDER_SUMMARY,
    status: 'draft',
    severity: canonicalSeverity(severity, catalog.severities),
    started: toUtcTimestamp(started),
    ...Object.fromEntries(
      Object.entries(orderedStamps(started, result, notes)).map(([k, v]) => [k, toUtcTimestamp(v)]),
    ),
    services: options.services,
    tags: options.tags,
    owner: options.owner,
    authors: fields.authors,
    visibility: 'internal',
    impact: fields.impact,
    detection: fields.detection,
    trigger: fields.trigger,
    contributingFactors: fields.contributingFactors,
    timeline: timelineData(result.timeline),
    actionItems: fields.actionItems,
    lessons: fields.lessons,
  };
  assertValid(data, catalog.severities, 'the imported draft');
  const id = reviewIdFor(started, options.slug ?? title, options.slug !== undefined);
  const header = `{/* Imported from ${commentSafe(options.source)} by npm run import. Check every field, write the narrative, then run npm run lint. */}\n\n`;
  return { id, text: renderReview(data, header + result.body), notes };
}

/** Result of merging an import into an existing review. */
export interface MergeResult {
  text: string;
  added: number;
  duplicates: number;
  notes: string[];
}

/**
 * Adds imported timeline entries to an existing review, skipping entries already there (same
 * second, same text), sets lifecycle stamps the review lacks (never changes one it has), and
 * appends the unmapped body once. The rest of the frontmatter is kept as written.
 */
export function mergeIntoReview(
  text: string,
  result: ImportResult,
  options: { source: string; severities: readonly string[]; file: string },
): MergeResult {
  const notes = [...result.notes];
  const parts = splitReview(text);
  if (!parts.hasFrontmatter) throw new ImportError(`${options.file} has no frontmatter to merge into`);
  const doc = parseFrontmatterDocument(parts.frontmatter);
  if (doc.errors.length > 0)
    throw new ImportError(
      `${options.file}: the frontmatter is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it first`,
    );
  if (!isMap(doc.contents)) throw new ImportError(`${options.file}: the frontmatter is not a mapping of fields`);

  const existing = readExistingEntries(doc);
  let timeline = doc.get('timeline', true);
  if (!isSeq(timeline)) {
    timeline = new YAMLSeq();
    doc.set('timeline', timeline);
  }
  let added = 0;
  let duplicates = 0;
  for (const entry of timelineData(result.timeline)) {
    const key = entryKey(new Date(entry.at), entry.event);
    if (existing.has(key)) {
      duplicates += 1;
      continue;
    }
    existing.add(key);
    const node = doc.createNode(entry, { flow: true });
    (timeline as YAMLSeq).items.push(node);
    added += 1;
  }

  const started = parseStamp(doc.get('started'));
  for (const key of STAMPS) {
    const stamp = result.fields[key];
    if (!stamp) continue;
    const current = doc.get(key);
    if (current !== undefined) {
      const currentDate = parseStamp(current);
      if (!currentDate || Math.abs(currentDate.getTime() - stamp.getTime()) >= 60_000) {
        notes.push(
          `kept the review's ${key} (${typeof current === 'string' ? current : JSON.stringify(current)}); the import suggests ${toUtcTimestamp(stamp)}`,
        );
      }
      continue;
    }
    if (started && stamp < started) {
      notes.push(`${key} ${toUtcTimestamp(stamp)} is before the review's started; left out`);
      continue;
    }
    insertAfterStamps(doc, key, toUtcTimestamp(stamp));
    notes.push(`set ${key}: ${toUtcTimestamp(stamp)}`);
  }

  const frontmatter = formatHouseStyle(doc);
  assertValid(parse(frontmatter), options.severities, options.file);
  let body = parts.body;
  const appendix = result.body.trim();
  if (appendix && !body.includes(appendix)) {
    body = `${body.replace(/\s*$/, '\n')}\n{/* Imported from ${commentSafe(options.source)} by npm run import. */}\n\n${appendix}\n`;
  }
  return { text: `---\n${frontmatter}---\n${body}`, added, duplicates, notes };
}

/** `second|normalised text`: two entries are the same when both match. */
function entryKey(at: Date, event: string): string {
  return `${Math.floor(at.getTime() / 1000)}|${event.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

function readExistingEntries(doc: Document.Parsed): Set<string> {
  const keys = new Set<string>();
  const timeline = (doc.toJS() as { timeline?: unknown } | null)?.timeline;
  if (!Array.isArray(timeline)) return keys;
  for (const entry of timeline as unknown[]) {
    const { at, event } = (entry ?? {}) as { at?: unknown; event?: unknown };
    const stamp = parseStamp(at);
    if (stamp && typeof event === 'string') keys.add(entryKey(stamp, event));
  }
  return keys;
}

function parseStamp(value: unknown): Date | undefined {
  const result = TimestampSchema.safeParse(
    value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : '',
  );
  return result.success ? result.data : undefined;
}

/** Puts `key: value` right after `started`/`detected`/`mitigated`, where readers expect it. */
function insertAfterStamps(doc: Document.Parsed, key: string, value: string): void {
  const map = doc.contents;
  if (!isMap(map)) return;
  const order = ['started', ...STAMPS];
  let index = -1;
  map.items.forEach((pair, i) => {
    if (
      isScalar(pair.key) &&
      order.indexOf(String(pair.key.value)) !== -1 &&
      order.indexOf(String(pair.key.value)) < order.indexOf(key)
    )
      index = i;
  });
  const pair = doc.createPair(key, value) as (typeof map.items)[number];
  if (index === -1) map.items.push(pair);
  else map.items.splice(index + 1, 0, pair);
}

function assertValid(data: unknown, severities: readonly string[], file: string): void {
  const result = createIncidentSchema(severities).safeParse(data, { reportInput: true });
  if (!result.success) {
    throw new ImportError(
      `nothing was written; the result would not be valid:\n${formatSchemaIssues(file, result.error.issues, data).join('\n')}`,
    );
  }
}

/** Text that can sit inside `{/* … *\/}`. */
function commentSafe(text: string): string {
  return text.replace(/\*\//g, '* /');
}
