import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { findCatalogLinkProblems } from '../../src/lib/site-index.ts';
import type { SiteIndex } from '../../src/lib/site-links.ts';

const index: SiteIndex = {
  sections: new Set(['incidents', 'services']),
  ids: new Map([
    ['incidents', new Set(['2024-03-05-checkout-resolver'])],
    ['services', new Set(['edge-dns'])],
  ]),
  files: new Set(),
};

/** A content root holding one service whose description is `description`. */
function rootWithService(description: string): string {
  const root = mkdtempSync(join(tmpdir(), 'hindsight-site-index-'));
  mkdirSync(join(root, 'services'));
  writeFileSync(
    join(root, 'services', 'edge-dns.yaml'),
    `name: Edge DNS\ndescription: ${JSON.stringify(description)}\n`,
  );
  return root;
}

describe('findCatalogLinkProblems', () => {
  test('does not read the site index when no catalog text links a site page (it parses every review)', () => {
    const readIndex = vi.fn(() => index);
    const root = rootWithService('Resolves names; see [the vendor](https://vendor.example/).');
    expect(findCatalogLinkProblems(root, readIndex)).toEqual([]);
    expect(readIndex).not.toHaveBeenCalled();
  });

  test('reads it once for any number of site-root links and reports the ones that name no page', () => {
    const readIndex = vi.fn(() => index);
    const root = rootWithService(
      'See [the outage](/incidents/2024-03-05-checkout-resolver/) and [a typo](/incidents/2024-03-05-checkout-resolvr/).',
    );
    const problems = findCatalogLinkProblems(root, readIndex, (file) => file.slice(root.length + 1));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^services\/edge-dns\.yaml: description link .*checkout-resolvr.* does not exist/);
    expect(readIndex).toHaveBeenCalledTimes(1);
  });
});
