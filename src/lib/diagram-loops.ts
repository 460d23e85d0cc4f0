/**
 * beautiful-mermaid draws a self-loop (`A --> A : retry`) as a 10 px stub beside the node, and
 * puts the loop's label over it, so the loop cannot be seen. This redraws each self-loop as a
 * curve that stands well clear of the node and moves its label past the curve, growing the
 * viewBox when the label would leave it.
 */

/** How far a redrawn loop reaches out from the node's edge, in SVG units. */
const LOOP_REACH = 30;
/** Space between the loop and its label. */
const LABEL_GAP = 4;

type Point = { x: number; y: number };

const round = (n: number) => Math.round(n * 100) / 100;

function parsePoints(text: string): Point[] {
  const numbers = text
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const points: Point[] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) points.push({ x: numbers[i]!, y: numbers[i + 1]! });
  return points;
}

/** Attribute value of `name` in a tag's text. */
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Redraws self-loops and moves their labels clear of them; other SVG is returned unchanged. */
export function reshapeSelfLoops(svg: string): string {
  const shifts = new Map<string, Point>();
  let out = svg.replace(/<polyline class="edge"[^>]*\/>/g, (tag) => {
    const from = attribute(tag, 'data-from');
    const points = parsePoints(attribute(tag, 'points') ?? '');
    if (!from || from !== attribute(tag, 'data-to') || points.length !== 4) return tag;
    const [start, bend, , end] = points as [Point, Point, Point, Point];
    // The stub's first segment points away from the node: that is the side the loop goes on.
    const dx = bend.x - start.x;
    const dy = bend.y - start.y;
    const length = Math.hypot(dx, dy) || 1;
    const outward = { x: dx / length, y: dy / length };
    const along = { x: end.x - start.x, y: end.y - start.y };
    const span = Math.hypot(along.x, along.y) || 1;
    const t = { x: along.x / span, y: along.y / span };
    const reach = (LOOP_REACH * 4) / 3; // a cubic's control points reach 4/3 further than its curve
    const c1 = { x: start.x + outward.x * reach - t.x * 10, y: start.y + outward.y * reach - t.y * 10 };
    const c2 = { x: end.x + outward.x * reach + t.x * 10, y: end.y + outward.y * reach + t.y * 10 };
    const d = `M${round(start.x)} ${round(start.y)} C${round(c1.x)} ${round(c1.y)} ${round(c2.x)} ${round(c2.y)} ${round(end.x)} ${round(end.y)}`;
    const label = attribute(tag, 'data-label');
    if (label !== undefined) {
      const extra = LOOP_REACH - length + LABEL_GAP;
      shifts.set(`${from}\u0000${label}`, { x: outward.x * extra, y: outward.y * extra });
    }
    return tag.replace(/^<polyline/, '<path').replace(/\spoints="[^"]*"/, ` d="${d}"`);
  });
  if (shifts.size === 0) return svg;

  let bounds: { minX: number; minY: number; maxX: number; maxY: number } | undefined;
  out = out.replace(/<g class="edge-label"([^>]*)>([\s\S]*?)<\/g>/g, (group, attrs: string, inner: string) => {
    const from = attribute(attrs, 'data-from');
    const shift =
      from && from === attribute(attrs, 'data-to')
        ? shifts.get(`${from}\u0000${attribute(attrs, 'data-label') ?? ''}`)
        : undefined;
    if (!shift) return group;
    const rect = /<rect\b[^>]*>/.exec(inner)?.[0] ?? '';
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((name) => Number(attribute(rect, name) ?? Number.NaN));
    if ([x, y, w, h].every((n) => Number.isFinite(n))) {
      const box = { minX: x! + shift.x, minY: y! + shift.y, maxX: x! + w! + shift.x, maxY: y! + h! + shift.y };
      bounds = bounds
        ? {
            minX: Math.min(bounds.minX, box.minX),
            minY: Math.min(bounds.minY, box.minY),
            maxX: Math.max(bounds.maxX, box.maxX),
            maxY: Math.max(bounds.maxY, box.maxY),
          }
        : box;
    }
    return `<g class="edge-label"${attrs} transform="translate(${round(shift.x)} ${round(shift.y)})">${inner}</g>`;
  });
  return bounds ? growViewBox(out, bounds) : out;
}

/** Widens the root viewBox (and width/height) so the box fits with a small margin. */
function growViewBox(svg: string, box: { minX: number; minY: number; maxX: number; maxY: number }): string {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0];
  const viewBox = root
    ? attribute(root, 'viewBox')
        ?.split(/[\s,]+/)
        .map(Number)
    : undefined;
  if (!root || !viewBox || viewBox.length !== 4) return svg;
  const [vx, vy, vw, vh] = viewBox as [number, number, number, number];
  const margin = 8;
  const minX = Math.min(vx, box.minX - margin);
  const minY = Math.min(vy, box.minY - margin);
  const width = Math.max(vx + vw, box.maxX + margin) - minX;
  const height = Math.max(vy + vh, box.maxY + margin) - minY;
  if (minX === vx && minY === vy && width === vw && height === vh) return svg;
  const grown = root
    .replace(/\sviewBox="[^"]*"/, ` viewBox="${round(minX)} ${round(minY)} ${round(width)} ${round(height)}"`)
    .replace(/\swidth="[^"]*"/, ` width="${round(width)}"`)
    .replace(/\sheight="[^"]*"/, ` height="${round(height)}"`);
  return grown + svg.slice(root.length);
}
