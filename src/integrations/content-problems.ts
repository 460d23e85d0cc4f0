import { existsSync } from 'node:fs';
import { ContentError } from '../lib/content-errors.ts';

/**
 * Content errors raised while `astro dev` reloads a saved file. Astro's glob loader only logs
 * them and keeps the old entry, so the page would silently show stale data; the pages instead
 * rethrow them (`throwPendingContentProblems` in `getSite()`), and Astro's dev overlay shows the
 * message and its hint. Kept on `globalThis` because the loaders and the pages are separate module
 * graphs in one process.
 */
const KEY = Symbol.for('hindsight.contentProblems');
const registry = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<string, string[]>()) as Map<
  string,
  string[]
>;

/** Records the problems of `file` (absolute path), or clears them when `problems` is empty. */
export function setContentProblems(file: string, problems: readonly string[]): void {
  if (problems.length > 0) registry.set(file, [...problems]);
  else registry.delete(file);
}

/** Throws one ContentError listing the problems of every file that still exists and has any. */
export function throwPendingContentProblems(): void {
  const problems = [...registry].flatMap(([file, lines]) => (existsSync(file) ? lines : []));
  if (problems.length > 0) throw new ContentError(problems);
}
