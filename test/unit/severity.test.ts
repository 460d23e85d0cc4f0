import { describe, expect, test } from 'vitest';
import { getSeverityColour, getSeverityRank } from '../../src/lib/severity.ts';

const LEVELS = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'];

describe('severity rank', () => {
  test.each([
    ['SEV1', 1],
    ['SEV4', 4],
    ['P0', 5],
    [undefined, 5],
  ])('%s ranks %i (unknown levels sort last)', (level, rank) => {
    expect(getSeverityRank(level, LEVELS.slice(0, 4))).toBe(rank);
  });
});

describe('severity colour', () => {
  test.each([
    ['SEV1', 1],
    ['SEV3', 3],
    ['SEV5', 4],
    ['P0', 0],
    [undefined, 0],
  ])('%s has colour step %i (four colours; none for a near miss or an unknown level)', (level, colour) => {
    expect(getSeverityColour(level, LEVELS)).toBe(colour);
  });
});
