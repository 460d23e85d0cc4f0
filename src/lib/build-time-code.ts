import { builtinModules } from 'node:module';

/** One place where a review runs code at build time or embeds script into its page. */
export interface BuildTimeCode {
  /** 1-based line in the file. */
  line: number;
  /** What was found, for the author. */
  message: string;
}

const NODE_BUILTINS = new Set(builtinModules.map((name) => name.replace(/^node:/, '')));
// `import x from 'm'`, `import 'm'`, and the last line of a multi-line `import {\n a,\n} from 'm'`.
const ESM_FROM =
  /^\s*(import|export)\b[^\n]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|^\s*\}\s*from\s*['"]([^'"]+)['"]/;
const DYNAMIC_IMPORT = /\bimport\s*\(|\brequire\s*\(/;
const PROCESS = /\bprocess\s*(?:\.\s*env\b|\[)|\bglobalThis\s*\.\s*process\b/;
const SCRIPT = /<script\b/i;
const EVENT_HANDLER = /<[A-Za-z][^>]*?\s(on[a-z]+)\s*=/i;
const JAVASCRIPT_URL = /(?:\]\(\s*<?|=\s*["'{]?\s*["'`]?)\s*javascript\s*:/i;

/**
 * What an MDX review can do beyond prose (docs/authoring.md, "Trust model"): import Node built-ins,
 * read `process.env`, embed `<script>`, `on*=` handlers or `javascript:` links. Frontmatter, fenced
 * code and code spans are skipped (they are shown, not run). Importing components is fine.
 */
export function findBuildTimeCode(text: string): BuildTimeCode[] {
  const found: BuildTimeCode[] = [];
  const lines = text.split('\n');
  let fence: string | undefined;
  let inFrontmatter = /^\uFEFF?---\r?$/.test(lines[0] ?? '');
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (inFrontmatter) {
      if (index > 0 && /^---\r?$/.test(raw)) inFrontmatter = false;
      return;
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (open) {
      const marker = open[1]!;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return;
    }
    if (fence !== undefined) return;
    const code = raw.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
    const esm = ESM_FROM.exec(code);
    const source = esm?.[2] ?? esm?.[3] ?? esm?.[4];
    if (source !== undefined && (source.startsWith('node:') || NODE_BUILTINS.has(source.split('/')[0]!))) {
      found.push({ line, message: `${esm![1] ?? 'import'}s the Node built-in "${source}"` });
    }
    if (DYNAMIC_IMPORT.test(code) && /^\s*(import|export)\b|\{/.test(code))
      found.push({ line, message: 'loads a module at build time (import() or require())' });
    if (PROCESS.test(code))
      found.push({ line, message: 'reads process.env (build secrets would be printed into the page)' });
    if (SCRIPT.test(code)) found.push({ line, message: 'embeds a <script> element' });
    const handler = EVENT_HANDLER.exec(code);
    if (handler) found.push({ line, message: `has an ${handler[1]!.toLowerCase()}= event handler` });
    if (JAVASCRIPT_URL.test(code)) found.push({ line, message: 'links to a javascript: URL' });
  });
  return found;
}
