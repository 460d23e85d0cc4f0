/**
 * When a search runs while a reader types: a query of one character starts nothing, each
 * keystroke may warm Pagefind's chunks at once (`preload`), the search itself waits for a short
 * pause (the debounce), and a search overtaken by a newer one never draws. Timers are passed in
 * so this stays testable without a clock.
 */

/** Shortest query worth a search: one letter matches most of a large site and is never what a reader means. */
export const MIN_QUERY_LENGTH = 2;

/**
 * The pause after the last keystroke before searching, ms. Measured with B7t (`npm run bench`):
 * Pagefind's work for a query starts with `preload` on the keystroke, so the debounce only has
 * to spare the worker searches for words still being typed.
 */
export const SEARCH_DEBOUNCE_MS = 40;

/** Whether a (trimmed) query is long enough to search; an empty one is a filter-only search. */
export function isSearchableTerm(term: string): boolean {
  const length = [...term.trim()].length;
  return length === 0 || length >= MIN_QUERY_LENGTH;
}

/** The timer functions the scheduler uses (the platform's by default). */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** What a run is told: whether it is still the latest, so a stale one can stop before drawing. */
export type IsCurrent = () => boolean;

/** Debounces `run` and marks every run but the latest as stale. */
export class SearchScheduler<Q> {
  #generation = 0;
  #timer: unknown;
  readonly #run: (query: Q, isCurrent: IsCurrent) => unknown;
  readonly #delayMs: number;
  readonly #timers: Timers;
  constructor(
    run: (query: Q, isCurrent: IsCurrent) => unknown,
    delayMs: number,
    timers: Timers = {
      set: (f, ms) => setTimeout(f, ms),
      clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    },
  ) {
    this.#run = run;
    this.#delayMs = delayMs;
    this.#timers = timers;
  }

  /** Runs `query` after the debounce (or now); any earlier run, pending or in flight, becomes stale. */
  schedule(query: Q, { now = false } = {}): void {
    const generation = ++this.#generation;
    this.#timers.clear(this.#timer);
    const start = () => {
      this.#timer = undefined;
      this.#run(query, () => generation === this.#generation);
    };
    if (now) start();
    else this.#timer = this.#timers.set(start, this.#delayMs);
  }

  /** Drops what is pending and marks what is in flight stale (e.g. the query became too short). */
  cancel(): void {
    this.#generation++;
    this.#timers.clear(this.#timer);
    this.#timer = undefined;
  }
}
