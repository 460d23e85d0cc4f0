/**
 * A content root's entries from its files: the one set of rules the build's loaders and the CLIs
 * (`report`, `lint`, `new`, `import`) share for validation, ids, duplicate ids, YAML lists and the
 * drafts switch. Pure: which files are read is content-layout.ts, reading them is content-files.ts.
 * Validation goes through the same schemas and YAML 1.2 parse as the build, so a CLI sees exactly
 * the incidents the site shows.
 */
import type { z } from 'astro/zod';
import { PatternSchema } from '../schemas/catalog.ts';
import { createIncidentSchema } from '../schemas/incident.ts';
import type { SiteConfig } from '../schemas/site-config.ts';
import { ContentError, displayPath, formatSchemaIssues } from './content-errors.ts';
import type { IncidentLike } from './incidents.ts';
import { readRawData } from './raw-frontmatter.ts';
import type { PatternLike } from './stats/patterns.ts';
import { describeUnknownField, findUnknownFields } from './unknown-fields.ts';

/** One review file, as the file-system reader found it. */
export interface ReviewFile {
  /** Incident id (`2024-03-05-x` for `2024-03-05-x.mdx` and `2024-03-05-x/index.mdx`). */
  id: string;
  /** Absolute path. */
  path: string;
  /** File contents. */
  text: string;
}

/** What a content root holds, before validation. */
export interface CorpusSource {
  /** The files the layout rule reads as reviews, sorted by path. */
  reviews: readonly ReviewFile[];
  /** Files the layout rule refuses (a `.md` review, `incidents/index.mdx`), with the reason. */
  refused: readonly { path: string; reason: string }[];
  /** The parsed YAML of `patterns.yaml` (absolute path `file`), when it exists. */
  patterns?: { file: string; data: unknown } | undefined;
}

/** Validated entries and one author-facing line per problem. */
export interface Corpus {
  /** The incidents the site would show: drafts left out when `drafts` is `exclude`. */
  incidents: IncidentLike[];
  patterns: PatternLike[];
  /** What the build would refuse (empty when all is valid). */
  problems: string[];
  /** What the build would only log (unknown keys under `unknownFields: warning`). */
  warnings: string[];
}

/** Problems and warnings about one entry, and its validated value when there is no problem. */
export interface EntryCheck {
  problems: string[];
  warnings: string[];
  value?: unknown;
}

/** How the build treats a key the schema does not know (hindsight.yaml `unknownFields`). */
export type UnknownFieldsPolicy = SiteConfig['unknownFields'];

/** The hindsight.yaml settings validation depends on. */
export interface CorpusSettings {
  severities: readonly string[];
  unknownFields: UnknownFieldsPolicy;
  drafts: SiteConfig['drafts'];
}

/** The drafts switch: whether a review of `status` is in a build whose config says `drafts`. */
export function isInBuild(status: string, drafts: SiteConfig['drafts']): boolean {
  return drafts === 'include' || status !== 'draft';
}

/** Whether a review is in a build for `audience`: the drafts switch, and only public reviews in a public build. */
export function isReviewInBuild(
  data: { status: string; visibility: string },
  drafts: SiteConfig['drafts'],
  audience: 'internal' | 'public',
): boolean {
  return isInBuild(data.status, drafts) && (audience === 'internal' || data.visibility === 'public');
}

/** The message for two files that make the same id (`file` and `other` as shown to the author). */
export function duplicateIdProblem(file: string, id: string, other: string): string {
  return `${file}: id "${id}" is already used by ${other} (the id comes from the file or folder name and must be unique)`;
}

/** The message for a list file (patterns.yaml, glossary.yaml) whose data is not a list. */
export function notAListProblem(file: string): string {
  return `${file}: expected a list of entries (each line starting with "- ")`;
}

/** The message for the entry at `index` of a list file repeating an earlier entry's id. */
export function repeatedListIdProblem(file: string, index: number, id: string): string {
  return `${file}: [${index}] id "${id}" appears twice`;
}

/**
 * Checks `data` against `schema` with author-facing messages. Unknown keys are problems or
 * warnings by `unknownFields`, with the closest known key. `pathPrefix` locates an entry of a list file.
 */
export function checkEntry(
  schema: z.ZodType,
  data: unknown,
  file: string,
  unknownFields: UnknownFieldsPolicy,
  pathPrefix: PropertyKey[] = [],
): EntryCheck {
  const result = schema.safeParse(data, { reportInput: true });
  const unknown = findUnknownFields(schema, data, pathPrefix).map((field) => `${file}: ${describeUnknownField(field)}`);
  const problems = unknownFields === 'error' ? unknown : [];
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ ...issue, path: [...pathPrefix, ...issue.path] }));
    // Re-root the data so the prefixed paths still point at the bad values.
    const root = pathPrefix.reduceRight<unknown>((inner, key) => ({ [key]: inner }), data);
    problems.push(...formatSchemaIssues(file, issues, root));
  }
  const warnings = unknownFields === 'warning' ? unknown : [];
  return problems.length === 0 && result.success ? { problems, warnings, value: result.data } : { problems, warnings };
}

/** The entries of a list file (`data` is its parsed YAML), each checked, ids unique; `file` as shown. */
export function checkListEntries(
  data: unknown,
  options: {
    file: string;
    schema: z.ZodType;
    idOf: (item: Record<string, unknown>) => string;
    unknownFields: UnknownFieldsPolicy;
  },
): Omit<EntryCheck, 'value'> & { items: { id: string; data: Record<string, unknown>; value: unknown }[] } {
  const list = data ?? [];
  if (!Array.isArray(list)) return { items: [], problems: [notAListProblem(options.file)], warnings: [] };
  const items: { id: string; data: Record<string, unknown>; value: unknown }[] = [];
  const problems: string[] = [];
  const warnings: string[] = [];
  const ids = new Set<string>();
  for (const [index, item] of list.entries()) {
    const check = checkEntry(options.schema, item, options.file, options.unknownFields, [index]);
    warnings.push(...check.warnings);
    if (check.problems.length > 0) {
      problems.push(...check.problems);
      continue;
    }
    const id = options.idOf(item as Record<string, unknown>);
    if (ids.has(id)) {
      problems.push(repeatedListIdProblem(options.file, index, id));
      continue;
    }
    ids.add(id);
    items.push({ id, data: item as Record<string, unknown>, value: check.value });
  }
  return { items, problems, warnings };
}

/**
 * Validated incidents and patterns of a content root, with every problem the build would refuse,
 * from what the file-system reader found. `shown` turns an absolute path into what messages print.
 */
export function validateCorpus(
  source: CorpusSource,
  settings: CorpusSettings,
  shown: (path: string) => string = (path) => displayPath(path),
): Corpus {
  const schema = createIncidentSchema(settings.severities);
  const problems = source.refused.map((file) => `${shown(file.path)}: ${file.reason}`);
  const warnings: string[] = [];
  const incidents: IncidentLike[] = [];
  const fileById = new Map<string, string>();
  for (const review of source.reviews) {
    const other = fileById.get(review.id);
    if (other) {
      problems.push(duplicateIdProblem(shown(review.path), review.id, shown(other)));
      continue;
    }
    fileById.set(review.id, review.path);
    let data: Record<string, unknown>;
    try {
      data = readRawData(review.text, false, review.path);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
      continue;
    }
    const check = checkEntry(schema, data, shown(review.path), settings.unknownFields);
    problems.push(...check.problems);
    warnings.push(...check.warnings);
    if (check.problems.length === 0) incidents.push({ id: review.id, data: check.value as IncidentLike['data'] });
  }
  const patterns = source.patterns
    ? checkListEntries(source.patterns.data, {
        file: shown(source.patterns.file),
        schema: PatternSchema,
        idOf: (p) => String(p['id']),
        unknownFields: settings.unknownFields,
      })
    : { items: [], problems: [], warnings: [] };
  return {
    incidents: incidents.filter((i) => isInBuild(i.data.status, settings.drafts)),
    patterns: patterns.items.map((p) => ({ id: p.id, data: p.value as PatternLike['data'] })),
    problems: [...problems, ...patterns.problems],
    warnings: [...warnings, ...patterns.warnings],
  };
}
