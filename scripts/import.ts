/**
 * `npm run import`: turns a Markdown review, a Slack export or PagerDuty log entries into a
 * draft review, or merges their timeline into an existing one. A thin CLI over src/lib/importers.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describeUnknownId, displayPath } from '../src/lib/content-errors.ts';
import { readContent, type ContentSnapshot } from '../src/lib/content-files.ts';
import { createDraft, mergeIntoReview, type DraftOptions } from '../src/lib/importers/draft.ts';
import { askForMissing, fillFromSource } from '../src/lib/importers/draft-fields.ts';
import { importMarkdown } from '../src/lib/importers/markdown.ts';
import { zoneOffset } from '../src/lib/importers/markdown-timeline.ts';
import { importPagerDuty, readPagerDutyEntries } from '../src/lib/importers/pagerduty.ts';
import { readJsonFile } from '../src/lib/importers/read-json.ts';
import { importSlack, readSlackExport, type SlackSelection } from '../src/lib/importers/slack.ts';
import { ImportError, type ImportResult } from '../src/lib/importers/types.ts';
import { parseTimestampInput } from '../src/lib/timestamps.ts';
import { contentRoot, now, parseFlags, runCli, splitList, UsageError } from './lib/cli.ts';
import { terminalIO } from './lib/terminal.ts';

const HELP = `Usage: npm run import -- <source> <input> [options]

Brings existing reviews and incident data into Hindsight. Each import writes a new
draft review to <content root>/incidents/ ($HINDSIGHT_CONTENT, default src/content),
or, with --into, merges timeline entries into an existing review. Nothing is
overwritten, and whatever cannot be mapped is reported and kept in the body.

Sources:
  markdown <file|folder>    reviews in the Google-SRE-style template (Summary, Impact,
                            Root Causes, Trigger, Resolution, Detection, Action Items,
                            Lessons Learned, Timeline); each .md file of a folder
                            becomes its own draft
  slack <export-folder>     an unzipped Slack export (channels.json, users.json,
                            <channel>/<date>.json); needs --channel
  pagerduty <file.json>     the response of GET /incidents/{id}/log_entries

Options:
  --into <id>               merge into the review with this id (timeline entries not
                            already there, and detected/mitigated/resolved if missing)
  --dry-run                 print the result instead of writing it
  --title <text>            title of the new draft (default: found in the input)
  --severity <level>        e.g. SEV2 (default: found in the input)
  --started <time>          when impact began, with an offset (default: found in the input)
  --summary <text>          one to three sentences (default: found, or a placeholder)
  --services <ids>          comma-separated ids from <content root>/services/
  --tags <tags>             comma-separated kebab-case tags
  --owner <team>            who owns the review
  --slug <slug>             file name after the date (default: from the title)
  --keep-names              keep people's names (default: initials such as A.K.)
  --interactive             ask for what is missing even when stdin is not a terminal
  -h, --help                show this help

Title and severity come from the input where it has them: a Markdown "Severity:" line,
a Slack channel's topic or name and a "Declaring SEV2" message, a PagerDuty incident's
summary. In a terminal, whatever is still missing is asked for; in a script (stdin not
a terminal) a missing --title, --severity or --started is an error.

Slack options:
  --channel <name>          the channel to read (required)
  --from <time>, --to <time>  only messages in this range (timestamp with offset, or YYYY-MM-DD)
  --select <which>          marked (pinned or reacted to; the default), pinned, reacted or all
  --reaction <name>         only this reaction marks a message, e.g. pushpin
  --slack-url <url>         workspace address, to link entries to their messages

Markdown options:
  --utc-offset <+hh:mm>     zone of timeline times when the document names none (default UTC)

Examples:
  npm run import -- markdown old-postmortems/2025-06-12-search.md --services search-frontend
  npm run import -- slack ~/exports/acme --channel inc-2291 --from 2025-06-12 --to 2025-06-13 --into 2025-06-12-search-results-empty
  npm run import -- pagerduty log_entries.json --severity SEV2 --tags search
Guide: docs/authoring.md`;

await runCli(async () => {
  const { values, positionals } = parseFlags(
    {
      allowPositionals: true,
      options: {
        into: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        title: { type: 'string' },
        severity: { type: 'string' },
        started: { type: 'string' },
        summary: { type: 'string' },
        services: { type: 'string' },
        tags: { type: 'string' },
        owner: { type: 'string' },
        slug: { type: 'string' },
        'keep-names': { type: 'boolean', default: false },
        interactive: { type: 'boolean', default: false },
        channel: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        select: { type: 'string', default: 'marked' },
        reaction: { type: 'string' },
        'slack-url': { type: 'string' },
        'utc-offset': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    'npm run import',
  );
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const [source, input, ...extra] = positionals;
  if (!source || !input)
    throw new UsageError('name a source and an input, e.g. npm run import -- markdown review.md (see --help)');
  if (extra.length > 0)
    throw new UsageError(
      `unexpected argument(s): ${extra.join(' ')} (one input per run; a folder of .md files is fine)`,
    );
  const clock = now();
  const content = readContent(contentRoot());
  const keepNames = values['keep-names'];

  const imports: { label: string; result: ImportResult }[] = [];
  if (source === 'markdown') {
    const files = markdownFiles(input);
    if (files.length > 1 && (values.into || values.title || values.slug)) {
      throw new UsageError('--into, --title and --slug need a single Markdown file, not a folder');
    }
    const utcOffset = values['utc-offset'] === undefined ? undefined : zoneOffset(values['utc-offset']);
    if (values['utc-offset'] !== undefined && !utcOffset)
      throw new UsageError(`--utc-offset "${values['utc-offset']}" is not an offset such as +02:00`);
    for (const file of files) {
      const result = importMarkdown(readFileSync(file, 'utf8'), {
        keepNames,
        severities: content.severities,
        ...(utcOffset ? { utcOffset } : {}),
      });
      imports.push({ label: displayPath(file), result });
    }
  } else if (source === 'slack') {
    if (!values.channel) throw new UsageError('slack needs --channel <name> (the channel folder in the export)');
    const select = values.select as SlackSelection;
    if (!['marked', 'pinned', 'reacted', 'all'].includes(select))
      throw new UsageError(`--select must be marked, pinned, reacted or all, not "${values.select}"`);
    const data = readSlackExport(resolve(input), values.channel);
    const from = values.from === undefined ? undefined : parseRangeEnd(values.from, 'from', clock);
    const to = values.to === undefined ? undefined : parseRangeEnd(values.to, 'to', clock);
    const result = importSlack(data, {
      select,
      keepNames,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(values.reaction ? { reaction: values.reaction } : {}),
      ...(values['slack-url'] ? { workspaceUrl: values['slack-url'] } : {}),
    });
    const inRange = data.messages.filter((m) => {
      const at = new Date(Number(m.ts) * 1000);
      return (!from || at >= from) && (!to || at <= to);
    });
    const texts = [
      data.channel.topic?.value ?? '',
      ...inRange.sort((a, b) => Number(a.ts) - Number(b.ts)).map((m) => m.text ?? ''),
    ];
    imports.push({
      label: `Slack export ${basename(resolve(input))}, #${data.channel.name}`,
      result: fillFromSource(result, { channel: data.channel.name, texts }, content.severities),
    });
  } else if (source === 'pagerduty') {
    const file = resolve(input);
    const entries = readPagerDutyEntries(readJsonFile(file, displayPath(file)), displayPath(file));
    const result = importPagerDuty(entries, { keepNames, file: displayPath(file) });
    const texts = [...new Set(entries.map((e) => e.incident?.summary ?? ''))];
    imports.push({
      label: `PagerDuty log entries ${displayPath(file)}`,
      result: fillFromSource(result, { texts }, content.severities),
    });
  } else {
    throw new UsageError(`unknown source "${source}": use markdown, slack or pagerduty (see --help)`);
  }

  const started = values.started === undefined ? undefined : parseRangeEnd(values.started, 'started', clock, false);
  for (const { label, result } of imports) {
    if (result.timeline.length === 0 && Object.keys(result.fields).length === 0) {
      throw new ImportError(`${label}: nothing to import was found`);
    }
    if (values.into) {
      mergeInto(values.into, label, result, content, values['dry-run']);
      continue;
    }
    const answers = await askWhatIsMissing(label, result, values, content, clock, started);
    const options: DraftOptions = {
      services: splitList(values.services),
      tags: splitList(values.tags),
      source: label,
      ...(values.title !== undefined ? { title: values.title } : {}),
      ...(values.severity !== undefined ? { severity: values.severity } : {}),
      ...(started ? { started } : {}),
      ...answers,
      ...(values.summary !== undefined ? { summary: values.summary } : {}),
      ...(values.owner !== undefined ? { owner: values.owner } : {}),
      ...(values.slug !== undefined ? { slug: values.slug } : {}),
    };
    const draft = createDraft(result, options, content);
    const target = join(content.incidentsDir, `${draft.id}.mdx`);
    if (values['dry-run']) {
      process.stdout.write(draft.text);
      report(`Would create ${displayPath(target)} from ${label}`, draft.notes, process.stderr);
      continue;
    }
    const existing = [target, join(content.incidentsDir, draft.id, 'index.mdx')].find((p) => existsSync(p));
    if (existing) {
      throw new ImportError(
        `${displayPath(existing)} already exists; nothing was written (merge with --into ${draft.id}, or choose another --slug)`,
      );
    }
    writeFileSync(target, draft.text, { flag: 'wx' });
    report(`Created ${displayPath(target)} (draft) from ${label}`, draft.notes, process.stdout);
  }
  return 0;
});

/**
 * In a terminal (or with --interactive), asks for the title, severity and start that neither
 * the flags nor the input give. In a script it asks nothing: createDraft then names what is missing.
 */
async function askWhatIsMissing(
  label: string,
  result: ImportResult,
  values: { title?: string | undefined; severity?: string | undefined; interactive: boolean },
  content: ContentSnapshot,
  clock: Date,
  started: Date | undefined,
): Promise<{ title?: string; severity?: string; started?: Date }> {
  const known = (level: string | undefined) =>
    level !== undefined && content.severities.some((s) => s.toLowerCase() === level.toLowerCase());
  const missing = {
    title: (values.title ?? result.fields.title) === undefined,
    severity: values.severity === undefined && !known(result.fields.severity),
    started: (started ?? result.fields.started) === undefined,
  };
  if (!missing.title && !missing.severity && !missing.started) return {};
  if (!process.stdin.isTTY && !values.interactive) return {};
  const io = terminalIO();
  try {
    io.say(`${label} does not say everything a review needs:`);
    return await askForMissing(missing, content, io, clock);
  } finally {
    io.close();
  }
}

/** Merges one import into the review with id `id`. */
function mergeInto(id: string, label: string, result: ImportResult, content: ContentSnapshot, dryRun: boolean): void {
  const review = content.incidents.find((r) => r.id === id);
  if (!review)
    throw new ImportError(
      `--into ${describeUnknownId(
        id,
        'a review',
        content.incidents.map((r) => r.id),
      )}`,
    );
  const merged = mergeIntoReview(review.text, result, {
    source: label,
    severities: content.severities,
    file: displayPath(review.path),
  });
  const summary = `${merged.added} timeline entr${merged.added === 1 ? 'y' : 'ies'} added, ${merged.duplicates} already there`;
  if (dryRun) {
    process.stdout.write(merged.text);
    report(`Would merge ${label} into ${displayPath(review.path)}: ${summary}`, merged.notes, process.stderr);
    return;
  }
  if (merged.text !== review.text) writeFileSync(review.path, merged.text);
  report(`Merged ${label} into ${displayPath(review.path)}: ${summary}`, merged.notes, process.stdout);
}

/** The headline, then each note indented, then the next step. */
function report(headline: string, notes: readonly string[], stream: NodeJS.WriteStream): void {
  stream.write(
    `${headline}\n${notes.map((n) => `  - ${n}\n`).join('')}Next: review the result, then run npm run lint\n`,
  );
}

/** A timestamp flag; `YYYY-MM-DD` means the start (or, for --to, the end) of that UTC day. */
function parseRangeEnd(value: string, flag: string, clock: Date, allowDate = true): Date {
  if (allowDate && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
    return new Date(`${value.trim()}T${flag === 'to' ? '23:59:59' : '00:00:00'}Z`);
  }
  const parsed = parseTimestampInput(value, clock);
  if (!parsed.ok) throw new UsageError(`--${flag} ${parsed.message}`);
  return parsed.date;
}

/** The Markdown file, or the `.md`/`.markdown` files in a folder (sorted). */
function markdownFiles(input: string): string[] {
  const path = resolve(input);
  if (!existsSync(path)) throw new UsageError(`${input} does not exist`);
  if (!statSync(path).isDirectory()) return [path];
  const files = readdirSync(path)
    .filter((f) => /\.(md|markdown)$/i.test(f))
    .sort()
    .map((f) => join(path, f));
  if (files.length === 0) throw new UsageError(`${input} has no .md files`);
  return files;
}
