import { TimestampSchema } from '../schemas/primitives.ts';

/** `2024-03-05T14:09:00Z`: the UTC form every tool writes (whole seconds, offset `Z`). */
export function toUtcTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * Reads a timestamp an author typed (`2026-11-20T14:02Z`, `2026-11-20 16:02+02:00`, `now`).
 * An offset is required, because a review's times are compared across time zones.
 */
export function parseTimestampInput(
  value: string,
  now: Date,
): { ok: true; date: Date } | { ok: false; message: string } {
  const text = value.trim();
  if (text.toLowerCase() === 'now') return { ok: true, date: new Date(Math.floor(now.getTime() / 1000) * 1000) };
  const result = TimestampSchema.safeParse(text);
  if (result.success) return { ok: true, date: result.data };
  return { ok: false, message: `"${text}" ${result.error.issues[0]?.message ?? 'is not a timestamp'}` };
}
