import { z } from 'astro/zod';
import { ContentError, describeUnknownId, formatSchemaIssues } from '../content-errors.ts';
import { RULE_IDS, type RuleId, type RuleSetting } from './rules.ts';

/**
 * Narrative sections every in-review or published review needs, unless the config names others.
 * Lists the frontmatter owns (contributing factors, lessons) are checked there, not here.
 */
export const DEFAULT_REQUIRED_SECTIONS = ['What happened', 'What we learned'];

/** The file, at the content root, that configures the linter. */
export const LINT_CONFIG_FILE = 'hindsight-lint.yaml';

/** `hindsight-lint.yaml`: rule levels and the required narrative sections. */
export const LintConfigSchema = z
  .object({
    /** Rule id → `error`, `warning` or `off`. */
    rules: z.record(z.string(), z.enum(['error', 'warning', 'off'])).default({}),
    /** Headings (level 2 or 3) the narrative must have, matched case-insensitively as prefixes; a frontmatter-owned list ("Contributing factors") counts when the frontmatter has it. */
    requiredSections: z.array(z.string().trim().min(1)).default(DEFAULT_REQUIRED_SECTIONS),
  })
  .strict();

/** The linter's settings after reading the config file. */
export interface LintConfig {
  rules: Partial<Record<RuleId, RuleSetting>>;
  requiredSections: string[];
}

/** The settings when there is no config file. */
export const DEFAULT_LINT_CONFIG: LintConfig = { rules: {}, requiredSections: DEFAULT_REQUIRED_SECTIONS };

/** Validates parsed config YAML; unknown rule ids are refused with the list of known ones. */
export function parseLintConfig(raw: unknown, file: string): LintConfig {
  const result = LintConfigSchema.safeParse(raw ?? {}, { reportInput: true });
  if (!result.success) throw new ContentError(formatSchemaIssues(file, result.error.issues, raw));
  const problems = Object.keys(result.data.rules)
    .filter((id) => !(RULE_IDS as readonly string[]).includes(id))
    .map((id) => `${file}: rules.${id} ${describeUnknownId(id, 'a rule', RULE_IDS)}`);
  if (problems.length > 0) throw new ContentError(problems);
  return { rules: result.data.rules, requiredSections: result.data.requiredSections };
}
