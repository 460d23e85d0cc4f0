import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ContentError, displayPath } from '../content-errors.ts';
import { idFromPath } from '../content-ids.ts';
import { readContent, readReviewText, type LayoutProblem, type ReviewFile } from '../content-files.ts';
import { readYamlFile } from '../yaml-file.ts';
import { DEFAULT_LINT_CONFIG, LINT_CONFIG_FILE, parseLintConfig, type LintConfig } from './config.ts';
import { siteIndexOf } from '../site-index.ts';
import { lintReviews, severityOf, type LintInput } from './lint.ts';
import type { Finding } from './rules.ts';

/** The config in `file`, or in `<root>/hindsight-lint.yaml` when present, else the defaults. */
export function loadLintConfig(root: string, file?: string): LintConfig {
  const path = file ?? join(root, LINT_CONFIG_FILE);
  if (!existsSync(path)) {
    if (file) throw new ContentError([`config file ${displayPath(file)} does not exist`]);
    return DEFAULT_LINT_CONFIG;
  }
  return parseLintConfig(readYamlFile(path), displayPath(path));
}

/** What `lintContentRoot` takes besides the root. */
export interface LintRootOptions extends Pick<LintInput, 'unparsed' | 'onParse'> {
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /** A lint config file other than `<root>/hindsight-lint.yaml`. */
  configFile?: string;
  /** Only these files (absolute paths); default: every review of the root. */
  files?: readonly string[];
}

/** The findings, and how many files they are about. */
export interface LintRootResult {
  findings: Finding[];
  files: number;
}

/**
 * Lints the reviews of a content root (or only `files`, absolute paths, which may lie outside it:
 * they are checked against the root's catalog and tags). Reads files; no clock, no environment.
 */
export function lintContentRoot(root: string, options: LintRootOptions): LintRootResult {
  const content = readContent(root);
  const config = loadLintConfig(content.root, options.configFile);
  const reviews: ReviewFile[] = [...content.incidents];
  const known = new Set(reviews.map((r) => r.path));
  for (const path of options.files ?? []) {
    if (!known.has(path)) reviews.push({ id: idFromPath(basename(path)), path, text: readReviewText(path) });
  }
  // hindsight.yaml's `unknownFields` is the build's policy; the lint config may still override it.
  const rules = { 'unknown-field': content.unknownFields, ...config.rules };
  const findings = lintReviews({
    reviews,
    ...(options.files ? { only: options.files } : {}),
    serviceIds: content.serviceIds,
    severities: content.severities,
    config: { ...config, rules },
    today: options.today,
    displayPath: (path) => displayPath(path),
    siteIndex: siteIndexOf(content),
    ...(options.unparsed ? { unparsed: options.unparsed } : {}),
    ...(options.onParse ? { onParse: options.onParse } : {}),
  });
  const wanted = options.files ? new Set(options.files) : undefined;
  const layout = content.layout
    .filter((p) => !wanted || wanted.has(p.path))
    .flatMap((p) => layoutFinding(p, { ...config, rules }));
  return { findings: [...layout, ...findings], files: options.files?.length ?? content.incidents.length };
}

/** A file the layout rule refuses (`content-file`) or that nothing reads (`unread-file`), as a finding on its line 1. */
function layoutFinding(problem: LayoutProblem, config: LintConfig): Finding[] {
  const rule = problem.kind === 'refused' ? 'content-file' : 'unread-file';
  const severity = severityOf(rule, config, false);
  if (!severity) return [];
  return [
    {
      rule,
      severity,
      file: displayPath(problem.path),
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      message: problem.reason,
    },
  ];
}
