import { slugify } from './slugify.ts';

/**
 * The id of a content file from its path under the collection folder:
 * `2024-03-05-x.mdx` and `2024-03-05-x/index.mdx` are both `2024-03-05-x`.
 */
export function idFromPath(entry: string): string {
  const withoutExtension = entry.replace(/\.[^./]+$/, '').replace(/(^|\/)index$/, '');
  return withoutExtension.split('/').filter(Boolean).map(slugify).join('/');
}
