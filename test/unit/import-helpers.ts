import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mdxToJs } from 'satteri';
import { createDraft, type DraftOptions } from '../../src/lib/importers/draft.ts';
import type { ImportResult } from '../../src/lib/importers/types.ts';
import { parseRawData } from '../../src/lib/raw-frontmatter.ts';
import { createIncidentSchema, type IncidentData } from '../../src/schemas/incident.ts';

/** `test/fixtures/import/<path>`. */
export const importFixture = (path: string) => resolve(import.meta.dirname, '../fixtures/import', path);
export const readImportFixture = (path: string) => readFileSync(importFixture(path), 'utf8');
export { join };

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
export const CATALOG = { severities: SEVERITIES, serviceIds: ['checkout-api', 'search-frontend'] };

/**
 * Writes a draft from an import and checks it the way the build will: the frontmatter
 * validates against the incident schema and the whole file compiles as MDX.
 */
export function draftOf(
  result: ImportResult,
  options: Partial<DraftOptions> = {},
): { text: string; data: IncidentData; raw: Record<string, unknown>; id: string; notes: string[] } {
  const draft = createDraft(result, { services: [], tags: [], source: 'test', ...options }, CATALOG);
  const raw = parseRawData(draft.text, false);
  const data = createIncidentSchema(SEVERITIES).parse(raw);
  mdxToJs(draft.text);
  return { ...draft, data, raw };
}
