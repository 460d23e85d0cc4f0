import { describe, expect, test } from 'vitest';
import {
  getDayRefs,
  getMonthTable,
  getThemeLists,
  newestFirst,
  splitRepeatResponders,
} from '../../../src/lib/view/insights.ts';

describe('getMonthTable', () => {
  const perMonth = [
    { month: '2024-01', severity: 'SEV1', count: 1, ids: ['a'] },
    { month: '2024-01', severity: 'SEV3', count: 2, ids: ['b', 'c'] },
    { month: '2024-04', severity: 'SEV3', count: 1, ids: ['d'] },
  ];

  test('one column per severity with incidents, worst first; zero where a month has none', () => {
    expect(getMonthTable(perMonth, ['SEV1', 'SEV2', 'SEV3'])).toEqual({
      severities: ['SEV1', 'SEV3'],
      rows: [
        { month: '2024-01', counts: [1, 2], ids: ['a', 'b', 'c'] },
        { month: '2024-04', counts: [0, 1], ids: ['d'] },
      ],
    });
  });

  test('no incidents, no columns and no rows', () => {
    expect(getMonthTable([], ['SEV1'])).toEqual({ severities: [], rows: [] });
  });
});

describe('splitRepeatResponders', () => {
  const person = (name: string, incidents: number) => ({
    name,
    teams: [],
    incidents,
    ids: [],
    notOnCall: 0,
    notOnCallIds: [],
  });

  test('keeps people in two or more incidents and counts the rest', () => {
    const { repeat, once } = splitRepeatResponders([
      person('ana', 3),
      person('bo', 2),
      person('cy', 1),
      person('di', 1),
    ]);
    expect(repeat.map((p) => p.name)).toEqual(['ana', 'bo']);
    expect(once).toBe(2);
  });
});

describe('getDayRefs', () => {
  test('looks reviews up by id', () => {
    const day = { id: 'a', title: 'A', date: '2024-01-01' };
    expect(getDayRefs([day]).get('a')).toBe(day);
  });
});

describe('getThemeLists', () => {
  const pair = (a: string, b: string, count: number) => ({ a, b, count, ids: [`${a}-${b}`] });
  const tally = (key: string) => ({ key, count: 2, ids: [key] });
  const themes = {
    tagPairs: Array.from({ length: 12 }, (_, i) => pair(`t${i}`, 'dns', 12 - i)),
    categoryPairs: [pair('config', 'process', 2)],
    servicePairs: [pair('api', 'ghost', 3)],
    categories: Array.from({ length: 14 }, (_, i) => tally(`c${i}`)),
    triggerWords: Array.from({ length: 20 }, (_, i) => tally(`w${i}`)),
    tagMatrix: { keys: [], counts: [] },
  };

  test('each list cut to its size, pairs labelled with "+", tags with "#", services by name (unknown ids as they are)', () => {
    const lists = getThemeLists(themes, new Map([['api', 'Public API']]));
    expect([lists.tagPairs.length, lists.categories.length, lists.triggerWords.length]).toEqual([10, 12, 15]);
    expect(lists.tagPairs[0]).toEqual({ label: '#t0 + #dns', count: 12, ids: ['t0-dns'] });
    expect(lists.categoryPairs.map((p) => p.label)).toEqual(['config + process']);
    expect(lists.servicePairs.map((p) => p.label)).toEqual(['Public API + ghost']);
  });

  test('newestFirst reverses a copy', () => {
    const years = [2024, 2025, 2026];
    expect(newestFirst(years)).toEqual([2026, 2025, 2024]);
    expect(years).toEqual([2024, 2025, 2026]);
  });
});
