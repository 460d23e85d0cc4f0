import { afterAll, describe, expect, test, vi } from 'vitest';

// beautiful-mermaid's layout engine gives up on every drawing, as ELK did on one generated neighbourhood at 5,000 reviews.
vi.mock('beautiful-mermaid', () => ({
  renderMermaidSVG: () => {
    throw new Error('Invalid hitboxes for scanline constraint calculation.');
  },
}));

const { configureDiagramCache, DiagramError, renderDiagram } =
  await import('../../src/integrations/diagrams/render.ts');
configureDiagramCache(undefined);
const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
afterAll(() => warn.mockRestore());

describe('a diagram the layout engine cannot draw', () => {
  const source = 'flowchart TD\n  api["Checkout API"] --> db["Payments DB"]';

  test("Hindsight's own service graph does not need it: drawn at build time by the layered layout", async () => {
    const generated = 'flowchart TD\n  svc_api["Checkout API"]\n  svc_db["Payments DB"]\n  svc_api --> svc_db';
    const diagram = await renderDiagram(generated, { file: '(generated service graph)', generated: true });
    expect(diagram.svg).toMatch(/^<svg /);
    expect(diagram.labels).toEqual(['Checkout API', 'Payments DB']);
  });

  test("Hindsight's own graph outside that layout's subset falls back to the browser, with a warning", async () => {
    const diagram = await renderDiagram(source, { file: '(generated service graph)', generated: true });
    expect(diagram.svg).toBeUndefined();
    expect(diagram.labels).toEqual(expect.arrayContaining(['Checkout API', 'Payments DB']));
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('(generated service graph): a flowchart Hindsight generated could not be drawn'),
    );
  });

  test("an author's diagram still fails the build, naming the file and fence line", async () => {
    const error = await renderDiagram(source, { file: 'incidents/x.mdx', line: 12 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagramError);
    expect((error as Error).message).toContain(
      'incidents/x.mdx:12: mermaid flowchart diagram could not be drawn at build time',
    );
  });
});
