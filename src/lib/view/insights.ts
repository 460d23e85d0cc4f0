/**
 * The tables of the insights page that regroup the figures of `Stats` (insights/index.astro and
 * its sections render them): incident references by id, the month-by-severity table, and the
 * people who responded more than once.
 */
import type { PersonLoad } from '../stats/engagement.ts';
import type { DayEntry } from '../stats/on-this-day.ts';
import type { ThemeStats } from '../stats/themes.ts';
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

/** One row of a ranked list (RankedList.astro). */
export interface RankedItem {
  label: string;
  count: number;
  ids: string[];
}

/** The "Recurring themes" lists, each cut to its most frequent entries. */
export interface ThemeLists {
  tagPairs: RankedItem[];
  categories: RankedItem[];
  categoryPairs: RankedItem[];
  servicePairs: RankedItem[];
  triggerWords: RankedItem[];
}

/** How many entries each themes list shows (the section's text says "the ten most frequent"). */
export const THEME_LIST_SIZES = { pairs: 10, categories: 12, triggerWords: 15 } as const;

/** The themes lists as the section shows them: pairs joined with "+", tags with "#", services by name. */
export function getThemeLists(themes: ThemeStats, serviceNames: ReadonlyMap<string, string>): ThemeLists {
  const { pairs, categories, triggerWords } = THEME_LIST_SIZES;
  const name = (id: string) => serviceNames.get(id) ?? id;
  return {
    tagPairs: themes.tagPairs.slice(0, pairs).map((p) => ({ label: `#${p.a} + #${p.b}`, count: p.count, ids: p.ids })),
    categories: themes.categories.slice(0, categories).map((c) => ({ label: c.key, count: c.count, ids: c.ids })),
    categoryPairs: themes.categoryPairs
      .slice(0, pairs)
      .map((p) => ({ label: `${p.a} + ${p.b}`, count: p.count, ids: p.ids })),
    servicePairs: themes.servicePairs
      .slice(0, pairs)
      .map((p) => ({ label: `${name(p.a)} + ${name(p.b)}`, count: p.count, ids: p.ids })),
    triggerWords: themes.triggerWords.slice(0, triggerWords).map((w) => ({ label: w.key, count: w.count, ids: w.ids })),
  };
}

/** Rows of a yearly or monthly table, newest first (the figures are computed oldest first). */
export function newestFirst<T>(rows: readonly T[]): T[] {
  return [...rows].reverse();
}
