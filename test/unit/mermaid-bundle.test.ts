import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, describe, expect, test } from 'vitest';
import { bundlePath, isBundleFile, mermaidBundle } from '../../src/integrations/mermaid-bundle.ts';

const packageJson = createRequire(import.meta.url).resolve('mermaid/package.json');
const dist = join(dirname(packageJson), 'dist');
const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };

/** Every module a bundle file imports, statically or lazily, as paths relative to dist/. */
function importsOf(relativePath: string): string[] {
  const text = readFileSync(join(dist, relativePath), 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
  return specifiers.map((s) => posix.normalize(posix.join(posix.dirname(relativePath), s)));
}

describe("mermaid's prebuilt bundle", () => {
  test('the files a browser may fetch: the entry and its chunks, no source maps, nothing else of dist/', () => {
    expect(isBundleFile('mermaid.esm.min.mjs')).toBe(true);
    expect(isBundleFile('chunks/mermaid.esm.min/chunk-ABC.mjs')).toBe(true);
    expect(isBundleFile('chunks/mermaid.esm.min/chunk-ABC.mjs.map')).toBe(false);
    expect(isBundleFile('mermaid.esm.min.mjs.map')).toBe(false);
    expect(isBundleFile('chunks/mermaid.core/chunk-ABC.mjs')).toBe(false);
    expect(isBundleFile('chunks/mermaid.esm.min/nested/x.mjs')).toBe(false);
    expect(isBundleFile('mermaid.core.mjs')).toBe(false);
  });

  test('is served under the base path and the assets folder, named by its version', () => {
    expect(bundlePath('/', '_astro')).toBe(`/_astro/mermaid-${version}/`);
    expect(bundlePath('/kb', '_astro')).toBe(`/kb/_astro/mermaid-${version}/`);
    expect(bundlePath('/kb/', 'assets')).toBe(`/kb/assets/mermaid-${version}/`);
  });

  test('everything the entry imports, however deep, is a bundle file that exists', () => {
    const seen = new Set<string>();
    const queue = ['mermaid.esm.min.mjs'];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      expect(isBundleFile(file), file).toBe(true);
      queue.push(...importsOf(file));
    }
    // The lazy diagram chunks (pie, gantt, …) are reached too, not only the eager ones.
    expect(seen.size).toBeGreaterThan(50);
  });

  describe('the build copies exactly the bundle files', () => {
    const out = mkdtempSync(join(tmpdir(), 'mermaid-bundle-'));
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    test('into the assets folder, under the version', async () => {
      const hooks = mermaidBundle().hooks;
      const define: Record<string, string> = {};
      await hooks['astro:config:setup']!({
        config: { base: '/kb', build: { assets: '_astro' } },
        updateConfig: (update: { vite: { define: Record<string, string> } }) =>
          Object.assign(define, update.vite.define),
      } as never);
      expect(define['__MERMAID_URL__']).toBe(JSON.stringify(`/kb/_astro/mermaid-${version}/mermaid.esm.min.mjs`));
      await hooks['astro:build:done']!({
        dir: pathToFileURL(`${out}/`),
        logger: {} as AstroIntegrationLogger,
      } as never);
      const copied = join(out, '_astro', `mermaid-${version}`);
      const chunks = readdirSync(join(copied, 'chunks', 'mermaid.esm.min')).sort();
      const expected = readdirSync(join(dist, 'chunks', 'mermaid.esm.min'))
        .filter((name) => isBundleFile(`chunks/mermaid.esm.min/${name}`))
        .sort();
      expect(readdirSync(copied).sort()).toEqual(['chunks', 'mermaid.esm.min.mjs']);
      expect(readdirSync(join(copied, 'chunks'))).toEqual(['mermaid.esm.min']);
      expect(chunks).toEqual(expected);
      expect(chunks.every((name) => name.endsWith('.mjs'))).toBe(true);
    });
  });
});
