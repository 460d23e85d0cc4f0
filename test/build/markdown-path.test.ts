/**
 * Reviews with no MDX syntax are rendered as Markdown when content syncs (src/lib/plain-markdown.ts).
 * Those whose narrative has a heading naming a frontmatter-owned list are cut after it by the page
 * (src/lib/narrative-parts.ts); with images they stay on the MDX path, where `render()` resolves them.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { isPlainMarkdown } from '../../src/lib/plain-markdown.ts';
import { buildSite, copyFixture, projectRoot, readableText, type BuildResult } from './build-site.ts';

const frontmatter = (title: string) => `---
title: ${title}
summary: A review written in plain Markdown, with lists the frontmatter owns.
status: published
severity: SEV3
started: 2024-06-01T10:00:00Z
resolved: 2024-06-01T11:00:00Z
services: [payments-db]
tags: [database]
contributingFactors:
  - { description: The failover script skipped the replica check, category: tooling }
lessons:
  wentWell: [The standby took over in seconds]
  gotLucky: [It happened at night]
---
`;

const BODY = `
The primary stopped answering at ten.

## Contributing factors

The script was written for an older topology.

## What went well

Everyone knew the runbook.

## Follow-up

The script is being rewritten.
`;

const IMAGE_BODY = `${BODY}
![The failover chart](./chart.svg)
`;

let site: BuildResult;
beforeAll(() => {
  const dir = copyFixture('minimal');
  writeFileSync(join(dir, 'incidents', '2024-06-01-markdown-lists.mdx'), frontmatter('Markdown lists') + BODY);
  const folder = join(dir, 'incidents', '2024-06-02-markdown-image');
  mkdirSync(folder);
  writeFileSync(join(folder, 'index.mdx'), frontmatter('Markdown image') + IMAGE_BODY);
  copyFileSync(join(projectRoot, 'public', 'favicon.svg'), join(folder, 'chart.svg'));
  site = buildSite(dir);
  if (!site.ok) throw new Error(site.output);
});

describe.each([
  ['a plain review, rendered as Markdown and cut after its headings', '2024-06-01-markdown-lists'],
  ['a plain review with an image, left to the MDX path', '2024-06-02-markdown-image'],
])('frontmatter lists under the narrative headings: %s', (_, id) => {
  test('each list appears once, right under the heading that names it, and the narrative is whole', () => {
    expect(isPlainMarkdown(BODY)).toBe(true); // else this would test the MDX path twice
    const $ = site.page(`incidents/${id}/`);
    const prose = readableText($, '.prose');
    expect(prose).toMatch(
      /Contributing factors\s+The failover script skipped the replica check \(tooling\)\s+The script was written for an older topology\./,
    );
    expect(prose).toMatch(/What went well\s+The standby took over in seconds\s+Everyone knew the runbook\./);
    expect(prose).toMatch(/^.*The primary stopped answering at ten\..*The script is being rewritten\./s);
    const headings = $('article h2, article h3')
      .map((_i, h) => $(h).text().trim())
      .get();
    for (const title of ['Contributing factors', 'What went well'])
      expect(headings.filter((h) => h === title)).toHaveLength(1);
    // The lucky list has no narrative heading, so it keeps its own block.
    expect(readableText($, '#lessons-heading + div')).toBe('Where we got lucky It happened at night');
    expect($('#factors-heading').length).toBe(0);
  });
});

test('the image of a review with owned headings is resolved to a built asset, not left as ./chart.svg', () => {
  const img = site.page('incidents/2024-06-02-markdown-image/')('.prose img');
  expect(img.attr('alt')).toBe('The failover chart');
  expect(img.attr('src')).toMatch(/^\/_astro\/chart\.[\w-]+\.svg$/);
});
