import { expect, test } from '@playwright/test';

// The fixture is built as of 2026-11-21. Its DNS pattern last matched on 2026-10-20 (32 days
// before the build), its database pattern on 2026-11-19; the longest DNS gap is 506 days.

test.describe('pattern counters follow the reader’s clock', () => {
  test('six weeks after the build, the counts have moved on', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2027-01-01T10:00:00Z'));
    await page.goto('/');
    const dns = page.locator('[data-pattern-counter]', { hasText: 'It was DNS' });
    // 2026-10-20 → 2027-01-01: 11 + 30 + 31 + 1 days.
    await expect(dns.locator('[data-days]')).toHaveText('73');
    await expect(dns.locator('[data-asof]')).toHaveText('Counted on 2027-01-01 (UTC) by your clock.');
    await expect(dns.locator('[data-longest]')).toHaveText('506 days');
    await expect(page.locator('[data-pattern-counter]', { hasText: 'The database' }).locator('[data-days]')).toHaveText(
      '43',
    );
  });

  test('past the record, the current streak becomes the longest; the 12-month count drops', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2029-01-01T00:30:00Z'));
    await page.goto('/patterns/dns/');
    const counter = page.locator('[data-pattern-counter]');
    // 2026-10-20 → 2029-01-01 = 73 + 365 + 366 days.
    await expect(counter.locator('[data-days]')).toHaveText('804');
    await expect(counter.locator('[data-longest]')).toHaveText('804 days');
    await expect(counter.locator('[data-last-year]')).toHaveText('0');
  });

  test('the day of an incident counts as one day the next UTC day', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-20T23:59:00Z'));
    await page.goto('/');
    const db = page.locator('[data-pattern-counter]', { hasText: 'The database' });
    await expect(db.locator('[data-days]')).toHaveText('1');
    await expect(db.locator('[data-unit]')).toHaveText('day');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the build date’s figure, saying so', async ({ page }) => {
    await page.goto('/');
    const dns = page.locator('[data-pattern-counter]', { hasText: 'It was DNS' });
    await expect(dns.locator('[data-days]')).toHaveText('32');
    await expect(dns.locator('[data-asof]')).toHaveText('As of the build on 21 Nov 2026.');
  });
});

test.describe('on this day', () => {
  test('shows earlier years’ incidents on the reader’s date, not the build’s', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2027-03-05T09:00:00Z'));
    await page.goto('/insights/');
    const section = page.locator('[data-on-this-day]');
    await expect(section.locator('li')).toHaveText(['Resolver change broke the API (2024)']);
    await expect(section.locator('li a')).toHaveAttribute('href', '/incidents/2024-03-05-resolver-change/');
    await expect(section.locator('[data-on-this-day-empty]')).toBeHidden();
    await expect(section.locator('[data-on-this-day-note]')).toHaveText(
      'Incidents from earlier years on 5 Mar (UTC, your clock).',
    );
  });

  test('an empty day says so', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2027-07-14T09:00:00Z'));
    await page.goto('/insights/');
    await expect(page.locator('[data-on-this-day] li')).toHaveCount(0);
    await expect(page.locator('[data-on-this-day-empty]')).toBeVisible();
  });
});

test.describe('insights on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the page never scrolls sideways, even with every table open; wide tables show a scroll cue', async ({
    page,
  }) => {
    await page.goto('/insights/');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    const cues = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.table-scroll')]
        .filter((box) => box.scrollWidth > box.clientWidth)
        .map((box) => getComputedStyle(box).backgroundImage),
    );
    expect(cues.length).toBeGreaterThan(0);
    for (const cue of cues) expect(cue).toContain('radial-gradient');
  });
});
