import { defineConfig } from '@playwright/test';

// Browser tests run against a real build of a fixture corpus, served by `astro preview`.
// HINDSIGHT_NOW pins the build date so the tests can move the browser's clock past it.
const port = 4329;
const outDir = 'node_modules/.hindsight-e2e/dist';
const env = {
  HINDSIGHT_CONTENT: 'test/fixtures/insights',
  HINDSIGHT_NOW: '2026-11-21T12:00:00Z',
  HINDSIGHT_OUT_DIR: outDir,
  HINDSIGHT_CACHE_DIR: 'node_modules/.hindsight-e2e/cache',
  ASTRO_TELEMETRY_DISABLED: '1',
};

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Debian's Chromium: Playwright cannot download its own browser here.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `npx astro build && npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    env,
    timeout: 180_000,
    reuseExistingServer: false,
  },
});
