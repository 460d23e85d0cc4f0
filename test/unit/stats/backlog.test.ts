import { describe, expect, test } from 'vitest';
import { getBacklogTrend, getCreatedDate } from '../../../src/lib/stats/backlog.ts';
import { mockIncidents } from '../mock-incidents.ts';

const item = (fields: Record<string, unknown>) => ({ title: 't', owner: 'o', type: 'prevent', ...fields });

// Today is 2024-03-15; 2024 is a leap year, so February ends on the 29th.
const incidents = mockIncidents([
  {
    id: 'a',
    started: '2024-01-10T10:00:00Z',
    resolved: '2024-01-11T10:00:00Z',
    published: '2024-01-20',
    actionItems: [
      item({ title: '1 open, created when published', status: 'open', due: '2024-02-15' }),
      item({ title: '2 closed before it was due', status: 'done', closed: '2024-02-10', due: '2024-03-01' }),
      item({ title: "3 won't do", status: 'wont-do', created: '2024-02-01', closed: '2024-03-05' }),
      item({ title: '4 done, no closed date', status: 'done' }),
      item({ title: '5 in progress', status: 'in-progress', created: '2024-03-10', due: '2024-03-31' }),
      item({ title: 'created after today', status: 'open', created: '2024-04-01' }),
    ],
  },
  {
    id: 'b',
    started: '2024-02-20T10:00:00Z',
    actionItems: [item({ title: '6 open, created when it started', status: 'open', due: '2024-02-25' })],
  },
  {
    id: 'c',
    started: '2024-01-30T10:00:00Z',
    resolved: '2024-02-02T09:00:00Z',
    actionItems: [item({ title: '7 created when resolved', status: 'done', closed: '2024-02-28' })],
  },
]);

describe('backlog trend', () => {
  test('created defaults to published, else resolved, else started (UTC dates)', () => {
    const [a, b, c] = incidents;
    expect([
      getCreatedDate({}, a!.data),
      getCreatedDate({}, b!.data),
      getCreatedDate({}, c!.data),
      getCreatedDate({ created: '2023-12-31' }, a!.data),
    ]).toEqual(['2024-01-20', '2024-02-20', '2024-02-02', '2023-12-31']);
    // Closed on 15 January, before the review was published on the 20th: open no later than the 15th.
    expect(getCreatedDate({ closed: '2024-01-15' }, a!.data)).toBe('2024-01-15');
  });

  test('month by month, by hand', () => {
    const trend = getBacklogTrend(incidents, '2024-03-15');
    expect(trend.months).toEqual([
      // January: 1 and 2 opened (published 20 Jan); neither due yet.
      { month: '2024-01', end: '2024-01-31', opened: 2, closed: 0, openAtEnd: 2, overdueAtEnd: 0 },
      // February: 3, 6, 7 opened; 2 and 7 closed; 1, 3, 6 open on the 29th, of which 1 (due 15 Feb) and 6 (due 25 Feb) overdue.
      { month: '2024-02', end: '2024-02-29', opened: 3, closed: 2, openAtEnd: 3, overdueAtEnd: 2 },
      // March up to today: 5 opened, 3 (won't do) closed; 1, 5, 6 open; 5 is not due until the 31st.
      { month: '2024-03', end: '2024-03-15', opened: 1, closed: 1, openAtEnd: 3, overdueAtEnd: 2 },
    ]);
    // Ages of 1, 5, 6 today: 55, 5 and 24 days.
    expect([trend.openToday, trend.medianOpenAgeDays, trend.closedWithoutDate]).toEqual([3, 24, 1]);
  });

  test('no items, no months', () => {
    expect(getBacklogTrend(mockIncidents([{ id: 'x' }]), '2024-03-15')).toEqual({
      months: [],
      openToday: 0,
      medianOpenAgeDays: undefined,
      closedWithoutDate: 0,
    });
  });
});
