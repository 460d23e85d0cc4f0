/** Service graphs in the browser: a review's graph fetched from its own file, and every graph scrolled to its services. */

/** Puts each graph that lives in its own file (`data-graph-src`) in place, and opens every graph on its services. */
export function showServiceGraphs(): void {
  for (const canvas of document.querySelectorAll<HTMLElement>('[data-service-graph] .diagram-canvas')) {
    const src = canvas.dataset.graphSrc;
    if (src) void load(canvas, src);
    else centre(canvas);
  }
}

/** Replaces the placeholder with the drawing; on failure its link to the whole graph stays. */
async function load(canvas: HTMLElement, src: string): Promise<void> {
  const response = await fetch(src).catch(() => undefined);
  if (!response?.ok) return;
  canvas.innerHTML = await response.text();
  centre(canvas);
}

/**
 * A neighbourhood wider than a phone scrolls sideways; opens it on the services the page is
 * about (bold outline), not on its left edge.
 */
function centre(canvas: HTMLElement): void {
  const current = canvas.querySelector('.is-current');
  if (!current || canvas.scrollWidth <= canvas.clientWidth) return;
  const box = current.getBoundingClientRect();
  const view = canvas.getBoundingClientRect();
  canvas.scrollLeft += box.left + box.width / 2 - (view.left + view.width / 2);
}
