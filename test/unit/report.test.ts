import { describe, expect, test } from 'vitest';
import { formatTable } from '../../src/lib/report.ts';

describe('formatTable', () => {
  test('pads columns, trims line ends, cuts long cells', () => {
    expect(
      formatTable(
        ['A', 'LONGER'],
        [
          ['x', ''],
          ['yy', 'zzzzzzzzzz'],
        ],
        5,
      ),
    ).toBe('A   LONG…\nx\nyy  zzzz…');
  });
});
