import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import {
  configureDiagramCache,
  DiagramError,
  diagramKey,
  renderDiagram,
  rendererVersions,
} from '../../src/integrations/diagrams/render.ts';
import { escapeMermaidLabel } from '../../src/lib/service-graph.ts';

// Real parsers, no mocks: Mermaid's grammar validates, beautiful-mermaid draws.
const cacheDir = mkdtempSync(join(tmpdir(), 'hindsight-diagram-cache-'));
configureDiagramCache(cacheDir);
afterAll(() => {
  configureDiagramCache(undefined);
  rmSync(cacheDir, { recursive: true, force: true });
});

const origin = { file: 'incidents/x.mdx', line: 12 };

describe('renderDiagram', () => {
  test.each([
    ['flowchart', 'flowchart LR\n  a[Checkout API] --> b[(Payments DB)]', ['Checkout API', 'Payments DB']],
    [
      'sequence',
      'sequenceDiagram\n  participant C as Client\n  C->>R: lookup\n  R-->>C: SERVFAIL',
      ['lookup', 'SERVFAIL', 'Client', 'R'],
    ],
    [
      'state',
      'stateDiagram-v2\n  [*] --> Announcing\n  Announcing --> Withdrawn : no data center reachable',
      ['no data center reachable', 'Announcing', 'Withdrawn'],
    ],
    [
      'class',
      'classDiagram\n  class Resolver {\n    +lookup()\n  }\n  Resolver <|-- CachingResolver',
      ['Resolver', '+ lookup()', 'CachingResolver'],
    ],
    ['ER', 'erDiagram\n  ORDER ||--o{ LINE_ITEM : contains', ['ORDER', 'LINE_ITEM', 'contains', '(no attributes)']],
    [
      'xychart',
      'xychart-beta\n  title "Errors per minute"\n  x-axis [a, b]\n  bar [3, 5]',
      ['Errors per minute', 'a', 'b'],
    ],
  ])('%s is drawn at build time as SVG without web fonts', async (_name, source, labels) => {
    const diagram = await renderDiagram(source, origin);
    expect(diagram.svg).toMatch(/^<svg /);
    expect(diagram.svg).not.toMatch(/@import|googleapis|xmlns=/);
    expect(diagram.labels).toEqual(expect.arrayContaining(labels));
  });

  test('pie and gantt are left to the browser, with their labels', async () => {
    const pie = await renderDiagram('pie title Failed lookups by region\n  "EU" : 42\n  "US" : 58', origin);
    expect(pie).toEqual({ type: 'pie', svg: undefined, labels: ['EU', 'US'] });
    const gantt = await renderDiagram(
      'gantt\n  dateFormat YYYY-MM-DD\n  section Fix\n  Roll back :a1, 2024-01-01, 1d',
      origin,
    );
    expect(gantt).toMatchObject({ type: 'gantt', svg: undefined, labels: ['Fix', 'Roll back'] });
  });

  test.each([
    [
      'an unclosed node shape',
      'graph LR\n  A[unclosed --> B',
      /incidents\/x\.mdx:12: mermaid graph diagram could not be parsed:\n {4}Parse error on line \d+:/,
    ],
    [
      'a dangling arrow in a state diagram',
      'stateDiagram-v2\n  [*] --> A\n  A --> ',
      /incidents\/x\.mdx:12: mermaid stateDiagram-v2 diagram could not be parsed:[\s\S]*Expecting/,
    ],
    [
      'a broken pie (validated even though the browser draws it)',
      'pie\n  "EU" 42',
      /incidents\/x\.mdx:12: mermaid pie diagram could not be parsed:[\s\S]*Expecting token of type ':'/,
    ],
    [
      'an unknown diagram type',
      'hello world',
      /incidents\/x\.mdx:12: mermaid hello diagram could not be parsed:\n {4}No diagram type detected/,
    ],
  ])('%s fails with the file, the fence line and the parser message', async (_name, source, message) => {
    const error = await renderDiagram(source, origin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagramError);
    expect((error as Error).message).toMatch(message);
  });

  test('labels with syntax characters survive both parsers unchanged', async () => {
    const names = ['Say "hi"', 'A (b) [c] {d}', 'R&D <lab> #1; x | y'];
    const source = [
      'flowchart LR',
      ...names.map((n, i) => `  n${i}["${escapeMermaidLabel(n)}"]`),
      '  n0 --> n1 --> n2',
    ].join('\n');
    const diagram = await renderDiagram(source, origin);
    expect(diagram.labels).toEqual(names);
  });

  test('results are cached by source hash: in memory and on disk', async () => {
    const source = 'flowchart TD\n  cached --> twice';
    const first = await renderDiagram(source, origin);
    expect(existsSync(join(cacheDir, 'diagrams', `${diagramKey(source)}.json`))).toBe(true);
    expect(await renderDiagram(source, origin)).toBe(first);
    const onDisk = JSON.parse(readFileSync(join(cacheDir, 'diagrams', `${diagramKey(source)}.json`), 'utf8')) as {
      svg?: string;
    };
    expect(onDisk.svg).toBe(first.svg);
    expect(diagramKey(source)).not.toBe(diagramKey(`${source} `));
  });

  test('the cache key names the installed renderer versions, so an upgrade redraws everything', () => {
    expect(rendererVersions()).toMatch(
      /^beautiful-mermaid@1\.\d+\.\d+ mermaid@12\.\d+\.\d+ @dagrejs\/dagre@3\.\d+\.\d+ pipeline@\d+$/,
    );
  });
});

// Starting a worker imports mermaid and ELK: seconds on a loaded machine, so these get more than the default 5 s.
describe('layout workers', { timeout: 30_000 }, () => {
  test('a worker validates and draws the same SVG as the main thread, and says which step failed', async () => {
    const { LayoutPool } = await import('../../src/integrations/diagrams/layout-pool.ts');
    const { renderMermaidSVG } = await import('beautiful-mermaid');
    const pool = new LayoutPool(
      fileURLToPath(new URL('../../src/integrations/diagrams/layout-worker.ts', import.meta.url)),
      2,
    );
    const body = 'flowchart TD\n  a[Edge proxy] --> b[Payments DB]\n  a --> c[Auth]';
    const options = { bg: 'var(--surface)', fg: 'var(--text)' };
    const job = { source: body, body, validate: true, draw: true, options };
    const [first, second] = await Promise.all([pool.run(job), pool.run(job)]);
    expect(first).toBe(renderMermaidSVG(body, options));
    expect(second).toBe(first);
    const { drawLayeredFlowchart } = await import('../../src/lib/layered-flowchart.ts');
    const generated = 'flowchart TD\n  svc_a["Edge proxy"]\n  svc_b["Payments DB"]\n  svc_a --> svc_b';
    const layered = { ...job, source: generated, body: generated, validate: false, layered: true };
    expect(await pool.run(layered)).toBe(drawLayeredFlowchart(generated, options));
    expect(await pool.run({ ...job, source: 'pie\n  "EU" : 1', draw: false })).toBeUndefined();
    await expect(pool.run({ ...job, source: 'flowchart LR\n  a -->', body: 'x' })).rejects.toMatchObject({
      step: 'parse',
    });
    await expect(pool.run({ ...job, validate: false, body: 'notadiagram x' })).rejects.toMatchObject({
      step: 'draw',
      message: expect.stringContaining('Invalid mermaid header') as unknown,
    });
  });

  test('a worker that dies leaves the pool: its jobs and later ones run in this thread', async () => {
    const { LayoutPool } = await import('../../src/integrations/diagrams/layout-pool.ts');
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-dying-worker-'));
    const file = join(dir, 'worker.mjs');
    writeFileSync(
      file,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n",
    );
    const pool = new LayoutPool(file, 1);
    const job = {
      source: 'graph LR\n  a --> b',
      body: 'graph LR\n  a --> b',
      validate: false,
      draw: true,
      options: { bg: 'white', fg: 'black' },
    };
    expect(await pool.run(job)).toContain('<svg');
    expect(await pool.run(job)).toContain('<svg');
    await expect(pool.run({ ...job, body: 'notadiagram x' })).rejects.toMatchObject({ step: 'draw' });
    rmSync(dir, { recursive: true, force: true });
  });
});
