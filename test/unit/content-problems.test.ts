import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { setContentProblems, throwPendingContentProblems } from '../../src/integrations/content-problems.ts';
import { ContentError } from '../../src/lib/content-errors.ts';

describe('content problems seen while astro dev reloads a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-problems-'));
  const file = join(dir, 'x.mdx');
  writeFileSync(file, '---\n---\n');

  test('a recorded problem is thrown as a ContentError (message and hint for the overlay) until cleared', () => {
    expect(() => throwPendingContentProblems()).not.toThrow();
    setContentProblems(file, [`${file}: severity "SEV9": expected one of SEV1, SEV2`]);
    const thrown = (() => {
      try {
        throwPendingContentProblems();
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ContentError);
    expect((thrown as ContentError).message).toBe(`${file}: severity "SEV9": expected one of SEV1, SEV2`);
    expect((thrown as ContentError).hint).toMatch(/npm run lint/);
    setContentProblems(file, []);
    expect(() => throwPendingContentProblems()).not.toThrow();
  });

  test('a file deleted since its problem was recorded no longer counts', () => {
    setContentProblems(file, ['broken']);
    rmSync(dir, { recursive: true, force: true });
    expect(() => throwPendingContentProblems()).not.toThrow();
  });
});
