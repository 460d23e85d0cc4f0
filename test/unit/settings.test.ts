import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseEnvironment } from '../../src/lib/settings.ts';
import { EnvironmentSchema, SETTING_NAMES } from '../../src/schemas/settings.ts';

/** The message a bad environment fails with. */
function failure(env: Record<string, string>): string {
  try {
    parseEnvironment(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the settings to be refused');
}

describe('parseEnvironment', () => {
  test('defaults when nothing is set; other variables and empty values are ignored', () => {
    const settings = parseEnvironment({ PATH: '/usr/bin', HINDSIGHT_NOW: '' });
    expect(settings).toEqual({
      HINDSIGHT_CONTENT: 'src/content',
      HINDSIGHT_AUDIENCE: 'internal',
      HINDSIGHT_SITE: 'https://hindsight.example',
      HINDSIGHT_BASE: '/',
      HINDSIGHT_OUT_DIR: './dist',
      HINDSIGHT_PARSE_TIMEOUT: 10,
    });
  });

  test.each([
    [{ HINDSIGHT_AUDIENCE: 'public' }, 'HINDSIGHT_AUDIENCE', 'public'],
    [{ HINDSIGHT_DRAFTS: 'exclude' }, 'HINDSIGHT_DRAFTS', 'exclude'],
    [{ HINDSIGHT_BASE: '/kb' }, 'HINDSIGHT_BASE', '/kb/'],
    [{ HINDSIGHT_BASE: '/team/kb/' }, 'HINDSIGHT_BASE', '/team/kb/'],
    [{ HINDSIGHT_SITE: 'https://kb.example.com' }, 'HINDSIGHT_SITE', 'https://kb.example.com'],
    [{ HINDSIGHT_CACHE_DIR: '/tmp/cache' }, 'HINDSIGHT_CACHE_DIR', '/tmp/cache'],
    [{ HINDSIGHT_PARSE_TIMEOUT: '2.5' }, 'HINDSIGHT_PARSE_TIMEOUT', 2.5],
  ])('%o', (env, name, expected) => {
    expect(parseEnvironment(env)[name as keyof typeof env]).toBe(expected);
  });

  test('HINDSIGHT_NOW takes a timestamp, or a date meaning midnight UTC', () => {
    expect(parseEnvironment({ HINDSIGHT_NOW: '2026-11-21T12:00:00Z' }).HINDSIGHT_NOW?.toISOString()).toBe(
      '2026-11-21T12:00:00.000Z',
    );
    expect(parseEnvironment({ HINDSIGHT_NOW: '2026-11-21' }).HINDSIGHT_NOW?.toISOString()).toBe(
      '2026-11-21T00:00:00.000Z',
    );
  });

  test('each bad value names the variable, the value and what was expected', () => {
    expect(failure({ HINDSIGHT_AUDIENCE: 'publc' })).toMatchInlineSnapshot(
      `"HINDSIGHT_AUDIENCE "publc" is not one of internal, public"`,
    );
    expect(failure({ HINDSIGHT_DRAFTS: 'no' })).toMatchInlineSnapshot(
      `"HINDSIGHT_DRAFTS "no" is not one of include, exclude"`,
    );
    expect(failure({ HINDSIGHT_NOW: 'yesterday' })).toMatchInlineSnapshot(
      `"HINDSIGHT_NOW "yesterday" is not a date or timestamp (expected YYYY-MM-DD or e.g. 2026-11-21T12:00:00Z)"`,
    );
    expect(failure({ HINDSIGHT_NOW: '2026-02-31T25:00:00Z' })).toMatchInlineSnapshot(
      `"HINDSIGHT_NOW "2026-02-31T25:00:00Z" is not a real date"`,
    );
    expect(failure({ HINDSIGHT_BASE: 'kb/' })).toMatchInlineSnapshot(
      `"HINDSIGHT_BASE "kb/" is not a path starting with / (expected e.g. /kb/)"`,
    );
    expect(failure({ HINDSIGHT_SITE: 'kb.example.com' })).toMatchInlineSnapshot(
      `"HINDSIGHT_SITE "kb.example.com" is not an http(s) URL (expected the deployed origin, e.g. https://kb.example.com)"`,
    );
    expect(failure({ HINDSIGHT_PARSE_TIMEOUT: 'ten' })).toMatchInlineSnapshot(
      `"HINDSIGHT_PARSE_TIMEOUT "ten" is not a number of seconds (expected e.g. 10 or 2.5)"`,
    );
    expect(failure({ HINDSIGHT_PARSE_TIMEOUT: '0' })).toMatchInlineSnapshot(
      `"HINDSIGHT_PARSE_TIMEOUT "0" is not a positive number of seconds (expected e.g. 10 or 2.5)"`,
    );
    expect(failure({ HINDSIGHT_AUDIANCE: 'public' })).toMatchInlineSnapshot(
      `"HINDSIGHT_AUDIANCE is not a Hindsight setting (did you mean HINDSIGHT_AUDIENCE? known: HINDSIGHT_CONTENT, HINDSIGHT_AUDIENCE, HINDSIGHT_DRAFTS, HINDSIGHT_SITE, HINDSIGHT_BASE, HINDSIGHT_NOW, HINDSIGHT_OUT_DIR, HINDSIGHT_CACHE_DIR, HINDSIGHT_PARSE_TIMEOUT)"`,
    );
  });

  test('several problems are listed together', () => {
    expect(failure({ HINDSIGHT_AUDIENCE: 'all', HINDSIGHT_DRAFTS: 'maybe' })).toMatchInlineSnapshot(`
      "2 problems in the settings:
        - HINDSIGHT_AUDIENCE "all" is not one of internal, public
        - HINDSIGHT_DRAFTS "maybe" is not one of include, exclude"
    `);
  });
});

describe("README's environment table", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  /** Rows `| \`HINDSIGHT_X\` | default | meaning |` of the table after "Environment variables". */
  const rows = new Map(
    readme
      .slice(readme.indexOf('Environment variables'))
      .split('\n')
      .map((line) => /^\| `(HINDSIGHT_\w+)` \| (.*?) \| (.*) \|$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, { fallback: m[2]!, meaning: m[3]! }]),
  );

  test('lists exactly the settings of the schema, in its order', () => {
    expect([...rows.keys()]).toEqual(SETTING_NAMES);
  });

  test.each(SETTING_NAMES)('%s: its default and meaning are those of the schema', (name) => {
    const field = EnvironmentSchema.shape[name];
    const fallback = field.safeParse(undefined);
    const shown = fallback.success && fallback.data !== undefined ? `\`${String(fallback.data)}\`` : '—';
    expect(rows.get(name)).toEqual({ fallback: shown, meaning: field.description });
  });
});
