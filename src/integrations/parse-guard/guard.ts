import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

/** What became of one file: parsed in time, still parsing at the limit, or it killed the parser. */
export type ParseVerdict = 'parsed' | 'stalled' | 'crashed';

interface Job {
  text: string;
  resolve: (verdict: ParseVerdict) => void;
  reject: (error: unknown) => void;
}

/**
 * Parses each review once in a child process, before the build compiles it, and gives up on a
 * file the parser has not finished within `limitMs`. The MDX parser is native code: a parse that
 * never returns cannot be interrupted in its own thread, nor in a worker thread (terminating one
 * waits for the native call, and so does the process's exit), but a child process can be killed.
 * Files are checked one at a time; a killed child is replaced for the next file.
 */
export class ParseGuard {
  readonly #limitMs: number;
  readonly #script: string;
  readonly #queue: Job[] = [];
  #child: Promise<ChildProcess> | undefined;
  #busy = false;

  /** `script` replaces the parser process (tests use one that never answers). */
  constructor(limitMs: number, script = CHILD) {
    this.#limitMs = limitMs;
    this.#script = script;
  }

  /** Parses `text` in the child and says whether it finished within the limit. */
  check(text: string): Promise<ParseVerdict> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ text, resolve, reject });
      void this.#next();
    });
  }

  /** Ends the child process (it also ends with this process). */
  close(): void {
    void this.#child?.then((child) => child.kill('SIGKILL'));
    this.#child = undefined;
  }

  async #next(): Promise<void> {
    const job = this.#busy ? undefined : this.#queue.shift();
    if (!job) return;
    this.#busy = true;
    try {
      const child = await (this.#child ??= this.#start());
      const verdict = await this.#parse(child, job.text);
      if (verdict !== 'parsed') {
        child.kill('SIGKILL');
        this.#child = undefined;
      }
      // Idle, the child must not keep a finished build or CLI alive.
      if (this.#queue.length === 0) child.channel?.unref();
      job.resolve(verdict);
    } catch (error) {
      this.#child = undefined;
      job.reject(error);
    }
    this.#busy = false;
    void this.#next();
  }

  #parse(child: ChildProcess, text: string): Promise<ParseVerdict> {
    return new Promise((resolve) => {
      const settle = (verdict: ParseVerdict) => {
        clearTimeout(timer);
        child.off('message', onDone);
        child.off('exit', onExit);
        resolve(verdict);
      };
      const onDone = () => settle('parsed');
      const onExit = () => settle('crashed');
      // The clock starts when the child has the text, so its start-up never counts.
      const timer = setTimeout(() => settle('stalled'), this.#limitMs);
      child.once('message', onDone);
      child.once('exit', onExit);
      child.channel?.ref();
      child.send(text);
    });
  }

  #start(): Promise<ChildProcess> {
    const child = fork(this.#script, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.unref();
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    child.once('exit', () => process.off('exit', kill));
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve(child));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the MDX parse guard could not start (exit code ${code})`)));
    });
  }
}
