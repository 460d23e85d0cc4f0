import { parse } from 'yaml';

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * The data of a Markdown/MDX frontmatter block or a whole YAML file, parsed as YAML 1.2.
 * Unlike Astro's YAML 1.1 parse, timestamps stay strings, so a missing offset can be seen.
 */
export function parseRawData(contents: string, isYamlFile: boolean): Record<string, unknown> {
  const source = isYamlFile ? contents : (FRONTMATTER.exec(contents)?.[1] ?? '');
  const data: unknown = parse(source);
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}
