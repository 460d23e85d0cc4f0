import { describe, expect, test } from 'vitest';
import { isSearchableTerm, SearchScheduler, type IsCurrent, type Timers } from '../../src/lib/search-schedule.ts';

/** Timers that fire only when told to. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  const timers: Timers = {
    set: (run) => (pending.set(++next, run), next),
    clear: (handle) => pending.delete(handle as number),
  };
  const fireAll = () => [...pending].forEach(([handle, run]) => (pending.delete(handle), run()));
  return { timers, fireAll, pending };
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
  test('keystrokes within the debounce start one search, for the last query', () => {
    const { timers, fireAll } = manualTimers();
    const runs: string[] = [];
    const scheduler = new SearchScheduler<string>((q) => runs.push(q), 40, timers);
    scheduler.schedule('re');
    scheduler.schedule('res');
    scheduler.schedule('reso');
    fireAll();
    expect(runs).toEqual(['reso']);
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
