import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SiteConfigSchema, type SiteConfig } from '../schemas/site-config.ts';
import { ContentError, displayPath, formatSchemaIssues } from './content-errors.ts';
import { readYamlFile } from './yaml-file.ts';

/**
 * `<content root>/hindsight.yaml`, validated (file system only, no environment): the one reader
 * of that file. `drafts`, when given (`HINDSIGHT_DRAFTS`), overrides the file's `drafts`.
 */
export function loadSiteConfig(root: string, drafts?: SiteConfig['drafts']): SiteConfig {
  const file = resolve(root, 'hindsight.yaml');
  const raw: unknown = existsSync(file) ? (readYamlFile(file) ?? {}) : {};
  const result = SiteConfigSchema.safeParse(raw, { reportInput: true });
  if (!result.success) throw new ContentError(formatSchemaIssues(displayPath(file), result.error.issues, raw));
  if (drafts) result.data.drafts = drafts;
  return result.data;
}
