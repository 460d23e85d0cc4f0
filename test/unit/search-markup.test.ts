import { describe, expect, test } from 'vitest';
import { load } from 'cheerio';
import {
  filterMenusHtml,
  filterOptionsHtml,
  headerDialogHtml,
  resultHtml,
  resultSummary,
  searchControlsHtml,
  type ResultData,
} from '../../src/lib/search-markup.ts';
import { DEFAULT_SORT, FILTER_KEYS, SORTS } from '../../src/lib/search.ts';

const RESULT: ResultData = {
  url: '/incidents/x/',
  meta: {
    title: 'Checkout <errors>',
    date: '5 Mar 2024',
    severity: 'SEV2',
    severity_rank: '2',
    services: 'Checkout API, Edge DNS',
  },
  excerpt: 'The <mark>resolver</mark> failed.',
  sub_results: [
    { title: 'Checkout <errors>', url: '/incidents/x/', excerpt: 'The <mark>resolver</mark> failed.' },
    {
      title: 'What happened',
      url: '/incidents/x/#what-happened',
      excerpt: 'got here. Then the <mark>resolver</mark> failed.',
    },
    { title: 'Trigger', url: '/incidents/x/#trigger', excerpt: 'Trigger. A <mark>resolver</mark> change.' },
  ],
};

describe('resultHtml', () => {
  const $ = load(resultHtml(RESULT));

  test('title link, severity badge, date and services, all escaped', () => {
    expect($('.search-result-title a').attr('href')).toBe('/incidents/x/');
    expect($('.search-result-title a').text()).toBe('Checkout <errors>');
    expect($('.search-result-meta').text()).toBe('SEV2 5 Mar 2024· Checkout API, Edge DNS');
    expect($('.badge').attr('class')).toBe('badge sev sev-2');
  });

  test("keeps Pagefind's highlighting; sections link to their anchor and open at a sentence", () => {
    expect($('.search-result-excerpt mark').text()).toBe('resolver');
    const sections = $('.search-result-sections li');
    expect(sections.length).toBe(2); // the page itself is not listed as a section
    expect(sections.first().find('a').attr('href')).toBe('/incidents/x/#what-happened');
    expect(sections.first().find('.search-result-section-excerpt').html()).toBe(
      'Then the <mark>resolver</mark> failed.',
    );
    // Pagefind's section text starts with the heading, already shown as the link.
    expect(sections.last().find('.search-result-section-excerpt').html()).toBe('A <mark>resolver</mark> change.');
  });

  test('a URL that is not http(s) or site-relative is not linked', () => {
    expect(load(resultHtml({ ...RESULT, url: 'javascript:alert(1)' }))('.search-result-title a').attr('href')).toBe(
      '#',
    );
  });
});

describe('filter menus', () => {
  test('one labelled disclosure per key; every filter by default', () => {
    const $ = load(filterMenusHtml(['severity', 'tag']));
    expect(
      $('details[data-filter]')
        .map((_, el) => `${$(el).attr('data-filter')}:${$(el).find('summary').text()}`)
        .get(),
    ).toEqual(['severity:Severity', 'tag:Tag']);
    expect(load(filterMenusHtml())('details[data-filter]').length).toBe(7);
  });

  test('options are checkboxes with counts; values with no result are hidden unless picked', () => {
    const $ = load(
      filterOptionsHtml('severity', [
        { value: 'SEV1', count: 2, checked: true },
        { value: 'SEV2', count: 0, checked: false },
        { value: 'SEV3', count: 0, checked: true },
      ]),
    );
    expect(
      $('label')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['SEV1 2', 'SEV3 0']);
    expect(
      $('input:checked')
        .map((_, el) => $(el).attr('value'))
        .get(),
    ).toEqual(['SEV1', 'SEV3']);
    expect($('input').first().attr('name')).toBe('severity');
    expect(filterOptionsHtml('tag', [{ value: 'dns', count: 0, checked: false }])).toContain('No tag in these results');
  });
});

describe('headerDialogHtml', () => {
  const $ = load(headerDialogHtml({ bundle: '/kb/pagefind/', base: '/kb/', search: '/kb/search/?q="x"' }));

  test('a labelled dialog, base-aware, with a link on to the full search page (escaped)', () => {
    expect($('dialog').attr('aria-label')).toBe('Search reviews');
    expect($('dialog').attr('data-bundle')).toBe('/kb/pagefind/');
    expect($('dialog').attr('data-base')).toBe('/kb/');
    expect($('[data-search-more]').attr('href')).toBe('/kb/search/?q="x"');
  });

  test('the field, three filters, a summary and the result list', () => {
    expect($('dialog input[type="search"][data-search-input]').length).toBe(1);
    expect(
      $('dialog details[data-filter]')
        .map((_, el) => $(el).attr('data-filter'))
        .get(),
    ).toEqual(['severity', 'service', 'tag']);
    expect($('dialog [data-search-summary][role="status"]').length).toBe(1);
    expect($('dialog ol[data-search-results]').length).toBe(1);
  });
});

test('the /search/ controls: every filter menu, a hidden "Clear filters", and the sort select with relevance chosen', () => {
  const $ = load(searchControlsHtml());
  expect($('[data-filter]').length).toBe(FILTER_KEYS.length);
  expect($('[data-search-clear]').attr('hidden')).toBeDefined();
  expect(
    $('select[data-search-sort] option')
      .map((_, o) => $(o).attr('value'))
      .get(),
  ).toEqual(Object.keys(SORTS));
  expect($('select[data-search-sort] option[selected]').attr('value')).toBe(DEFAULT_SORT);
});

describe('resultSummary', () => {
  test('counts as English writes them, with the term when there is one', () => {
    expect(resultSummary(0, 'dns')).toBe('No results for dns');
    expect(resultSummary(1, 'dns')).toBe('1 result for dns');
    expect(resultSummary(3511, 'connection pool')).toBe('3,511 results for connection pool');
    expect(resultSummary(20, '')).toBe('20 results');
  });

  test('groups digits as toLocaleString("en") does', () => {
    for (const n of [7, 999, 1000, 12_345, 100_000, 999_999, 1_000_000, 1_234_567_890])
      expect(resultSummary(n, '')).toBe(`${n.toLocaleString('en')} results`);
  });
});
