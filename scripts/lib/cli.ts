/** Shared plumbing of the CLIs in scripts/: content root, "today", argument errors, help, exit codes (0 fine, 1 failed a check, 2 bad usage). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ContentError } from '../../src/lib/content-errors.ts';
import { ImportError } from '../../src/lib/importers/types.ts';
import { SettingsError } from '../../src/lib/settings.ts';
import { getSettings } from '../../src/settings.ts';

/** A problem with how the tool was called or with its input; printed without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The content root: `HINDSIGHT_CONTENT`, else `src/content` (relative to where the tool runs). */
export function contentRoot(): string {
  return getSettings().contentRoot;
}

/** Now, or `HINDSIGHT_NOW` when set (tests and reproducible runs pin it). */
export function now(): Date {
  return getSettings().now ?? new Date();
}

/** How to ask `command` for its help: npm needs `--` before the script's own flags. */
const helpHint = (command: string) => `See: ${command}${command.startsWith('npm ') ? ' -- ' : ' '}--help`;

/** `node:util` parseArgs, with its errors turned into usage errors that point at `--help`. */
export function parseFlags<T extends ParseArgsConfig>(config: T, command: string, args = process.argv.slice(2)) {
  try {
    return parseArgs({ ...config, args, strict: true });
  } catch (error) {
    const message =
      error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '') : String(error);
    throw new UsageError(`${message}. ${helpHint(command)}`);
  }
}

/** Prints a usage error and exits with 2, as `runCli` does, for a script whose body runs at the top level. */
export function exitWithUsageError(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

/**
 * `parseFlags` for a script whose body runs at the top level: `-h`/`--help` (which `config` must
 * declare) prints `help` and exits 0; a bad flag exits 2 with the error.
 */
export function parseTopLevelFlags<T extends ParseArgsConfig>(config: T, command: string, help: string) {
  let parsed;
  try {
    parsed = parseFlags(config, command);
  } catch (error) {
    if (error instanceof UsageError) exitWithUsageError(error.message);
    throw error;
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${help.trimEnd()}\n`);
    process.exit(0);
  }
  return parsed;
}

/** A comma- or space-separated flag value as a list (`--services a,b`). */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A comma-separated tag list: `--tags "config change"` is one tag (which the checks then refuse with a fix), never two. */
export function splitTags(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Runs a CLI's main function: a usage or content error prints its message and exits with
 * `errorCode`; anything else is a bug and prints its stack.
 */
export async function runCli(main: () => number | void | Promise<number | void>, errorCode = 1): Promise<void> {
  // `npm run lint -- --list-rules | head`: a reader that stops reading early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof ContentError ||
      error instanceof ImportError ||
      error instanceof SettingsError
    ) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = errorCode;
      return;
    }
    throw error;
  }
}
