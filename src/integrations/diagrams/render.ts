/**
 * Renders Mermaid diagrams for the build: validates every diagram with Mermaid's own parser,
 * draws the types beautiful-mermaid supports as SVG, and leaves the rest to the browser.
 * Results are cached by a hash of the source and the renderer versions, in memory for the
 * process and on disk under the Astro cache folder, so unchanged diagrams cost nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanSvg, getSourceLabels, getSvgLabels, isBuildTimeType, parseMermaidSource } from '../../lib/diagram.ts';

/** Bump when cleanSvg or the render options change: cached SVG from older code is then ignored. */
const PIPELINE_VERSION = 1;

/** Colours are CSS custom properties of the site, so one SVG serves light and dark mode. */
const RENDER_OPTIONS = {
  bg: 'var(--surface)',
  fg: 'var(--text)',
  transparent: true,
  padding: 16,
} as const;

/** A diagram ready for the page. */
export interface RenderedDiagram {
  /** First keyword of the source, e.g. `flowchart`, `pie`. */
  type: string;
  /** The SVG when drawn at build time; undefined when the browser draws it. */
  svg: string | undefined;
  /** Text labels, for search and screen readers. */
  labels: string[];
}

/** Where a diagram comes from, for error messages: `file` and the line of its fence. */
export interface DiagramOrigin {
  file: string;
  line?: number | undefined;
}

/** A diagram that cannot be parsed; the message names the file, the fence line and the parser's words. */
export class DiagramError extends Error {
  override name = 'HindsightDiagramError';
}

interface CacheState {
  dir: string | undefined;
  memory: Map<string, RenderedDiagram>;
}

// The Astro config and the pages are separate module instances in one process; they share the
// cache (and the configured folder) through a global keyed by a registered symbol.
const STATE_KEY = Symbol.for('hindsight.diagram-cache');
const state: CacheState = ((globalThis as Record<symbol, unknown>)[STATE_KEY] as CacheState | undefined) ?? {
  dir: undefined,
  memory: new Map(),
};
(globalThis as Record<symbol, unknown>)[STATE_KEY] = state;

/** Sets the folder for the on-disk cache (Astro's cacheDir); without it only memory is used. */
export function configureDiagramCache(dir: string | undefined): void {
  state.dir = dir;
}

let versions: string | undefined;

/** `beautiful-mermaid@1.1.3 mermaid@12.3.0 pipeline@1`: part of every cache key. */
export function rendererVersions(): string {
  versions ??= `${['beautiful-mermaid', 'mermaid'].map((name) => `${name}@${packageVersion(name)}`).join(' ')} pipeline@${PIPELINE_VERSION}`;
  return versions;
}

/** A dependency's installed version (neither package exports its package.json). */
function packageVersion(name: string): string {
  const candidates: string[] = [];
  try {
    let dir = dirname(fileURLToPath(import.meta.resolve(name)));
    for (let n = 0; n < 4; n++, dir = dirname(dir)) candidates.push(join(dir, 'package.json'));
  } catch {
    // import.meta.resolve is missing in some loaders; the project's node_modules is the fallback.
  }
  candidates.push(join(process.cwd(), 'node_modules', name, 'package.json'));
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === name && pkg.version) return pkg.version;
  }
  return 'unknown';
}

/** The cache key of a source: sha256 of renderer versions, options and source. */
export function diagramKey(source: string): string {
  return createHash('sha256').update(`${rendererVersions()}\n${JSON.stringify(RENDER_OPTIONS)}\n${source}`).digest('hex');
}

type MermaidApi = { parse(text: string): Promise<unknown> };
let mermaidApi: Promise<MermaidApi> | undefined;

/**
 * Mermaid's parser runs in Node, but a few diagram databases call DOMPurify, which has no
 * window here and exports only a stub. Parsing never needs sanitising, so fill the gaps with
 * no-ops (only where missing: in a browser-like environment nothing changes).
 */
async function loadMermaid(): Promise<MermaidApi> {
  const { default: purify } = (await import('dompurify')) as unknown as { default: Record<string, unknown> };
  purify['addHook'] ??= () => {};
  purify['removeHook'] ??= () => {};
  purify['removeHooks'] ??= () => {};
  purify['sanitize'] ??= (text: unknown) => String(text);
  const { default: mermaid } = await import('mermaid');
  return mermaid;
}

/** Mermaid's parse errors quote a line with a caret under it; keep that shape, indented. */
function formatParserMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().replace(/\n/g, '\n    ');
}

const where = (origin: DiagramOrigin) => (origin.line ? `${origin.file}:${origin.line}` : origin.file);

/** Validates, renders (or defers to the browser) and caches one diagram. Throws DiagramError. */
export async function renderDiagram(source: string, origin: DiagramOrigin): Promise<RenderedDiagram> {
  const key = diagramKey(source);
  const cached = state.memory.get(key) ?? readDisk(key);
  if (cached) {
    state.memory.set(key, cached);
    return cached;
  }
  const { body, type } = parseMermaidSource(source);
  if (!type) throw new DiagramError(`${where(origin)}: the mermaid diagram is empty`);

  mermaidApi ??= loadMermaid();
  try {
    await (await mermaidApi).parse(source);
  } catch (error) {
    throw new DiagramError(`${where(origin)}: mermaid ${type} diagram could not be parsed:\n    ${formatParserMessage(error)}`);
  }

  let result: RenderedDiagram;
  if (isBuildTimeType(type)) {
    const { renderMermaidSVG } = await import('beautiful-mermaid');
    let svg: string;
    try {
      svg = renderMermaidSVG(body, RENDER_OPTIONS);
    } catch (error) {
      throw new DiagramError(`${where(origin)}: mermaid ${type} diagram could not be drawn at build time:\n    ${formatParserMessage(error)}`);
    }
    const cleaned = cleanSvg(svg, `d${key.slice(0, 8)}`);
    result = { type, svg: cleaned, labels: getSvgLabels(cleaned) };
  } else {
    result = { type, svg: undefined, labels: getSourceLabels(source) };
  }
  state.memory.set(key, result);
  writeDisk(key, result);
  return result;
}

function diskPath(key: string): string | undefined {
  return state.dir ? join(state.dir, 'diagrams', `${key}.json`) : undefined;
}

function readDisk(key: string): RenderedDiagram | undefined {
  const file = diskPath(key);
  if (!file || !existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RenderedDiagram;
  } catch {
    return undefined; // A torn or foreign file is just a cache miss.
  }
}

function writeDisk(key: string, result: RenderedDiagram): void {
  const file = diskPath(key);
  if (!file) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Write then rename, so a build killed mid-write never leaves half a file behind.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(result));
    renameSync(temp, file);
  } catch {
    // The cache is an optimisation; a read-only folder must not fail the build.
  }
}

/** Counts for tests and the benchmark: how many diagrams are in the memory cache. */
export function diagramCacheSize(): number {
  return state.memory.size;
}
