import { defineConfig } from '@playwright/test';

// Browser tests run against real builds of fixture corpora. Each suite that needs its own corpus
// is a project with its own server. HINDSIGHT_NOW pins the build date so tests can move the
// browser's clock past it.
const common = { HINDSIGHT_NOW: '2026-11-21T12:00:00Z', ASTRO_TELEMETRY_DISABLED: '1' };
const insights = { port: 4329, outDir: 'node_modules/.hindsight-e2e/dist' };
const search = { port: 4467, outDir: 'node_modules/.hindsight-e2e/search' };

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    // Debian's Chromium: Playwright cannot download its own browser here.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'insights', testIgnore: /search\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${insights.port}` } },
    { name: 'search', testMatch: /search\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${search.port}` } },
  ],
  webServer: [
    {
      command: `npx astro build && npx astro preview --host 127.0.0.1 --port ${insights.port}`,
      url: `http://127.0.0.1:${insights.port}/`,
      env: { ...common, HINDSIGHT_CONTENT: 'test/fixtures/insights', HINDSIGHT_OUT_DIR: insights.outDir, HINDSIGHT_CACHE_DIR: 'node_modules/.hindsight-e2e/cache' },
      timeout: 180_000,
      reuseExistingServer: false,
    },
    {
      // A plain static server: `astro preview` allows one running server per project.
      command: `npx astro build && node scripts/serve-static.ts ${search.outDir} ${search.port}`,
      url: `http://127.0.0.1:${search.port}/`,
      env: { ...common, HINDSIGHT_CONTENT: 'test/fixtures/search', HINDSIGHT_OUT_DIR: search.outDir, HINDSIGHT_CACHE_DIR: 'node_modules/.hindsight-e2e/search-cache' },
      timeout: 180_000,
      reuseExistingServer: false,
    },
  ],
});
