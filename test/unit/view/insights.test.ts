import { describe, expect, test } from 'vitest';
import { getDayRefs, getMonthTable, splitRepeatResponders } from '../../../src/lib/view/insights.ts';

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
