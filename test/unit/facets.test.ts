import { describe, expect, test } from 'vitest';
import {
  buildFacetMap,
  countFacets,
  indexFacetMap,
  matchesSelection,
  toPagefindFilters,
  uniquePrefixes,
  type FacetSelection,
} from '../../src/lib/facets.ts';

const PAGES = [
  { id: 'en_c', filters: { severity: ['SEV2'], tag: ['dns', 'config-change'] } },
  { id: 'en_a', filters: { severity: ['SEV1'], tag: ['database'] } },
  { id: 'en_b', filters: { severity: ['SEV2'], tag: ['dns'] } },
  { id: 'en_d', filters: { severity: ['SEV3'], tag: [] } },
];
const index = indexFacetMap(buildFacetMap(PAGES));

describe('buildFacetMap', () => {
  test('is columnar: sorted ids, sorted values per facet, one index (or a list) per page', () => {
    expect(buildFacetMap(PAGES)).toEqual({
      version: 2,
      ids: ['en_a', 'en_b', 'en_c', 'en_d'],
      facets: {
        severity: { values: ['SEV1', 'SEV2', 'SEV3'], pages: [0, 1, 1, 2] },
        tag: { values: ['config-change', 'database', 'dns'], pages: [1, 2, [2, 0], []] },
      },
    });
  });

  test('a new filter on the pages is a new facet, with no other change', () => {
    const map = buildFacetMap([{ id: 'en_a', filters: { severity: ['SEV1'], kind: ['near-miss'] } }]);
    expect(Object.keys(map.facets)).toEqual(['kind', 'severity']);
    expect(countFacets(indexFacetMap(map), ['en_a']).kind).toEqual({ 'near-miss': 1 });
  });

  test('a page without a facet has no value for it', () => {
    const map = buildFacetMap([
      { id: 'en_a', filters: { detection: ['Alert'] } },
      { id: 'en_b', filters: {} },
    ]);
    expect(map.facets['detection']).toEqual({ values: ['Alert'], pages: [0, []] });
  });
});

describe('ids stored as their shortest unique prefix', () => {
  test.each<[string, string[], string[]]>([
    ['one id: its first character', ['en_3f9a2c1'], ['e']],
    ['neighbours share "en_3f"', ['en_3f1', 'en_3f9a2c1', 'en_70aa'], ['en_3f1', 'en_3f9', 'en_7']],
    ['an id that is a prefix of another stays whole', ['en_a', 'en_ab', 'en_b'], ['en_a', 'en_ab', 'en_b']],
  ])('%s', (_name, ids, expected) => {
    expect(uniquePrefixes(ids)).toEqual(expected);
  });

  test('every full id resolves to its own row, the stored prefixes too; an id of no page resolves to none', () => {
    const ids = ['en_3f1', 'en_3f9a2c1', 'en_70aa', 'en_a', 'en_ab', 'en_abc', 'en_b'];
    const facets = indexFacetMap(buildFacetMap(ids.map((id) => ({ id, filters: { severity: ['SEV1'] } }))));
    expect(ids.map((id) => facets.rowOf(id))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(facets.map.ids.map((prefix) => facets.rowOf(prefix))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(facets.rowOf('en_c')).toBeUndefined();
    expect(facets.rowOf('en_3')).toBeUndefined();
  });
});

describe('countFacets', () => {
  test.each<[string, string[], FacetSelection, Record<string, Record<string, number>>]>([
    [
      'every page, nothing selected',
      ['en_a', 'en_b', 'en_c', 'en_d'],
      {},
      { severity: { SEV1: 1, SEV2: 2, SEV3: 1 }, tag: { 'config-change': 1, database: 1, dns: 2 } },
    ],
    [
      'a result subset',
      ['en_b', 'en_c'],
      {},
      { severity: { SEV1: 0, SEV2: 2, SEV3: 0 }, tag: { 'config-change': 1, database: 0, dns: 2 } },
    ],
    [
      // SEV1 picked: the other severities keep their counts, tags count SEV1 pages only.
      'one value selected',
      ['en_a', 'en_b', 'en_c', 'en_d'],
      { severity: ['SEV1'] },
      { severity: { SEV1: 1, SEV2: 2, SEV3: 1 }, tag: { 'config-change': 0, database: 1, dns: 0 } },
    ],
    [
      'two values of one facet (either)',
      ['en_a', 'en_b', 'en_c', 'en_d'],
      { severity: ['SEV1', 'SEV2'] },
      { severity: { SEV1: 1, SEV2: 2, SEV3: 1 }, tag: { 'config-change': 1, database: 1, dns: 2 } },
    ],
    [
      'selections in two facets',
      ['en_a', 'en_b', 'en_c', 'en_d'],
      { severity: ['SEV2'], tag: ['config-change'] },
      { severity: { SEV1: 0, SEV2: 1, SEV3: 0 }, tag: { 'config-change': 1, database: 0, dns: 2 } },
    ],
    [
      'an unknown value matches nothing',
      ['en_a', 'en_b'],
      { severity: ['SEV9'] },
      { severity: { SEV1: 1, SEV2: 1, SEV3: 0 }, tag: { 'config-change': 0, database: 0, dns: 0 } },
    ],
    [
      'ids the map does not know are skipped',
      ['en_zz', 'en_d'],
      {},
      { severity: { SEV1: 0, SEV2: 0, SEV3: 1 }, tag: { 'config-change': 0, database: 0, dns: 0 } },
    ],
    [
      'an empty selection list is no selection',
      ['en_a'],
      { tag: [] },
      { severity: { SEV1: 1, SEV2: 0, SEV3: 0 }, tag: { 'config-change': 0, database: 1, dns: 0 } },
    ],
  ])('%s', (_name, ids, selection, expected) => {
    expect(countFacets(index, ids, selection)).toEqual(expected);
  });
});

describe('matchesSelection and toPagefindFilters', () => {
  test.each<[FacetSelection, string[]]>([
    [{}, ['en_a', 'en_b', 'en_c', 'en_d']],
    [{ severity: ['SEV1', 'SEV3'] }, ['en_a', 'en_d']],
    [{ severity: ['SEV2'], tag: ['config-change', 'database'] }, ['en_c']],
  ])('%o keeps %o', (selection, expected) => {
    expect(index.map.ids.filter((id) => matchesSelection(index, id, selection))).toEqual(expected);
  });

  test('a selection becomes "any of" per facet; empty facets are left out', () => {
    expect(toPagefindFilters({ severity: ['SEV1', 'SEV2'], tag: [] })).toEqual({ severity: { any: ['SEV1', 'SEV2'] } });
  });

  test('a map of another version is refused with what was expected', () => {
    expect(() => indexFacetMap({ version: 1 })).toThrow(
      'facet map: expected version 2 with ids and facets, got {"version":1}',
    );
  });
});
