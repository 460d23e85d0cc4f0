/**
 * The tables of the insights page that regroup the figures of `Stats` (insights/index.astro and
 * its sections render them): incident references by id, the month-by-severity table, and the
 * people who responded more than once.
 */
import type { PersonLoad } from '../stats/engagement.ts';
import type { DayEntry } from '../stats/on-this-day.ts';
import type { MonthCount } from '../stats/volume.ts';

/** Incidents per month and severity as a table: one row a month, one column a severity with incidents. */
export interface MonthTable {
  /** Configured severities that have at least one incident, worst first. */
  severities: string[];
  /** Months ascending. */
  rows: { month: string; counts: number[]; ids: string[] }[];
}

/** Every review by id, for the incident links behind each figure. */
export function getDayRefs(days: readonly DayEntry[]): Map<string, DayEntry> {
  return new Map(days.map((d) => [d.id, d]));
}

/** The month-by-severity table of `volume.perMonth` (non-zero cells, months ascending). */
export function getMonthTable(perMonth: readonly MonthCount[], severities: readonly string[]): MonthTable {
  const present = severities.filter((s) => perMonth.some((c) => c.severity === s));
  const months = [...new Set(perMonth.map((c) => c.month))];
  return {
    severities: present,
    rows: months.map((month) => {
      const cells = perMonth.filter((c) => c.month === month);
      return {
        month,
        counts: present.map((s) => cells.find((c) => c.severity === s)?.count ?? 0),
        ids: cells.flatMap((c) => c.ids),
      };
    }),
  };
}

/** People in more than one incident (busiest first, as given), and how many appear in one only. */
export function splitRepeatResponders(perPerson: readonly PersonLoad[]): { repeat: PersonLoad[]; once: number } {
  const repeat = perPerson.filter((p) => p.incidents >= 2);
  return { repeat, once: perPerson.length - repeat.length };
}
