import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { findPageKinds, PAGE_KINDS, type PageKind, type PageKindName } from '../build/page-kinds.ts';
import { e2eOutDir } from './out-dir.ts';

// Every kind of page of the example corpus, in light and dark: it loads cleanly, everything it
// fetches comes from the site itself, and axe finds no WCAG 2.1 A/AA violation.

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SCHEMES = ['light', 'dark'] as const;

/** What went wrong while a page loaded: console errors, uncaught exceptions, failed or foreign requests. */
function watchProblems(page: Page, origin: string, expectedStatus: (url: string) => number) {
  const problems: string[] = [];
  page.on('console', (message) => {
    // Chromium logs every HTTP error status, the 404 page's own included: that one is expected.
    const expected =
      message.text().startsWith('Failed to load resource') && expectedStatus(message.location().url) !== 200;
    if (message.type() === 'error' && !expected) problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)) problems.push(`request leaves the site: ${url}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() !== expectedStatus(response.url()))
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** Waits for what the page draws or fetches after load, so axe sees the finished page. */
async function settle(page: Page, kind: PageKind) {
  if (kind.kind === 'an incident with a browser-drawn diagram') {
    await expect(page.locator('.prose figure.diagram-client').first()).toHaveAttribute('data-rendered', /.+/);
  }
  if (kind.kind === 'search') await expect(page.locator('.search-page .search-result-title a').first()).toBeVisible();
}

/** axe's violations, one readable line per failing element. */
async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
  );
}

// Which page stands for each kind is read from the build, which the web server makes only after
// the tests are listed: so the tests are named by kind and look their page up when they run.
let kinds: PageKind[] | undefined;
const pageOf = (name: PageKindName) => (kinds ??= findPageKinds(e2eOutDir('site'))).find((k) => k.kind === name)!;

for (const name of PAGE_KINDS) {
  for (const scheme of SCHEMES) {
    test(`${name} (${scheme})`, async ({ page, baseURL }) => {
      const kind = pageOf(name);
      // The 404 page is what a static host serves for an unknown address; search needs a query to show results.
      const address =
        kind.kind === 'not found' ? '/no-such-page/' : kind.kind === 'search' ? '/search/?q=dns' : kind.path;
      const origin = new URL(baseURL!).origin;
      const problems = watchProblems(page, origin, (url) =>
        url === `${origin}${address}` && kind.kind === 'not found' ? 404 : 200,
      );
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(address, { waitUntil: 'networkidle' });
      await settle(page, kind);
      await expect(page.locator('h1'), address).toHaveCount(1);
      expect(await axeViolations(page), `axe on ${address}`).toEqual([]);
      expect(problems, `loading ${address}`).toEqual([]);
    });
  }
}

for (const scheme of SCHEMES) {
  test(`the header search dialog with results (${scheme})`, async ({ page, baseURL }) => {
    const problems = watchProblems(page, new URL(baseURL!).origin, () => 200);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/', { waitUntil: 'networkidle' });
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('searchbox')).toBeFocused();
    await page.keyboard.type('dns');
    await expect(dialog.locator('.search-result-title a').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
}

test('reading a review on a learning path ticks it on the path page (the tick code loads only on such reviews)', async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  // A review on no path fetches none of the progress code.
  await page.goto('/incidents/2026-11-19-edge-dns-servfail/', { waitUntil: 'networkidle' });
  expect(fetched.filter((path) => path.includes('path-steps'))).toEqual([]);

  await page.goto('/incidents/2019-07-02-waf-regex-cpu/', { waitUntil: 'networkidle' });
  await expect(page.locator('.path-nav')).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => JSON.stringify(Object.entries(localStorage))))
    .toContain('2019-07-02-waf-regex-cpu');

  await page.goto('/learn/first-week-on-edge/', { waitUntil: 'networkidle' });
  await expect(page.locator('[data-progress-count]')).toHaveText('1');
  await expect(page.locator('[data-step="2019-07-02-waf-regex-cpu"] .step-done')).toBeVisible();
  await expect(page.locator('[data-step="2021-06-08-cdn-latent-config-bug"] .step-done')).toBeHidden();
});
