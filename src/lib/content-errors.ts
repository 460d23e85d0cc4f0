import { AstroError } from 'astro/errors';

/** What to do about a content error, shown under Astro's "Hint:" (build output and dev overlay). */
export const CONTENT_ERROR_HINT =
  'Fix the file named above. `npm run lint` lists every problem with its line; the fields are described in docs/authoring.md.';

/**
 * A problem in the authored content; its message is written for the author, not for us. It is an
 * Astro user error (message and hint), and carries no stack: the trace would only point into
 * Hindsight's loaders and make an authoring mistake look like a crash.
 */
export class ContentError extends AstroError {
  override name = 'HindsightContentError';
  /** One line per problem. */
  readonly problems: string[];
  constructor(problems: string[], hint: string = CONTENT_ERROR_HINT) {
    super(
      problems.length === 1
        ? problems[0]!
        : `${problems.length} problems in the content:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      hint,
    );
    this.problems = problems;
    this.stack = '';
  }
}

/** The subset of a zod issue the formatter reads (zod 4 `$ZodIssue`). */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  values?: readonly unknown[];
  format?: string;
  keys?: readonly string[];
}

/** `contributingFactors[0].description` from `['contributingFactors', 0, 'description']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

/** A value as an author would recognise it in their file, cut short if long. */
export function formatValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 76)}…` : value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** The value at `path` inside `data`, or undefined. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** What the field should have held, in plain English. */
function describeExpectation(issue: SchemaIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `is required (expected ${article(issue.expected)})`
        : `expected ${article(issue.expected)}`;
    case 'invalid_value':
      return `expected one of ${(issue.values ?? []).map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `has unknown field(s) ${(issue.keys ?? []).join(', ')}`;
    default:
      return issue.message.replace(/^Invalid input: /, '');
  }
}

function article(type = 'value'): string {
  const names: Record<string, string> = {
    array: 'a list',
    object: 'a mapping of fields',
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
  };
  return names[type] ?? type;
}

/**
 * One line per schema issue: file, field path, the bad value, what was expected.
 * The value is read from `data` at the issue's path (refinements report their parent as input).
 */
export function formatSchemaIssues(file: string, issues: readonly SchemaIssue[], data?: unknown): string[] {
  return issues.map((issue) => {
    const field = formatPath(issue.path) || '(the file)';
    const input = data === undefined ? issue.input : valueAt(data, issue.path);
    const scalar = input !== undefined && (input === null || typeof input !== 'object' || input instanceof Date);
    const value = scalar ? ` ${formatValue(input)}` : '';
    const expectation = describeExpectation(issue);
    const joiner = value && expectation.startsWith('expected') ? ':' : '';
    return `${file}: ${field}${value}${joiner} ${expectation}`;
  });
}

/** The id in `known` closest to `value`, if it is close enough to be a likely typo. */
export function suggestClosest(value: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = levenshtein(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 4)) ? best : undefined;
}

/** The `count` ids of `known` closest to `value` (by edit distance, then alphabetically). */
export function nearestIds(value: string, known: readonly string[], count: number): string[] {
  const scored = known.map((id) => [id, levenshtein(value.toLowerCase(), id.toLowerCase())] as const);
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([id]) => id);
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** `"dns-resolvr" is not a service (did you mean dns-resolver? known: a, b, …)`. */
export function describeUnknownId(value: string, noun: string, known: readonly string[]): string {
  const sorted = [...known].sort();
  const shown =
    sorted.length > 12 ? `${sorted.slice(0, 12).join(', ')}, … (${sorted.length} in all)` : sorted.join(', ');
  const suggestion = suggestClosest(value, sorted);
  const hint = suggestion ? `did you mean ${suggestion}? ` : '';
  return `${formatValue(value)} is not ${noun} (${hint}known: ${shown || 'none'})`;
}

/** A file path as an author can open it: relative to `cwd` when inside it, else absolute. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const prefix = cwd.endsWith('/') ? cwd : `${cwd}/`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : file;
}
