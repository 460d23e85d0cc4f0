// @ts-check
import { resolve } from 'node:path';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { glossaryLinks } from './src/integrations/glossary-links.ts';
import { mermaidDiagrams } from './src/integrations/diagrams/satteri-plugin.ts';
import { catalogLinks, siteLinks } from './src/integrations/site-links.ts';
import { diagramsAhead } from './src/integrations/diagrams-ahead.ts';
import { lintWarnings } from './src/integrations/lint-warnings.ts';
import { mermaidBundle } from './src/integrations/mermaid-bundle.ts';
import pagefind from './src/integrations/pagefind.ts';
import { getSettings } from './src/settings.ts';

// Every setting comes from src/settings.ts; a bad HINDSIGHT_* value stops here, before any output.
const { contentRoot, cacheDir, base, site, outDir, audience, now, siteConfig, parseTimeoutMs } = getSettings();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir,
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
    // worker threads (src/integrations/diagrams/layout-pool.ts). Measured at 5,000 reviews on 2
    // cores, both with a 256 MB worker heap: 4 peaked at 2.99 GB, 2 at 2.85 GB, wall time within
    // noise (BENCHMARKS.md, B3).
    concurrency: 2,
  },
  integrations: [
    mdx(),
    catalogLinks({ contentRoot, audience, drafts: siteConfig.drafts }),
    diagramsAhead({ contentRoot, drafts: siteConfig.drafts, audience, now }),
    // Astro runs each build:done hook in turn: the search index (the longest) starts first, and
    // a linter still busy in the background finishes meanwhile instead of holding it up.
    pagefind({ audience }),
    lintWarnings({ contentRoot, now, parseTimeoutMs }),
    mermaidBundle(),
  ],
  vite: {
    // The search worker (src/client/search-worker.ts) is a module worker: it imports Pagefind by URL.
    worker: { format: 'es' },
    build: {
      // Scripts (src/client/) as cached files, like stylesheets: Astro would inline the small ones
      // into each of thousands of review pages. Other assets keep Vite's 4 KB default.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
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
    // site-root links authors write go under the base path (and must name a page of the site);
    // glossary terms link to their definitions on first use.
    processor: satteri({
      hastPlugins: [
        siteLinks({ contentRoot, base, audience, drafts: siteConfig.drafts }),
        mermaidDiagrams({ cacheDir: resolve(cacheDir) }),
        glossaryLinks({ contentRoot, base }),
      ],
    }),
  },
});
