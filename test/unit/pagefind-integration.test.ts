import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';

// Pagefind reports problems as `errors` arrays rather than throwing; these stand in for its
// indexer so each failure can be produced on demand.
const pagefind = vi.hoisted(() => ({
  create: { errors: [] as string[] },
  add: { errors: [] as string[], page_count: 3 },
  write: { errors: [] as string[], outputPath: '' },
  closed: 0,
  /** What createIndex was called with, once it has been. */
  calls: [] as unknown[],
}));
vi.mock('pagefind', () => ({
  createIndex: async (options: unknown) => {
    pagefind.calls.push(options);
    return {
      errors: pagefind.create.errors,
      index: pagefind.create.errors.length
        ? undefined
        : { addDirectory: async () => pagefind.add, writeFiles: async () => pagefind.write },
    };
  },
  close: async () => {
    pagefind.closed++;
  },
}));

const { buildSearchIndex } = await import('../../src/integrations/pagefind.ts');

describe('indexing errors fail the build', () => {
  beforeEach(() => {
    pagefind.create.errors = [];
    pagefind.add.errors = [];
    pagefind.write.errors = [];
    pagefind.closed = 0;
  });

  test.each([
    [
      'starting the indexer',
      () => (pagefind.create.errors = ['bad config']),
      'Pagefind could not start the indexer:\n  bad config',
    ],
    [
      'reading the site',
      () => (pagefind.add.errors = ['page.html: parse failure']),
      'Pagefind could not index /site:\n  page.html: parse failure',
    ],
    [
      'writing the index',
      () => (pagefind.write.errors = ['disk full']),
      'Pagefind could not write the index:\n  disk full',
    ],
  ])('a failure %s rejects with Pagefind’s message and stops the indexer', async (_step, fail, message) => {
    fail();
    await expect(buildSearchIndex('/site', [])).rejects.toThrow(message);
    expect(pagefind.closed).toBe(1);
  });

  test('indexes in English with the given exclusions, and writes a facet map (empty when nothing was indexed)', async () => {
    const site = mkdtempSync(join(tmpdir(), 'hindsight-pagefind-'));
    mkdirSync(join(site, 'pagefind'));
    await expect(buildSearchIndex(site, ['pre.mermaid'])).resolves.toEqual({ pages: 0, files: 3 });
    expect(pagefind.calls.at(-1)).toEqual({ forceLanguage: 'en', excludeSelectors: ['pre.mermaid'] });
    expect(JSON.parse(readFileSync(join(site, 'pagefind', 'facets.json'), 'utf8'))).toEqual({
      version: 2,
      ids: [],
      facets: {},
    });
  });
});
