import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { validatedGlob, yamlListLoader } from './integrations/content-loaders.ts';
import { slugify } from './lib/slugify.ts';
import { GlossaryTermSchema, LearningPathSchema, PatternSchema, ServiceSchema } from './schemas/catalog.ts';
import { createIncidentSchema } from './schemas/incident.ts';
import { contentRoot, siteConfig } from './site-config.ts';

const incidentSchema = createIncidentSchema(siteConfig.severities);

/** Reviews: `incidents/<id>.mdx` or `incidents/<id>/index.mdx`. */
const incidents = defineCollection({
  // Reviews using no MDX syntax are rendered as Markdown when content syncs (src/lib/plain-markdown.ts).
  loader: validatedGlob({ base: resolve(contentRoot, 'incidents'), pattern: '**/[^_]*.{md,mdx}', schema: incidentSchema, markdownPath: true }),
  schema: incidentSchema,
});

/** The service catalog: `services/<id>.yaml`. */
const services = defineCollection({
  loader: validatedGlob({ base: resolve(contentRoot, 'services'), pattern: '**/*.{yaml,yml}', schema: ServiceSchema }),
  schema: ServiceSchema,
});

/** Learning paths: `paths/<id>.yaml`. */
const paths = defineCollection({
  loader: validatedGlob({ base: resolve(contentRoot, 'paths'), pattern: '**/*.{yaml,yml}', schema: LearningPathSchema }),
  schema: LearningPathSchema,
});

/** Recurring patterns: `patterns.yaml`. */
const patterns = defineCollection({
  loader: yamlListLoader({ file: resolve(contentRoot, 'patterns.yaml'), schema: PatternSchema, idOf: (p) => String(p.id) }),
  schema: PatternSchema,
});

/** Glossary: `glossary.yaml`. */
const glossary = defineCollection({
  loader: yamlListLoader({ file: resolve(contentRoot, 'glossary.yaml'), schema: GlossaryTermSchema, idOf: (t) => slugify(String(t.term)) }),
  schema: GlossaryTermSchema,
});

export const collections = { incidents, services, paths, patterns, glossary };
