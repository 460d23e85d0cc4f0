/**
 * `npm run lint`: checks reviews for blame-aware language, completeness and consistency.
 * A thin CLI over src/lib/lint; see docs/authoring.md.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scanContentFolder } from '../src/lib/content-files.ts';
import { toCalendarDate } from '../src/lib/dates.ts';
import { LINT_CONFIG_FILE } from '../src/lib/lint/config.ts';
import { formatHuman, formatJson } from '../src/lib/lint/format.ts';
import { LintProcess } from '../src/integrations/lint-process.ts';
import { RULES } from '../src/lib/lint/rules.ts';
import { getSettings } from '../src/settings.ts';
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
    const width = Math.max(...RULES.map((rule) => rule.id.length)) + 1;
    for (const rule of RULES)
      process.stdout.write(
        `${rule.id.padEnd(width)} ${rule.severity.padEnd(8)} ${rule.category.padEnd(13)} ${rule.description}\n`,
      );
    return 0;
  }
  if (values.format !== 'human' && values.format !== 'json')
    throw new UsageError(`--format must be human or json, not "${values.format}"`);

  const files = positionals.length > 0 ? positionals.flatMap(expandPath) : undefined;
  // In a child process, so that a review the MDX parser cannot finish is reported, not waited for.
  const linter = new LintProcess(
    {
      contentRoot: contentRoot(),
      today: toCalendarDate(now()),
      ...(values.config ? { configFile: resolve(values.config) } : {}),
      ...(files ? { files } : {}),
    },
    { limitMs: getSettings().parseTimeoutMs },
  );
  const result = await linter.result;
  let findings = result.findings;
  if (values.quiet) findings = findings.filter((f) => f.severity === 'error');
  process.stdout.write(
    values.format === 'json' ? formatJson(findings, result.files) : formatHuman(findings, result.files),
  );
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}, 2);

/** A file as an absolute path, or the files inside a folder the layout rule reads or refuses as reviews. */
function expandPath(arg: string): string[] {
  const path = resolve(arg);
  if (!existsSync(path)) throw new UsageError(`${arg} does not exist`);
  if (!statSync(path).isDirectory()) return [path];
  const { read, problems } = scanContentFolder(path, 'incidents');
  return [
    ...read.map((entry) => join(path, entry)),
    ...problems.filter((p) => p.kind === 'refused').map((p) => p.path),
  ].sort();
}
