/**
 * Every Hindsight setting, read once per process: the `HINDSIGHT_*` environment variables
 * (src/schemas/settings.ts) and `hindsight.yaml` (src/schemas/site-config.ts). The build config,
 * the pages, the integrations and the CLIs read settings from here and nowhere else; a bad value
 * fails at start with the variable, the value and what was expected.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { parseEnvironment } from './lib/settings.ts';
import { loadSiteConfig } from './lib/site-config-file.ts';
import type { SiteConfig } from './schemas/site-config.ts';

export interface Settings {
  /** Absolute content root (`HINDSIGHT_CONTENT`). */
  contentRoot: string;
  /** Who the build is for (`HINDSIGHT_AUDIENCE`). */
  audience: 'internal' | 'public';
  /** Pinned "now" (`HINDSIGHT_NOW`), or undefined for the current time. */
  now: Date | undefined;
  /** Sub-path the site is served from, always ending in `/` (`HINDSIGHT_BASE`). */
  base: string;
  /** Deployed origin (`HINDSIGHT_SITE`). */
  site: string;
  /** Output folder (`HINDSIGHT_OUT_DIR`). */
  outDir: string;
  /** Astro's cache folder: `HINDSIGHT_CACHE_DIR`, else one per content root. */
  cacheDir: string;
  /** `HINDSIGHT_DRAFTS`, when set: overrides `drafts` of any content root's `hindsight.yaml`. */
  drafts: 'include' | 'exclude' | undefined;
  /** `hindsight.yaml`, with `HINDSIGHT_DRAFTS` applied. */
  siteConfig: SiteConfig;
  /** How long the MDX parser may take over one review, in ms (`HINDSIGHT_PARSE_TIMEOUT`, in seconds). */
  parseTimeoutMs: number;
}

/** Settings from an environment (tests pass their own; everything else uses `getSettings()`). */
export function readSettings(env: Readonly<Record<string, string | undefined>>): Settings {
  const parsed = parseEnvironment(env);
  const contentRoot = resolve(parsed.HINDSIGHT_CONTENT);
  // Each content root gets its own content cache, so switching HINDSIGHT_CONTENT never
  // reuses entries (and their file paths) from another corpus.
  const cacheKey = createHash('sha256').update(contentRoot).digest('hex').slice(0, 12);
  return {
    contentRoot,
    audience: parsed.HINDSIGHT_AUDIENCE,
    now: parsed.HINDSIGHT_NOW,
    base: parsed.HINDSIGHT_BASE,
    site: parsed.HINDSIGHT_SITE,
    outDir: parsed.HINDSIGHT_OUT_DIR,
    cacheDir: parsed.HINDSIGHT_CACHE_DIR ?? `./node_modules/.astro/${cacheKey}`,
    drafts: parsed.HINDSIGHT_DRAFTS,
    siteConfig: loadSiteConfig(contentRoot, parsed.HINDSIGHT_DRAFTS),
    parseTimeoutMs: parsed.HINDSIGHT_PARSE_TIMEOUT * 1000,
  };
}

let cached: Settings | undefined;

/** This process's settings, parsed from `process.env` on first use. */
export function getSettings(): Settings {
  cached ??= readSettings(process.env);
  return cached;
}
