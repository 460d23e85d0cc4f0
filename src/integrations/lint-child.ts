/**
 * The review linter's child process (lint-process.ts): lints a content root and sends the result,
 * announcing each review before and after the MDX parser reads it, so that the parent can kill
 * this process when one parse does not finish (native code cannot be interrupted in-process).
 */
import { ContentError } from '../lib/content-errors.ts';
import { lintContentRoot } from '../lib/lint/run.ts';
import type { LintMessage, LintRequest } from './lint-process.ts';

const send = (message: LintMessage, then?: () => void) => process.send?.(message, undefined, undefined, then);
/** The last message: the channel closes once it is written (thousands of findings are megabytes). */
const sendLast = (message: LintMessage) => send(message, () => process.disconnect());

process.once('message', ({ contentRoot, unparsed, ...options }: LintRequest) => {
  try {
    const result = lintContentRoot(contentRoot, {
      ...options,
      unparsed: new Map(unparsed),
      onParse: (path, phase) => send({ parse: phase, path }),
    });
    sendLast({ result });
  } catch (error) {
    sendLast({
      error: error instanceof Error ? error.message : String(error),
      ...(error instanceof ContentError ? { problems: error.problems } : {}),
    });
  }
});
