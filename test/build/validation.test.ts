import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PARSER_STALL } from '../fixtures/parser-stall.ts';
import { buildSite, copyFixture, fixture } from './build-site.ts';

/** The line a `${text}\nline` edit appends to a review of the minimal fixture, so messages can name it. */
const appendedLine = (file: string): number =>
  readFileSync(join(fixture('minimal'), file), 'utf8').split('\n').length + 1;

const REVIEW = 'incidents/2024-03-05-checkout-resolver.mdx';

/** Copies the minimal corpus, applies one edit to a file, and builds it. */
function buildWith(
  file: string,
  edit: (text: string) => string,
  extra?: (dir: string) => void,
  env?: Record<string, string>,
) {
  const dir = copyFixture('minimal');
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  extra?.(dir);
  const result = buildSite(dir, env);
  rmSync(dir, { recursive: true, force: true });
  return result;
}

const replace = (from: string | RegExp, to: string) => (text: string) => {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply: ${String(from)}`);
  return next;
};

// Each rule of the content contract's "clear build error" list, with the message the author sees.
describe.each([
  ['a missing required field', REVIEW, replace(/^title: .*\n/m, ''), `${REVIEW}: title is required (expected text)`],
  [
    'an unknown status',
    REVIEW,
    replace('status: published', 'status: finished'),
    `${REVIEW}: status "finished": expected one of draft, in-review, published`,
  ],
  [
    'an unknown severity',
    REVIEW,
    replace('severity: SEV2', 'severity: SEV7'),
    `${REVIEW}: severity "SEV7": expected one of SEV1, SEV2, SEV3, SEV4`,
  ],
  [
    'an unknown role',
    REVIEW,
    replace('role: incident-commander', 'role: hero'),
    `${REVIEW}: participants[0].role "hero": expected one of incident-commander`,
  ],
  [
    'an unknown timeline kind',
    REVIEW,
    replace('kind: mitigation', 'kind: fix'),
    `${REVIEW}: timeline[2].kind "fix": expected one of detection`,
  ],
  [
    'an unknown detection method',
    REVIEW,
    replace('method: alert', 'method: pager'),
    `${REVIEW}: detection.method "pager": expected one of alert`,
  ],
  [
    'a timestamp without an offset',
    REVIEW,
    replace('started: 2024-03-05T14:02:00Z', 'started: 2024-03-05T14:02:00'),
    `${REVIEW}: started "2024-03-05T14:02:00" has no timezone offset`,
  ],
  [
    'detected before started',
    REVIEW,
    replace('detected: 2024-03-05T14:09:00Z', 'detected: 2024-03-05T13:09:00Z'),
    `${REVIEW}: detected "2024-03-05T13:09:00Z" is earlier than started`,
  ],
  [
    'resolved before mitigated',
    REVIEW,
    replace('resolved: 2024-03-05T15:40:00+00:00', 'resolved: 2024-03-05T15:00:00Z'),
    `${REVIEW}: resolved "2024-03-05T15:00:00Z" is earlier than mitigated`,
  ],
  [
    'an unknown service',
    REVIEW,
    replace('services: [checkout-api, edge-dns]', 'services: [checkout-api, edge-dsn]'),
    `${REVIEW}: services[1] "edge-dsn" is not a service (did you mean edge-dns? known: checkout-api, edge-dns, payments-db)`,
  ],
  [
    'an unknown related incident',
    REVIEW,
    replace('related: [2023-11-02-resolver-timeouts]', 'related: [2023-11-02-resolver]'),
    `${REVIEW}: related[0] "2023-11-02-resolver" is not an incident`,
  ],
  [
    'an unknown learning-path incident',
    'paths/first-week.yaml',
    replace('incident: 2023-11-02-resolver-timeouts', 'incident: 2023-11-03-nope'),
    'paths/first-week.yaml: steps[0].incident "2023-11-03-nope" is not an incident',
  ],
  [
    'an unknown team time zone',
    'hindsight.yaml',
    replace('timeZone: Europe/Berlin', 'timeZone: Europe/Berlinn'),
    'hindsight.yaml: teams.platform.timeZone "Europe/Berlinn" is not a time zone Intl knows',
  ],
  [
    'a reopened action item that kept its closed date',
    REVIEW,
    replace(/status: open(.*?) \}/, 'status: open$1, closed: 2024-04-01 }'),
    'is set but the status is open: remove closed when an item is reopened',
  ],
  [
    'an MDX syntax error',
    'incidents/2023-11-02-resolver-timeouts.mdx',
    (t: string) => `${t}\nA stray <div> never closed.\n`,
    `incidents/2023-11-02-resolver-timeouts.mdx:${appendedLine('incidents/2023-11-02-resolver-timeouts.mdx')}`,
  ],
])('the build fails on %s', (_name, file, edit, message) => {
  test('with a message naming the file, field and value', () => {
    const result = buildWith(file, edit);
    expect(result.ok).toBe(false);
    expect(result.output).toContain(message);
  });
});

describe('duplicate incident ids', () => {
  test('a file and a folder with the same id fail the build naming both', () => {
    const result = buildWith(
      REVIEW,
      (t) => t,
      (dir) => {
        mkdirSync(join(dir, 'incidents/2024-03-05-checkout-resolver'));
        writeFileSync(
          join(dir, 'incidents/2024-03-05-checkout-resolver/index.mdx'),
          readFileSync(join(dir, REVIEW), 'utf8').replace('status: published', 'status: draft'),
        );
      },
    );
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(
      /id "2024-03-05-checkout-resolver" is already used by .*2024-03-05-checkout-resolver(\.mdx|\/index\.mdx)/,
    );
  });
});

const OTHER = 'incidents/2023-11-02-resolver-timeouts.mdx';
const keep = (t: string) => t;
const write = (file: string, text: string | Buffer) => (dir: string) => {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), text);
};
const ALIAS_BOMB = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(9)}*a]\nc: &c [${'*b, '.repeat(9)}*b]\nd: [${'*c, '.repeat(9)}*c]\n`;

// Input that used to be silently changed, dropped, leaked or that stalled the build: each fails it, naming the file.
describe.each([
  [
    'a .md review',
    OTHER,
    keep,
    (dir: string) => renameSync(join(dir, OTHER), join(dir, OTHER.replace(/x$/, ''))),
    'incidents/2023-11-02-resolver-timeouts.md: reviews are .mdx files',
  ],
  [
    'a misspelt optional key',
    REVIEW,
    replace('mitigated:', 'mitigatd:'),
    undefined,
    `${REVIEW}: mitigatd is not a field: did you mean \`mitigated\`?`,
  ],
  [
    'a misspelt required key',
    REVIEW,
    replace('title:', 'titel:'),
    undefined,
    `${REVIEW}: titel is not a field: did you mean \`title\`?`,
  ],
  [
    'a calendar-invalid timestamp',
    REVIEW,
    replace('started: 2024-03-05T14:02:00Z', 'started: 2024-02-30T14:02:00Z'),
    undefined,
    `${REVIEW}: started "2024-02-30T14:02:00Z" is not a real date and time: February 2024 has 29 days`,
  ],
  [
    'a calendar-invalid date',
    REVIEW,
    replace('published: 2024-03-12', 'published: 2024-02-30'),
    undefined,
    `${REVIEW}: published "2024-02-30" is not a real date: February 2024 has 29 days`,
  ],
  [
    'a service in a subfolder',
    REVIEW,
    keep,
    write('services/sub/api.yaml', 'name: API\nteam: payments\ndescription: d\n'),
    'services/sub/api.yaml: a service is services/<id>.yaml: subfolders are not supported',
  ],
  [
    'a learning path in a subfolder',
    REVIEW,
    keep,
    write('paths/team/p9.yaml', 'title: t\naudience: a\nsteps: []\n'),
    'paths/team/p9.yaml: a learning path is paths/<id>.yaml',
  ],
  [
    'incidents/index.mdx',
    REVIEW,
    keep,
    write('incidents/index.mdx', '---\ntitle: x\n---\n'),
    'incidents/index.mdx: a review needs an id',
  ],
  [
    'non-UTF-8 bytes',
    OTHER,
    (t: string) => `${t}\nCaf\u0000\n`,
    (dir: string) => {
      const path = join(dir, OTHER);
      writeFileSync(path, Buffer.from(readFileSync(path, 'latin1').replace('\u0000', '\u00e9'), 'latin1'));
    },
    `incidents/2023-11-02-resolver-timeouts.mdx:${appendedLine('incidents/2023-11-02-resolver-timeouts.mdx')}: is not UTF-8 text`,
  ],
  [
    'unclosed JSX attribute braces (the parser would backtrack for ever)',
    OTHER,
    (t: string) => `${t}\n${'<a b={\n'.repeat(30)}`,
    undefined,
    'this `{` in a JSX tag is never closed',
  ],
  [
    'a frontmatter that is a list',
    OTHER,
    (t: string) => t.replace(/^---\n[\s\S]*?\n---\n/, '---\n- title: x\n- summary: y\n---\n'),
    undefined,
    `${OTHER}: frontmatter must be a mapping`,
  ],
  [
    'a YAML error in glossary.yaml',
    'glossary.yaml',
    (t: string) => `${t}\n- { term: [unclosed\n`,
    undefined,
    'glossary.yaml is not valid YAML (line',
  ],
  [
    'an alias bomb in patterns.yaml',
    'patterns.yaml',
    () => ALIAS_BOMB,
    undefined,
    'patterns.yaml is not read: its YAML aliases expand more than 100 times',
  ],
  [
    'a YAML error in hindsight.yaml',
    REVIEW,
    keep,
    write('hindsight.yaml', 'severities: [SEV1\n'),
    'hindsight.yaml is not valid YAML (line',
  ],
])('the build fails on %s', (_name, file, edit, extra, message) => {
  test('naming the file and why', () => {
    const result = buildWith(file, edit, extra);
    expect(result.ok).toBe(false);
    expect(result.output).toContain(message);
  });
});

describe('a public build and code in reviews', () => {
  const withEnvPrint = (t: string) => `${t}\nBuilt with {process.env.HINDSIGHT_AUDIENCE}.\n`;
  test('refuses a public review that reads process.env, naming file and line', () => {
    const result = buildWith(REVIEW, withEnvPrint, undefined, { HINDSIGHT_AUDIENCE: 'public' });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(
      /incidents\/2024-03-05-checkout-resolver\.mdx:\d+: reads process\.env .*a public build refuses code in reviews/,
    );
  });

  test('builds it when hindsight.yaml says publicBuildCode: allow (the code runs at build time)', () => {
    const dir = copyFixture('minimal');
    const path = join(dir, REVIEW);
    writeFileSync(path, withEnvPrint(readFileSync(path, 'utf8')));
    writeFileSync(
      join(dir, 'hindsight.yaml'),
      `${readFileSync(join(dir, 'hindsight.yaml'), 'utf8')}\npublicBuildCode: allow\n`,
    );
    const result = buildSite(dir, { HINDSIGHT_AUDIENCE: 'public' });
    rmSync(dir, { recursive: true, force: true });
    expect(result.output).not.toContain('a public build refuses code');
    expect(result.ok).toBe(true);
    expect(result.page('incidents/2024-03-05-checkout-resolver/').text()).toContain('Built with public.');
  });
});

describe('a review the MDX parser cannot finish', () => {
  test('fails the build when the parse time limit runs out, naming the file', () => {
    const result = buildWith(OTHER, (t) => `${t}\n${PARSER_STALL}\n`, undefined, { HINDSIGHT_PARSE_TIMEOUT: '1' });
    expect(result.ok).toBe(false);
    expect(result.output).toContain(`${OTHER}: the MDX parser did not finish parsing this review within 1 s`);
  });
});
