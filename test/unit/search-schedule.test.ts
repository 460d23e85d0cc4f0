import { describe, expect, test } from 'vitest';
import { isSearchableTerm, SearchScheduler, type IsCurrent, type Timers } from '../../src/lib/search-schedule.ts';

/** Timers that fire only when told to, on a clock that moves only when told to. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  let clock = 1_000;
  const timers: Timers = {
    set: (run) => (pending.set(++next, run), next),
    clear: (handle) => pending.delete(handle as number),
    now: () => clock,
  };
  const fireAll = () => [...pending].forEach(([handle, run]) => (pending.delete(handle), run()));
  const wait = (ms: number) => (clock += ms);
  return { timers, fireAll, pending, wait };
}

describe('isSearchableTerm', () => {
  test.each([
    ['', true],
    ['a', false],
    [' a ', false],
    ['ab', true],
    ['é', false],
    ['db', true],
  ])('%j → %s', (term, expected) => {
    expect(isSearchableTerm(term)).toBe(expected);
  });
});

describe('SearchScheduler', () => {
  test('a keystroke after a pause searches at once; keystrokes within the debounce search once, for the last query', () => {
    const { timers, fireAll, wait } = manualTimers();
    const runs: string[] = [];
    const scheduler = new SearchScheduler<string>((q) => runs.push(q), 40, timers);
    scheduler.schedule('re');
    expect(runs).toEqual(['re']);
    wait(10);
    scheduler.schedule('res');
    wait(10);
    scheduler.schedule('reso');
    expect(runs).toEqual(['re']);
    fireAll();
    expect(runs).toEqual(['re', 'reso']);
    // A reader typing slower than the debounce gets a search per keystroke, each at once.
    wait(150);
    scheduler.schedule('resol');
    wait(150);
    scheduler.schedule('resolv');
    expect(runs).toEqual(['re', 'reso', 'resol', 'resolv']);
  });

  test('a keystroke that ends a one-letter query counts towards the burst', () => {
    const { timers, fireAll, wait } = manualTimers();
    const runs: string[] = [];
    const scheduler = new SearchScheduler<string>((q) => runs.push(q), 40, timers);
    scheduler.cancel(); // "r": too short to search
    wait(20);
    scheduler.schedule('re');
    expect(runs).toEqual([]);
    fireAll();
    expect(runs).toEqual(['re']);
  });

  test('a search overtaken while in flight is stale; the latest is current', () => {
    const { timers, fireAll } = manualTimers();
    const seen: [string, IsCurrent][] = [];
    const scheduler = new SearchScheduler<string>((q, isCurrent) => seen.push([q, isCurrent]), 40, timers);
    scheduler.schedule('res');
    fireAll();
    scheduler.schedule('resolver');
    fireAll();
    expect(seen.map(([q, current]) => [q, current()])).toEqual([
      ['res', false],
      ['resolver', true],
    ]);
  });

  test('now: runs at once; cancel: drops the pending run and stales the one in flight', () => {
    const { timers, fireAll, pending } = manualTimers();
    const seen: [string, IsCurrent][] = [];
    const scheduler = new SearchScheduler<string>((q, isCurrent) => seen.push([q, isCurrent]), 40, timers);
    scheduler.schedule('dns', { now: true });
    expect(seen.map(([q]) => q)).toEqual(['dns']);
    scheduler.schedule('dnsx');
    scheduler.cancel();
    expect(pending.size).toBe(0);
    fireAll();
    expect(seen.map(([q, current]) => [q, current()])).toEqual([['dns', false]]);
  });
});
