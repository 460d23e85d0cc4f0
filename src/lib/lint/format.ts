import { plural } from '../format.ts';
import type { Finding } from './rules.ts';

/** Counts of a lint run. */
export interface LintSummary {
  files: number;
  errors: number;
  warnings: number;
}

/** Counts errors and warnings. */
export function summarize(findings: readonly Finding[], files: number): LintSummary {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { files, errors, warnings: findings.length - errors };
}

/**
 * One line per finding, `file:line:column  severity  message  [rule]`, each followed by its
 * suggestion, then a summary. Editors and terminals turn `file:line:column` into a link.
 */
export function formatHuman(findings: readonly Finding[], files: number): string {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${f.file}:${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${f.message}  [${f.rule}]`);
    if (f.suggestion) lines.push(`    → ${f.suggestion}`);
  }
  const { errors, warnings } = summarize(findings, files);
  const reviews = plural(files, 'review');
  if (findings.length === 0) lines.push(`✓ ${reviews} checked, no problems.`);
  else
    lines.push(
      `${errors > 0 ? '✗' : '!'} ${reviews} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`,
    );
  return `${lines.join('\n')}\n`;
}

/** The machine-readable report of `--format json`. */
export function formatJson(findings: readonly Finding[], files: number): string {
  return `${JSON.stringify({ ...summarize(findings, files), findings }, null, 2)}\n`;
}
