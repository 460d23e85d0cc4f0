import { z } from 'astro/zod';
import { daysInMonth } from '../lib/dates.ts';

/** ISO 8601 date-time that must carry a timezone offset (`Z` or `±hh:mm`); seconds optional. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** A date-time with an offset, parsed to a `Date`. A missing offset gets its own message. */
export const TimestampSchema = z
  .string({ error: 'expected an ISO 8601 timestamp with an offset, e.g. 2024-03-05T14:02:00Z' })
  .superRefine((value, ctx) => {
    const match = TIMESTAMP.exec(value);
    const impossible = match ? calendarProblem(match) : undefined;
    if (impossible) {
      ctx.addIssue({ code: 'custom', message: `is not a real date and time: ${impossible}` });
    } else if (!match || Number.isNaN(Date.parse(normalizeOffset(value)))) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected an ISO 8601 timestamp with an offset, e.g. 2024-03-05T14:02:00Z',
      });
    } else if (!match[7]) {
      ctx.addIssue({
        code: 'custom',
        message: 'has no timezone offset: add Z for UTC or an offset such as +02:00',
      });
    }
  })
  .transform((value) => new Date(normalizeOffset(value)));

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Why year-month-day (and hour:minute:second) name no real moment, or undefined. JavaScript would
 * roll 2024-02-30 over to 1 March without a word.
 */
export function calendarProblem(parts: readonly (string | undefined)[]): string | undefined {
  const [year, month, day, hour = '0', minute = '0', second = '0'] = parts
    .slice(1)
    .map((p) => (p === undefined ? undefined : Number(p)));
  if (month === undefined || month < 1 || month > 12) return `there is no month ${parts[2]}`;
  const days = daysInMonth(year!, month);
  if (day === undefined || day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has ${days} days`;
  if (Number(hour) > 23) return `hour ${parts[4]} is past 23`;
  if (Number(minute) > 59) return `minute ${parts[5]} is past 59`;
  if (Number(second) > 59) return `second ${parts[6]} is past 59`;
  return undefined;
}

/** `+0200` is valid ISO 8601 but not every JS engine parses it; rewrite it as `+02:00`. */
function normalizeOffset(value: string): string {
  return value.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

/** A calendar date `YYYY-MM-DD`, kept as a string (it has no time zone). */
export const CalendarDateSchema = z
  .string({ error: 'expected a date as YYYY-MM-DD, e.g. 2024-03-12' })
  .superRefine((value, ctx) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) ctx.addIssue({ code: 'custom', message: 'expected a date as YYYY-MM-DD, e.g. 2024-03-12' });
    else if (calendarProblem(match))
      ctx.addIssue({ code: 'custom', message: `is not a real date: ${calendarProblem(match)}` });
  });

/** A lowercase kebab-case identifier such as `config-change`. */
export const KebabCaseSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'expected lowercase kebab-case, e.g. config-change' });

/** An absolute http(s) URL. */
export const UrlSchema = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' });

/** A non-empty single-line text. */
export const TextSchema = z.string().trim().min(1, { message: 'must not be empty' });
