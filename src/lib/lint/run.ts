import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { ContentError, displayPath } from '../content-errors.ts';
import { idFromPath } from '../content-ids.ts';
import { readContent, type ReviewFile } from '../content-files.ts';
import { DEFAULT_LINT_CONFIG, LINT_CONFIG_FILE, parseLintConfig, type LintConfig } from './config.ts';
import { siteIndexOf } from '../site-index.ts';
import { lintReviews } from './lint.ts';
import type { Finding } from './rules.ts';

/** The config in `file`, or in `<root>/hindsight-lint.yaml` when present, else the defaults. */
export function loadLintConfig(root: string, file?: string): LintConfig {
  const path = file ?? join(root, LINT_CONFIG_FILE);
  if (!existsSync(path)) {
    if (file) throw new ContentError([`config file ${displayPath(file)} does not exist`]);
    return DEFAULT_LINT_CONFIG;
  }
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ContentError([`${displayPath(path)} is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`]);
  }
  return parseLintConfig(raw, displayPath(path));
}

/**
 * Lints the reviews of a content root (or only `files`, absolute paths, which may lie outside it:
 * they are checked against the root's catalog and tags). Reads files; no clock, no environment.
 */
export function lintContentRoot(
  root: string,
  options: { today: string; configFile?: string; files?: readonly string[] },
): { findings: Finding[]; files: number } {
  const content = readContent(root);
  const config = loadLintConfig(content.root, options.configFile);
  const reviews: ReviewFile[] = [...content.incidents];
  const known = new Set(reviews.map((r) => r.path));
  for (const path of options.files ?? []) {
    if (!known.has(path)) reviews.push({ id: idFromPath(basename(path)), path, text: readFileSync(path, 'utf8') });
  }
  const findings = lintReviews({
    reviews,
    ...(options.files ? { only: options.files } : {}),
    serviceIds: content.serviceIds,
    severities: content.severities,
    config,
    today: options.today,
    displayPath: (path) => displayPath(path),
    siteIndex: siteIndexOf(content),
  });
  return { findings, files: options.files?.length ?? content.incidents.length };
}
