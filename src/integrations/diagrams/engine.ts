/**
 * The two expensive steps of a build-time diagram, wherever they run (a layout worker or, without
 * one, the calling thread): Mermaid's own parser as the validity check, then the drawing:
 * beautiful-mermaid's (an ELK layout), or for a flowchart Hindsight generated, dagre's layered
 * layout (layered-flowchart.ts). Failures say which step failed, in the library's own words.
 */
import { drawLayeredFlowchart } from '../../lib/layered-flowchart.ts';

/** What a diagram needs done: `validate` with Mermaid's parser, `draw` its body as SVG. */
export interface DiagramJob {
  source: string;
  body: string;
  validate: boolean;
  draw: boolean;
  /** A generated flowchart: try the layered layout first (about half ELK's time). */
  layered?: boolean;
  options: { bg: string; fg: string };
}

/** A failed step, as plain data so it can cross a thread boundary. */
export interface DiagramFailure {
  step: 'parse' | 'draw';
  message: string;
}

/** A step that failed, with the library's own message. */
export class DiagramStepError extends Error implements DiagramFailure {
  override name = 'DiagramStepError';
  readonly step: DiagramFailure['step'];
  constructor(step: DiagramFailure['step'], message: string) {
    super(message);
    this.step = step;
  }
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

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs a job: the SVG when drawn, undefined when only validated; throws a DiagramStepError. */
export async function runDiagramJob(job: DiagramJob): Promise<string | undefined> {
  if (job.validate) {
    mermaidApi ??= loadMermaid();
    try {
      await (await mermaidApi).parse(job.source);
    } catch (error) {
      throw new DiagramStepError('parse', messageOf(error));
    }
  }
  if (!job.draw) return undefined;
  if (job.layered) {
    // Undefined (a source outside the subset it reads) or a failed layout: ELK gets its turn.
    try {
      const svg = drawLayeredFlowchart(job.body, job.options);
      if (svg !== undefined) return svg;
    } catch {
      // Falls through to beautiful-mermaid.
    }
  }
  const { renderMermaidSVG } = await import('beautiful-mermaid');
  try {
    return renderMermaidSVG(job.body, job.options);
  } catch (error) {
    throw new DiagramStepError('draw', messageOf(error));
  }
}

/**
 * True for a DiagramStepError. By name, not instanceof: the Astro config and the built pages
 * load this module separately but share one worker pool, so either may have made the error.
 */
export function isDiagramStepError(error: unknown): error is DiagramStepError {
  return error instanceof Error && error.name === 'DiagramStepError' && 'step' in error;
}
