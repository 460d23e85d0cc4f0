/**
 * Progressive enhancement for timelines: a button that switches every `time.tl-time` of a
 * `[data-timeline]` section to the reader's time zone and back. Without it the UTC times stand.
 */

/** Adds the time-zone switch to every timeline on the page (none when the reader's zone is UTC). */
export function addLocalTimeSwitches(): void {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
  const hm = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  for (const section of document.querySelectorAll('[data-timeline]')) {
    if (section.querySelector('.tl-zone') || !zone || zone === 'UTC') continue;
    const times = [...section.querySelectorAll<HTMLTimeElement>('time.tl-time')];
    const utc = times.map((t) => t.textContent);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'tl-zone';
    button.setAttribute('aria-pressed', 'false');
    button.textContent = `Show times in ${zone}`;
    button.addEventListener('click', () => {
      const local = button.getAttribute('aria-pressed') !== 'true';
      let previous = '';
      times.forEach((t, n) => {
        const at = new Date(t.dateTime);
        const date = day.format(at);
        t.textContent = local ? `${date === previous ? '' : `${date} `}${hm.format(at)}` : utc[n]!;
        previous = date;
      });
      button.setAttribute('aria-pressed', String(local));
      button.textContent = local ? 'Show times in UTC' : `Show times in ${zone}`;
    });
    section.querySelector('.tl-summary')?.append(' ', button);
  }
}
