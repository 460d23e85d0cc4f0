/** Service graphs in the browser: scrolled so the page's own services are in view. */

/**
 * A neighbourhood wider than a phone scrolls sideways; opens each one on the services the page is
 * about (bold outline), not on its left edge.
 */
export function centreServiceGraphs(): void {
  for (const canvas of document.querySelectorAll<HTMLElement>('[data-service-graph] .diagram-canvas')) {
    const current = canvas.querySelector('.is-current');
    if (!current || canvas.scrollWidth <= canvas.clientWidth) continue;
    const box = current.getBoundingClientRect();
    const view = canvas.getBoundingClientRect();
    canvas.scrollLeft += box.left + box.width / 2 - (view.left + view.width / 2);
  }
}
