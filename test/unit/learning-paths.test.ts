import { describe, expect, test } from 'vitest';
import { estimateReadingMinutes, getPathPositions, getVisibleSteps, hasHandout } from '../../src/lib/learning-paths.ts';

describe('learning paths', () => {
  test.each([
    ['', 1],
    ['word '.repeat(199), 1],
    ['word '.repeat(500), 3],
    [`${'word '.repeat(400)}\n\`\`\`mermaid\n${'a-->b '.repeat(900)}\n\`\`\``, 2],
  ])('reading time of %#', (text, minutes) => {
    expect(estimateReadingMinutes(text)).toBe(minutes);
  });

  test('steps whose incident is not built are dropped', () => {
    const steps = [{ incident: 'a' }, { incident: 'internal' }, { incident: 'b' }];
    expect(getVisibleSteps(steps, new Set(['a', 'b']))).toEqual([{ incident: 'a' }, { incident: 'b' }]);
  });

  test('positions give previous and next, in every path that holds the incident', () => {
    const paths = [
      { id: 'p1', steps: [{ incident: 'a' }, { incident: 'b' }, { incident: 'c' }] },
      { id: 'p2', steps: [{ incident: 'b' }] },
      { id: 'p3', steps: [{ incident: 'x' }] },
    ];
    expect(getPathPositions('b', paths)).toEqual([
      { pathId: 'p1', step: 2, total: 3, previous: 'a', next: 'c' },
      { pathId: 'p2', step: 1, total: 1, previous: undefined, next: undefined },
    ]);
    expect(getPathPositions('a', paths)[0]).toMatchObject({ previous: undefined, next: 'b' });
  });
});

describe('hasHandout', () => {
  test.each([
    [[{ questions: [] }, { questions: ['Why did the alert stay silent?'] }], true],
    [[{ questions: [] }], false],
    [[], false],
  ])('steps %j: %s', (steps, expected) => {
    expect(hasHandout({ steps })).toBe(expected);
  });
});
