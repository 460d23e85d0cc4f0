/**
 * Reads a content root's incidents and patterns from file contents, without Astro, for the
 * command-line tools. Validation goes through the same schemas (and the same YAML 1.2 frontmatter
 * parse) as the build, so a CLI sees exactly the incidents the site shows.
 */
import { parse } from 'yaml';
import { PatternSchema } from '../schemas/catalog.ts';
import { createIncidentSchema } from '../schemas/incident.ts';
import { formatSchemaIssues } from './content-errors.ts';
import { idFromPath } from './content-ids.ts';
import type { IncidentLike } from './incidents.ts';
import { parseRawData } from './raw-frontmatter.ts';
import type { PatternLike } from './stats/patterns.ts';

/** A file's path (relative to its collection folder) and text. */
export interface SourceFile {
  path: string;
  contents: string;
}

/** What was read, and one author-facing line per problem (empty when all is valid). */
export interface ReadResult<T> {
  items: T[];
  problems: string[];
}

/** The build's incident glob, `**\/[^_]*.{md,mdx}`: Markdown or MDX whose name does not start with `_`. */
export function isIncidentFile(path: string): boolean {
  const name = path.split('/').pop() ?? '';
  return /\.mdx?$/i.test(name) && !name.startsWith('_');
}

/** Validated incidents from `incidents/` files; `shown` turns a path into what messages print. */
export function readIncidents(
  files: readonly SourceFile[],
  options: { severities: readonly string[]; shown?: (path: string) => string },
): ReadResult<IncidentLike> {
  const schema = createIncidentSchema(options.severities);
  const shown = options.shown ?? ((path: string) => path);
  const items: IncidentLike[] = [];
  const problems: string[] = [];
  const fileById = new Map<string, string>();
  for (const file of [...files].filter((f) => isIncidentFile(f.path)).sort((a, b) => a.path.localeCompare(b.path))) {
    const id = idFromPath(file.path);
    const other = fileById.get(id);
    if (other) {
      problems.push(`${shown(file.path)}: id "${id}" is already used by ${shown(other)}`);
      continue;
    }
    fileById.set(id, file.path);
    const data = parseRawData(file.contents, false);
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) items.push({ id, data: result.data });
    else problems.push(...formatSchemaIssues(shown(file.path), result.error.issues, data));
  }
  return { items, problems };
}

/** Validated patterns from the text of `patterns.yaml` (undefined when the file is absent). */
export function readPatterns(contents: string | undefined, shown = 'patterns.yaml'): ReadResult<PatternLike> {
  if (contents === undefined) return { items: [], problems: [] };
  const list: unknown = parse(contents) ?? [];
  if (!Array.isArray(list)) return { items: [], problems: [`${shown}: expected a list of entries (each line starting with "- ")`] };
  const items: PatternLike[] = [];
  const problems: string[] = [];
  list.forEach((entry: unknown, index) => {
    const result = PatternSchema.safeParse(entry, { reportInput: true });
    if (!result.success) {
      problems.push(
        ...formatSchemaIssues(
          shown,
          result.error.issues.map((i) => ({ ...i, path: [index, ...i.path] })),
          [entry],
        ),
      );
    } else if (items.some((p) => p.id === result.data.id)) {
      problems.push(`${shown}: [${index}] id "${result.data.id}" appears twice`);
    } else {
      items.push({ id: result.data.id, data: result.data });
    }
  });
  return { items, problems };
}
