import { markdownToHtml, mdxToJs, type HastPluginDefinition } from 'satteri';
import { expect, test } from 'vitest';
import { mermaidFenceSource } from '../../src/integrations/diagrams/satteri-plugin.ts';
import { findMermaidFences } from '../../src/lib/diagram.ts';

/** The sources the build's diagram plugin meets in `body`, read by its own `mermaidFenceSource`. */
async function pluginSources(body: string, format: 'md' | 'mdx'): Promise<string[]> {
  const sources: string[] = [];
  const spy: HastPluginDefinition = {
    name: 'spy',
    element: {
      filter: ['pre'],
      visit(node, ctx) {
        const source = mermaidFenceSource(node, ctx);
        if (source !== undefined) sources.push(source);
      },
    },
  };
  if (format === 'md') await markdownToHtml(body, { hastPlugins: [spy] });
  else await mdxToJs(body, { hastPlugins: [spy] });
  return sources;
}

// A build starts drawing the fences findMermaidFences finds before the plugin meets them: the two
// must read the same source, or each diagram is drawn twice.
test.each([
  ['a fence', 1, '# Title\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\nAfter.\n'],
  [
    'two fences and a tilde fence',
    2,
    '```mermaid\npie\n  "a" : 1\n```\n\n~~~mermaid\nsequenceDiagram\n  A->>B: hi\n~~~\n',
  ],
  ['an indented fence', 1, '  ```mermaid\n  flowchart TD\n    x --> y\n  ```\n'],
  ['a longer fence holding a short one', 1, '````mermaid\nflowchart LR\n```\na --> b\n````\n'],
  ['a fence shown inside another', 0, '````markdown\n```mermaid\nflowchart LR\n```\n````\n'],
  ['blank lines inside', 1, '```mermaid\nflowchart LR\n\n  a --> b\n\n```\n'],
])('findMermaidFences reads %s as the diagram plugin does', async (_, count, body) => {
  expect(findMermaidFences(body)).toHaveLength(count);
  expect(findMermaidFences(body)).toEqual(await pluginSources(body, 'md'));
  expect(findMermaidFences(body)).toEqual(await pluginSources(body, 'mdx'));
});
