import { ContentError, displayPath } from './content-errors.ts';
import { isPlainObject } from './is-plain-object.ts';
import { parseYaml12, parseYamlText } from './yaml-file.ts';

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Mapping keys written with no value (`lessons:`) mean "not given": drop them, at any depth. */
function dropEmptyKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmptyKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, dropEmptyKeys(v)]),
  );
}

/**
 * The data of a Markdown/MDX frontmatter block or a whole YAML file, parsed as YAML 1.2.
 * Unlike Astro's YAML 1.1 parse, timestamps stay strings, so a missing offset can be seen.
 * A key with no value counts as absent, so a required one is reported as missing.
 */
export function parseRawData(contents: string, isYamlFile: boolean): Record<string, unknown> {
  const source = isYamlFile ? contents : (FRONTMATTER.exec(contents)?.[1] ?? '');
  const data = dropEmptyKeys(parseYaml12(source));
  return isPlainObject(data) ? data : {};
}

/**
 * Like `parseRawData`, for the build: unreadable YAML (syntax, alias bombs) and a frontmatter or
 * file that is not a mapping (a list, a bare value) fail with one message naming `file`.
 */
export function readRawData(contents: string, isYamlFile: boolean, file: string): Record<string, unknown> {
  const match = isYamlFile ? undefined : FRONTMATTER.exec(contents);
  if (!isYamlFile && !match) return {};
  const data = dropEmptyKeys(parseYamlText(isYamlFile ? contents : match![1]!, file));
  if (data === undefined || data === null) return {};
  if (!isPlainObject(data)) {
    const what = Array.isArray(data) ? 'a list' : `the single value ${JSON.stringify(data).slice(0, 40)}`;
    throw new ContentError([
      `${displayPath(file)}: ${isYamlFile ? 'the file' : 'frontmatter'} must be a mapping of fields (key: value lines), not ${what}`,
    ]);
  }
  return data;
}

// Astro's own frontmatter fences (@astrojs/internal-helpers/frontmatter), so bodies split alike.
const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;
const ASTRO_FENCE = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)/;

/**
 * The body and raw frontmatter of a Markdown/MDX file, split where Astro's MDX and Markdown
 * entry types split them (body trimmed), without parsing the YAML: the build reads the data
 * once, with `readRawData`.
 */
export function splitFrontmatter(contents: string): { body: string; rawData: string } {
  const rawData = ASTRO_FRONTMATTER.exec(contents)?.[1];
  if (rawData === undefined) return { body: contents.trim(), rawData: '' };
  const fence = ASTRO_FENCE.exec(contents)![1]!;
  const block = `${fence}${rawData}${fence}`;
  const at = contents.indexOf(block);
  // Astro blanks the block out and trims; only whitespace (or a BOM) can precede it.
  return { body: at < 0 ? contents.trim() : contents.slice(at + block.length).trim(), rawData };
}
