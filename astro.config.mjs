// @ts-check
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { glossaryLinks } from './src/integrations/glossary-links.ts';
import { mermaidDiagrams } from './src/integrations/diagrams/satteri-plugin.ts';
import { lintWarnings } from './src/integrations/lint-warnings.ts';
import pagefind from './src/integrations/pagefind.ts';

const contentRoot = resolve(process.env.HINDSIGHT_CONTENT ?? 'src/content');
// Each content root gets its own content cache, so switching HINDSIGHT_CONTENT never
// reuses entries (and their file paths) from another corpus.
const cacheKey = createHash('sha256').update(contentRoot).digest('hex').slice(0, 12);
const cacheDir = process.env.HINDSIGHT_CACHE_DIR ?? `./node_modules/.astro/${cacheKey}`;

const base = process.env.HINDSIGHT_BASE ?? '/';

export default defineConfig({
  site: process.env.HINDSIGHT_SITE ?? 'https://hindsight.example',
  base,
  trailingSlash: 'always',
  outDir: process.env.HINDSIGHT_OUT_DIR ?? './dist',
  cacheDir,
  prerenderConflictBehavior: 'error',
  experimental: {
    // Pages whose getStaticPaths `cacheKey` (src/lib/cache-key.ts) is unchanged since the last
    // build are restored from cacheDir instead of rendered. `astro build --force` renders all.
    incrementalBuild: true,
  },
  build: {
    // Stylesheets as cached files, not inlined into each of thousands of review pages.
    inlineStylesheets: 'never',
    // Pages render side by side, so the main thread keeps working while diagram layouts run in
    // worker threads (src/integrations/diagrams/layout-pool.ts).
    concurrency: 4,
  },
  integrations: [mdx(), lintWarnings({ contentRoot }), pagefind()],
  vite: {
    build: {
      // Mermaid's lazily loaded chunks (pages with a browser-drawn diagram only) exceed Vite's
      // 500 kB warning by design; warn above that instead.
      chunkSizeWarningLimit: 1600,
      rollupOptions: {
        // Every MDX module carries this directive; rolldown's warning about it is harmless noise.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
  markdown: {
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] },
    // ```mermaid fences become inline SVG at build time, or lazily drawn figures (src/integrations/diagrams);
    // glossary terms link to their definitions on first use.
    processor: satteri({ hastPlugins: [mermaidDiagrams({ cacheDir: resolve(cacheDir) }), glossaryLinks({ contentRoot, base })] }),
  },
});
