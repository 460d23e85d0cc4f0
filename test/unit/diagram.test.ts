import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  cleanSvg,
  decorateSvgNodes,
  describeType,
  findMermaidFences,
  getSourceLabels,
  getSvgLabels,
  isBuildTimeType,
  parseMermaidSource,
  renderFigureHtml,
  SHARED_SVG_STYLE,
  svgSize,
} from '../../src/lib/diagram.ts';

describe('parseMermaidSource', () => {
  test.each([
    ['graph LR\n  a --> b', 'graph', undefined],
    ['  flowchart TD;\n a-->b', 'flowchart', undefined],
    ['%%{init: {"theme":"dark"}}%%\nsequenceDiagram\n A->>B: hi', 'sequenceDiagram', undefined],
    ['%% a comment\n\nstateDiagram-v2\n [*] --> A', 'stateDiagram-v2', undefined],
    ['---\ntitle: "Recovery"\nconfig:\n  theme: base\n---\ngantt\n title x', 'gantt', 'Recovery'],
    ['xychart-beta\n bar [1]', 'xychart-beta', undefined],
    ['', '', undefined],
  ])('%j is %s', (source, type, title) => {
    const parsed = parseMermaidSource(source);
    expect([parsed.type, parsed.title]).toEqual([type, title]);
  });

  test('the body drops front matter, directives and comments but keeps the diagram lines', () => {
    expect(parseMermaidSource('---\ntitle: T\n---\n%%{init:{}}%%\nflowchart LR\n  %% why\n  a --> b\n').body).toBe(
      'flowchart LR\n  a --> b',
    );
  });
});

describe('types', () => {
  test.each([
    ['flowchart', true, 'Flowchart'],
    ['graph', true, 'Flowchart'],
    ['stateDiagram-v2', true, 'State diagram'],
    ['sequenceDiagram', true, 'Sequence diagram'],
    ['classDiagram', true, 'Class diagram'],
    ['erDiagram', true, 'Entity-relationship diagram'],
    ['xychart-beta', true, 'Chart'],
    ['pie', false, 'Pie chart'],
    ['gantt', false, 'Gantt chart'],
    ['mindmap', false, 'Mind map'],
    ['somethingNew', false, 'Diagram'],
  ])('%s: build time %s, named %s', (type, buildTime, name) => {
    expect([isBuildTimeType(type), describeType(type)]).toEqual([buildTime, name]);
  });
});

const RAW_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" style="--bg:var(--surface)">
<style>
  @import url('https://fonts.googleapis.com/css2?family=Inter:wght@400;500&amp;display=swap');
  @import url('https://fonts.googleapis.com/css2?family=JetBrains+Mono&amp;display=swap');
  text { font-family: 'Inter', system-ui, sans-serif; }
  .hot { fill: #333; }
</style>
<defs><marker id="arrowhead"><polygon points="0 0" /></marker><marker id="arrowhead-start"><polygon points="0 0" /></marker></defs>
<polyline marker-end="url(#arrowhead)" marker-start="url(#arrowhead-start)" />
<g class="node" data-id="a" data-label="Say #quot;hi#quot;"><rect fill="#f00" /><text>Say #quot;hi#quot; #91;1#93; &amp; more</text></g>
<g class="node" data-id="b" data-label="B"><rect /><text><tspan x="1">Line one</tspan><tspan x="1">line two</tspan></text></g>
</svg>`;

describe('cleanSvg', () => {
  const svg = cleanSvg(RAW_SVG, 'd1234');

  test('no request leaves the site: every @import is gone and Inter is not asked for', () => {
    expect(svg).not.toContain('@import');
    expect(svg).not.toContain('googleapis');
    expect(svg).toContain('<style>\n  text { font-family: system-ui, sans-serif; }');
  });

  test('a style block with rules of its own stays; unused data attributes go; data-id stays', () => {
    expect(svg).toContain('.hot { fill: #333; }');
    expect(svg).not.toContain('data-label');
    expect(svg).toContain('<g class="node" data-id="a"><rect fill="#f00" />');
  });

  test('ids and their references are prefixed; xmlns is dropped', () => {
    expect(svg).toContain('<marker id="d1234-arrowhead">');
    expect(svg).toContain('<marker id="d1234-arrowhead-start">');
    expect(svg).toContain('marker-end="url(#d1234-arrowhead)" marker-start="url(#d1234-arrowhead-start)"');
    expect(svg.startsWith('<svg viewBox=')).toBe(true);
  });

  test('mermaid entity codes become character references, but colours in <style> stay colours', () => {
    expect(svg).toContain('<text>Say &quot;hi&quot; &#91;1&#93; &amp; more</text>');
    expect(svg).toContain('.hot { fill: #333; }');
    expect(svg).toContain('fill="#f00"');
  });

  test('labels are the decoded texts, multi-line labels joined', () => {
    expect(getSvgLabels(svg)).toEqual(['Say "hi" [1] & more', 'Line one line two']);
  });
});

describe('cleanSvg on a real beautiful-mermaid drawing', async () => {
  const { renderMermaidSVG } = await import('beautiful-mermaid');
  const raw = renderMermaidSVG('flowchart TD\n  a[Edge proxy] --> b[Payments DB]', {
    bg: 'var(--surface)',
    fg: 'var(--text)',
    transparent: true,
  });
  const svg = cleanSvg(raw, 'd1');

  test('the shared style block moves to diagrams.css, which declares every variable it set', () => {
    expect(raw).toContain('--_node-fill');
    expect(svg).not.toContain('<style');
    const css = readFileSync(new URL('../../src/styles/diagrams.css', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    for (const [, name, value] of SHARED_SVG_STYLE.matchAll(/(--_[\w-]+):\s*([^;]+);/g))
      expect(css).toContain(`${name}: ${value!.replace(/\s+/g, ' ')};`);
  });

  test('coordinates keep at most two decimals; labels and links survive', () => {
    expect(raw).toMatch(/\d\.\d{3,}/);
    expect(svg).not.toMatch(/="[^"]*\d\.\d{3,}/);
    expect(svg).not.toMatch(/ data-(from|to|shape|label)=| rx="0" ry="0"/);
    expect(getSvgLabels(svg)).toEqual(['Edge proxy', 'Payments DB']);
    expect(svg).toContain('marker-end="url(#d1-arrowhead)"');
  });

  test.each([
    ['an apostrophe', 'P["it\'s"]', "it's"],
    ['an ampersand and quotes', 'P["A &amp; B say &quot;hi&quot;"]', 'A & B say "hi"'],
    ['a mermaid entity code', 'P["50#37; of #quot;traffic#quot;"]', '50% of "traffic"'],
  ])('a label with %s keeps its text (no entity damage)', (_name, node, label) => {
    const drawn = cleanSvg(
      renderMermaidSVG(`flowchart TD\n  ${node} --> Q[next]`, {
        bg: 'var(--surface)',
        fg: 'var(--text)',
        transparent: true,
      }),
      'd2',
    );
    expect(getSvgLabels(drawn)).toEqual([label, 'next']);
    expect(drawn).not.toMatch(/&(?:amp;)?&/);
  });
});

describe('getSourceLabels (browser-drawn diagrams)', () => {
  test.each([
    ['pie', 'pie title Share of failed requests\n  "EU" : 42\n  "US" : 58', ['EU', 'US']],
    ['pie with showData', 'pie showData\n  title Regions\n  "EU" : 1', ['Regions', 'EU']],
    [
      'gantt',
      'gantt\n  title Recovery phases\n  dateFormat YYYY-MM-DD HH:mm\n  axisFormat %H:%M\n  section Diagnosis\n  Snapshot rebuild :d1, 2021-10-28 13:37, 2021-10-29 11:00\n  section Fixes\n  Streaming disabled :f1, after d1, 4h',
      ['Recovery phases', 'Diagnosis', 'Snapshot rebuild', 'Fixes', 'Streaming disabled'],
    ],
    [
      'timeline with a front-matter title',
      '---\ntitle: Phases\n---\ntimeline\n  2021 : Launch : Growth',
      ['Phases', 'Launch', 'Growth'],
    ],
  ])('%s', (_name, source, labels) => {
    expect(getSourceLabels(source)).toEqual(labels);
  });
});

describe('decorateSvgNodes', () => {
  test('wraps known nodes in a link with an accessible name and adds classes, dropping their data-id; others untouched', () => {
    const svg =
      '<svg><g class="node" data-id="svc_a" data-shape="rectangle"><rect /><text>A</text></g><g class="node" data-id="svc_b"><rect /></g></svg>';
    const out = decorateSvgNodes(
      svg,
      new Map([['svc_a', { href: '/services/a/', label: 'A: service page', classes: ['is-recent'] }]]),
    );
    expect(out).toBe(
      '<svg><a href="/services/a/" aria-label="A: service page" class="diagram-link"><g class="node is-recent" data-shape="rectangle"><rect /><text>A</text></g></a><g class="node" data-id="svc_b"><rect /></g></svg>',
    );
  });
});

describe('renderFigureHtml', () => {
  test('a build-time diagram: hidden SVG, labels as text, source in a disclosure search ignores', () => {
    const html = renderFigureHtml({
      source: 'graph LR\n a --> b',
      type: 'graph',
      svg: '<svg viewBox="0 0 1 1"></svg>',
      labels: ['a', 'b<c'],
    });
    expect(html).toBe(
      '<figure class="diagram" data-diagram-type="graph"><div class="diagram-canvas" tabindex="0" role="group" aria-label="Flowchart (drawing)"><svg aria-hidden="true" focusable="false" viewBox="0 0 1 1"></svg></div>' +
        '<p class="visually-hidden diagram-labels">Flowchart: a; b&lt;c.</p>' +
        '<details class="diagram-source" data-pagefind-ignore><summary>View diagram source</summary><pre><code>graph LR\n a --&gt; b</code></pre></details></figure>',
    );
  });

  test('a generated graph offers no source disclosure', () => {
    const html = renderFigureHtml({
      source: 'graph LR\n a --> b',
      type: 'graph',
      svg: '<svg></svg>',
      labels: [],
      showSource: false,
    });
    expect(html).not.toContain('diagram-source');
    expect(html).toContain('diagram-labels');
  });

  test('an interactive drawing (links on its nodes) stays in the accessibility tree with no hidden label list', () => {
    const html = renderFigureHtml({
      source: 'graph LR\n a --> b',
      type: 'graph',
      svg: '<svg><a href="/services/a/" aria-label="A: service page"><g class="node"><text>A</text></g></a></svg>',
      labels: ['A'],
      interactive: true,
      showSource: false,
    });
    expect(html).toBe(
      '<figure class="diagram" data-diagram-type="graph"><div class="diagram-canvas"><svg role="group" aria-label="Flowchart"><a href="/services/a/" aria-label="A: service page"><g class="node"><text>A</text></g></a></svg></div></figure>',
    );
  });

  test('a browser-drawn diagram keeps its source in pre.mermaid (readable without JS) and shows its title as caption', () => {
    const html = renderFigureHtml({
      source: '---\ntitle: Split\n---\npie\n "A & B" : 1',
      type: 'pie',
      svg: undefined,
      labels: ['Split', 'A & B'],
    });
    // HTML allows a figcaption only as the figure's first or last child.
    expect(html).toContain(
      '<figure class="diagram diagram-client" data-diagram-type="pie"><figcaption>Split</figcaption><div class="diagram-canvas"',
    );
    expect(html).toContain(
      '<pre class="mermaid" data-pagefind-ignore>---\ntitle: Split\n---\npie\n &quot;A &amp; B&quot; : 1</pre>',
    );
  });

  test('an interactive (linked) SVG stays in the accessibility tree', () => {
    const html = renderFigureHtml({
      source: 'graph LR',
      type: 'graph',
      svg: '<svg></svg>',
      labels: [],
      interactive: true,
      caption: 'Deps',
    });
    expect(html).toContain('<svg role="group" aria-label="Flowchart">');
    expect(html).toContain('<figcaption>Deps</figcaption>');
  });
});

describe('the example corpus diagrams', async () => {
  const { renderMermaidSVG } = await import('beautiful-mermaid');
  const { readdirSync } = await import('node:fs');
  const dir = new URL('../../src/content/incidents/', import.meta.url);
  const fences = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .flatMap((f) =>
      [...readFileSync(new URL(f, dir), 'utf8').matchAll(/^```mermaid\n([\s\S]*?)^```/gm)].map(
        (m) => [f, m[1]!] as const,
      ),
    );

  test('have diagrams to check', () => expect(fences.length).toBeGreaterThan(0));

  test.each(
    fences.filter(([, source]) =>
      /^\s*(flowchart|graph|sequenceDiagram|stateDiagram|classDiagram|erDiagram)/.test(source),
    ),
  )('%s: no label loses or doubles a character reference', (_file, source) => {
    const svg = cleanSvg(renderMermaidSVG(source, { bg: 'var(--surface)', fg: 'var(--text)', transparent: true }), 'c');
    // A bare `&` (not starting a reference) or a reference inside a reference is damage.
    expect(svg).not.toMatch(/&(?!#\d+;|#x[\da-f]+;|[a-z]+;)/i);
    for (const label of getSvgLabels(svg)) expect(label).not.toMatch(/&|#\d+;/);
  });
});

describe('svgSize', () => {
  test('reads the drawing size from the viewBox, not from other attributes', () => {
    expect(svgSize('<svg class="layered" viewBox="0 0 872.6 165.8" width="1" height="2"><rect/></svg>')).toEqual({
      width: 872.6,
      height: 165.8,
    });
    expect(svgSize('<svg width="10" height="10"></svg>')).toBeUndefined();
    expect(svgSize('<div viewBox="0 0 1 1"></div>')).toBeUndefined();
  });
});

describe('findMermaidFences', () => {
  test('finds each top-level mermaid fence as the diagram plugin reads it', () => {
    const body = [
      '# Title',
      '',
      '```mermaid',
      'flowchart LR',
      '  a --> b',
      '```',
      '',
      '~~~~ mermaid title',
      'pie',
      '~~~',
      '  "x" : 1',
      '~~~~',
      '  ```mermaid',
      '  sequenceDiagram',
      '    A->>B: hi',
      '  ```',
    ].join('\n');
    expect(findMermaidFences(body)).toEqual([
      'flowchart LR\n  a --> b',
      'pie\n~~~\n  "x" : 1',
      'sequenceDiagram\n  A->>B: hi',
    ]);
  });

  test('skips other fences, even ones that show a mermaid fence, and reads an unclosed one to the end', () => {
    const body = ['````markdown', '```mermaid', 'flowchart LR', '```', '````', '``` mermaid', 'graph TD', '', ''].join(
      '\r\n',
    );
    expect(findMermaidFences(body)).toEqual(['graph TD\n']);
    expect(findMermaidFences('``` js `mermaid`\nx\n```')).toEqual([]);
    expect(findMermaidFences('```mermaidx\nx\n```')).toEqual([]);
  });
});
