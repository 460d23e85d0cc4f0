import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, copyFixture, fixture } from './build-site.ts';

/** Lines of a Node stack trace (`    at fn (file:1:2)`). */
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

describe('errors read as errors', () => {
  test('a mistyped setting fails at start, naming the variable and value, before anything is written', () => {
    const site = buildSite(fixture('minimal'), { HINDSIGHT_AUDIENCE: 'publc' });
    expect(site.ok).toBe(false);
    expect(site.output).toContain('HINDSIGHT_AUDIENCE "publc" is not one of internal, public');
    expect(site.output).toContain('Hint:');
    expect(site.output).not.toMatch(STACK_LINE);
    expect(readdirSync(site.outDir)).toEqual([]);
  });

  test('a content error shows its message and a hint, with no stack trace into the loaders', () => {
    const dir = copyFixture('minimal');
    const file = join(dir, 'incidents/2024-03-05-checkout-resolver.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: published', 'status: finished'));
    const site = buildSite(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(site.ok).toBe(false);
    expect(site.output).toContain('status "finished": expected one of draft, in-review, published');
    expect(site.output).toMatch(/Hint:\s+Fix the file named above/);
    expect(site.output).not.toContain('content-loaders');
    expect(site.output).not.toMatch(STACK_LINE);
  });
});
