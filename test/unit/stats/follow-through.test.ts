import { describe, expect, test } from 'vitest';
import {
  countOpenActions,
  getActionRows,
  getActionStats,
  getReviewRows,
  getReviewStats,
} from '../../../src/lib/stats/follow-through.ts';
import { mockIncidents } from '../mock-incidents.ts';

const TODAY = '2024-05-15';

const incidents = mockIncidents([
  {
    id: 'a',
    title: 'Resolver outage',
    started: '2024-03-05T14:00:00Z',
    resolved: '2024-03-05T16:00:00Z',
    actionItems: [
      { title: 'Canary', owner: 'network', status: 'open', type: 'prevent', due: '2024-04-30' },
      { title: 'Due today', owner: 'network', status: 'in-progress', type: 'detect', due: TODAY },
      {
        title: 'Alert window',
        owner: 'platform',
        status: 'done',
        type: 'detect',
        due: '2024-03-20',
        closed: '2024-03-18',
      },
      {
        title: 'Dropped',
        owner: 'platform',
        status: 'wont-do',
        type: 'process',
        due: '2024-01-01',
        closed: '2024-03-10',
      },
    ],
  },
  {
    id: 'b',
    title: 'Queue backlog',
    // Unresolved: days to close count from the start date.
    started: '2024-04-01T09:00:00Z',
    actionItems: [
      { title: 'Autoscale', owner: 'platform', status: 'in-progress', type: 'mitigate', due: '2024-05-01' },
      { title: 'No date', owner: 'network', status: 'open', type: 'process' },
      { title: 'Runbook', owner: 'network', status: 'done', type: 'process', closed: '2024-04-11' },
      { title: 'Old', owner: 'network', status: 'open', type: 'prevent', due: '2024-04-01' },
    ],
  },
]);

describe('action items', () => {
  test('overdue: open or in progress with due before today; due today and won’t-do never are', () => {
    const rows = getActionRows(incidents, TODAY);
    expect(rows.filter((r) => r.overdue).map((r) => [r.title, r.daysOverdue])).toEqual([
      ['Canary', 15],
      ['Autoscale', 14],
      ['Old', 44],
    ]);
    expect(rows.find((r) => r.title === 'Due today')!.overdue).toBe(false);
    expect(rows.find((r) => r.title === 'Dropped')!.overdue).toBe(false);
  });

  test('counts by status, type and owner', () => {
    const s = getActionStats(incidents, TODAY);
    expect(s.total).toBe(8);
    expect(s.byStatus).toEqual({ open: 3, 'in-progress': 2, done: 2, 'wont-do': 1 });
    // Open and in progress, the items the open-actions page lists by owner.
    expect(countOpenActions(s)).toBe(5);
    expect(s.openByOwner.flatMap((g) => g.items)).toHaveLength(5);
    expect(s.byType).toEqual({
      prevent: { total: 2, open: 2 },
      mitigate: { total: 1, open: 1 },
      detect: { total: 2, open: 1 },
      process: { total: 3, open: 1 },
    });
    expect(s.byOwner).toEqual([
      { owner: 'network', total: 5, open: 3, inProgress: 1, done: 1, wontDo: 0, overdue: 2 },
      { owner: 'platform', total: 3, open: 0, inProgress: 1, done: 1, wontDo: 1, overdue: 1 },
    ]);
    expect(s.overdue).toBe(3);
    expect(s.openWithoutDue).toBe(1);
  });

  test('days to close: from resolution (or start) date to closed, done items only', () => {
    // Alert window: 2024-03-05 → 03-18 = 13; Runbook: 2024-04-01 → 04-11 = 10.
    const { daysToClose } = getActionStats(incidents, TODAY);
    expect(daysToClose.n).toBe(2);
    expect(daysToClose.median).toBe(11.5);
    expect(daysToClose.smallSample).toBe(true);
  });

  test('/actions/ order: owners with more overdue first; overdue items first, longest overdue first, then by due, undated last', () => {
    const groups = getActionStats(incidents, TODAY).openByOwner;
    expect(groups.map((g) => [g.owner, g.overdue, g.items.map((i) => i.title)])).toEqual([
      ['network', 2, ['Old', 'Canary', 'Due today', 'No date']],
      ['platform', 1, ['Autoscale']],
    ]);
    expect(groups[0]!.items[0]).toMatchObject({
      incidentId: 'b',
      incidentTitle: 'Queue backlog',
      due: '2024-04-01',
      daysOverdue: 44,
    });
  });
});

describe('review timeliness', () => {
  // Resolved Tuesday 2024-03-05 → due 10 business days later, 2024-03-19.
  const reviews = mockIncidents([
    {
      id: 'on-time',
      status: 'published',
      started: '2024-03-05T10:00:00Z',
      resolved: '2024-03-05T12:00:00Z',
      published: '2024-03-19',
      owner: 'platform',
    },
    {
      id: 'late-published',
      status: 'published',
      started: '2024-03-05T10:00:00Z',
      resolved: '2024-03-05T12:00:00Z',
      published: '2024-03-20',
      owner: 'platform',
    },
    {
      id: 'due-today',
      status: 'in-review',
      started: '2024-03-05T10:00:00Z',
      resolved: '2024-03-05T12:00:00Z',
      owner: 'network',
    },
    {
      id: 'overdue',
      status: 'draft',
      started: '2024-03-01T10:00:00Z',
      resolved: '2024-03-01T12:00:00Z',
      owner: 'network',
    },
    { id: 'orphan', status: 'draft', started: '2024-02-01T10:00:00Z', resolved: '2024-02-01T12:00:00Z' },
    { id: 'undated', status: 'published', started: '2024-01-01T10:00:00Z', resolved: '2024-01-01T12:00:00Z' },
    { id: 'ongoing', status: 'draft', started: '2024-03-10T10:00:00Z' },
  ]);
  const today = '2024-03-19';

  test('rows: due date in business days; late when published after it or still unpublished past it', () => {
    const rows = Object.fromEntries(getReviewRows(reviews, today, 10).map((r) => [r.id, r]));
    expect(rows['on-time']).toMatchObject({
      resolved: '2024-03-05',
      due: '2024-03-19',
      daysToPublish: 14,
      late: false,
    });
    expect(rows['late-published']).toMatchObject({ daysToPublish: 15, late: true, businessDaysLate: undefined });
    expect(rows['due-today']).toMatchObject({ due: '2024-03-19', late: false, isPublished: false });
    // Friday 2024-03-01 + 10 business days = 2024-03-15 (Fri); today is Tuesday the 19th: 2 business days late.
    expect(rows.overdue).toMatchObject({ due: '2024-03-15', late: true, businessDaysLate: 2 });
    expect(rows.undated).toMatchObject({ isPublished: true, late: false, daysToPublish: undefined });
    expect(rows.ongoing).toBeUndefined();
  });

  test('stats: overdue reviews by owner, on-time share of dated publications', () => {
    const s = getReviewStats(reviews, today, 10);
    expect(s).toMatchObject({
      dueBusinessDays: 10,
      resolved: 6,
      published: 3,
      publishedOnTime: 1,
      publishedLate: 1,
      onTimeShare: 0.5,
      awaiting: 1,
      overdue: 2,
    });
    expect(s.daysToPublish.median).toBe(14.5);
    expect(s.overdueByOwner.map((g) => [g.owner, g.items.map((i) => i.id)])).toEqual([
      ['(no owner)', ['orphan']],
      ['network', ['overdue']],
    ]);
  });

  test('the number of business days is configurable', () => {
    const rows = getReviewRows(reviews, today, 5);
    expect(rows.find((r) => r.id === 'on-time')).toMatchObject({ due: '2024-03-12', late: true });
    expect(getReviewStats(reviews, today, 5).overdue).toBe(3);
  });
});
