import { readFileSync } from 'node:fs';
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { parse, YAMLError } from 'yaml';
import { ContentError, displayPath } from './content-errors.ts';

/** Aliases one document may expand (the `yaml` default, stated so the limit is ours to document). */
export const MAX_YAML_ALIASES = 100;

const scalar = (tag: string, pattern: RegExp, construct: (text: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (text) => pattern.test(text ?? ''), construct });

/**
 * YAML 1.2's core schema (the spec's §10.3.2 patterns) for js-yaml, whose own CORE_SCHEMA also
 * reads `0b101` as a number and misses `+.5`: with it, js-yaml gives the data `yaml` gives.
 */
const YAML_12_CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^(?:null|Null|NULL|~|)$/, () => null),
    scalar('bool', /^(?:true|True|TRUE|false|False|FALSE)$/, (text) => /^t/i.test(text)),
    scalar('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (text) =>
      text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text, 16) : Number(text),
    ),
    scalar(
      'float',
      /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
      (text) =>
        /inf/i.test(text) ? (text.startsWith('-') ? -Infinity : Infinity) : /nan/i.test(text) ? NaN : Number(text),
    ),
  ],
});

/**
 * What only `yaml` reads the way this project wants: anchors, aliases and tags (it caps how far
 * aliases expand), and keys that are null (`~:`, which js-yaml names "null" and `yaml` "").
 */
const NEEDS_FULL_PARSER = /(?:^|[\s[{,])[&*!]|(?:^|[\s{,?-])(?:~|null|Null|NULL)?[\t ]*:(?=\s|$)/m;

/**
 * YAML 1.2 text parsed to plain data; throws `yaml`'s error. Plain data (no anchors, aliases or
 * tags) goes through js-yaml, ten times faster on review frontmatter (2.5 s against 0.2 s for
 * 1,000 synthetic reviews, most of a cold build's content sync); anything else, and anything
 * js-yaml refuses, through `yaml`, which says what is wrong and where.
 */
export function parseYaml12(text: string): unknown {
  if (!NEEDS_FULL_PARSER.test(text)) {
    try {
      return load(text, { schema: YAML_12_CORE }) ?? null; // an empty document is null, as in `yaml`
    } catch {
      // `yaml` below reports it, with its own message and line.
    }
  }
  return parse(text, { maxAliasCount: MAX_YAML_ALIASES });
}

/**
 * YAML 1.2 text parsed to plain data. Any problem (syntax, an alias bomb past `MAX_YAML_ALIASES`)
 * becomes one `ContentError` naming the file and, where known, the line.
 */
export function parseYamlText(text: string, file: string): unknown {
  try {
    return parseYaml12(text);
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
