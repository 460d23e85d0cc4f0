import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ParseGuard } from '../../src/integrations/parse-guard/guard.ts';
import { prescanMdx } from '../../src/lib/mdx-prescan.ts';
import { PARSER_STALL } from '../fixtures/parser-stall.ts';

const REVIEW =
  '---\ntitle: A review\n---\n\n## What happened\n\nThe <Internal>resolver</Internal> timed out {1 + 1} times.\n';

describe('ParseGuard', () => {
  const guard = new ParseGuard(1000);
  afterAll(() => guard.close());

  test('the stalling body gets past the pre-scan (so only the time limit stops it)', () => {
    expect(prescanMdx(PARSER_STALL).problem).toBeUndefined();
  });

  test('a review the real parser finishes is parsed; one it cannot finish is given up on; the next is parsed again', async () => {
    expect(await guard.check(REVIEW)).toBe('parsed');
    expect(await guard.check(`${REVIEW}\n${PARSER_STALL}\n`)).toBe('stalled');
    // The stalled parser process was killed and a fresh one takes the next review.
    expect(await guard.check(REVIEW)).toBe('parsed');
  });

  test('reviews checked at once are answered in order, each on its own clock', async () => {
    const verdicts = await Promise.all([
      guard.check(REVIEW),
      guard.check(PARSER_STALL),
      guard.check(REVIEW),
      guard.check('# Plain'),
    ]);
    expect(verdicts).toEqual(['parsed', 'stalled', 'parsed', 'parsed']);
  });

  test('a parser process that dies on a review is reported as crashed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-guard-'));
    const script = join(dir, 'crash.mjs');
    writeFileSync(
      script,
      "process.on('message', (t) => { if (t === 'boom') process.exit(9); process.send('done'); });\nprocess.send('ready');\n",
    );
    const crashing = new ParseGuard(1000, script);
    expect(await crashing.check('fine')).toBe('parsed');
    expect(await crashing.check('boom')).toBe('crashed');
    expect(await crashing.check('fine')).toBe('parsed');
    crashing.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
