import { readFileSync } from 'node:fs';
import { parse, YAMLError } from 'yaml';
import { ContentError, displayPath } from './content-errors.ts';

/** Aliases one document may expand (the `yaml` default, stated so the limit is ours to document). */
export const MAX_YAML_ALIASES = 100;

/**
 * YAML 1.2 text parsed to plain data. Any problem (syntax, an alias bomb past `MAX_YAML_ALIASES`)
 * becomes one `ContentError` naming the file and, where known, the line.
 */
export function parseYamlText(text: string, file: string): unknown {
  try {
    return parse(text, { maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    throw new ContentError([describeYamlError(error, displayPath(file))]);
  }
}

/** A YAML file's data (see `parseYamlText`). */
export function readYamlFile(file: string): unknown {
  return parseYamlText(readFileSync(file, 'utf8'), file);
}

/**
 * A YAML file's data, or undefined when it cannot be read, for readers that run before the
 * content loaders, which then refuse the same file with its name and line.
 */
export function readYamlFileLeniently(file: string): unknown {
  try {
    return readYamlFile(file);
  } catch {
    return undefined;
  }
}

/** `file is not valid YAML (line n): …` in one line. */
export function describeYamlError(error: unknown, file: string): string {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  if (/alias count/i.test(message)) {
    return `${file} is not read: its YAML aliases expand more than ${MAX_YAML_ALIASES} times (an alias bomb?)`;
  }
  const line = error instanceof YAMLError ? error.linePos?.[0]?.line : undefined;
  return `${file} is not valid YAML${line ? ` (line ${line})` : ''}: ${message}`;
}
