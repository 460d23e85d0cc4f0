import type { AstroIntegration } from 'astro';
import { toCalendarDate } from '../lib/format.ts';
import { lintContentRoot } from '../lib/lint/run.ts';

/** Findings printed in full before the rest are only counted. */
const SHOWN = 20;

/**
 * Runs the review linter when a build starts and logs every finding as a warning. It never fails
 * the build: `npm run lint` is the gate; this makes the findings visible to whoever builds.
 */
export function lintWarnings(options: { contentRoot: string }): AstroIntegration {
  return {
    name: 'hindsight-lint-warnings',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const pinned = process.env['HINDSIGHT_NOW'];
        const today = toCalendarDate(pinned ? new Date(pinned) : new Date());
        try {
          const { findings } = lintContentRoot(options.contentRoot, { today });
          // A long history can hold thousands of findings; the first few show the kind, the count the size.
          for (const f of findings.slice(0, SHOWN)) logger.warn(`${f.file}:${f.line}:${f.column} ${f.message} [${f.rule}]`);
          if (findings.length > SHOWN) logger.warn(`… and ${findings.length - SHOWN} more`);
          if (findings.length > 0) logger.warn(`${findings.length} review lint finding(s); details and fixes: npm run lint`);
        } catch (error) {
          // A broken config or folder is reported by the content loaders with a proper error.
          logger.warn(`review linter did not run: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    },
  };
}
