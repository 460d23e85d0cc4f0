import { expect, test } from 'vitest';
import { checkBudgets, checkEditBudgets, type PeerFigures } from '../../../scripts/lib/bench/bench-budgets.ts';

const fig = (f: Partial<PeerFigures>): PeerFigures => ({
  wallMs: 1000,
  rssKb: 100_000,
  jsCssGz: 5000,
  htmlGz: 4000,
  pagefindIndexBytes: 1000,
  searchBytes: 100_000,
  ...f,
});

test('budgets from one invocation, as ratios to the floor and Starlight', () => {
  const checks = checkBudgets(
    {
      floor: { 1000: fig({ wallMs: 10_000 }), 5000: fig({ wallMs: 50_000, rssKb: 200_000, searchBytes: 100_000 }) },
      starlight: { 1000: fig({ wallMs: 40_000 }) },
      ours: {
        1000: fig({ wallMs: 25_000, jsCssGz: 11 * 1024, htmlGz: 7 * 1024, pagefindIndexBytes: 1100 }),
        5000: fig({ wallMs: 150_000, rssKb: 320_000, searchBytes: 130_000 }),
      },
    },
    1000,
    5000,
    { buildTimeDiagramJsGz: 2000, plainPageJsGz: 2000, heapCheck: { count: 10_000, ok: true } },
  );
  const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
  expect(byId.B1).toMatchObject({ met: true, seen: '0.63× Starlight; 2.50× the floor' });
  expect(byId.B2).toMatchObject({ met: false, seen: '1.20×' });
  expect(byId.B3).toMatchObject({ met: false, seen: '1.60× the floor (313 MB); 10000: built' });
  expect(byId.B4).toMatchObject({ met: false, seen: '11.0 KB' });
  expect(byId.B5).toMatchObject({ met: true });
  expect(byId.B6).toMatchObject({ met: true });
  expect(byId.B7).toMatchObject({ met: undefined, seen: 'n/a through the UI; probe 127.0 KB, 1.30× the floor' });
  expect(byId.B8).toMatchObject({ met: true, seen: '1.10×' });
});

test('missing figures are "not measured", never a pass', () => {
  const checks = checkBudgets({ ours: { 1000: fig({}) } }, 1000, 5000, {});
  expect(checks.find((c) => c.id === 'B1')!.met).toBeUndefined();
  expect(checks.find((c) => c.id === 'B2')!.met).toBeUndefined();
  expect(checks.find((c) => c.id === 'B6')!.met).toBeUndefined();
  expect(checks.find((c) => c.id === 'B4')!.met).toBe(true);
});

test('B7t: the median time to the first result, ≤ 300 ms, at the size searched', () => {
  const at = (median: number) =>
    checkBudgets({}, 1000, 5000, {
      searchTime: { n: 5000, searches: 15, shownMs: { median, min: 180, max: 640 } },
    }).find((c) => c.id === 'B7t')!;
  expect(at(300)).toMatchObject({
    met: true,
    budget: 'one search at 5000 shows results ≤ 300 ms after Pagefind has loaded (median)',
    seen: '300 ms, median of 15 cold searches (180..640 ms)',
  });
  expect(at(301.4).met).toBe(false);
  expect(checkBudgets({}, 1000, 5000, {}).find((c) => c.id === 'B7t')).toMatchObject({
    met: undefined,
    seen: 'not run',
  });
});

test('B7: what the real UI fetched, ≤ 300 KB; the probe ratio counts only where the floor was built', () => {
  const b7 = (bytes: number, floorBytes?: number) =>
    checkBudgets(
      {
        ours: { 5000: fig({ searchBytes: 130_000 }) },
        ...(floorBytes ? { floor: { 5000: fig({ searchBytes: floorBytes }) } } : {}),
      },
      1000,
      5000,
      {
        searchTime: { n: 5000, searches: 18, shownMs: { median: 100, min: 80, max: 200 }, bytes },
      },
    ).find((c) => c.id === 'B7')!;
  expect(b7(200 * 1024)).toMatchObject({ met: true, seen: '200.0 KB through the UI; probe 127.0 KB, floor not built' });
  expect(b7(301 * 1024).met).toBe(false);
  expect(b7(200 * 1024, 100_000).met).toBe(false); // 1.30× the floor's probe
});

test('B7s: ours ≤ 50 ms median, beside Pagefind with filters(), and the counts must agree', () => {
  const b7s = (oursMs: number, allSame = true) =>
    checkBudgets({}, 1000, 5000, { facetTime: { n: 5000, samples: 18, oursMs, pagefindMs: 120, allSame } }).find(
      (c) => c.id === 'B7s',
    )!;
  expect(b7s(30)).toMatchObject({
    met: true,
    seen: '30.0 ms vs 120.0 ms with filters(): 4.00× faster, median of 18; counts identical',
  });
  expect(b7s(51).met).toBe(false);
  expect(b7s(30, false).met).toBe(false);
  expect(b7s(30, false).seen).toContain('counts DIFFER');
  expect(checkBudgets({}, 1000, 5000, {}).find((c) => c.id === 'B7s')).toMatchObject({
    met: undefined,
    seen: 'not run',
  });
});

test('B1: at most Starlight in the same run, whatever the floor', () => {
  const b1 = (ours: number) =>
    checkBudgets(
      {
        floor: { 1000: fig({ wallMs: 1000 }) },
        starlight: { 1000: fig({ wallMs: 20_000 }) },
        ours: { 1000: fig({ wallMs: ours }) },
      },
      1000,
      5000,
      {},
    ).find((c) => c.id === 'B1')!;
  expect(b1(20_000)).toMatchObject({ met: true, seen: '1.00× Starlight; 20.00× the floor' });
  expect(b1(20_001).met).toBe(false);
  expect(
    checkBudgets({ ours: { 1000: fig({}) }, floor: { 1000: fig({}) } }, 1000, 5000, {}).find((c) => c.id === 'B1')!.met,
  ).toBeUndefined();
});

test.each([
  ['both within', 1000, 200, 350, true],
  ['the body edit over 0.2×', 1000, 201, 300, false],
  ['the tag edit over 0.35×', 1000, 100, 351, false],
])('B9: %s', (_, coldMs, bodyMs, tagMs, met) => {
  expect(checkEditBudgets({ n: 1000, coldMs, bodyMs, tagMs }, undefined)[0]!.met).toBe(met);
});

test('B9 and B10 read "not run" without figures, and B10 shows both times', () => {
  const [b9, b10] = checkEditBudgets(undefined, undefined);
  expect(b9).toMatchObject({ id: 'B9', met: undefined, seen: 'not run' });
  expect(b10).toMatchObject({ id: 'B10', met: undefined, seen: 'not run' });
  expect(checkEditBudgets(undefined, { n: 1000, firstPageMs: 8200, saveToChangeMs: 640 })[1]).toMatchObject({
    met: true,
    seen: 'first page 8.2 s, save to change 640 ms (median)',
  });
  expect(checkEditBudgets(undefined, { n: 1000, firstPageMs: 12_000, saveToChangeMs: 640 })[1]!.met).toBe(false);
});
