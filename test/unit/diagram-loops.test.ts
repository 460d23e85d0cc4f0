import { renderMermaidSVG } from 'beautiful-mermaid';
import { describe, expect, test } from 'vitest';
import { reshapeSelfLoops } from '../../src/lib/diagram-loops.ts';

const STATE = `stateDiagram-v2
  [*] --> Announcing
  Announcing --> Withdrawn : no data center reachable
  Withdrawn --> Announcing : health check passes
  Announcing --> Announcing : retry
  Withdrawn --> Withdrawn : still isolated`;

const numbers = (text: string) =>
  text
    .split(/[\s,MC]+/)
    .filter(Boolean)
    .map(Number);
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '';

describe('reshapeSelfLoops on a real state diagram', () => {
  const before = renderMermaidSVG(STATE, { bg: 'var(--surface)', fg: 'var(--text)' });
  const after = reshapeSelfLoops(before);

  test('each self-loop becomes a curve reaching at least 25 units out from the node', () => {
    const loops = [...after.matchAll(/<path class="edge"[^>]*\/>/g)].map((m) => m[0]);
    expect(loops).toHaveLength(2);
    for (const loop of loops) {
      expect(attr(loop, 'data-from')).toBe(attr(loop, 'data-to'));
      const [x0, y0, ...rest] = numbers(attr(loop, 'd'));
      const reach = Math.max(...rest.map((n, i) => Math.abs(n - (i % 2 === 0 ? x0! : y0!))));
      expect(reach).toBeGreaterThanOrEqual(25);
      expect(loop).toContain('marker-end="url(#arrowhead)"');
    }
  });

  test('edges between two states are left as they were', () => {
    const between = (svg: string) => [...svg.matchAll(/<polyline class="edge"[^>]*\/>/g)].map((m) => m[0]);
    expect(between(after)).toEqual(between(before).filter((tag) => attr(tag, 'data-from') !== attr(tag, 'data-to')));
  });

  test('loop labels move past the curve and stay inside the viewBox', () => {
    const [vx, vy, vw, vh] = numbers(attr(/^<svg[^>]*>/.exec(after)![0], 'viewBox'));
    const labels = [...after.matchAll(/<g class="edge-label"([^>]*)>([\s\S]*?)<\/g>/g)];
    const moved = labels.filter((m) => m[1]!.includes('transform='));
    expect(moved.map((m) => attr(m[1]!, 'data-label'))).toEqual(['retry', 'still isolated']);
    for (const [, attrs, inner] of moved) {
      const [dx, dy] = numbers(attr(attrs!, 'transform').replace(/translate\(|\)/g, ''));
      const rect = /<rect[^>]*>/.exec(inner!)![0];
      const x = Number(attr(rect, 'x')) + dx!;
      const y = Number(attr(rect, 'y')) + dy!;
      expect(Math.hypot(dx!, dy!)).toBeGreaterThan(15);
      expect(x).toBeGreaterThanOrEqual(vx!);
      expect(y).toBeGreaterThanOrEqual(vy!);
      expect(x + Number(attr(rect, 'width'))).toBeLessThanOrEqual(vx! + vw!);
      expect(y + Number(attr(rect, 'height'))).toBeLessThanOrEqual(vy! + vh!);
    }
  });

  test('an SVG without self-loops is returned unchanged', () => {
    const flow = renderMermaidSVG('flowchart LR\n  a --> b', { bg: 'var(--surface)', fg: 'var(--text)' });
    expect(reshapeSelfLoops(flow)).toBe(flow);
  });
});
