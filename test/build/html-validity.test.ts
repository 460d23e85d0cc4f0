import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from './build-site.ts';
import { allFiles } from './link-check.ts';
import config from '../../.htmlvalidate.mjs';
import { findPageKinds } from './page-kinds.ts';

// The project's own rules, passed explicitly: the built pages live in a temp folder, outside the
// tree where html-validate looks for its configuration.
const validator = new HtmlValidate(config);

/** Every problem html-validate finds in one HTML document, one readable line each. */
async function problemsIn(html: string, name: string): Promise<string[]> {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
}

let site: BuildResult;
beforeAll(() => {
  // The example corpus has every page kind (drafts, both kinds of diagram, paths and handouts…).
  site = buildSite(join(projectRoot, 'src/content'));
  if (!site.ok) throw new Error(site.output);
});

describe('HTML validity (html-validate, .htmlvalidate.mjs)', () => {
  test('every built page of the example corpus, one of each kind included, is valid', async () => {
    const pages = allFiles(site.outDir).filter((f) => f.endsWith('.html'));
    const kinds = findPageKinds(site.outDir).map((k) =>
      join(site.outDir, k.path.endsWith('/') ? `${k.path}index.html` : k.path),
    );
    expect(kinds.filter((k) => !pages.includes(k))).toEqual([]);
    const problems = await Promise.all(
      pages.map((page) => problemsIn(readFileSync(page, 'utf8'), relative(site.outDir, page))),
    );
    expect(problems.flat()).toEqual([]);
  });

  test('the configuration still catches real mistakes', async () => {
    const page = (body: string) =>
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main>${body}</main></body></html>`;
    expect(await problemsIn(page('<p>fine</p>'), 'ok.html')).toEqual([]);
    const misplacedCaption = await problemsIn(
      page('<figure><p>a</p><figcaption>c</figcaption><p>b</p></figure>'),
      'figure.html',
    );
    expect(misplacedCaption.join('\n')).toContain('element-permitted-order');
    expect((await problemsIn(page('<a href="/x"><a href="/y">y</a></a>'), 'nested.html')).join('\n')).toContain(
      'element-permitted-content',
    );
    expect((await problemsIn(page('<p id="a">1</p><p id="a">2</p>'), 'ids.html')).join('\n')).toContain('no-dup-id');
  });
});
