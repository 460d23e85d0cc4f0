import { describe, expect, test } from 'vitest';
import { linkFirstUses, prepareTerms } from '../../src/lib/glossary-linker.ts';

const terms = prepareTerms([
  { term: 'TTL', definition: 'Time to live.' },
  { term: 'Time to detect', definition: 'From impact to noticing.' },
  { term: 'Time', definition: 'A decoy.' },
]);
const view = (segments: ReturnType<typeof linkFirstUses>) =>
  segments?.map((s) => ('term' in s ? `[${s.text}→${s.term.id}]` : s.text)).join('');

describe('linkFirstUses', () => {
  test('links the first use of each term, longest term first, case-insensitively', () => {
    const linked = new Set<string>();
    expect(
      view(linkFirstUses('Our time to detect was long; the TTL was 300 s and the ttl mattered.', terms, linked)),
    ).toBe('Our [time to detect→time-to-detect] was long; the [TTL→ttl] was 300 s and the ttl mattered.');
    expect([...linked].sort()).toEqual(['time-to-detect', 'ttl']);
  });

  test('terms already linked in the document are left alone; whole words only', () => {
    const linked = new Set(['ttl']);
    expect(linkFirstUses('The TTL again; TTLs and sub-ttl.', terms, linked)).toBeUndefined();
    expect(view(linkFirstUses('Timeout at time zero.', terms, new Set()))).toBe('Timeout at [time→time] zero.');
  });
});
