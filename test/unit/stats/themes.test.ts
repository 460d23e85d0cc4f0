import { describe, expect, test } from 'vitest';
import { getOnThisDay } from '../../../src/lib/stats/on-this-day.ts';
import { getMatrix, getPairs, getThemeStats, triggerWords } from '../../../src/lib/stats/themes.ts';
import { mockIncidents } from '../mock-incidents.ts';

const incidents = mockIncidents([
  {
    id: 'a',
    tags: ['dns', 'config-change', 'dns'],
    services: ['api', 'dns-resolver'],
    trigger: 'A resolver configuration change was rolled out to all regions.',
    contributingFactors: [
      { description: 'x', category: 'change-management' },
      { description: 'y', category: 'monitoring' },
    ],
  },
  {
    id: 'b',
    tags: ['config-change', 'dns'],
    services: ['dns-resolver', 'api'],
    trigger: 'Configuration changes to the resolvers.',
    contributingFactors: [
      { description: 'x', category: 'monitoring' },
      { description: 'z', category: 'change-management' },
    ],
  },
  { id: 'c', tags: ['dns', 'certificate-expiry'], services: ['api'], trigger: 'A certificate expired.' },
  { id: 'd', tags: ['certificate-expiry', 'config-change'], trigger: 'The certificates expired over a weekend.' },
]);

describe('themes', () => {
  test('pairs that recur on at least two incidents, most frequent first', () => {
    expect(getPairs(incidents, (i) => i.data.tags)).toEqual([
      { a: 'config-change', b: 'dns', count: 2, ids: ['a', 'b'] },
    ]);
    expect(getPairs(incidents, (i) => i.data.tags, 1).map((p) => `${p.a}+${p.b}:${p.count}`)).toEqual([
      'config-change+dns:2',
      'certificate-expiry+config-change:1',
      'certificate-expiry+dns:1',
    ]);
  });

  test('tag matrix: diagonal is each tag, cells are incidents with both', () => {
    expect(getMatrix(incidents, (i) => i.data.tags, 3)).toEqual({
      keys: ['config-change', 'dns', 'certificate-expiry'],
      counts: [
        [3, 2, 1],
        [2, 3, 1],
        [1, 1, 2],
      ],
    });
  });

  test('trigger words: lowercase, stopwords out, plural s trimmed', () => {
    expect(triggerWords('The certificates expired over a weekend.')).toEqual(['certificate', 'expired', 'weekend']);
    expect(triggerWords('Access to 12 hosts: a 2nd process')).toEqual(['access', 'host', 'process']);
  });

  test.each([
    ['A config push at 14:05 UTC on 29 February', ['config', 'push']],
    ['The 2024-02-29 date rollover hit the nightly batch', ['rollover', 'hit', 'batch']],
    ['Deploy on Monday morning, March 3rd, 09:00 PST', ['deploy']],
    ['A leap second at midnight GMT', ['leap', 'second']],
    ['Certificate expired after 365 days because nobody renewed it', ['certificate', 'expired', 'nobody', 'renewed']],
    ['5xx errors from the v2 API', ['5xx', 'error', 'api']],
  ])('dates, times, zones and filler leave "%s"', (text, words) => {
    expect(triggerWords(text)).toEqual(words);
  });

  test('theme stats bundle', () => {
    const t = getThemeStats(incidents);
    expect(t.categoryPairs).toEqual([{ a: 'change-management', b: 'monitoring', count: 2, ids: ['a', 'b'] }]);
    expect(t.servicePairs.map((p) => [p.a, p.b, p.count])).toEqual([['api', 'dns-resolver', 2]]);
    expect(t.categories.map((c) => [c.key, c.count])).toEqual([
      ['change-management', 2],
      ['monitoring', 2],
    ]);
    // "change"/"changes", "configuration", "resolver"/"resolvers" in a and b; "certificate(s)", "expired" in c and d.
    expect(t.triggerWords.map((w) => [w.key, w.ids])).toEqual([
      ['certificate', ['c', 'd']],
      ['change', ['a', 'b']],
      ['configuration', ['a', 'b']],
      ['expired', ['c', 'd']],
      ['resolver', ['a', 'b']],
    ]);
  });
});

describe('on this day', () => {
  const entries = [
    { id: 'leap', title: 'Leap', date: '2012-02-29' },
    { id: 'feb28', title: 'Feb 28', date: '2019-02-28' },
    { id: 'older', title: 'Older', date: '2015-02-28' },
    { id: 'this-year', title: 'This year', date: '2025-02-28' },
    { id: 'mar1', title: 'Mar 1', date: '2020-03-01' },
  ];

  test('earlier years on the same month and day, newest first', () => {
    expect(getOnThisDay(entries, '2025-02-28').map((e) => e.id)).toEqual(['feb28', 'older', 'leap']);
  });

  test('29 February is remembered on the 28th only in years without one', () => {
    expect(getOnThisDay(entries, '2028-02-28').map((e) => e.id)).toEqual(['this-year', 'feb28', 'older']);
    expect(getOnThisDay(entries, '2028-02-29').map((e) => e.id)).toEqual(['leap']);
  });

  test('nothing on a quiet day', () => {
    expect(getOnThisDay(entries, '2025-07-14')).toEqual([]);
  });
});
