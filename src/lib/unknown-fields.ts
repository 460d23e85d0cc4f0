import type { z } from 'astro/zod';
import { formatPath, suggestClosest } from './content-errors.ts';

/** A key in the data that the schema does not know, with the closest known key when it looks like a typo. */
export interface UnknownField {
  path: PropertyKey[];
  key: string;
  known: string[];
  suggestion: string | undefined;
}

/** The zod 4 definition fields this walk reads. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object or array schema under wrappers (optional, default, pipe, …), or undefined for a leaf. */
function unwrap(schema: z.ZodType): Def | undefined {
  let def = defOf(schema);
  for (let depth = 0; depth < 10; depth++) {
    if (def.type === 'object' || def.type === 'array') return def;
    const inner = def.innerType ?? def.in;
    if (!inner) return undefined;
    def = defOf(inner);
  }
  return undefined;
}

/**
 * Keys of `data` (at any depth) that `schema` does not declare: zod would drop them without a word,
 * so a misspelt optional field (`mitigatd:`) would silently vanish.
 */
export function findUnknownFields(schema: z.ZodType, data: unknown, path: PropertyKey[] = []): UnknownField[] {
  const def = unwrap(schema);
  if (!def || data === null || typeof data !== 'object') return [];
  if (def.type === 'array') {
    if (!Array.isArray(data) || !def.element) return [];
    return data.flatMap((item, index) => findUnknownFields(def.element!, item, [...path, index]));
  }
  if (Array.isArray(data) || data instanceof Date || !def.shape) return [];
  const known = Object.keys(def.shape);
  return Object.entries(data as Record<string, unknown>).flatMap(([key, value]) =>
    def.shape![key]
      ? findUnknownFields(def.shape![key], value, [...path, key])
      : [{ path: [...path, key], key, known, suggestion: suggestClosest(key, known) }],
  );
}

/** `mitigatd is not a field (did you mean `mitigated`?)`, or the list of fields when nothing is close. */
export function describeUnknownField(field: UnknownField): string {
  const where = formatPath(field.path);
  if (field.suggestion) return `${where} is not a field: did you mean \`${field.suggestion}\`?`;
  return `${where} is not a field (known here: ${field.known.join(', ')})`;
}
