import { expect, test, type Page } from '@playwright/test';

const CHECKOUT = 'Checkout errors after resolver change';
const TIMEOUTS = 'Resolver timeouts slowed checkout';
const FAILOVER = 'Payments database failover stalled writes';
const BACKLOG = 'Payment queue backlog';

/** Titles of the rendered results, in order, once `count` have loaded. */
async function resultTitles(page: Page, scope: string, count: number) {
  const titles = page.locator(`${scope} .search-result-title`);
  await expect(titles).toHaveCount(count);
  return titles.allTextContents();
}

/** Every request the page made for Pagefind files. */
function watchPagefind(page: Page) {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/')) requests.push(new URL(request.url()).pathname);
  });
  return requests;
}

test('header search: type, see results, filter, follow a result', async ({ page }) => {
  const requests = watchPagefind(page);
  await page.goto('/incidents/');
  // A page nobody searches stays light: no search UI, index or wasm yet.
  expect(requests).toEqual([]);

  await page.getByRole('searchbox', { name: 'Search reviews' }).click();
  await page.keyboard.type('resolver');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('pagefind-summary')).toContainText('4 results for resolver');
  // Newest first, each with its severity, date and services.
  expect(await resultTitles(page, 'dialog', 4)).toEqual([BACKLOG, CHECKOUT, TIMEOUTS, FAILOVER]);
  await expect(dialog.locator('.search-result').nth(1).locator('.search-result-meta')).toHaveText('SEV2 5 Mar 2024· Checkout API, Edge DNS');
  await expect(dialog.locator('.search-result mark').first()).toHaveText(/resolver/i);
  expect(requests).toContain('/pagefind/pagefind-component-ui.js');

  await dialog.getByRole('combobox', { name: /Severity/ }).click();
  await dialog.getByRole('option', { name: /SEV1/ }).click();
  expect(await resultTitles(page, 'dialog', 1)).toEqual([FAILOVER]);
  await expect(dialog.locator('[data-search-more]')).toHaveAttribute('href', '/search/?q=resolver&severity=SEV1');

  await dialog.getByRole('link', { name: FAILOVER }).click();
  await expect(page).toHaveURL('/incidents/2022-06-10-payments-failover/');
  await expect(page.locator('h1')).toHaveText(FAILOVER);
});

test('"/" and Ctrl+K open search from anywhere; a section result deep-links', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('glimmerwyrm');
  const section = dialog.locator('.search-result-sections a', { hasText: 'Action items' });
  await expect(section).toHaveAttribute('href', '/incidents/2024-03-05-checkout-resolver/#actions-heading');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await section.click();
  await expect(page).toHaveURL('/incidents/2024-03-05-checkout-resolver/#actions-heading');
});

test('search page: query, filters and sort live in the URL', async ({ page }) => {
  await page.goto('/search/?q=resolver&tag=dns');
  expect(await resultTitles(page, '.search-page', 2)).toEqual([CHECKOUT, TIMEOUTS]);
  await expect(page.locator('.search-page pagefind-input input')).toHaveValue('resolver');

  await page.getByLabel('Sort').selectOption('oldest');
  await expect(page).toHaveURL('/search/?q=resolver&tag=dns&sort=oldest');
  expect(await resultTitles(page, '.search-page', 2)).toEqual([TIMEOUTS, CHECKOUT]);

  await page.getByRole('combobox', { name: /Detected by/ }).click();
  await page.getByRole('option', { name: /Customer report/ }).click();
  await expect(page).toHaveURL('/search/?q=resolver&tag=dns&detection=customer-report&sort=oldest');
  expect(await resultTitles(page, '.search-page', 1)).toEqual([TIMEOUTS]);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL('/search/?q=resolver&sort=oldest');
  expect(await resultTitles(page, '.search-page', 4)).toEqual([FAILOVER, TIMEOUTS, CHECKOUT, BACKLOG]);
});

test('"search within" a service lists its reviews before anything is typed', async ({ page }) => {
  await page.goto('/services/payments-db/');
  await page.getByRole('link', { name: 'Search within Payments Database incidents' }).click();
  await expect(page).toHaveURL('/search/?service=payments-db');
  expect(await resultTitles(page, '.search-page', 2)).toEqual([BACKLOG, FAILOVER]);
  await page.getByLabel('Sort').selectOption('severity');
  expect(await resultTitles(page, '.search-page', 2)).toEqual([FAILOVER, BACKLOG]);
});
