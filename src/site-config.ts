import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ContentError, displayPath, formatSchemaIssues } from './lib/content-errors.ts';
import { readYamlFile } from './lib/yaml-file.ts';
import { SiteConfigSchema, type SiteConfig } from './schemas/site-config.ts';

/** The folder holding incidents/, services/, paths/, patterns.yaml, glossary.yaml. */
export const contentRoot = resolve(process.env.HINDSIGHT_CONTENT ?? 'src/content');

/** Settings from `<content root>/hindsight.yaml`, with `HINDSIGHT_DRAFTS` overriding `drafts`. */
export function loadSiteConfig(root = contentRoot): SiteConfig {
  const file = resolve(root, 'hindsight.yaml');
  const raw: unknown = existsSync(file) ? (readYamlFile(file) ?? {}) : {};
  const result = SiteConfigSchema.safeParse(raw, { reportInput: true });
  if (!result.success) throw new ContentError(formatSchemaIssues(displayPath(file), result.error.issues, raw));
  const drafts = process.env.HINDSIGHT_DRAFTS;
  if (drafts === 'include' || drafts === 'exclude') result.data.drafts = drafts;
  return result.data;
}

/** Loaded once per process: the content config and the pages read the same settings. */
export const siteConfig = loadSiteConfig();
