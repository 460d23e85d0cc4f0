import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import type { z } from 'astro/zod';
import { findBuildTimeCode } from '../lib/build-time-code.ts';
import { ContentError, displayPath } from '../lib/content-errors.ts';
import { checkEntry, checkListEntries, duplicateIdProblem, type UnknownFieldsPolicy } from '../lib/corpus.ts';
import { setContentProblems } from './content-problems.ts';
import { keepSyncedEntries } from './diagrams-ahead.ts';
import { ParseGuard } from './parse-guard/guard.ts';
import { readReviewText, scanContentFolder } from '../lib/content-files.ts';
import { idFromPath } from '../lib/content-ids.ts';
import { LOADER_PATTERNS, type ContentFolder } from '../lib/content-layout.ts';
import { prescanMdx } from '../lib/mdx-prescan.ts';
import { hasFrontmatterSectionHeading } from '../lib/owned-sections.ts';
import { isPlainMarkdown } from '../lib/plain-markdown.ts';
import { readRawData, splitFrontmatter } from '../lib/raw-frontmatter.ts';
import { readYamlFile } from '../lib/yaml-file.ts';

/** Paths in messages are relative to where the build runs, so an author can open them. */
const shown = (file: string) => displayPath(file);

/**
 * Validate with our friendly messages before Astro's own (terser) validation runs. Unknown keys
 * fail (or are logged, by `policy`) with the closest known key, instead of vanishing.
 */
function validate(
  schema: z.ZodType,
  data: unknown,
  file: string,
  policy: { unknownFields: UnknownFieldsPolicy; logger: LoaderContext['logger'] },
) {
  const { problems, warnings } = checkEntry(schema, data, shown(file), policy.unknownFields);
  for (const line of warnings) policy.logger.warn(line);
  if (problems.length > 0) throw new ContentError(problems);
}

/** Options of `validatedGlob`. */
export interface ValidatedGlobOptions {
  /** Absolute path of the content folder. */
  base: string;
  /** Which folder it is: decides the files read (src/lib/content-layout.ts). */
  folder: ContentFolder;
  schema: z.ZodType;
  unknownFields: UnknownFieldsPolicy;
  /** Refuse reviews that run code at build time (Node built-ins, `process.env`, scripts): public builds. */
  refuseBuildTimeCode?: boolean;
  /** Render reviews whose body is plain Markdown when content syncs (src/lib/plain-markdown.ts). */
  markdownPath?: boolean;
  /** Reviews: how long the MDX parser may take over one file before the build gives up on it (ms). */
  parseTimeoutMs?: number;
}

/**
 * Astro's glob loader, with each file re-read as YAML 1.2 (so timestamps keep their text and a
 * missing offset can be caught), validated with author-facing messages, and duplicate ids refused.
 * Files the layout rule refuses fail the build; content-like files nothing reads are logged.
 */
export function validatedGlob(options: ValidatedGlobOptions): Loader {
  // generateId runs for every file on every load, cached or not, so duplicates are always seen.
  const fileById = new Map<string, string>();
  const inner = glob({
    base: options.base,
    pattern: LOADER_PATTERNS[options.folder],
    generateId: ({ entry }) => {
      const id = idFromPath(entry);
      const file = resolve(options.base, entry);
      const other = fileById.get(id);
      if (other && other !== file && existsSync(other)) {
        throw new ContentError([duplicateIdProblem(shown(file), id, shown(other))]);
      }
      fileById.set(id, file);
      // Runs before parseData on every (re)load, and alone when the file is back to its stored digest.
      setContentProblems(file, []);
      return id;
    },
  });
  const isReview = options.folder === 'incidents';
  // One parser process for the whole load, started on the first changed review.
  const guard = isReview && options.parseTimeoutMs !== undefined ? new ParseGuard(options.parseTimeoutMs) : undefined;
  return {
    name: 'hindsight-glob',
    load: async (context) => {
      const { problems } = scanContentFolder(options.base, options.folder);
      const refused = problems.filter((p) => p.kind === 'refused').map((p) => `${shown(p.path)}: ${p.reason}`);
      if (refused.length > 0) throw new ContentError(refused);
      for (const p of problems) context.logger.warn(`${shown(p.path)}: ${p.reason}`);
      const markdown = options.markdownPath ? markdownPathStore(context) : undefined;
      const innerContext: ContextWithEntryTypes = {
        ...context,
        ...(markdown ? { store: markdown.store } : {}),
        entryTypes: withoutFrontmatterParsing((context as Partial<ContextWithEntryTypes>).entryTypes),
        parseData: async (props) => {
          const file = props.filePath ? resolve(props.filePath) : props.id;
          let data: unknown;
          try {
            const text = isReview ? readReviewText(file) : readFileSync(file, 'utf8');
            data = readRawData(text, !isReview, file);
            if (isReview) checkReviewBody(text, file, options.refuseBuildTimeCode ?? false);
            if (guard) await checkParseTime(guard, text, file, options.parseTimeoutMs!);
            validate(options.schema, data, file, { unknownFields: options.unknownFields, logger: context.logger });
          } catch (error) {
            // Remembered for the dev overlay: on a reload Astro would only log it (content-problems.ts).
            if (error instanceof ContentError) setContentProblems(file, error.problems);
            throw error;
          }
          return context.parseData({ ...props, data: data as typeof props.data });
        },
      };
      await inner.load(innerContext);
      await markdown?.settled();
      keepSyncedEntries(options.folder, context.store.values());
    },
  };
}

/** What the glob loader reads of an entry type (a part of the loader context Astro does not type). */
type EntryTypes = Map<string, { getEntryInfo: (params: { contents: string; fileUrl: URL }) => unknown }>;
type ContextWithEntryTypes = LoaderContext & { entryTypes: EntryTypes | undefined };

/**
 * Astro's Markdown and MDX entry types, except that they only split the body from the
 * frontmatter: the glob loader asks them for every file on every build, changed or not, and
 * they parse the YAML with the `yaml` package (2.5 s of a cold build at 1,000 reviews), while
 * `parseData` above reads the data itself, only for changed files.
 */
function withoutFrontmatterParsing(entryTypes: EntryTypes | undefined): EntryTypes | undefined {
  if (!entryTypes) return entryTypes;
  return new Map(
    [...entryTypes].map(([ext, type]) =>
      ext === '.md' || ext === '.mdx'
        ? [ext, { ...type, getEntryInfo: ({ contents }) => ({ data: {}, ...splitFrontmatter(contents) }) }]
        : [ext, type],
    ),
  );
}

/**
 * The body preceded by as many blank lines as the frontmatter takes, so that line numbers in
 * errors (a broken diagram fence) are the file's, as they are through MDX.
 */
function withFrontmatterLines(body: string, file: URL): string {
  // The MDX entry type stores the body trimmed, so find where it starts in the file.
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(body);
  return start <= 0 ? body : '\n'.repeat(text.slice(0, start).split('\n').length - 1) + body;
}
type StoreEntry = Parameters<LoaderContext['store']['set']>[0];

/**
 * The glob loader's store, except that an `.mdx` entry whose body is plain Markdown
 * (isPlainMarkdown) is rendered now with the site's Markdown processor and stored with its HTML,
 * instead of being left for a per-review MDX module. Unchanged files keep their stored HTML
 * across builds (the glob loader skips an entry whose digest is unchanged).
 */
function markdownPathStore(context: LoaderContext): { store: LoaderContext['store']; settled: () => Promise<void> } {
  const pending = new Set<Promise<void>>();
  const failures: unknown[] = [];
  const { store } = context;
  const set = (entry: StoreEntry): boolean => {
    const { body } = entry;
    if (!entry.deferredRender || !entry.filePath?.endsWith('.mdx') || body === undefined || !isPlainMarkdown(body)) {
      return store.set(entry);
    }
    const fileURL = new URL(entry.filePath, context.config.root);
    const job = context
      .renderMarkdown(withFrontmatterLines(body, fileURL), { fileURL })
      .then((rendered) => {
        // The page cuts such HTML to place frontmatter lists under their headings
        // (narrative-parts.ts), which would skip the image-path rewriting `render()` does: MDX then.
        const cutWithImages = (rendered.metadata?.imagePaths?.length ?? 0) > 0 && hasFrontmatterSectionHeading(body);
        store.set(cutWithImages ? entry : { ...entry, deferredRender: false, rendered });
      })
      .catch((error: unknown) => {
        failures.push(error);
      })
      .finally(() => pending.delete(job));
    pending.add(job);
    return true;
  };
  const wrapped = new Proxy(store, {
    get: (target, key): unknown => (key === 'set' ? set : Reflect.get(target, key, target)),
  });
  return {
    store: wrapped,
    settled: async () => {
      while (pending.size > 0) await Promise.all(pending);
      if (failures.length > 0) throw failures[0];
    },
  };
}

/** Refuses a body the MDX parser could not finish (pre-scan) and, when asked, build-time code. */
function checkReviewBody(text: string, file: string, refuseCode: boolean): void {
  const refused = prescanMdx(text, bodyOffsetOf(text)).problem;
  if (refused) throw new ContentError([`${shown(file)}:${refused.line}:${refused.column}: ${refused.message}`]);
  if (!refuseCode) return;
  const code = findBuildTimeCode(text);
  if (code.length > 0) {
    throw new ContentError(
      code.map(
        (c) =>
          `${shown(file)}:${c.line}: ${c.message}; a public build refuses code in reviews (publicBuildCode: allow in hindsight.yaml builds it, see docs/deploy.md)`,
      ),
    );
  }
}

/**
 * Refuses a review the MDX parser does not finish within the limit (or that kills it), before
 * the build's own compile, which runs on the main thread and could not be stopped.
 */
async function checkParseTime(guard: ParseGuard, text: string, file: string, limitMs: number): Promise<void> {
  const verdict = await guard.check(text);
  if (verdict === 'parsed') return;
  const what =
    verdict === 'stalled' ? `did not finish parsing this review within ${limitMs / 1000} s` : 'crashed on this review';
  throw new ContentError([
    `${shown(file)}: the MDX parser ${what}; look for an unclosed { or < in the body (HINDSIGHT_PARSE_TIMEOUT sets the limit)`,
  ]);
}

/** Where the body starts (after the frontmatter block), so the pre-scan skips the YAML. */
function bodyOffsetOf(text: string): number {
  const match = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(text);
  return match ? match[0].length : 0;
}

/** A YAML file holding a list (patterns, glossary); a missing file is an empty collection. */
export function yamlListLoader(options: {
  file: string;
  schema: z.ZodType;
  idOf: (item: Record<string, unknown>) => string;
  unknownFields: UnknownFieldsPolicy;
}): Loader {
  return {
    name: 'hindsight-yaml-list',
    load: async (context) => {
      const { store, watcher } = context;
      const reload = async () => {
        store.clear();
        if (!existsSync(options.file)) return;
        const { items, problems, warnings } = checkListEntries(readYamlFile(options.file), {
          ...options,
          file: shown(options.file),
        });
        for (const line of warnings) context.logger.warn(line);
        if (problems.length > 0) throw new ContentError(problems);
        for (const { id, data: item } of items) {
          const data = await context.parseData({ id, data: item, filePath: options.file });
          store.set({ id, data });
        }
      };
      await reload();
      watcher?.add(options.file);
      watcher?.on('change', (changed) => {
        if (changed === options.file) void reload();
      });
    },
  };
}
