/**
 * `npm run lint`: checks reviews for blame-aware language, completeness and consistency.
 * A thin CLI over src/lib/lint; see docs/authoring.md.
 */
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { displayPath } from '../src/lib/content-errors.ts';
import { idFromPath } from '../src/lib/content-ids.ts';
import { readContent, type ReviewFile } from '../src/lib/content-files.ts';
import { toCalendarDate } from '../src/lib/format.ts';
import { DEFAULT_LINT_CONFIG, LINT_CONFIG_FILE, parseLintConfig, type LintConfig } from '../src/lib/lint/config.ts';
import { formatHuman, formatJson } from '../src/lib/lint/format.ts';
import { lintReviews } from '../src/lib/lint/lint.ts';
import { RULES } from '../src/lib/lint/rules.ts';
import { contentRoot, now, parseFlags, runCli, UsageError } from './lib/cli.ts';

const HELP = `Usage: npm run lint -- [options] [file-or-folder ...]

Checks post-incident reviews for blame-aware language, completeness and consistency,
and for anything the build would refuse. Without files, lints every review in the
content root ($HINDSIGHT_CONTENT, default src/content).

Options:
  --format <human|json>  output format (default: human)
  --config <file>        lint config (default: <content root>/${LINT_CONFIG_FILE} when present)
  --quiet                report errors only, not warnings
  --list-rules           list the rules with their default level, then exit
  -h, --help             show this help

Silence one finding with a comment on its line:  {/* hindsight-disable-line just */}
(in frontmatter:  # hindsight-disable-line just). Lower or switch off a rule in the config:
  rules: { just: warning, failed-to: off }

Exit code: 0 when there are no errors (warnings allowed), 1 when there are errors,
2 when the tool could not run (bad option, unreadable config, missing file).
Guide: docs/authoring.md`;

await runCli(async () => {
  const { values, positionals } = parseFlags(
    {
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'human' },
        config: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'list-rules': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    'npm run lint',
  );
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values['list-rules']) {
    for (const rule of RULES) process.stdout.write(`${rule.id.padEnd(21)} ${rule.severity.padEnd(8)} ${rule.category.padEnd(13)} ${rule.description}\n`);
    return 0;
  }
  if (values.format !== 'human' && values.format !== 'json') throw new UsageError(`--format must be human or json, not "${values.format}"`);

  const root = contentRoot();
  const content = readContent(root);
  const config = readConfig(values.config, root);
  const reviews: ReviewFile[] = [...content.incidents];
  let only: string[] | undefined;
  if (positionals.length > 0) {
    only = positionals.flatMap(expandPath);
    // Files outside the content root are linted too, against the content root's catalog and tags.
    const known = new Set(reviews.map((r) => r.path));
    for (const path of only) {
      if (!known.has(path)) reviews.push({ id: idFromPath(basename(path)), path, text: readFileSync(path, 'utf8') });
    }
  }

  let findings = lintReviews({
    reviews,
    only,
    serviceIds: content.serviceIds,
    severities: content.severities,
    config,
    today: toCalendarDate(now()),
    displayPath: (path) => displayPath(path),
  });
  if (values.quiet) findings = findings.filter((f) => f.severity === 'error');
  const files = only?.length ?? content.incidents.length;
  process.stdout.write(values.format === 'json' ? formatJson(findings, files) : formatHuman(findings, files));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}, 2);

/** The config file named by --config, else the content root's, else the defaults. */
function readConfig(flag: string | undefined, root: string): LintConfig {
  const file = flag ? resolve(flag) : join(root, LINT_CONFIG_FILE);
  if (!existsSync(file)) {
    if (flag) throw new UsageError(`config file ${flag} does not exist`);
    return DEFAULT_LINT_CONFIG;
  }
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${displayPath(file)} is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  return parseLintConfig(raw, displayPath(file));
}

/** A file as an absolute path, or the reviews (`.md`/`.mdx`) inside a folder. */
function expandPath(arg: string): string[] {
  const path = resolve(arg);
  if (!existsSync(path)) throw new UsageError(`${arg} does not exist`);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((entry) => /(?:^|[\\/])[^_\\/][^\\/]*\.mdx?$/i.test(entry))
    .map((entry) => join(path, entry))
    .sort();
}
