/**
 * The two expensive steps of a build-time diagram, wherever they run (a layout worker or, without
 * one, the calling thread): Mermaid's own parser as the validity check, then beautiful-mermaid's
 * drawing (an ELK layout). Failures say which step failed, in the library's own words.
 */

/** What a diagram needs done: `validate` with Mermaid's parser, `draw` its body as SVG. */
export interface DiagramJob {
  source: string;
  body: string;
  validate: boolean;
  draw: boolean;
  options: object;
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
