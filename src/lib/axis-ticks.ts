/** A tick label on a horizontal axis: its centre and width, in the same units. */
export interface TickLabel {
  x: number;
  width: number;
}

/**
 * Which tick labels to keep so none overlap: every n-th one, with the smallest n for which
 * neighbours kept are at least `gap` apart (edge to edge). Keeps the first label; returns
 * indexes in order. Labels must be sorted by `x`.
 */
export function thinTickLabels(labels: readonly TickLabel[], gap = 8): number[] {
  const fits = (step: number) => {
    for (let i = step; i < labels.length; i += step) {
      const a = labels[i - step]!;
      const b = labels[i]!;
      if (b.x - b.width / 2 - (a.x + a.width / 2) < gap) return false;
    }
    return true;
  };
  let step = 1;
  while (step < labels.length && !fits(step)) step += 1;
  return labels.map((_, i) => i).filter((i) => i % step === 0);
}
