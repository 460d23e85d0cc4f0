import { formatDuration } from '../format.ts';

/** `38%` from a share in 0..1; `—` when there is no share to show. */
export function formatPercent(share: number | undefined): string {
  return share === undefined ? '—' : `${Math.round(share * 100)}%`;
}

/** A duration in ms, or `—` when the sample is empty. */
export function formatMaybeDuration(ms: number | undefined): string {
  return ms === undefined ? '—' : formatDuration(ms);
}

/** `1 day`, `12 days`, `2.5 days` (medians can fall between whole days); `—` when unknown. */
export function formatDays(days: number | undefined): string {
  if (days === undefined) return '—';
  const shown = Number.isInteger(days) ? String(days) : days.toFixed(1);
  return `${shown} ${days === 1 ? 'day' : 'days'}`;
}

/** A ratio to two decimals (`0.25`, `1`); `—` when there is nothing to divide by. */
export function formatRatio(ratio: number | undefined): string {
  return ratio === undefined ? '—' : String(Math.round(ratio * 100) / 100);
}
