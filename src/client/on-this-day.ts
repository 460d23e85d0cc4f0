/** "On this day" in the browser: "today" is the reader's, not the build's. */
import { getOnThisDay, type DayEntry } from '../lib/stats/on-this-day.ts';

/** Re-picks the entries of `[data-on-this-day]` from its embedded list for the reader's UTC date. */
export function refreshOnThisDay(): void {
  const root = document.querySelector<HTMLElement>('[data-on-this-day]');
  const data = root?.querySelector('[data-on-this-day-data]')?.textContent;
  if (!root || !data) return;
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const matches = getOnThisDay(JSON.parse(data) as DayEntry[], today);
  const list = root.querySelector('[data-on-this-day-list]')!;
  list.replaceChildren(
    ...matches.map((e) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `${root.dataset.base}${e.id}/`;
      a.textContent = e.title;
      const year = document.createElement('span');
      year.className = 'muted';
      year.textContent = ` (${e.date.slice(0, 4)})`;
      li.append(a, year);
      return li;
    }),
  );
  root.querySelector<HTMLElement>('[data-on-this-day-empty]')!.hidden = matches.length > 0;
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(now);
  root.querySelector('[data-on-this-day-note]')!.textContent =
    `Incidents from earlier years on ${day} (UTC, your clock).`;
}
