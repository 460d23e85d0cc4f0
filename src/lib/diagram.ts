/**
 * Pure helpers for Mermaid diagrams: which renderer a diagram needs, cleaning the SVG the
 * build-time renderer emits, the labels readers can search for, and the figure markup.
 * Rendering itself (and its cache) lives in src/integrations/diagrams.
 */
import { reshapeSelfLoops } from './diagram-loops.ts';
import { escapeHtml, escapeRegExp } from './escape.ts';

/** Diagram types beautiful-mermaid renders at build time; every other type is drawn in the browser. */
export const BUILD_TIME_TYPES = [
  'flowchart',
  'graph',
  'stateDiagram',
  'stateDiagram-v2',
  'sequenceDiagram',
  'classDiagram',
  'erDiagram',
  'xychart-beta',
  'xychart',
] as const;

const TYPE_NAMES: Record<string, string> = {
  flowchart: 'Flowchart',
  graph: 'Flowchart',
  stateDiagram: 'State diagram',
  'stateDiagram-v2': 'State diagram',
  sequenceDiagram: 'Sequence diagram',
  classDiagram: 'Class diagram',
  erDiagram: 'Entity-relationship diagram',
  'xychart-beta': 'Chart',
  xychart: 'Chart',
  pie: 'Pie chart',
  gantt: 'Gantt chart',
  journey: 'User journey',
  timeline: 'Timeline diagram',
  mindmap: 'Mind map',
  gitGraph: 'Git graph',
  quadrantChart: 'Quadrant chart',
};

/** The parts of a Mermaid source: optional `---` front matter title, and the diagram itself. */
export interface MermaidSource {
  /** `title:` from the front matter, if any. */
  title: string | undefined;
  /** The source without front matter, `%%{init}%%` directives and `%%` comments. */
  body: string;
  /** The first keyword, e.g. `flowchart`, `sequenceDiagram`, `pie`; `''` when empty. */
  type: string;
}

/** Splits a Mermaid source into front-matter title, body and diagram type. */
export function parseMermaidSource(source: string): MermaidSource {
  let text = source.replace(/\r\n?/g, '\n');
  let title: string | undefined;
  const front = /^\s*---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (front) {
    title = /^title:\s*(.+)$/m
      .exec(front[1]!)?.[1]
      ?.trim()
      .replace(/^(['"])(.*)\1$/, '$2');
    text = text.slice(front[0].length);
  }
  const body = text
    .replace(/%%\{[\s\S]*?\}%%/g, '')
    .split('\n')
    .filter((line) => !/^\s*%%/.test(line))
    .join('\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
  const type = /^\s*([A-Za-z][\w-]*)/.exec(body)?.[1] ?? '';
  return { title, body, type };
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})[ \t]*([^`\s]*)[^\n]*$/;

/**
 * The source of each ```mermaid fence at the top level of a Markdown or MDX body, as the build's
 * diagram plugin reads it (the fence's lines, its indentation removed), so the build can start
 * drawing them before it renders the body. Fences inside lists and quotes are not found; that
 * only means they are drawn when the body renders.
 */
export function findMermaidFences(body: string): string[] {
  const sources: string[] = [];
  let open: { indent: number; fence: string; lines: string[] | undefined } | undefined;
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop(); // the end of the last line, not a line
  for (const line of lines) {
    if (open) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === open.fence[0] && close[1]!.length >= open.fence.length) {
        if (open.lines) sources.push(open.lines.join('\n'));
        open = undefined;
      } else {
        open.lines?.push(line.replace(new RegExp(`^ {0,${open.indent}}`), ''));
      }
      continue;
    }
    const start = FENCE_OPEN.exec(line);
    if (!start || (start[2]![0] === '`' && line.slice(start[1]!.length + start[2]!.length).includes('`'))) continue;
    const isMermaid = start[3] === 'mermaid';
    open = { indent: start[1]!.length, fence: start[2]!, lines: isMermaid ? [] : undefined };
  }
  if (open?.lines) sources.push(open.lines.join('\n'));
  return sources;
}

/** True when the type is drawn at build time (no browser, no client JS). */
export function isBuildTimeType(type: string): boolean {
  return (BUILD_TIME_TYPES as readonly string[]).includes(type);
}

/** "Flowchart", "Pie chart"…: how a diagram type is named to readers. */
export function describeType(type: string): string {
  return TYPE_NAMES[type] ?? 'Diagram';
}

const NAMED_CODES: Record<string, string> = { quot: '&quot;', amp: '&amp;', lt: '&lt;', gt: '&gt;', nbsp: '&#160;' };

/**
 * The style block beautiful-mermaid writes into every SVG (after the font swap below). It only
 * derives colour variables, so diagrams.css holds it once for all diagrams instead.
 */
export const SHARED_SVG_STYLE = `  text { font-family: system-ui, sans-serif; }
  svg {
    /* Derived from --bg and --fg (overridable via --line, --accent, etc.) */
    --_text:          var(--fg);
    --_text-sec:      var(--muted, color-mix(in srgb, var(--fg) 60%, var(--bg)));
    --_text-muted:    var(--muted, color-mix(in srgb, var(--fg) 40%, var(--bg)));
    --_text-faint:    color-mix(in srgb, var(--fg) 25%, var(--bg));
    --_line:          var(--line, color-mix(in srgb, var(--fg) 50%, var(--bg)));
    --_arrow:         var(--accent, color-mix(in srgb, var(--fg) 85%, var(--bg)));
    --_node-fill:     var(--surface, color-mix(in srgb, var(--fg) 3%, var(--bg)));
    --_node-stroke:   var(--border, color-mix(in srgb, var(--fg) 20%, var(--bg)));
    --_group-fill:    var(--bg);
    --_group-hdr:     color-mix(in srgb, var(--fg) 5%, var(--bg));
    --_inner-stroke:  color-mix(in srgb, var(--fg) 12%, var(--bg));
    --_key-badge:     color-mix(in srgb, var(--fg) 10%, var(--bg));
  }
`;

/** Geometry attributes whose numbers beautiful-mermaid prints with float noise (`36.900000000000006`). */
const GEOMETRY = /\s(?:x|y|x1|y1|x2|y2|cx|cy|r|width|height|dx|dy|points|d|viewBox|transform)="[^"]*"/g;

/** Attributes nothing on the site reads; dropping them keeps review pages small. */
const UNUSED_ATTRIBUTES = /\s(?:data-(?:from|to|style|arrow-start|arrow-end|label|shape)="[^"]*"|rx="0" ry="0")/g;

/**
 * Makes beautiful-mermaid's SVG fit the site: no web-font `@import` (no request may leave the
 * site), the system font stack instead of Inter, ids prefixed so several diagrams can share a
 * page, no `xmlns` (inline SVG in HTML needs none), and Mermaid entity codes (`#quot;`, `#91;`),
 * which Mermaid decodes but beautiful-mermaid prints literally, turned into character references.
 * It also slims the markup every review page carries: the shared style block (in diagrams.css),
 * unused data attributes and coordinates beyond a hundredth of a pixel. Self-loops are redrawn
 * so they can be seen (diagram-loops.ts).
 */
export function cleanSvg(svg: string, idPrefix: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  let out = reshapeSelfLoops(svg)
    // A URL may hold `;` (`wght@400;500`): match url(...) or a quoted string, not up to the first `;`.
    .replace(/^[ \t]*@import\s+(?:url\([^)]*\)|'[^']*'|"[^"]*")[^;\n]*;?[ \t]*\n?/gm, '')
    .replace(/font-family:\s*'Inter',\s*/g, 'font-family: ')
    .replace(/^<svg([^>]*?)\sxmlns="[^"]*"/, '<svg$1')
    .replace(SHARED_SVG_STYLE, '')
    .replace(/<style>\s*<\/style>\n?/, '')
    .replace(UNUSED_ATTRIBUTES, '')
    .replace(GEOMETRY, (attribute) => attribute.replace(/-?\d+\.\d{3,}/g, (n) => String(Number(Number(n).toFixed(2)))));
  for (const id of ids) {
    const escaped = escapeRegExp(id);
    out = out
      .replace(new RegExp(`(\\sid=")${escaped}"`, 'g'), `$1${idPrefix}-${id}"`)
      .replace(new RegExp(`url\\(#${escaped}\\)`, 'g'), `url(#${idPrefix}-${id})`)
      .replace(new RegExp(`href="#${escaped}"`, 'g'), `href="#${idPrefix}-${id}"`);
  }
  // Entity codes only in text and attribute values outside <style>, where `#333;` is a colour;
  // never inside a reference that is already one (`&#39;`, which the renderer writes for `'`).
  return out.replace(
    /(<style[\s\S]*?<\/style>)|(?<!&)#(\d+|[a-z]+);/g,
    (match, style: string | undefined, code: string) => {
      if (style) return style;
      if (/^\d+$/.test(code)) return `&#${code};`;
      return NAMED_CODES[code] ?? match;
    },
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the character references the SVG serialiser writes. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return String.fromCodePoint(code);
    }
    return ENTITIES[ref.toLowerCase()] ?? match;
  });
}

/** The distinct text labels drawn in an SVG, in document order (lines of one label joined by a space). */
export function getSvgLabels(svg: string): string[] {
  const labels = [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    decodeEntities(m[1]!.replace(/<\/tspan>\s*<tspan\b[^>]*>/g, ' ').replace(/<[^>]+>/g, ''))
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return unique(labels);
}

/** Lines that only configure a browser-drawn diagram; nothing on them is worth searching for. */
const CONFIG_LINE =
  /^(dateFormat|axisFormat|tickInterval|excludes|includes|todayMarker|weekday|showData|classDef|class|style|linkStyle|direction|end|commit|branch|checkout|merge|cherry-pick)\b/;
/** Keywords followed by a label: the label is what counts. */
const LABEL_KEYWORD =
  /^(title|section|accTitle|accDescr|x-axis|y-axis|participant|actor|note|loop|alt|else|opt|par|and|critical|break)\b:?\s*/;

/**
 * Best-effort labels of a diagram drawn in the browser (pie, gantt, …), for search and screen
 * readers: titles, section names, quoted strings and the text before `:` of each line.
 */
export function getSourceLabels(source: string): string[] {
  const { title, body, type } = parseMermaidSource(source);
  const labels: string[] = title ? [title] : [];
  // In a timeline the events follow the colon; elsewhere (gantt, journey) metadata does.
  const parts = (text: string) => (type === 'timeline' ? text.split(/\s*:\s*/) : [text.split(/\s*:/)[0]!]);
  for (const raw of body.split('\n').slice(1)) {
    const line = raw.trim();
    if (!line || CONFIG_LINE.test(line)) continue;
    const quoted = [...line.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    if (quoted.length > 0) {
      labels.push(...quoted);
      continue;
    }
    const keyword = LABEL_KEYWORD.exec(line);
    for (const text of keyword ? [line.slice(keyword[0].length)] : parts(line)) {
      const cleaned = text
        .replace(/[[\](){}]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      // Bare numbers and dates (pie values, timeline periods) are not labels.
      if (cleaned && !/^[\d\s.,:%-]+$/.test(cleaned)) labels.push(cleaned);
    }
  }
  return unique(labels);
}

/** A link and extra classes for nodes of a generated graph, keyed by Mermaid node id. */
export interface NodeDecoration {
  href: string;
  /** Accessible name of the link, e.g. "Checkout API: service page". */
  label: string;
  classes: readonly string[];
}

/**
 * Wraps flowchart nodes (`<g class="node" data-id="…">`) in links and adds classes; a wrapped node
 * loses its `data-id`, which only this function reads. Nodes whose group holds another group are
 * left alone: the wrapper cannot find their end reliably.
 */
export function decorateSvgNodes(svg: string, decorations: ReadonlyMap<string, NodeDecoration>): string {
  return svg.replace(
    /<g class="node" data-id="([^"]+)"([^>]*)>([\s\S]*?)<\/g>/g,
    (match, id: string, rest: string, inner: string) => {
      const decoration = decorations.get(id);
      if (!decoration || inner.includes('<g')) return match;
      const classes = ['node', ...decoration.classes].join(' ');
      return `<a href="${escapeHtml(decoration.href)}" aria-label="${escapeHtml(decoration.label)}" class="diagram-link"><g class="${classes}"${rest}>${inner}</g></a>`;
    },
  );
}

/** A drawing of links, kept in the accessibility tree as one named group. */
export function interactiveSvg(svg: string, type: string): string {
  return svg.replace(/^<svg\b/, `<svg role="group" aria-label="${escapeHtml(describeType(type))}"`);
}

/** The size an SVG is drawn at, from its `viewBox`; undefined when it has none. */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const box = /^<svg\b[^>]*?\sviewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  return box ? { width: Number(box[1]), height: Number(box[2]) } : undefined;
}

/** What the figure shows: an SVG drawn at build time, or the source for the browser to draw. */
export interface FigureInput {
  source: string;
  type: string;
  /** The SVG, when drawn at build time. */
  svg: string | undefined;
  labels: readonly string[];
  /** Visible caption; the front-matter title when not given. */
  caption?: string | undefined;
  /** The SVG holds links: keep it in the accessibility tree instead of hiding it. */
  interactive?: boolean | undefined;
  /** Offer the source in a disclosure (default); off for graphs Hindsight generates itself. */
  showSource?: boolean | undefined;
}

/**
 * The `<figure>` for one diagram. The drawing is hidden from assistive technology (its text
 * would be read in layout order) and described by a visually hidden list of its labels, which
 * is also what Pagefind indexes (it ignores SVG text). An interactive drawing (generated graphs,
 * whose nodes are links) stays in the accessibility tree and needs no such list. The source sits
 * in a disclosure that search ignores, so excerpts don't fill with arrows and brackets.
 */
export function renderFigureHtml(input: FigureInput): string {
  const caption = input.caption ?? parseMermaidSource(input.source).title;
  const kind = describeType(input.type);
  const client = input.svg === undefined;
  const description = `${kind}${input.labels.length ? `: ${input.labels.join('; ')}` : ''}.`;
  const drawing = client
    ? `<pre class="mermaid" data-pagefind-ignore>${escapeHtml(input.source)}</pre>`
    : input.interactive
      ? interactiveSvg(input.svg!, input.type)
      : input.svg!.replace(/^<svg\b/, '<svg aria-hidden="true" focusable="false"');
  return (
    `<figure class="diagram${client ? ' diagram-client' : ''}" data-diagram-type="${escapeHtml(input.type)}">` +
    // A figcaption must be the figure's first or last child (HTML); first, as on chart figures.
    (caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : '') +
    // A drawing wider than a phone scrolls; a focusable canvas lets keyboards scroll it too.
    `<div class="diagram-canvas"${input.interactive ? '' : ` tabindex="0" role="group" aria-label="${escapeHtml(kind)} (drawing)"`}>${drawing}</div>` +
    // A drawing of links names every node already (each link's accessible name).
    (input.interactive ? '' : `<p class="visually-hidden diagram-labels">${escapeHtml(description)}</p>`) +
    (input.showSource === false
      ? ''
      : `<details class="diagram-source" data-pagefind-ignore><summary>View diagram source</summary>` +
        `<pre><code>${escapeHtml(input.source.trim())}</code></pre></details>`) +
    `</figure>`
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v.length > 0))];
}
