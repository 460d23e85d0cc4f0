import { escapeRegExp } from './escape.ts';

/** `Alice Kim` → `A.K.`; `Émilie` → `É.`. Words are split on spaces, dots and underscores. */
export function toInitials(name: string): string {
  const words = name
    .trim()
    .split(/[\s._]+/u)
    .filter(Boolean);
  const letters = words.map((w) => [...w][0]!.toLocaleUpperCase()).filter((c) => /\p{L}|\p{N}/u.test(c));
  return letters.length > 0 ? `${letters.join('.')}.` : '?';
}

/**
 * Gives every distinct person a distinct initials alias: the second `A.K.` becomes `A.K.2`.
 * The same key always gets the same alias, so a person stays recognisable across entries.
 */
export function createAliaser(): (key: string, name: string) => string {
  const byKey = new Map<string, string>();
  const used = new Map<string, number>();
  return (key, name) => {
    const known = byKey.get(key);
    if (known) return known;
    const base = toInitials(name);
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    const alias = count === 1 ? base : `${base}${count}`;
    byKey.set(key, alias);
    return alias;
  };
}

/** Replaces whole-word occurrences of each name with its alias (longest names first). */
export function replaceNames(text: string, aliases: ReadonlyMap<string, string>): string {
  const names = [...aliases.keys()].filter((n) => n.trim().length > 1).sort((a, b) => b.length - a.length);
  if (names.length === 0) return text;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}_])(${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])(\\.?)`,
    'gu',
  );
  // "by Alice Kim." becomes "by A.K." rather than "by A.K..".
  return text.replace(pattern, (_, name: string, dot: string) => {
    const alias = aliases.get(name) ?? name;
    return alias.endsWith('.') ? alias : `${alias}${dot}`;
  });
}
