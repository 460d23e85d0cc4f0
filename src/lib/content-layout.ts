/**
 * Which files under a content folder the build and the linter read: one rule for both
 * (docs/authoring.md, "Which files are read").
 *
 * - `incidents/`: a review is `<id>.mdx` or `<id>/index.mdx` (folders may nest: `2024/<id>.mdx`),
 *   extension `.mdx` in lower case. A `.md` review is refused: plain Markdown would print
 *   `<Internal>` sections into a public build. `incidents/index.mdx` has no id and is refused.
 * - `services/`, `paths/`: `<id>.yaml` or `<id>.yml` directly in the folder; subfolders are refused.
 * - A file whose name starts with `_` is skipped everywhere (notes, partials, drafts kept aside).
 * - Any other file that looks like content (`.md`, `.mdx`, `.markdown`, `.yaml`, `.yml`, `.json`
 *   in any case) is read by nothing and gets a warning; images and other assets are left alone.
 */

/** The folders of a content root that hold one entry per file. */
export type ContentFolder = 'incidents' | 'services' | 'paths';

/** What the build and the linter do with one file. */
export type FileVerdict =
  { kind: 'read' } | { kind: 'skipped' } | { kind: 'refused'; reason: string } | { kind: 'unread'; reason: string };

/** Glob patterns (relative to the folder) the build's loaders use: every candidate, refused ones included. */
export const LOADER_PATTERNS: Record<ContentFolder, string> = {
  incidents: '**/[^_]*.{md,mdx}',
  services: '**/[^_]*.{yaml,yml}',
  paths: '**/[^_]*.{yaml,yml}',
};

const CONTENT_LIKE = /\.(?:mdx?|markdown|ya?ml|json)$/i;

/** How `entry` (a `/`-separated path relative to `folder`) is treated. */
export function classifyContentFile(folder: ContentFolder, entry: string): FileVerdict {
  const name = entry.slice(entry.lastIndexOf('/') + 1);
  if (name.startsWith('_')) return { kind: 'skipped' };
  if (folder === 'incidents') {
    if (/\.mdx$/.test(name)) {
      return entry === 'index.mdx'
        ? { kind: 'refused', reason: 'a review needs an id: name it incidents/<id>.mdx or incidents/<id>/index.mdx' }
        : { kind: 'read' };
    }
    if (/\.md$/.test(name)) {
      return {
        kind: 'refused',
        reason:
          'reviews are .mdx files: a .md file is compiled as plain Markdown, so <Internal> sections would be published. Rename it to .mdx',
      };
    }
    return CONTENT_LIKE.test(name)
      ? { kind: 'unread', reason: 'nothing reads this file: reviews are <id>.mdx (lower-case extension)' }
      : { kind: 'skipped' };
  }
  const noun = folder === 'services' ? 'a service' : 'a learning path';
  if (/\.ya?ml$/.test(name)) {
    return entry.includes('/')
      ? { kind: 'refused', reason: `${noun} is ${folder}/<id>.yaml: subfolders are not supported, move it up` }
      : { kind: 'read' };
  }
  return CONTENT_LIKE.test(name)
    ? { kind: 'unread', reason: `nothing reads this file: ${noun} is ${folder}/<id>.yaml (lower-case extension)` }
    : { kind: 'skipped' };
}
