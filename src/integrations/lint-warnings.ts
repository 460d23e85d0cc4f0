import type { AstroIntegration } from 'astro';
import { toCalendarDate } from '../lib/dates.ts';
import { LintProcess } from './lint-process.ts';

/** Findings printed in full before the rest are only counted. */
const SHOWN = 20;

/**
 * Runs the review linter while a build bundles and renders (in a child process, lint-process.ts),
 * and logs every finding as a warning when the build is done. It never fails the build:
 * `npm run lint` is the gate; this makes the findings visible to whoever builds.
 */
export function lintWarnings(options: {
  contentRoot: string;
  now?: Date | undefined;
  parseTimeoutMs: number;
}): AstroIntegration {
  let linter: LintProcess | undefined;
  return {
    name: 'hindsight-lint-warnings',
    hooks: {
      'astro:build:start': () => {
        const today = toCalendarDate(options.now ?? new Date());
        // A build that fails before it is done must not wait for the linter.
        linter = new LintProcess(
          { contentRoot: options.contentRoot, today },
          { limitMs: options.parseTimeoutMs, referenced: false, background: true },
        );
        // Read at build:done; until then a failure must not count as unhandled.
        linter.result.catch(() => undefined);
      },
      'astro:build:done': async ({ logger }) => {
        if (!linter) return;
        linter.ref(); // now the build waits for it
        let findings;
        try {
          findings = (await linter.result).findings;
        } catch (error) {
          // A broken config or folder is reported by the content loaders with a proper error.
          logger.warn(`review linter did not run: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        // A long history can hold thousands of findings; the first few show the kind, the count the size.
        for (const f of findings.slice(0, SHOWN))
          logger.warn(`${f.file}:${f.line}:${f.column} ${f.message} [${f.rule}]`);
        if (findings.length > SHOWN) logger.warn(`… and ${findings.length - SHOWN} more`);
        if (findings.length > 0)
          logger.warn(`${findings.length} review lint finding(s); details and fixes: npm run lint`);
      },
    },
  };
}
