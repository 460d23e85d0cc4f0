/**
 * The Sätteri hast plugin behind ```mermaid fences in Markdown and MDX. Each fence becomes a
 * `<figure>`: an inline SVG drawn at build time, or (for pie, gantt, …) the source in a
 * `<pre class="mermaid">` that the browser draws. In MDX it also imports the diagram styles
 * and, only when a browser-drawn diagram is present, the lazy Mermaid loader component.
 */
import { fileURLToPath } from 'node:url';
import { htmlToHast, type HastPluginDefinition, type PluginFactoryContext } from 'satteri';
import { displayPath } from '../../lib/content-errors.ts';
import { renderFigureHtml } from '../../lib/diagram.ts';
import { configureDiagramCache, configureLayoutWorkers, renderDiagram } from './render.ts';

const LOADER = fileURLToPath(new URL('../../components/MermaidLoader.astro', import.meta.url));
const STYLES = fileURLToPath(new URL('../../styles/diagrams.css', import.meta.url));
const LOADER_NAME = 'HindsightMermaidLoader';
const LAYOUT_WORKER = fileURLToPath(new URL('./layout-worker.ts', import.meta.url));

/** Options of the diagram plugin. */
export interface MermaidDiagramOptions {
  /** Folder for the on-disk SVG cache, e.g. Astro's cacheDir; memory only when absent. */
  cacheDir?: string | undefined;
}

type Element = { type: 'element'; tagName: string; properties?: Record<string, unknown>; children?: unknown[] };

/** True for the `<pre><code class="language-mermaid">` the Markdown parser makes of a fence. */
function isMermaidFence(node: Element): boolean {
  const code = node.children?.[0] as Element | undefined;
  const classes = code?.properties?.['className'];
  return code?.tagName === 'code' && Array.isArray(classes) && classes.includes('language-mermaid');
}

/**
 * The diagram source of a ```mermaid fence's `<pre>` (its text, less the final newline), or
 * undefined for any other `<pre>`. findMermaidFences (src/lib/diagram.ts) reads bodies the same way.
 */
export function mermaidFenceSource(node: Element, ctx: { textContent(node: never): string }): string | undefined {
  return isMermaidFence(node) ? ctx.textContent(node as never).replace(/\n$/, '') : undefined;
}

/** The plugin factory for `satteri({ hastPlugins: [mermaidDiagrams()] })`. */
export function mermaidDiagrams(options: MermaidDiagramOptions = {}) {
  configureDiagramCache(options.cacheDir);
  // Builds draw in worker threads; the pages' service graphs share this setting (render.ts state).
  configureLayoutWorkers(LAYOUT_WORKER);
  // A factory: Sätteri calls it once per document, so the flags below are per document.
  return (document: PluginFactoryContext): HastPluginDefinition | null => {
    if (!document.source.includes('mermaid')) return null;
    let diagrams = 0;
    let clientDiagrams = 0;
    const file = document.fileURL ? displayPath(fileURLToPath(document.fileURL)) : '(unknown file)';
    return {
      name: 'hindsight-mermaid-diagrams',
      options: { position: true },
      element: {
        filter: ['pre'],
        async visit(node, ctx) {
          const source = mermaidFenceSource(node, ctx);
          if (source === undefined) return;
          const diagram = await renderDiagram(source, { file, line: node.position?.start.line });
          diagrams++;
          if (!diagram.svg) clientDiagrams++;
          const html = renderFigureHtml({ source, type: diagram.type, svg: diagram.svg, labels: diagram.labels });
          const figure = htmlToHast(html, { fragment: true });
          if (figure.type !== 'root' || figure.children[0]?.type !== 'element')
            throw new Error(`${file}: diagram markup did not parse`);
          ctx.replaceNode(node, figure.children[0]);
        },
      },
      after(root, ctx) {
        if (ctx.sourceFormat !== 'mdx' || diagrams === 0) return;
        const imports = [`import ${JSON.stringify(STYLES)};`];
        if (clientDiagrams > 0) imports.push(`import ${LOADER_NAME} from ${JSON.stringify(LOADER)};`);
        ctx.prependChild(root, { type: 'mdxjsEsm', value: imports.join('\n') } as never);
        if (clientDiagrams > 0) {
          ctx.appendChild(root, {
            type: 'mdxJsxFlowElement',
            name: LOADER_NAME,
            attributes: [],
            children: [],
          } as never);
        }
      },
    };
  };
}
