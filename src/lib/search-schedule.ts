/**
 * When a search runs while a reader types: a query of one character starts nothing, each
 * keystroke may warm Pagefind's chunks at once (`preload`), a keystroke after a pause searches at
 * once, keystrokes closer together than the debounce search once after the last of them, and a
 * search overtaken by a newer one never draws. Timers are passed in so this stays testable
 * without a clock.
 */

/** Shortest query worth a search: one letter matches most of a large site and is never what a reader means. */
export const MIN_QUERY_LENGTH = 2;

/**
 * Keystrokes closer together than this (ms) are one burst, searched once after its last key.
 * Measured with B7t (`npm run bench`): Pagefind's work for a query starts with `preload` on the
 * keystroke, so the debounce only has to spare the worker searches for words still being typed;
 * people type slower than this, so a typed or pasted query usually searches without waiting.
 */
export const SEARCH_DEBOUNCE_MS = 40;

/** Whether a (trimmed) query is long enough to search; an empty one is a filter-only search. */
export function isSearchableTerm(term: string): boolean {
  const length = [...term.trim()].length;
  return length === 0 || length >= MIN_QUERY_LENGTH;
}

/** The timer functions and clock the scheduler uses (the platform's by default). */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  /** Milliseconds on a monotonic clock. */
  now(): number;
}

/** What a run is told: whether it is still the latest, so a stale one can stop before drawing. */
export type IsCurrent = () => boolean;

/** Debounces `run` (leading and trailing edge) and marks every run but the latest as stale. */
export class SearchScheduler<Q> {
  #generation = 0;
  #timer: unknown;
  /** When the last keystroke (schedule or cancel) came. */
  #lastCall = -Infinity;
  readonly #run: (query: Q, isCurrent: IsCurrent) => unknown;
  readonly #delayMs: number;
  readonly #timers: Timers;
  constructor(
    run: (query: Q, isCurrent: IsCurrent) => unknown,
    delayMs: number,
    timers: Timers = {
      set: (f, ms) => setTimeout(f, ms),
      clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      now: () => performance.now(),
    },
  ) {
    this.#run = run;
    this.#delayMs = delayMs;
    this.#timers = timers;
  }

  /**
   * Runs `query` now when it follows a pause of at least the debounce (or `now` is asked), else
   * after the debounce; any earlier run, pending or in flight, becomes stale.
   */
  schedule(query: Q, { now = false } = {}): void {
    const generation = ++this.#generation;
    // A burst's pending search waits on; so does one whose timer a busy page has not yet run.
    const burst = this.#keystroke() < this.#delayMs || this.#timer !== undefined;
    this.#timers.clear(this.#timer);
    this.#timer = undefined;
    const start = () => {
      this.#timer = undefined;
      this.#run(query, () => generation === this.#generation);
    };
    if (now || !burst) start();
    else this.#timer = this.#timers.set(start, this.#delayMs);
  }

  /** Drops what is pending and marks what is in flight stale (e.g. the query became too short). */
  cancel(): void {
    this.#keystroke();
    this.#generation++;
    this.#timers.clear(this.#timer);
    this.#timer = undefined;
  }

  /** Records a keystroke; returns the ms since the one before. */
  #keystroke(): number {
    const at = this.#timers.now();
    const gap = at - this.#lastCall;
    this.#lastCall = at;
    return gap;
  }
}
