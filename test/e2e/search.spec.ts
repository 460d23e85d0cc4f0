import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

const CHECKOUT = 'Checkout errors after resolver change';
const TIMEOUTS = 'Resolver timeouts slowed checkout';
const FAILOVER = 'Payments database failover stalled writes';
const BACKLOG = 'Payment queue backlog';

/** Titles of the drawn results, in order, once `count` rows are in the list. */
async function resultTitles(scope: Locator, count: number) {
  await expect(scope.locator('.search-result')).toHaveCount(count);
  const titles = scope.locator('.search-result-title a');
  await expect(titles).toHaveCount(count);
  return titles.allTextContents();
}

/** Every request the page made for search files. */
function watchSearchFiles(page: Page) {
  const requests: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.includes('/pagefind/') || path.endsWith('search-dialog.html')) requests.push(path);
  });
  return requests;
}

/** Ticks `value` in the filter menu `label` of `scope`, and closes the menu again. */
async function pick(scope: Locator, label: string, value: RegExp) {
  const menu = scope.locator('details[data-filter]', { has: scope.page().locator('summary', { hasText: label }) });
  await menu.locator('summary').click();
  await menu.getByRole('checkbox', { name: value }).check();
  await menu.locator('summary').click();
}

test('header search: type, see the best match first, filter by two severities, follow a result', async ({ page }) => {
  const requests = watchSearchFiles(page);
  // Hold the facet map back until released, to see a menu opened before it arrives fill in.
  let release = () => {};
  const released = new Promise<void>((done) => (release = done));
  await page.route('**/pagefind/facets.json', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/incidents/');
  // A page nobody searches stays light: no search markup, index or wasm yet.
  expect(requests).toEqual([]);

  await page.getByRole('searchbox', { name: 'Search reviews' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search reviews' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('resolver');
  await expect(dialog.locator('[data-search-summary]')).toHaveText('4 results for resolver');
  // Best match first: the review with "resolver" in its title and summary leads.
  const titles = await resultTitles(dialog, 4);
  expect(titles.slice(0, 2).sort()).toEqual([CHECKOUT, TIMEOUTS].sort());
  expect(titles.slice(2).sort()).toEqual([BACKLOG, FAILOVER].sort());
  const checkout = dialog.locator('.search-result', { hasText: CHECKOUT });
  await expect(checkout.locator('.search-result-meta')).toHaveText('SEV2 5 Mar 2024· Checkout API, Edge DNS');
  await expect(dialog.locator('.search-result mark').first()).toHaveText(/resolver/i);
  // A search with no filter menu opened fetches no facet map (its counts show only in the menus),
  // and never Pagefind's filter chunks.
  expect(requests).not.toContain('/pagefind/facets.json');
  expect(requests.some((path) => path.includes('/pagefind/filter/'))).toBe(false);
  expect(requests.some((path) => path.includes('pagefind-component-ui'))).toBe(false);

  // Opening a menu fetches the map; the open menu shows its counts once the map is in.
  const severity = dialog.locator('details[data-filter]', { has: page.locator('summary', { hasText: 'Severity' }) });
  await severity.locator('summary').click();
  await expect(severity.locator('[data-filter-options]')).toHaveText('Counting…');
  await expect.poll(() => requests).toContain('/pagefind/facets.json');
  release();
  await expect(severity.locator('.search-filter-option', { hasText: 'SEV1' })).toHaveText('SEV1 1');
  await severity.locator('summary').click();
  expect(requests.some((path) => path.includes('/pagefind/filter/'))).toBe(false);

  await pick(dialog, 'Severity', /SEV1/);
  expect(await resultTitles(dialog, 1)).toEqual([FAILOVER]);
  await pick(dialog, 'Severity', /SEV2/);
  expect((await resultTitles(dialog, 2)).sort()).toEqual([CHECKOUT, FAILOVER].sort());
  await expect(dialog.locator('summary', { hasText: 'Severity' })).toHaveText(/Severity \(2\)/);
  // Picking SEV1 leaves the other severities' counts as they were, so a second pick is informed.
  await dialog.locator('summary', { hasText: 'Severity' }).click();
  await expect(dialog.getByRole('checkbox', { name: /SEV3/ })).toBeVisible();
  await expect(dialog.locator('.search-filter-option', { hasText: 'SEV3' })).toHaveText('SEV3 1');
  await dialog.locator('summary', { hasText: 'Severity' }).click();
  await expect(dialog.locator('[data-search-more]')).toHaveAttribute(
    'href',
    '/search/?q=resolver&severity=SEV1&severity=SEV2',
  );

  await dialog.getByRole('link', { name: FAILOVER }).click();
  await expect(page).toHaveURL('/incidents/2022-06-10-payments-failover/');
  await expect(page.locator('h1')).toHaveText(FAILOVER);
});

test('by default the best match ranks first: a title match before a passing mention', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search reviews' });
  await page.keyboard.type('failover');
  expect(await resultTitles(dialog, 2)).toEqual([FAILOVER, CHECKOUT]);
});

test('"/" and Ctrl+K open search from anywhere; reopening selects the old query; a section result deep-links', async ({
  page,
}) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search reviews' });
  await expect(dialog).toBeVisible();
  const field = dialog.getByRole('searchbox');
  await expect(field).toBeFocused();
  await page.keyboard.type('glimmerwyrm');
  const section = dialog.locator('.search-result-sections a', { hasText: 'Action items' });
  await expect(section).toHaveAttribute('href', '/incidents/2024-03-05-checkout-resolver/#actions-heading');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await expect(field).toBeFocused();
  expect(
    await field.evaluate((input: HTMLInputElement) =>
      input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0),
    ),
  ).toBe('glimmerwyrm');
  await section.click();
  await expect(page).toHaveURL('/incidents/2024-03-05-checkout-resolver/#actions-heading');
});

test('one character starts no search; the dialog passes axe', async ({ page }) => {
  const requests = watchSearchFiles(page);
  await page.goto('/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search reviews' });
  await expect(dialog.locator('[data-search-root][data-search-ready]')).toBeAttached();
  await page.keyboard.type('r');
  await page.waitForLoadState('networkidle');
  expect(requests.some((path) => path.includes('/pagefind/index/'))).toBe(false);
  await expect(dialog.locator('.search-result')).toHaveCount(0);
  await page.keyboard.type('esolver');
  await resultTitles(dialog, 4);
  await dialog.locator('summary', { hasText: 'Service' }).click();
  const { violations } = await new AxeBuilder({ page })
    .include('dialog')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('search page: query, filters and sort live in the URL', async ({ page }) => {
  await page.goto('/search/?q=resolver&tag=dns&sort=newest');
  const panel = page.locator('.search-page');
  expect(await resultTitles(panel, 2)).toEqual([CHECKOUT, TIMEOUTS]);
  await expect(panel.locator('[data-search-input]')).toHaveValue('resolver');

  await page.getByLabel('Sort').selectOption('oldest');
  await expect(page).toHaveURL('/search/?q=resolver&tag=dns&sort=oldest');
  expect(await resultTitles(panel, 2)).toEqual([TIMEOUTS, CHECKOUT]);

  await pick(panel, 'Detected by', /Customer report/);
  await expect(page).toHaveURL('/search/?q=resolver&tag=dns&detection=customer-report&sort=oldest');
  expect(await resultTitles(panel, 1)).toEqual([TIMEOUTS]);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL('/search/?q=resolver&sort=oldest');
  expect(await resultTitles(panel, 4)).toEqual([FAILOVER, TIMEOUTS, CHECKOUT, BACKLOG]);
});

test('"search within" a service lists its reviews before anything is typed', async ({ page }) => {
  const requests = watchSearchFiles(page);
  await page.goto('/services/payments-db/');
  await page.getByRole('link', { name: 'Search within Payments Database incidents' }).click();
  await expect(page).toHaveURL('/search/?service=payments-db');
  const panel = page.locator('.search-page');
  expect((await resultTitles(panel, 2)).sort()).toEqual([BACKLOG, FAILOVER].sort());
  // Filtering goes through Pagefind; the picked value shows on its menu without the facet map.
  await expect(panel.locator('summary', { hasText: 'Service' })).toHaveText('Service (1)');
  expect(requests).not.toContain('/pagefind/facets.json');
  await page.getByLabel('Sort').selectOption('severity');
  expect(await resultTitles(panel, 2)).toEqual([FAILOVER, BACKLOG]);
  // The menu, once opened, lists the service ticked, with the counts of the reviews without a query.
  await panel.locator('summary', { hasText: 'Service' }).click();
  await expect(panel.getByRole('checkbox', { name: /Payments Database/ })).toBeChecked();
  await expect(panel.locator('.search-filter-option', { hasText: 'Payments Database' })).toHaveText(
    'Payments Database 2',
  );
});
