import { z } from 'astro/zod';
import { isValidTimeZone, parseHours } from '../lib/working-hours.ts';
import { DEFAULT_SEVERITIES } from './incident.ts';

/** A team's time zone and working hours, for responder load by shift and "paged at 03:12 local". */
const TeamHoursSchema = z.object({
  /** An IANA time zone as `Intl` knows it, e.g. `Europe/Berlin`. */
  timeZone: z.string().refine(isValidTimeZone, {
    message: 'is not a time zone Intl knows: expected an IANA name such as Europe/Berlin, America/New_York or UTC',
  }),
  /** Local working hours on weekdays, `HH:MM-HH:MM` with start before end, e.g. `09:00-18:00`. */
  hours: z.string().refine((hours) => parseHours(hours) !== undefined, {
    message: 'expected working hours as HH:MM-HH:MM, start before end, e.g. 09:00-18:00',
  }),
});

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
  /** Per team (as participants name it): time zone and working hours, e.g. `sre: { timeZone: Europe/Berlin, hours: "09:00-18:00" }`. */
  teams: z.record(z.string(), TeamHoursSchema).default({}),
});

export type SiteConfig = z.output<typeof SiteConfigSchema>;
