/** Pattern counters in the browser: static pages go stale, so the figures are recounted from the reader's clock. */
import { getCounterFigures } from '../lib/stats/patterns.ts';

/** Recounts every `[data-pattern-counter]` on the page as of the reader's UTC date (as at build time). */
export function recountPatternCounters(): void {
  const today = new Date().toISOString().slice(0, 10);
  for (const el of document.querySelectorAll<HTMLElement>('[data-pattern-counter]')) {
    const figures = getCounterFigures((el.dataset.dates ?? '').split(' ').filter(Boolean), today);
    if (figures.daysSince === undefined) continue;
    const set = (selector: string, text: string) => {
      const target = el.querySelector(selector);
      if (target) target.textContent = text;
    };
    set('[data-days]', String(figures.daysSince));
    set('[data-unit]', figures.daysSince === 1 ? 'day' : 'days');
    set('[data-longest]', `${figures.longestDays} ${figures.longestDays === 1 ? 'day' : 'days'}`);
    set('[data-last-year]', String(figures.lastYear));
    set('[data-asof]', `Counted on ${today} (UTC) by your clock.`);
  }
}
