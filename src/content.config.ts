import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { validatedGlob, yamlListLoader } from './integrations/content-loaders.ts';
import { slugify } from './lib/slugify.ts';
import { GlossaryTermSchema, LearningPathSchema, PatternSchema, ServiceSchema } from './schemas/catalog.ts';
import { createIncidentSchema } from './schemas/incident.ts';
import { getSettings } from './settings.ts';
import { contentRoot, siteConfig } from './site-config.ts';

const incidentSchema = createIncidentSchema(siteConfig.severities);
const { unknownFields } = siteConfig;
// A public build refuses reviews that run code at build time, unless configured not to.
const refuseBuildTimeCode = getSettings().audience === 'public' && siteConfig.publicBuildCode === 'refuse';

/** Reviews: `incidents/<id>.mdx` or `incidents/<id>/index.mdx` (which files: src/lib/content-layout.ts). */
const incidents = defineCollection({
  // Reviews using no MDX syntax are rendered as Markdown when content syncs (src/lib/plain-markdown.ts).
  loader: validatedGlob({
    base: resolve(contentRoot, 'incidents'),
    folder: 'incidents',
    schema: incidentSchema,
    unknownFields,
    refuseBuildTimeCode,
    markdownPath: true,
    parseTimeoutMs: getSettings().parseTimeoutMs,
  }),
  schema: incidentSchema,
});

/** The service catalog: `services/<id>.yaml`. */
const services = defineCollection({
  loader: validatedGlob({
    base: resolve(contentRoot, 'services'),
    folder: 'services',
    schema: ServiceSchema,
    unknownFields,
  }),
  schema: ServiceSchema,
});

/** Learning paths: `paths/<id>.yaml`. */
const paths = defineCollection({
  loader: validatedGlob({
    base: resolve(contentRoot, 'paths'),
    folder: 'paths',
    schema: LearningPathSchema,
    unknownFields,
  }),
  schema: LearningPathSchema,
});

/** Recurring patterns: `patterns.yaml`. */
const patterns = defineCollection({
  loader: yamlListLoader({
    file: resolve(contentRoot, 'patterns.yaml'),
    schema: PatternSchema,
    idOf: (p) => String(p.id),
    unknownFields,
  }),
  schema: PatternSchema,
});

/** Glossary: `glossary.yaml`. */
const glossary = defineCollection({
  loader: yamlListLoader({
    file: resolve(contentRoot, 'glossary.yaml'),
    schema: GlossaryTermSchema,
    idOf: (t) => slugify(String(t.term)),
    unknownFields,
  }),
  schema: GlossaryTermSchema,
});

export const collections = { incidents, services, paths, patterns, glossary };
