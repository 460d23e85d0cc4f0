/** Severity levels are configured per site (`hindsight.yaml` `severities`, worst first). */

/** 1 for the worst configured severity, 2 for the next…; a numeric Pagefind sort key (none sorts last). */
export function getSeverityRank(level: string | undefined, severities: readonly string[]): number {
  const index = level === undefined ? -1 : severities.indexOf(level);
  return index === -1 ? severities.length + 1 : index + 1;
}

/**
 * The colour step of a level, 1–4 (`sev-1` … `sev-4` in the CSS): colours exist for four ranks,
 * so a fifth level and beyond reuse the mildest; 0 for none (a near miss) or an unknown level.
 */
export function getSeverityColour(level: string | undefined, severities: readonly string[]): 0 | 1 | 2 | 3 | 4 {
  const index = level === undefined ? -1 : severities.indexOf(level);
  return index === -1 ? 0 : (Math.min(index + 1, 4) as 1 | 2 | 3 | 4);
}
