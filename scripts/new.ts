/**
 * `npm run new`: scaffolds a post-incident review as a draft, asking for what the flags
 * did not give when run in a terminal. A thin CLI over src/lib/scaffold.ts.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../src/lib/content-errors.ts';
import { readContent } from '../src/lib/content-files.ts';
import { parseReviewDocument } from '../src/lib/lint/review-document.ts';
import { tagsOf } from '../src/lib/lint/consistency.ts';
import { checkScaffoldInput, renderScaffold, reviewIdFor, type ScaffoldInput } from '../src/lib/scaffold.ts';
import { promptForScaffold, type ScaffoldAnswers } from '../src/lib/scaffold-prompts.ts';
import { parseTimestampInput } from '../src/lib/timestamps.ts';
import { contentRoot, now, parseFlags, runCli, splitList, splitTags, UsageError } from './lib/cli.ts';
import { terminalIO } from './lib/terminal.ts';

const HELP = `Usage: npm run new -- [options]

Scaffolds a new post-incident review as a draft in <content root>/incidents/
(<content root> is $HINDSIGHT_CONTENT, default src/content), named
<date impact started>-<slug>.mdx, with the sections good reviews have.
In a terminal it asks for anything the options do not give; otherwise
--title, --severity and --started are required (a near miss needs no
--severity).

Options:
  --title <text>         headline: what users saw (required)
  --severity <level>     one of the configured levels, e.g. SEV2 (required)
  --near-miss            a near miss (caught before it hurt): kind: near-miss,
                         no severity needed, a shorter skeleton
  --started <time>       when impact began, with an offset: 2026-11-20T14:02Z,
                         "2026-11-20 16:02+02:00", or "now" (required)
  --services <ids>       comma-separated ids from <content root>/services/
  --tags <tags>          comma-separated kebab-case tags
  --summary <text>       one to three sentences (default: a placeholder to replace)
  --owner <team>         who owns the review
  --authors <names>      comma-separated (initials are fine)
  --slug <slug>          file name after the date (default: from the title)
  --interactive          ask questions even when stdin is not a terminal
  -h, --help             show this help

Never overwrites a file. Example:
  npm run new -- --title "Checkout errors after resolver change" --severity SEV2 \\
    --started 2026-11-20T14:02Z --services checkout-api,edge-dns --tags dns,config-change
Guide: docs/authoring.md`;

await runCli(async () => {
  const { values } = parseFlags(
    {
      options: {
        title: { type: 'string' },
        severity: { type: 'string' },
        started: { type: 'string' },
        services: { type: 'string' },
        tags: { type: 'string' },
        summary: { type: 'string' },
        owner: { type: 'string' },
        authors: { type: 'string' },
        slug: { type: 'string' },
        'near-miss': { type: 'boolean', default: false },
        interactive: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    'npm run new',
  );
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const clock = now();
  const content = readContent(contentRoot());
  const catalog = { severities: content.severities, serviceIds: content.serviceIds };

  let started: Date | undefined;
  if (values.started !== undefined) {
    const parsed = parseTimestampInput(values.started, clock);
    if (!parsed.ok) throw new UsageError(`--started ${parsed.message}`);
    started = parsed.date;
  }
  const given: ScaffoldAnswers = {
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.severity !== undefined ? { severity: values.severity } : {}),
    ...(started ? { started } : {}),
    ...(values.services !== undefined ? { services: splitList(values.services) } : {}),
    ...(values.tags !== undefined ? { tags: splitTags(values.tags) } : {}),
    ...(values.summary !== undefined ? { summary: values.summary } : {}),
    ...(values.owner !== undefined ? { owner: values.owner } : {}),
    ...(values['near-miss'] ? { nearMiss: true } : {}),
  };
  // Check what was given before asking anything else, so a typo is reported straight away.
  const early = checkScaffoldInput(
    {
      title: given.title ?? 'x',
      severity: given.severity ?? catalog.severities[0]!,
      nearMiss: values['near-miss'],
      started: new Date(0),
      services: given.services ?? [],
      tags: given.tags ?? [],
      ...(values.slug !== undefined ? { slug: values.slug } : {}),
    },
    catalog,
  );
  if (early.length > 0) throw new UsageError(early.join('\n'));

  let input: ScaffoldInput;
  if (process.stdin.isTTY || values.interactive) {
    const io = terminalIO();
    try {
      const tagCounts = new Map<string, number>();
      for (const review of content.incidents)
        for (const tag of tagsOf(parseReviewDocument(review))) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
      input = {
        ...(await promptForScaffold(given, { ...catalog, tagCounts }, io, clock)),
        authors: splitList(values.authors),
      };
    } finally {
      io.close();
    }
  } else {
    const required = given.nearMiss ? (['title', 'started'] as const) : (['title', 'severity', 'started'] as const);
    const missing = required.filter((key) => given[key] === undefined);
    if (missing.length > 0) {
      throw new UsageError(
        `missing ${missing.map((m) => `--${m}`).join(', ')} (stdin is not a terminal, so nothing can be asked). See: npm run new -- --help`,
      );
    }
    input = {
      title: given.title!,
      severity: given.severity,
      nearMiss: values['near-miss'],
      started: given.started!,
      services: given.services ?? [],
      tags: given.tags ?? [],
      authors: splitList(values.authors),
      ...(given.summary !== undefined ? { summary: given.summary } : {}),
      ...(given.owner !== undefined ? { owner: given.owner } : {}),
    };
  }
  if (values.slug !== undefined) input.slug = values.slug;
  const problems = checkScaffoldInput(input, catalog);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));

  const id = reviewIdFor(input.started, input.slug ?? input.title, input.slug !== undefined);
  const target = join(content.incidentsDir, `${id}.mdx`);
  const existing = [
    target,
    join(content.incidentsDir, `${id}.md`),
    join(content.incidentsDir, id, 'index.mdx'),
    join(content.incidentsDir, id, 'index.md'),
  ].find((p) => existsSync(p));
  if (existing)
    throw new UsageError(
      `${displayPath(existing)} already exists; nothing was written (choose another --slug, or edit that review)`,
    );
  mkdirSync(content.incidentsDir, { recursive: true });
  writeFileSync(target, renderScaffold(input, catalog), { flag: 'wx' });
  process.stdout.write(
    `Created ${displayPath(target)} (id ${id}, status draft).\nNext: write the sections, fill in the commented fields, then run: npm run lint -- ${displayPath(target)}\n`,
  );
  return 0;
});
