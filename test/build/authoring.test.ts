import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, copyFixture, projectRoot, readableText, type BuildResult } from './build-site.ts';

/** Runs an authoring CLI on the content root; fails the setup loudly if it does not succeed. */
function tool(name: 'new' | 'import', root: string, args: string[]): void {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', `${name}.ts`), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, HINDSIGHT_CONTENT: root, HINDSIGHT_NOW: '2026-11-21T12:00:00Z' },
  });
  if (result.status !== 0) throw new Error(`${name} ${args.join(' ')} failed:\n${result.stderr}`);
}

const fixture = (path: string) => join(projectRoot, 'test/fixtures/import', path);
/** The site typesets straight quotes as curly ones; compare words, not quote shapes. */
const straight = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

// One build of the minimal corpus plus what every authoring tool writes, hostile input included.
let site: BuildResult;
beforeAll(() => {
  const root = copyFixture('minimal');
  tool('new', root, [
    '--title',
    'Scaffolded <review> {draft}',
    '--severity',
    'SEV3',
    '--started',
    '2026-11-20T08:00Z',
    '--services',
    'payments-db',
    '--slug',
    'scaffolded',
  ]);
  tool('import', root, ['markdown', fixture('markdown/search-empty-results.md'), '--services', 'checkout-api']);
  tool('import', root, [
    'slack',
    fixture('slack/export'),
    '--channel',
    'inc-2291-search',
    '--select',
    'all',
    '--severity',
    'SEV2',
    '--slug',
    'from-slack',
  ]);
  tool('import', root, ['pagerduty', fixture('pagerduty/log_entries.json'), '--into', '2024-03-05-checkout-resolver']);
  site = buildSite(root);
});

describe('reviews written by npm run new and npm run import', () => {
  test('build, and the build logs lint findings as warnings without failing', () => {
    expect(site.ok, site.output).toBe(true);
    expect(site.output).toMatch(
      /\[WARN\] \[hindsight-lint-warnings\] .*2025-06-12-search-results-empty-for-logged-out\.mdx:\d+:\d+ action item 3 has no real owner \("TBD"\) \[action-items\]/,
    );
  });

  test('the scaffold renders its sections and shows the draft banner; prompts stay hidden', () => {
    const $ = site.page('incidents/2026-11-20-scaffolded/');
    expect($('h1').text()).toBe('Scaffolded <review> {draft}');
    expect(readableText($, '.banner')).toMatch(/^Draft:/);
    expect(
      $('.prose h2:not(#narrative-heading)')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['How we got here', 'What happened', 'What was hard', 'What we learned']);
    expect($('.prose').text()).not.toContain('Describe them as they looked at the time');
  });

  test('hostile Markdown reaches readers as the characters it had', () => {
    const $ = site.page('incidents/2025-06-12-search-results-empty-for-logged-out/');
    const prose = straight(readableText($, '.prose'));
    expect(prose).toContain(
      'Logs showed lines like <CacheMiss key="search::faq"/> and {"locale": null} for every anonymous request — naïve café 日本語 ✓.',
    );
    expect(prose).toContain('import { cache } from "search-frontend" export const broken = true');
    expect($('.prose pre code').text()).toContain('key = "search:{locale}:{query}"');
    expect($('.prose a[href="https://metrics.example/d/search-zero-results"]').length).toBe(1);
    // An HTML comment in the source stays a comment.
    expect($.html()).not.toContain('Draft for the Thursday review');
    const main = readableText($, 'main');
    expect(main).toContain('The key template `search:{locale}:{query}` was expanded before the locale was known.');
    // Imported timeline entries are shown as text, JSX-like words and braces included.
    expect(main).toContain('T.R. acknowledges and starts reading the <SearchFrontend> logs {cache: miss}');
  });

  test('a huge Slack message is kept in full in the body', () => {
    const prose = readableText(site.page('incidents/2025-06-12-from-slack/'), '.prose');
    expect(prose).toContain('key=search::{locale}::q119 took 219ms <CacheMiss/>');
  });

  test('a PagerDuty merge keeps the review and adds the trigger details', () => {
    const $ = site.page('incidents/2024-03-05-checkout-resolver/');
    expect($('h1').text()).toBe('Checkout errors after resolver change');
    expect(straight(readableText($, '.prose'))).toContain('40+ tickets <b>search shows nothing</b> {"locale": null}');
    expect($.html()).not.toContain('from Zendesk');
  });
});
