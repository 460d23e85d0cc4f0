/** Learning-path pages in the browser: ticks for steps read, kept in localStorage; nothing leaves the browser. */
import { markStepRead, readPathProgress, resetPathProgress } from './path-progress.ts';

/** On a review page, records it as read in every path its `.path-nav` names. */
export function markCurrentStepRead(): void {
  const nav = document.querySelector<HTMLElement>('.path-nav');
  if (nav) for (const pathId of nav.dataset.paths!.split(' ')) markStepRead(pathId, nav.dataset.incident!);
}

/** On a path page, ticks the steps read, shows the count and wires the reset button of `[data-path]`. */
export function showStepsRead(): void {
  const box = document.querySelector<HTMLElement>('[data-path]');
  if (!box) return;
  const pathId = box.dataset.path!;
  const render = () => {
    const read = readPathProgress(pathId);
    let count = 0;
    for (const item of document.querySelectorAll<HTMLElement>('[data-step]')) {
      const done = read.has(item.dataset.step!);
      item.querySelector<HTMLElement>('.step-done')!.hidden = !done;
      if (done) count++;
    }
    box.querySelector('[data-progress-count]')!.textContent = String(count);
  };
  box.hidden = false;
  box.querySelector('[data-progress-reset]')!.addEventListener('click', () => {
    resetPathProgress(pathId);
    render();
  });
  render();
}
