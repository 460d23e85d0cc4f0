/**
 * The diagrams drawn in the browser (pie, gantt, …) load mermaid's own prebuilt ES module bundle
 * (`dist/mermaid.esm.min.mjs` and its chunks), copied into the site as it ships, instead of Vite
 * bundling and minifying mermaid's 5 MB of modules on every build: that was 2.4 of the client
 * build's 2.5 s on the example corpus, in every cold and warm build. Its URL reaches
 * src/client/mermaid-loader.ts as `__MERMAID_URL__`; the folder is named by mermaid's version, so
 * hosts may cache it like the rest of the assets folder.
 */
import { cpSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { serveDevFiles } from './dev-files.ts';

const packageJson = createRequire(import.meta.url).resolve('mermaid/package.json');
const DIST_DIR = join(dirname(packageJson), 'dist');
const VERSION = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
const ENTRY = 'mermaid.esm.min.mjs';
const CHUNKS = 'chunks/mermaid.esm.min/';

/** The files of the bundle a browser may ask for, relative to mermaid's dist folder: no source maps. */
export function isBundleFile(relativePath: string): boolean {
  return (
    relativePath === ENTRY ||
    (relativePath.startsWith(CHUNKS) &&
      relativePath.endsWith('.mjs') &&
      !relativePath.slice(CHUNKS.length).includes('/'))
  );
}

/** Where the bundle is served, under the site's base path and Astro's assets folder. */
export function bundlePath(base: string, assetsDir: string): string {
  return `${base.replace(/\/?$/, '/')}${assetsDir}/mermaid-${VERSION}/`;
}

/** Copies the bundle into the build's assets folder, serves it from node_modules in dev, and names its URL. */
export function mermaidBundle(): AstroIntegration {
  let urlPrefix = '';
  let assetsDir = '_astro';
  return {
    name: 'hindsight:mermaid-bundle',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        assetsDir = config.build.assets;
        urlPrefix = bundlePath(config.base, assetsDir);
        updateConfig({ vite: { define: { __MERMAID_URL__: JSON.stringify(urlPrefix + ENTRY) } } });
      },
      'astro:server:setup': ({ server }) => serveDevFiles(server, urlPrefix, DIST_DIR, isBundleFile),
      'astro:build:done': ({ dir }) => {
        cpSync(DIST_DIR, join(fileURLToPath(dir), assetsDir, `mermaid-${VERSION}`), {
          recursive: true,
          filter: (source) => {
            const relative = source.slice(DIST_DIR.length + 1).replaceAll('\\', '/');
            // Folders on the way to the chunks are walked; only bundle files are copied.
            return relative === '' || CHUNKS.startsWith(`${relative}/`) || isBundleFile(relative);
          },
        });
      },
    },
  };
}
