import { fork, type ChildProcess } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ContentError } from '../lib/content-errors.ts';
import type { LintRootOptions, LintRootResult } from '../lib/lint/run.ts';

const CHILD = fileURLToPath(new URL('./lint-child.ts', import.meta.url));

/**
 * How much nicer than the build a linter in its background runs: on a busy machine the build's
 * own threads get the cores first, and the linter the time they leave (a review's parse still
 * gets about a tenth of a core, far inside the parse time limit).
 */
const BACKGROUND_NICENESS = 10;
/** The lowest priority there is. */
const MAX_NICENESS = 19;

/** What the child is asked to lint (lintContentRoot's options, as plain data). */
export interface LintRequest extends Omit<LintRootOptions, 'unparsed' | 'onParse'> {
  contentRoot: string;
  /** Reviews not to parse, with why: `[path, message]`. */
  unparsed: [string, string][];
}

/** What the child sends: a heartbeat per parse, then the result or why it could not run. */
export type LintMessage =
  { parse: 'start' | 'end'; path: string } | { result: LintRootResult } | { error: string; problems?: string[] };

/** Why a review was not parsed: the message its `mdx-syntax` finding shows. */
export function stalledParseMessage(limitMs: number): string {
  return `the MDX parser did not finish this review within ${limitMs / 1000} s, so it was not checked further (look for an unclosed { or < in the body; HINDSIGHT_PARSE_TIMEOUT sets the limit)`;
}

/**
 * Runs the review linter (lintContentRoot) in a child process with a time limit on each review's
 * MDX parse: a review still parsing after `limitMs` is reported as an `mdx-syntax` error on that
 * file, the child is killed, and the lint runs again without parsing it. `lint.ref()` makes the
 * process wait for it; until then a build that fails early does not.
 */
export class LintProcess {
  /** The findings, or a ContentError when the linter could not run (bad config, unreadable folder). */
  readonly result: Promise<LintRootResult>;
  #child: ChildProcess | undefined;
  #referenced: boolean;
  #background: boolean;

  constructor(
    request: Omit<LintRequest, 'unparsed'>,
    options: { limitMs: number; referenced?: boolean; background?: boolean; script?: string },
  ) {
    this.#referenced = options.referenced ?? true;
    this.#background = options.background ?? false;
    this.result = this.#run(request, options.limitMs, options.script ?? CHILD);
  }

  /** Keeps this process alive until the linter has answered. */
  ref(): void {
    this.#referenced = true;
    this.#child?.ref();
    this.#child?.channel?.ref();
  }

  async #run(request: Omit<LintRequest, 'unparsed'>, limitMs: number, script: string): Promise<LintRootResult> {
    const unparsed = new Map<string, string>();
    for (;;) {
      const outcome = await this.#runOnce({ ...request, unparsed: [...unparsed] }, limitMs, script);
      if ('result' in outcome) return outcome.result;
      unparsed.set(outcome.stalledOn, stalledParseMessage(limitMs));
    }
  }

  #runOnce(
    request: LintRequest,
    limitMs: number,
    script: string,
  ): Promise<{ result: LintRootResult } | { stalledOn: string }> {
    const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.#child = child;
    if (this.#background && child.pid !== undefined) {
      try {
        setPriority(child.pid, Math.min(MAX_NICENESS, getPriority() + BACKGROUND_NICENESS));
      } catch {
        // Not allowed here (some containers): the linter then competes at normal priority.
      }
    }
    if (!this.#referenced) {
      child.unref();
      child.channel?.unref();
    }
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      let done = false;
      const finish = (settle: () => void) => {
        done = true;
        clearTimeout(timer);
        process.off('exit', kill);
        kill();
        settle();
      };
      child.on('message', (message: LintMessage) => {
        if ('parse' in message) {
          clearTimeout(timer);
          if (message.parse === 'start') {
            timer = setTimeout(() => finish(() => resolve({ stalledOn: message.path })), limitMs);
            if (!this.#referenced) timer.unref();
          }
        } else if ('result' in message) {
          finish(() => resolve({ result: message.result }));
        } else {
          finish(() => reject(message.problems ? new ContentError(message.problems) : new Error(message.error)));
        }
      });
      child.once('error', (error) => finish(() => reject(error)));
      // 'close', not 'exit': a large last message may still be arriving when the process exits.
      child.once('close', (code) => {
        if (!done) finish(() => reject(new Error(`the review linter stopped (exit code ${code})`)));
      });
      child.send(request);
    });
  }
}
