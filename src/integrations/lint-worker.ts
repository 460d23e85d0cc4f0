/**
 * Runs the review linter in a worker thread for the build (lint-warnings.ts), so reading and
 * checking every review a second time overlaps the bundling instead of delaying it.
 * workerData `{ contentRoot, today }`; posts `{ findings }` or `{ error }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lintContentRoot } from '../lib/lint/run.ts';

const { contentRoot, today } = workerData as { contentRoot: string; today: string };
try {
  parentPort?.postMessage({ findings: lintContentRoot(contentRoot, { today }).findings });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
