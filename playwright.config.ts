import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// Browser tests run against a real build of a fixture corpus, served by `astro preview`.
// Chromium is Debian's (/usr/bin/chromium): Playwright cannot download its own here.
const port = Number(process.env.E2E_PORT ?? 4467);
const outDir = join(tmpdir(), 'hindsight-e2e');

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `npm run --silent build && npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: {
      HINDSIGHT_CONTENT: 'test/fixtures/search',
      HINDSIGHT_OUT_DIR: outDir,
      HINDSIGHT_CACHE_DIR: `${outDir}-cache`,
      HINDSIGHT_NOW: '2026-11-21T12:00:00Z',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  },
});
