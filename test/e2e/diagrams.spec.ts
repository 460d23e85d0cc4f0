import { gzipSync } from 'node:zlib';
import { expect, test, type Page, type Response } from '@playwright/test';

const BUILD_TIME = '/incidents/2024-05-01-gateway-config/';
const CLIENT = '/incidents/2024-06-01-billing-delay/';

/** Every request the page makes while it loads and settles, with the JavaScript bodies. */
async function record(page: Page, path: string) {
  const urls: string[] = [];
  const bodies: Promise<Buffer | undefined>[] = [];
  const onRequest = (r: { url(): string }) => urls.push(r.url());
  const onResponse = (r: Response) => {
    if (r.request().resourceType() === 'script' && r.status() === 200) bodies.push(r.body().catch(() => undefined));
  };
  page.on('request', onRequest);
  page.on('response', onResponse);
  await page.goto(path, { waitUntil: 'networkidle' });
  page.off('request', onRequest);
  page.off('response', onResponse);
  const scripts = (await Promise.all(bodies)).filter((b): b is Buffer => b !== undefined);
  return { urls, scripts };
}

const pie = (page: Page) => page.locator('figure[data-diagram-type="pie"]');

test.describe('browser-drawn diagrams', () => {
  test('a pie and a gantt render to SVG via the lazy mermaid path; their source is hidden once drawn', async ({
    page,
  }) => {
    const { urls } = await record(page, CLIENT);
    await expect(pie(page)).toHaveAttribute('data-rendered', 'default');
    await expect(pie(page).locator('.diagram-drawn svg')).toBeVisible();
    await expect(pie(page).locator('.diagram-drawn svg')).toContainText('Europe');
    await expect(pie(page).locator('pre.mermaid')).toBeHidden();
    const gantt = page.locator('figure[data-diagram-type="gantt"]').first();
    await expect(gantt.locator('.diagram-drawn svg')).toContainText('Render invoices');
    // mermaid's chunks came from this site, after the page asked for them.
    expect(urls.some((u) => /\/_astro\/mermaid-[\d.]+\/mermaid\.esm\.min\.mjs$/.test(u))).toBe(true);
    expect(urls.every((u) => u.startsWith('http://127.0.0.1:') || u.startsWith('data:'))).toBe(true);
  });

  test('a diagram that fails in the browser shows a visible error box and keeps its source', async ({ page }) => {
    await page.goto(CLIENT);
    const broken = page.locator('figure[data-diagram-type="gantt"]').nth(1);
    const error = broken.locator('.diagram-error[role="alert"]');
    await expect(error).toBeVisible();
    await expect(error).toContainText('This diagram could not be drawn.');
    await expect(error.locator('pre')).not.toBeEmpty();
    await expect(broken.locator('pre.mermaid')).toBeVisible();
    await expect(broken.locator('pre.mermaid')).toContainText('Impossible task');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`gantt in the ${scheme} scheme: bars in the accent colour, axis labels that do not overlap`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(CLIENT);
      const gantt = page.locator('figure[data-diagram-type="gantt"]').first();
      await expect(gantt).toHaveAttribute('data-rendered', scheme === 'dark' ? 'dark' : 'default');
      const drawn = await gantt.evaluate((figure) => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--accent)';
        figure.append(probe);
        const accent = getComputedStyle(probe).color;
        probe.remove();
        const bars = [...figure.querySelectorAll('rect.task')].map((rect) => getComputedStyle(rect).fill);
        const labels = [...figure.querySelectorAll<SVGTextElement>('g.grid g.tick text')]
          .filter((text) => getComputedStyle(text).display !== 'none')
          .map((text) => text.getBoundingClientRect())
          .map((box) => ({ left: box.left, right: box.right }));
        return { accent, bars, labels };
      });
      expect(drawn.bars.length).toBeGreaterThan(0);
      for (const fill of drawn.bars) expect(fill).toBe(drawn.accent);
      expect(drawn.labels.length).toBeGreaterThan(1);
      for (let i = 1; i < drawn.labels.length; i += 1)
        expect(drawn.labels[i]!.left).toBeGreaterThanOrEqual(drawn.labels[i - 1]!.right);
    });
  }

  test('switching to the dark scheme re-renders with the dark theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(CLIENT);
    await expect(pie(page)).toHaveAttribute('data-rendered', 'default');
    const light = await pie(page).locator('.diagram-drawn svg').innerHTML();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(pie(page)).toHaveAttribute('data-rendered', 'dark');
    const dark = await pie(page).locator('.diagram-drawn svg').innerHTML();
    expect(dark).not.toBe(light);
    // The site's text colour of each scheme is baked into the drawing.
    expect(light.toLowerCase()).toContain('#1d2125');
    expect(dark.toLowerCase()).toContain('#e6e8ea');
    expect(dark.toLowerCase()).not.toContain('#1d2125');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(pie(page)).toHaveAttribute('data-rendered', 'default');
  });
});

test.describe('build-time diagrams', () => {
  test('need no JavaScript and no request for mermaid; colours follow the scheme through CSS', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const { urls } = await record(page, BUILD_TIME);
    expect(urls.filter((u) => /mermaid/i.test(u))).toEqual([]);
    const label = page.locator('.prose figure.diagram svg text').first();
    await expect(label).toBeVisible();
    const lightFill = await label.evaluate((t) => getComputedStyle(t).fill);
    await page.emulateMedia({ colorScheme: 'dark' });
    const darkFill = await label.evaluate((t) => getComputedStyle(t).fill);
    expect([lightFill, darkFill]).toEqual(['rgb(29, 33, 37)', 'rgb(230, 232, 234)']);
  });

  test("a review's service graph arrives from its own file into the space kept for it", async ({ page }) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphs/*.svg', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(BUILD_TIME);
    const canvas = page.locator('.service-graph .diagram-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const kept = (await canvas.boundingBox())!;
    await expect(canvas.locator('svg .node')).toHaveCount(0);
    release();
    const node = canvas.locator('svg a[href="/services/orders-db/"]');
    await expect(node).toBeVisible();
    expect(Math.abs((await canvas.boundingBox())!.height - kept.height)).toBeLessThan(1);
    await node.click();
    await expect(page).toHaveURL(/\/services\/orders-db\/$/);
  });

  test('without the graph file, or without scripts, a review links to the whole graph', async ({ browser, page }) => {
    await page.route('**/graphs/*.svg', (route) => route.abort());
    await page.goto(BUILD_TIME);
    const fallback = page.locator('.service-graph a[href="/services/"]');
    await fallback.scrollIntoViewIfNeeded();
    await expect(fallback).toHaveText('The whole service graph');
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(BUILD_TIME);
    await expect(plain.locator('.service-graph a[href="/services/"]')).toBeVisible();
    await noScript.close();
  });

  test('service graph nodes are links a keyboard reaches and follows', async ({ page }) => {
    await page.goto('/services/api-gateway/');
    let focused = '';
    for (let n = 0; n < 60 && !focused.includes('/services/auth-service/'); n++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() =>
        document.activeElement?.closest('.service-graph') ? (document.activeElement.getAttribute('href') ?? '') : '',
      );
    }
    expect(focused).toBe('/services/auth-service/');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/services\/auth-service\/$/);
    await expect(page.locator('h1')).toHaveText('Auth Service');
  });
});

test.describe('timeline', () => {
  test('offers the reader’s time zone without losing the UTC default', async ({ browser }) => {
    const context = await browser.newContext({ timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await page.goto(BUILD_TIME);
    const first = page.locator('.tl-item time').nth(1);
    await expect(first).toHaveText('2024-05-01 10:00 UTC');
    const button = page.getByRole('button', { name: 'Show times in America/New_York' });
    await button.click();
    await expect(first).toHaveText(/^2024-05-01 06:00 (EDT|GMT-4)$/);
    await expect(page.getByRole('button', { name: 'Show times in UTC' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Show times in UTC' }).click();
    await expect(first).toHaveText('2024-05-01 10:00 UTC');
    await context.close();
  });
});

test('JavaScript shipped on an incident page, with and without a browser-drawn diagram', async ({ page }, info) => {
  const measure = async (path: string) => {
    const { scripts, urls } = await record(page, path);
    if (path === CLIENT) await expect(pie(page)).toHaveAttribute('data-rendered', 'default');
    const raw = scripts.reduce((sum, s) => sum + s.length, 0);
    const gzip = scripts.reduce((sum, s) => sum + gzipSync(s, { level: 9 }).length, 0);
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')].reduce((sum, s) => sum + (s.textContent ?? '').length, 0),
    );
    return { files: scripts.length, raw, gzip, inline, mermaid: urls.filter((u) => /mermaid/i.test(u)).length };
  };
  const without = await measure(BUILD_TIME);
  await page.goto('about:blank');
  const withClient = await measure(CLIENT);
  const report = { withoutClientDiagram: without, withClientDiagram: withClient };
  await info.attach('js-bytes.json', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
  console.log(`JS shipped: ${JSON.stringify(report)}`);
  // Budgets: no diagram JS without a browser-drawn diagram; with one, mermaid with dagre (ELK
  // alone would add ~460 KB gzip). The pie parser (langium) is most of the 366 KB measured.
  expect(without.mermaid).toBe(0);
  expect(without.gzip).toBeLessThan(5_000);
  expect(withClient.mermaid).toBeGreaterThan(0);
  expect(withClient.gzip).toBeLessThan(400_000);
});
