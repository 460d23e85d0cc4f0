import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { toCalendarDate } from '../lib/dates.ts';
import type { Finding } from '../lib/lint/rules.ts';

/** Findings printed in full before the rest are only counted. */
const SHOWN = 20;
const WORKER = fileURLToPath(new URL('./lint-worker.ts', import.meta.url));

type LintReply = { findings?: Finding[]; error?: string };

/**
 * Runs the review linter while a build bundles and renders (in a worker thread), and logs every
 * finding as a warning when the build is done. It never fails the build: `npm run lint` is the
 * gate; this makes the findings visible to whoever builds.
 */
export function lintWarnings(options: { contentRoot: string; now?: Date | undefined }): AstroIntegration {
  let worker: Worker | undefined;
  let linting: Promise<LintReply> | undefined;
  return {
    name: 'hindsight-lint-warnings',
    hooks: {
      'astro:build:start': () => {
        const today = toCalendarDate(options.now ?? new Date());
        const linter = new Worker(WORKER, { workerData: { contentRoot: options.contentRoot, today } });
        // A build that fails before it is done must not wait for the linter to exit.
        linter.unref();
        linting = new Promise<LintReply>((resolve) => {
          linter.once('message', (reply: LintReply) => {
            resolve(reply);
            // The findings are copied over; end the worker now so its heap (every review parsed
            // with positions) is not held while the build renders.
            void linter.terminate();
          });
          linter.once('error', (error: Error) => resolve({ error: error.message }));
          linter.once('exit', (code) => resolve({ error: `the linter stopped (exit code ${code})` }));
        });
        worker = linter;
      },
      'astro:build:done': async ({ logger }) => {
        if (!worker || !linting) return;
        worker.ref(); // now the build waits for it
        const reply = await linting;
        // A broken config or folder is reported by the content loaders with a proper error.
        if (reply.error !== undefined) logger.warn(`review linter did not run: ${reply.error}`);
        const findings = reply.findings ?? [];
        // A long history can hold thousands of findings; the first few show the kind, the count the size.
        for (const f of findings.slice(0, SHOWN)) logger.warn(`${f.file}:${f.line}:${f.column} ${f.message} [${f.rule}]`);
        if (findings.length > SHOWN) logger.warn(`… and ${findings.length - SHOWN} more`);
        if (findings.length > 0) logger.warn(`${findings.length} review lint finding(s); details and fixes: npm run lint`);
      },
    },
  };
}
