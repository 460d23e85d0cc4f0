/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Two tiers run by vitest: fast unit tests of src/lib, and build tests that run `astro build`
// on fixture corpora and assert on the HTML. CLI tests spawn scripts/; browser tests live in test/e2e (Playwright).
export default getViteConfig({
  test: {
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
      { extends: true, test: { name: 'cli', environment: 'node', include: ['test/cli/**/*.test.ts'], testTimeout: 30_000 } },
    ],
  },
});
