import { describe, expect, test } from 'vitest';
import { load } from 'cheerio';
import { filterDropdownsHtml, headerDialogHtml, RESULT_TEMPLATE } from '../../src/lib/search-markup.ts';

describe('filterDropdownsHtml', () => {
  test('one dropdown per key, labelled, single-select where a review has one value', () => {
    const $ = load(filterDropdownsHtml('page', ['severity', 'tag']));
    const dropdowns = $('pagefind-filter-dropdown');
    expect(dropdowns.map((_, el) => `${$(el).attr('filter')}:${$(el).attr('label')}:${$(el).is('[single-select]')}`).get()).toEqual([
      'severity:Severity:true',
      'tag:Tag:false',
    ]);
    expect(dropdowns.first().attr('instance')).toBe('page');
  });

  test('every filter by default', () => {
    expect(load(filterDropdownsHtml('page'))('pagefind-filter-dropdown').length).toBe(7);
  });
});

describe('headerDialogHtml', () => {
  const $ = load(headerDialogHtml({ bundle: '/kb/pagefind/', base: '/kb/', search: '/kb/search/?q="x"' }));

  test('base-aware config, newest first, and a link on to the full search page (escaped)', () => {
    expect($('pagefind-config').attr('bundle-path')).toBe('/kb/pagefind/');
    expect($('pagefind-config').attr('base-url')).toBe('/kb/');
    expect($('pagefind-config').attr('sort')).toBe('date:desc');
    expect($('[data-search-more]').attr('href')).toBe('/kb/search/?q="x"');
  });

  test('a modal with the input, three filters and results drawn with the shared template', () => {
    expect($('pagefind-modal pagefind-input').attr('instance')).toBe('header');
    expect(
      $('pagefind-modal pagefind-filter-dropdown')
        .map((_, el) => $(el).attr('filter'))
        .get(),
    ).toEqual(['severity', 'service', 'tag']);
    expect($('pagefind-results script[type="text/pagefind-template"]').text()).toBe(RESULT_TEMPLATE);
  });
});
