import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import type { z } from 'astro/zod';
import { parse } from 'yaml';
import { ContentError, displayPath, formatSchemaIssues } from '../lib/content-errors.ts';
import { idFromPath } from '../lib/content-ids.ts';
import { isPlainMarkdown } from '../lib/plain-markdown.ts';
import { parseRawData } from '../lib/raw-frontmatter.ts';

/** Paths in messages are relative to where the build runs, so an author can open them. */
const shown = (file: string) => displayPath(file);

/** Validate with our friendly messages before Astro's own (terser) validation runs. */
function validate(schema: z.ZodType, data: unknown, file: string, pathPrefix: PropertyKey[] = []) {
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ ...issue, path: [...pathPrefix, ...issue.path] }));
    // Re-root the data so the prefixed paths still point at the bad values.
    const root = pathPrefix.reduceRight<unknown>((inner, key) => ({ [key]: inner }), data);
    throw new ContentError(formatSchemaIssues(shown(file), issues, root));
  }
}

/**
 * Astro's glob loader, with each file re-read as YAML 1.2 (so timestamps keep their text and a
 * missing offset can be caught), validated with author-facing messages, and duplicate ids refused.
 */
export function validatedGlob(options: { base: string; pattern: string; schema: z.ZodType; markdownPath?: boolean }): Loader {
  // generateId runs for every file on every load, cached or not, so duplicates are always seen.
  const fileById = new Map<string, string>();
  const inner = glob({
    base: options.base,
    pattern: options.pattern,
    generateId: ({ entry }) => {
      const id = idFromPath(entry);
      const file = resolve(options.base, entry);
      const other = fileById.get(id);
      if (other && other !== file && existsSync(other)) {
        throw new ContentError([
          `${shown(file)}: id "${id}" is already used by ${shown(other)} (the id comes from the file or folder name and must be unique)`,
        ]);
      }
      fileById.set(id, file);
      return id;
    },
  });
  return {
    name: 'hindsight-glob',
    load: async (context) => {
      const markdown = options.markdownPath ? markdownPathStore(context) : undefined;
      await inner.load({
        ...context,
        ...(markdown ? { store: markdown.store } : {}),
        parseData: async (props) => {
          const file = props.filePath ?? props.id;
          const data = parseRawData(readFileSync(file, 'utf8'), /\.ya?ml$/i.test(file));
          validate(options.schema, data, file);
          return context.parseData({ ...props, data: data as typeof props.data });
        },
      });
      await markdown?.settled();
    },
  };
}

type LoaderContext = Parameters<Loader['load']>[0];

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
    if (!entry.deferredRender || !entry.filePath?.endsWith('.mdx') || entry.body === undefined || !isPlainMarkdown(entry.body)) return store.set(entry);
    const fileURL = new URL(entry.filePath, context.config.root);
    const job = context
      .renderMarkdown(withFrontmatterLines(entry.body, fileURL), { fileURL })
      .then((rendered) => {
        store.set({ ...entry, deferredRender: false, rendered });
      })
      .catch((error: unknown) => {
        failures.push(error);
      })
      .finally(() => pending.delete(job));
    pending.add(job);
    return true;
  };
  const wrapped = new Proxy(store, { get: (target, key): unknown => (key === 'set' ? set : Reflect.get(target, key, target)) });
  return {
    store: wrapped,
    settled: async () => {
      while (pending.size > 0) await Promise.all(pending);
      if (failures.length > 0) throw failures[0];
    },
  };
}

/** A YAML file holding a list (patterns, glossary); a missing file is an empty collection. */
export function yamlListLoader(options: { file: string; schema: z.ZodType; idOf: (item: Record<string, unknown>) => string }): Loader {
  return {
    name: 'hindsight-yaml-list',
    load: async (context) => {
      const { store, watcher } = context;
      const reload = async () => {
        store.clear();
        if (!existsSync(options.file)) return;
        const items: unknown = parse(readFileSync(options.file, 'utf8')) ?? [];
        if (!Array.isArray(items)) {
          throw new ContentError([`${shown(options.file)}: expected a list of entries (each line starting with "- ")`]);
        }
        const seen = new Set<string>();
        for (const [index, item] of items.entries()) {
          validate(options.schema, item, options.file, [index]);
          const id = options.idOf(item as Record<string, unknown>);
          if (seen.has(id)) throw new ContentError([`${shown(options.file)}: [${index}] id "${id}" appears twice`]);
          seen.add(id);
          const data = await context.parseData({ id, data: item as Record<string, unknown>, filePath: options.file });
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
