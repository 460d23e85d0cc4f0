/**
 * Parses Hindsight's environment variables (pure: the caller passes the environment in).
 * Every problem reads `VARIABLE "value" what was expected`, so a typo stops the build or a
 * CLI at once instead of quietly building the wrong site.
 */
import { AstroError } from 'astro/errors';
import { EnvironmentSchema, SETTING_NAMES, type Environment } from '../schemas/settings.ts';
import { suggestClosest } from './content-errors.ts';

/** A bad setting; the message lists every problem, one per line. Printed by Astro as message and hint, without a stack. */
export class SettingsError extends AstroError {
  override name = 'HindsightSettingsError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      problems.length === 1
        ? problems[0]!
        : `${problems.length} problems in the settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      'Every HINDSIGHT_* variable, its values and its default are listed in README.md (Environment variables).',
    );
    this.problems = problems;
    this.stack = '';
  }
}

/** The `HINDSIGHT_*` variables of `env`, empty ones left out (an empty value means unset). */
function hindsightVariables(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[0].startsWith('HINDSIGHT_') && !!entry[1]),
  );
}

/** Validated settings from an environment; throws SettingsError naming each bad variable. */
export function parseEnvironment(env: Readonly<Record<string, string | undefined>>): Environment {
  const input = hindsightVariables(env);
  const result = EnvironmentSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const near = suggestClosest(key, SETTING_NAMES);
        return `${key} is not a Hindsight setting (${near ? `did you mean ${near}? ` : ''}known: ${SETTING_NAMES.join(', ')})`;
      });
    }
    const name = String(issue.path[0]);
    const value = JSON.stringify(input[name]);
    if (issue.code === 'invalid_value')
      return [`${name} ${value} is not one of ${issue.values.map(String).join(', ')}`];
    return [`${name} ${value} ${issue.message}`];
  });
  throw new SettingsError(problems);
}
