/**
 * Observable Plot, run at build time against a server-side DOM (jsdom), so charts ship as
 * static SVG with no client JavaScript.
 */
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';

let document: Document | undefined;

/** One jsdom document per build: creating it costs ~0.5 s, each chart after that a few ms. */
function getDocument(): Document {
  document ??= new JSDOM('<!doctype html><html><body></body></html>').window.document;
  return document;
}

/**
 * A Plot chart as an SVG string. Colours given as `var(--x)` are moved from presentation
 * attributes into `style`, where every browser resolves custom properties, so the site's light
 * and dark palettes apply. Plot's warnings (drawn as a ⚠️ in the corner) fail loudly instead.
 */
export function renderPlot(options: Plot.PlotOptions): string {
  const node = Plot.plot({ ...options, document: getDocument() }) as Element;
  if (node.tagName.toLowerCase() !== 'svg')
    throw new Error('renderPlot expects a chart without a legend (the table is the legend)');
  for (const el of node.querySelectorAll('[fill^="var("], [stroke^="var("]')) {
    const paint = ['fill', 'stroke'].flatMap((name) => {
      const value = el.getAttribute(name);
      if (!value?.startsWith('var(')) return [];
      el.removeAttribute(name);
      return [`${name}:${value}`];
    });
    el.setAttribute('style', [el.getAttribute('style'), ...paint].filter(Boolean).join(';'));
  }
  node.setAttribute('role', 'img');
  // An image's children are presentational and ARIA forbids aria-label on a <g> without a role,
  // so Plot's names for its mark groups ("bar", "rule") become plain data attributes.
  for (const el of node.querySelectorAll('[aria-label]')) {
    el.setAttribute('data-mark', el.getAttribute('aria-label')!);
    el.removeAttribute('aria-label');
  }
  // Plot writes coordinates like 133.33333333333334; two decimals are plenty and halve the bytes.
  const svg = node.outerHTML.replace(/(\d\.\d{2})\d+/g, '$1');
  const warning = /<title>(\d+ warnings?\.[^<]*)<\/title>/.exec(svg);
  if (warning)
    throw new Error(`Observable Plot warned while drawing "${options.ariaLabel ?? 'a chart'}": ${warning[1]}`);
  return svg;
}

export { Plot };
