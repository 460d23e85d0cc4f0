import { z } from 'astro/zod';
import { KebabCaseSchema, TextSchema, UrlSchema } from './primitives.ts';

/** A service in the catalog (`services/<id>.yaml`). */
export const ServiceSchema = z.object({
  /** Display name. */
  name: TextSchema,
  /** Owning team. */
  team: TextSchema,
  /** Criticality tier, 1 most critical. */
  tier: z.number().int().min(0).optional(),
  /** What the service does. */
  description: TextSchema,
  /** Ids of services this one needs. */
  dependsOn: z.array(KebabCaseSchema).default([]),
  /** Mermaid source of the service's own diagram. */
  diagram: z.string().optional(),
  /** Link to the runbook. */
  runbook: UrlSchema.optional(),
});

/** A recurring pattern ("days since it was DNS"), matched by tag or service. */
export const PatternSchema = z
  .object({
    /** Stable id used in URLs. */
    id: KebabCaseSchema,
    /** Label as shown, e.g. "It was DNS". */
    label: TextSchema,
    /** An incident carrying any of these tags matches. */
    tags: z.array(KebabCaseSchema).default([]),
    /** An incident touching any of these services matches. */
    services: z.array(KebabCaseSchema).default([]),
  })
  .refine((p) => p.tags.length + p.services.length > 0, {
    message: 'needs at least one tag or service to match',
    path: ['tags'],
  });

/** A curated reading path (`paths/<id>.yaml`). */
export const LearningPathSchema = z.object({
  /** Title of the path. */
  title: TextSchema,
  /** Who it is for. */
  audience: TextSchema,
  /** Optional introduction. */
  description: TextSchema.optional(),
  /** The incidents to read, in order. */
  steps: z
    .array(
      z.object({
        /** Incident id. */
        incident: TextSchema,
        /** The curator's note: why read this one, what to look for. */
        note: TextSchema,
        /** Discussion questions for a team session. */
        questions: z.array(TextSchema).default([]),
      }),
    )
    .min(1, { message: 'must list at least one step' }),
});

/** A glossary entry. */
export const GlossaryTermSchema = z.object({
  /** The term. */
  term: TextSchema,
  /** One or two sentences. */
  definition: TextSchema,
});

export type ServiceData = z.output<typeof ServiceSchema>;
export type PatternData = z.output<typeof PatternSchema>;
export type LearningPathData = z.output<typeof LearningPathSchema>;
export type GlossaryTermData = z.output<typeof GlossaryTermSchema>;
