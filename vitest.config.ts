/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Two tiers run by vitest: fast unit tests of src/lib, and build tests that run `astro build`
// on fixture corpora and assert on the HTML. Browser tests live in test/e2e (Playwright).
export default getViteConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'] } },
      // The authoring CLIs (new, lint, import) run as real processes on temporary content roots.
      { extends: true, test: { name: 'cli', environment: 'node', include: ['test/cli/**/*.test.ts'], testTimeout: 30_000 } },
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
    ],
  },
});
