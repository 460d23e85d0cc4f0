import { z } from 'astro/zod';
import { parseDateOrTimestamp } from '../lib/dates.ts';

/** `2026-11-21` or an ISO 8601 timestamp with a time (`2026-11-21T12:00:00Z`). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The environment variables Hindsight reads, each with its default. `describe()` holds the
 * documentation (README's table is checked against it); an empty value counts as unset.
 */
export const EnvironmentSchema = z
  .object({
    HINDSIGHT_CONTENT: z
      .string()
      .default('src/content')
      .describe('Content root to build: any folder with the layout below, e.g. your own reviews repository'),
    HINDSIGHT_AUDIENCE: z
      .enum(['internal', 'public'])
      .default('internal')
      .describe(
        '`public` builds only `visibility: public` reviews, shows people by role and strips `<Internal>` sections from pages, feeds, JSON and the search index',
      ),
    HINDSIGHT_DRAFTS: z
      .enum(['include', 'exclude'])
      .optional()
      .describe('`include` or `exclude` draft reviews; overrides `drafts` in `hindsight.yaml`'),
    HINDSIGHT_SITE: z
      .url({
        protocol: /^https?$/,
        error: 'is not an http(s) URL (expected the deployed origin, e.g. https://kb.example.com)',
      })
      .default('https://hindsight.example')
      .describe('Deployed origin, for absolute links in feeds and exports — [docs/deploy.md](docs/deploy.md)'),
    HINDSIGHT_BASE: z
      .string()
      .regex(/^\/(?:[^\s/?#]+\/?)*$/, { error: 'is not a path starting with / (expected e.g. /kb/)' })
      .default('/')
      .transform((base) => base.replace(/\/?$/, '/'))
      .describe(
        'Sub-path the site is served from (GitHub Pages project sites); site-root links in content are rewritten under it',
      ),
    HINDSIGHT_NOW: z
      .string()
      .regex(TIMESTAMP, {
        error: 'is not a date or timestamp (expected YYYY-MM-DD or e.g. 2026-11-21T12:00:00Z)',
        abort: true,
      })
      .refine((text) => !Number.isNaN(parseDateOrTimestamp(text).getTime()), { error: 'is not a real date' })
      .transform(parseDateOrTimestamp)
      .optional()
      .describe('Pins "today" (overdue items, counters) for reproducible builds; default: the current time'),
    HINDSIGHT_OUT_DIR: z.string().default('./dist').describe('Output folder'),
    HINDSIGHT_CACHE_DIR: z
      .string()
      .optional()
      .describe(
        "Astro's cache (content store, diagram SVGs); default: one folder per content root under `node_modules/.astro/`",
      ),
    HINDSIGHT_PARSE_TIMEOUT: z.coerce
      .number({ error: 'is not a number of seconds (expected e.g. 10 or 2.5)' })
      .positive({ error: 'is not a positive number of seconds (expected e.g. 10 or 2.5)' })
      .max(3600, { error: 'is more than an hour (expected seconds, e.g. 10)' })
      .default(10)
      .describe(
        'Seconds the MDX parser may spend on one review before the build (and `npm run lint`) gives up on it, naming the file; a guard against input that makes the parser backtrack without end',
      ),
  })
  .strict();

export type Environment = z.output<typeof EnvironmentSchema>;

/** The variable names, in documentation order. */
export const SETTING_NAMES = Object.keys(EnvironmentSchema.shape) as (keyof Environment)[];
