import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './scripts/lib/chromium.ts';
import { e2eOutDir } from './test/e2e/out-dir.ts';

/**
 * Browser tests against real builds, driven through Debian's Chromium (Playwright's own browser
 * download is not available here). Each project builds one corpus into its own folder and serves
 * it with scripts/serve.ts on its own port (E2E_*_PORT moves it, e.g. when another checkout tests too).
 */

/** A corpus (a fixture unless `content` is given) built into a temp folder and served; `port` must be free. */
function fixtureServer(name: string, port: number, now: string, content = `test/fixtures/${name}`) {
  const env = {
    HINDSIGHT_CONTENT: content,
    HINDSIGHT_OUT_DIR: e2eOutDir(name),
    HINDSIGHT_CACHE_DIR: `${e2eOutDir(name)}-cache`,
    HINDSIGHT_NOW: now,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  return {
    // A plain static server: `astro preview` allows only one server per project.
    command: `npx astro build && node scripts/serve.ts --dir ${env.HINDSIGHT_OUT_DIR} --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    env,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

const DIAGRAMS_PORT = Number(process.env['E2E_DIAGRAMS_PORT'] ?? 48731);
const INSIGHTS_PORT = Number(process.env['E2E_INSIGHTS_PORT'] ?? 48732);
const SEARCH_PORT = Number(process.env['E2E_SEARCH_PORT'] ?? 48733);
const SITE_PORT = Number(process.env['E2E_SITE_PORT'] ?? 48734);

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  timeout: 60_000,
  use: { launchOptions: CHROMIUM_LAUNCH, trace: 'off' },
  // Each build's HINDSIGHT_NOW is pinned, so tests can move the browser's clock past it.
  webServer: [
    fixtureServer('diagrams', DIAGRAMS_PORT, '2024-08-15T00:00:00Z'),
    fixtureServer('insights', INSIGHTS_PORT, '2026-11-21T12:00:00Z'),
    fixtureServer('search', SEARCH_PORT, '2026-11-21T12:00:00Z'),
    // The example corpus has every page kind (drafts, both kinds of diagram, paths, handouts…).
    fixtureServer('site', SITE_PORT, '2026-11-21T12:00:00Z', 'src/content'),
  ],
  projects: [
    { name: 'diagrams', testMatch: 'diagrams.spec.ts', use: { baseURL: `http://127.0.0.1:${DIAGRAMS_PORT}` } },
    { name: 'insights', testMatch: 'counters.spec.ts', use: { baseURL: `http://127.0.0.1:${INSIGHTS_PORT}` } },
    { name: 'search', testMatch: 'search.spec.ts', use: { baseURL: `http://127.0.0.1:${SEARCH_PORT}` } },
    { name: 'site', testMatch: 'site.spec.ts', use: { baseURL: `http://127.0.0.1:${SITE_PORT}` } },
  ],
});
