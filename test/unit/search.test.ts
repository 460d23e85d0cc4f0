import { describe, expect, test } from 'vitest';
import {
  getSearchFacets,
  getSearchVocabulary,
  parseSearchParams,
  toSearchParams,
  type FacetSource,
} from '../../src/lib/search.ts';

const vocabulary = getSearchVocabulary({
  severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
  services: [
    { id: 'checkout-api', name: 'Checkout API' },
    { id: 'waf', name: 'Web Application Firewall' },
  ],
  tags: ['dns', 'config-change'],
  years: ['2024', '2023'],
});

const parse = (query: string) => parseSearchParams(new URLSearchParams(query), vocabulary);

describe('facets of a review', () => {
  const review: FacetSource = {
    severity: 'SEV2',
    kind: 'incident',
    status: 'in-review',
    services: ['checkout-api', 'waf'],
    tags: ['dns'],
    started: new Date('2024-12-31T23:30:00-02:00'),
    detection: { method: 'customer-report' },
  };
  const names: Record<string, string> = { 'checkout-api': 'Checkout API', waf: 'Web Application Firewall' };

  test('are readable labels, with the year in UTC', () => {
    expect(getSearchFacets(review, (id) => names[id] ?? id)).toEqual({
      severity: ['SEV2'],
      status: ['In review'],
      service: ['Checkout API', 'Web Application Firewall'],
      tag: ['dns'],
      year: ['2025'],
      detection: ['Customer report'],
      kind: ['Incident'],
    });
  });

  test('a near miss without a severity has a kind value and no severity value', () => {
    const facets = getSearchFacets({ ...review, kind: 'near-miss', severity: undefined }, (id) => id);
    expect([facets.kind, facets.severity]).toEqual([['Near miss'], []]);
    expect(parse('kind=near-miss').filters).toEqual({ kind: ['Near miss'] });
  });

  test('a review without detection has no detection value', () => {
    expect(getSearchFacets({ ...review, detection: undefined }, (id) => id).detection).toEqual([]);
  });
});

describe('search URLs', () => {
  test('the issue example: ?q=dns&tag=config-change', () => {
    expect(parse('q=dns&tag=config-change')).toEqual({
      term: 'dns',
      filters: { tag: ['config-change'] },
      sort: 'relevance',
    });
  });

  test('ids in the URL become the labels Pagefind stores', () => {
    expect(
      parse('service=waf&severity=sev1&status=in-review&detection=customer-report&year=2023&sort=severity'),
    ).toEqual({
      term: '',
      filters: {
        severity: ['SEV1'],
        status: ['In review'],
        service: ['Web Application Firewall'],
        year: ['2023'],
        detection: ['Customer report'],
      },
      sort: 'severity',
    });
  });

  test('labels are accepted too, in any case (links from the header search)', () => {
    expect(parse('service=Web+Application+Firewall&severity=SEV1').filters).toEqual({
      severity: ['SEV1'],
      service: ['Web Application Firewall'],
    });
  });

  test('unknown values and sorts are dropped instead of silently emptying the results', () => {
    expect(parse('tag=nope&service=ghost&sort=random&year=1999')).toEqual({ term: '', filters: {}, sort: 'relevance' });
  });

  test('every filter keeps each value once, several per filter (SEV1 or SEV2)', () => {
    expect(parse('severity=sev1&severity=sev2&tag=dns&tag=config-change&tag=dns').filters).toEqual({
      severity: ['SEV1', 'SEV2'],
      tag: ['dns', 'config-change'],
    });
  });

  test('a search writes back as ids, without the default sort or empty parts', () => {
    const params = toSearchParams(
      {
        term: ' dns ',
        filters: { service: ['Web Application Firewall'], tag: [], severity: ['SEV2'] },
        sort: 'relevance',
      },
      vocabulary,
    );
    expect(params.toString()).toBe('q=dns&severity=sev2&service=waf');
  });

  test('without a vocabulary, labels are written as they are', () => {
    expect(toSearchParams({ term: 'tls', filters: { service: ['Checkout API'] }, sort: 'oldest' }).toString()).toBe(
      'q=tls&service=Checkout+API&sort=oldest',
    );
  });

  test.each([
    'q=dns&tag=config-change',
    'severity=sev3&service=waf&sort=newest',
    'year=2024&detection=customer-report',
  ])('%s survives a round trip', (query) => {
    expect(toSearchParams(parse(query), vocabulary).toString()).toBe(query);
  });
});
