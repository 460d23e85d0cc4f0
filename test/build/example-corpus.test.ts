import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, projectRoot, readableText, type BuildResult } from './build-site.ts';

const contentRoot = join(projectRoot, 'src/content');
const incidentIds = readdirSync(join(contentRoot, 'incidents')).map((f) => f.replace(/\.mdx?$/, ''));
const serviceIds = readdirSync(join(contentRoot, 'services')).map((f) => f.replace(/\.ya?ml$/, ''));

let site: BuildResult;
beforeAll(() => {
  site = buildSite(contentRoot);
  if (!site.ok) throw new Error(site.output);
});

describe('the example corpus', () => {
  test('teaches with enough material: 12+ reviews, 10+ services', () => {
    expect(incidentIds.length).toBeGreaterThanOrEqual(12);
    expect(serviceIds.length).toBeGreaterThanOrEqual(10);
  });

  test('every review and service has a page', () => {
    for (const id of incidentIds) expect(site.page(`incidents/${id}/`)('h1').text().length).toBeGreaterThan(0);
    for (const id of serviceIds) expect(site.page(`services/${id}/`)('h1').text().length).toBeGreaterThan(0);
    expect(site.page('incidents/')('.incident-card').length).toBe(incidentIds.length);
  });

  test('shows an ongoing incident, a draft banner and overdue action items', () => {
    const home = site.page('');
    expect(home('#ongoing-heading').length).toBe(1);
    const overdue = incidentIds.filter((id) => site.page(`incidents/${id}/`)('tr.is-overdue').length > 0);
    expect(overdue.length).toBeGreaterThan(0);
    const drafts = incidentIds.filter((id) => readableText(site.page(`incidents/${id}/`), '.banner').startsWith('Draft'));
    expect(drafts.length).toBeGreaterThan(0);
  });

  test('a folder review (<id>/index.mdx) is built under its folder name', () => {
    const folder = readdirSync(join(contentRoot, 'incidents'), { withFileTypes: true }).find((e) => e.isDirectory());
    expect(folder).toBeDefined();
    expect(site.page(`incidents/${folder!.name}/`)('h1').text()).not.toBe('');
  });

  test('every severity, glossary and year page exists', () => {
    for (const level of ['sev1', 'sev2', 'sev3', 'sev4']) expect(site.page(`severity/${level}/`)('h1').text()).toContain(level.toUpperCase());
    expect(site.page('glossary/')('dt').length).toBeGreaterThanOrEqual(10);
    expect(site.page('years/')('a[href^="/years/"]').length).toBeGreaterThan(5);
  });
});
