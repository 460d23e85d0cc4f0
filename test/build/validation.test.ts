import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, copyFixture } from './build-site.ts';

const REVIEW = 'incidents/2024-03-05-checkout-resolver.mdx';

/** Copies the minimal corpus, applies one edit to a file, and builds it. */
function buildWith(file: string, edit: (text: string) => string, extra?: (dir: string) => void) {
  const dir = copyFixture('minimal');
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  extra?.(dir);
  const result = buildSite(dir);
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
  ['an unknown status', REVIEW, replace('status: published', 'status: finished'), `${REVIEW}: status "finished": expected one of draft, in-review, published`],
  ['an unknown severity', REVIEW, replace('severity: SEV2', 'severity: SEV7'), `${REVIEW}: severity "SEV7": expected one of SEV1, SEV2, SEV3, SEV4`],
  ['an unknown role', REVIEW, replace('role: incident-commander', 'role: hero'), `${REVIEW}: participants[0].role "hero": expected one of incident-commander`],
  ['an unknown timeline kind', REVIEW, replace('kind: mitigation', 'kind: fix'), `${REVIEW}: timeline[2].kind "fix": expected one of detection`],
  ['an unknown detection method', REVIEW, replace('method: alert', 'method: pager'), `${REVIEW}: detection.method "pager": expected one of alert`],
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
    'incidents/2023-11-02-resolver-timeouts.mdx:18',
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
    expect(result.output).toMatch(/id "2024-03-05-checkout-resolver" is already used by .*2024-03-05-checkout-resolver(\.mdx|\/index\.mdx)/);
  });
});
