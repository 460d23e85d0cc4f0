import { z } from 'astro/zod';
import { DEFAULT_SEVERITIES } from './incident.ts';

/** Optional `hindsight.yaml` at the content root: per-team settings. */
export const SiteConfigSchema = z.object({
  /** Site title shown in the header. */
  title: z.string().min(1).default('Hindsight'),
  /** One sentence shown on the home page. */
  description: z.string().default('Post-incident reviews, timelines and the patterns behind them.'),
  /** The organisation whose incidents these are (used in exports). */
  organization: z.string().default('Example Corp'),
  /** Severity levels, worst first. */
  severities: z
    .array(z.string().min(1))
    .min(1)
    .default([...DEFAULT_SEVERITIES]),
  /** `exclude` leaves draft reviews out of the build. */
  drafts: z.enum(['include', 'exclude']).default('include'),
  /** A review is late when not published this many business days after resolution. */
  reviewDueBusinessDays: z.number().int().min(1).default(10),
  /** `teams` aggregates responder load by team only, never listing people by name. */
  responderLoad: z.enum(['people', 'teams']).default('people'),
  /** A frontmatter or catalog key the schema does not know (`mitigatd:`): `error` fails the build, `warning` only reports it. */
  unknownFields: z.enum(['error', 'warning']).default('error'),
  /** `refuse`: a public build fails on reviews that import Node built-ins, read `process.env` or embed scripts; `allow` builds them. */
  publicBuildCode: z.enum(['refuse', 'allow']).default('refuse'),
});

export type SiteConfig = z.output<typeof SiteConfigSchema>;
