/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Three of the four test tiers run under vitest: unit (src/lib, src/schemas, the benchmark's
// arithmetic in scripts/lib/bench), cli (the tools in scripts/, spawned for real) and build
// (`astro build` on fixture corpora, asserting on the output). Browser tests are Playwright's (test/e2e).
export default getViteConfig({
  test: {
    // `npm run test:coverage` (the unit tier with --coverage): src/lib is pure logic with unit
    // tests, so its coverage may not fall. Thresholds sit a little under what was measured (CONTRIBUTING.md).
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts'],
      reporter: ['text-summary', 'html'],
      thresholds: { 'src/lib/**/*.ts': { statements: 93, branches: 83, functions: 94, lines: 95 } },
    },
    projects: [
      { extends: true, test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'build',
          environment: 'node',
          include: ['test/build/**/*.test.ts'],
          // Builds are CPU-bound; one file at a time keeps a 2-core machine responsive.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      // Command-line tools, run as real child processes (node scripts/x.ts).
      {
        extends: true,
        test: { name: 'cli', environment: 'node', include: ['test/cli/**/*.test.ts'], testTimeout: 30_000 },
      },
    ],
  },
});
