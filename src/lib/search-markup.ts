/**
 * Markup of Hindsight's search (our own rendering over Pagefind's JS API): the search panel
 * (input, filter menus, summary, result list) shared by the /search/ page and the header's
 * dialog, one result, and a filter menu's options. Strings, so the dialog can be a fragment
 * fetched when a reader starts to search (src/pages/search-dialog.html.ts) and the browser
 * script can draw results with the same code the pages are built with.
 */
import { escapeHtml } from './escape.ts';
import { tidyExcerpt } from './excerpt.ts';
import { DEFAULT_SORT, FILTER_KEYS, FILTER_LABELS, SORTS, type FilterKey } from './search.ts';

/** A result as Pagefind's `result.data()` gives it (the fields we draw). */
export interface ResultData {
  url: string;
  meta: Partial<Record<'title' | 'date' | 'severity' | 'severity_rank' | 'services', string>>;
  /** HTML: text escaped by Pagefind, matches in `<mark>`. */
  excerpt: string;
  sub_results?: { title: string; url: string; excerpt: string }[];
}

/**
 * The line above the results: "No results", "1 result", "3,511 results for latency". The count is
 * grouped by hand: a page's first `toLocaleString` sets up number formatting, about 30 ms in
 * Chromium, between a search's answer and its first row.
 */
export function resultSummary(count: number, term: string): string {
  const grouped = String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const what = `${count === 0 ? 'No' : grouped} result${count === 1 ? '' : 's'}`;
  return term ? `${what} for ${term}` : what;
}

/** Sections listed under a result at most. */
const MAX_SECTIONS = 3;

/** Only http(s) and site-relative URLs become links. */
const safeUrl = (url: string) => (/^(https?:\/\/|\/|#)/i.test(url) ? url : '#');

/** A section's excerpt without its own heading, which Pagefind's text starts with ("Trigger. A resolver…" under "Trigger"). */
function withoutHeading(excerpt: string, title: string): string {
  const heading = escapeHtml(title);
  const text = excerpt.trimStart();
  return text.startsWith(`${heading}. `) ? text.slice(heading.length + 2) : text;
}

/** One result's inner HTML: title, severity, date, services, the excerpt and links to matching sections. */
export function resultHtml(data: ResultData): string {
  const { meta } = data;
  const rank = /^[1-4]$/.test(meta.severity_rank ?? '') ? meta.severity_rank : '4';
  const facts = [
    meta.severity ? `<span class="badge sev sev-${rank}">${escapeHtml(meta.severity)}</span> ` : '',
    meta.date ? `<span>${escapeHtml(meta.date)}</span>` : '',
    meta.services ? `<span class="search-result-services">· ${escapeHtml(meta.services)}</span>` : '',
  ].join('');
  // The page itself is no "section": Pagefind lists it when a match sits above the first heading.
  const sections = (data.sub_results ?? [])
    .filter((sub) => sub.url !== data.url && sub.url.includes('#'))
    .slice(0, MAX_SECTIONS);
  return (
    `<p class="search-result-title"><a href="${escapeHtml(safeUrl(data.url))}">${escapeHtml(meta.title || 'Untitled review')}</a></p>` +
    `<p class="search-result-meta">${facts}</p>` +
    (data.excerpt ? `<p class="search-result-excerpt">${tidyExcerpt(data.excerpt)}</p>` : '') +
    (sections.length
      ? `<ul class="search-result-sections" aria-label="Matching sections">${sections
          .map(
            (sub) =>
              `<li><a href="${escapeHtml(safeUrl(sub.url))}">${escapeHtml(sub.title)}</a> <span class="search-result-section-excerpt">${tidyExcerpt(withoutHeading(sub.excerpt, sub.title))}</span></li>`,
          )
          .join('')}</ul>`
      : '')
  );
}

/** A filter menu's options: one checkbox per value, with its count; picked values stay listed at any count. */
export function filterOptionsHtml(
  key: FilterKey,
  options: readonly { value: string; count: number; checked: boolean }[],
): string {
  const shown = options.filter((o) => o.count > 0 || o.checked);
  if (shown.length === 0)
    return `<p class="search-filter-none">No ${escapeHtml(FILTER_LABELS[key].toLowerCase())} in these results</p>`;
  return shown
    .map(
      (o) =>
        `<label class="search-filter-option"><input type="checkbox" name="${key}" value="${escapeHtml(o.value)}"${o.checked ? ' checked' : ''}>` +
        `<span>${escapeHtml(o.value)}</span> <span class="search-filter-option-count">${o.count}</span></label>`,
    )
    .join('');
}

/** The filter menus (a disclosure each; options drawn once the facet map is in). */
export function filterMenusHtml(keys: readonly FilterKey[] = FILTER_KEYS): string {
  return keys
    .map(
      (key) =>
        `<details class="search-filter" data-filter="${key}"><summary><span>${escapeHtml(FILTER_LABELS[key])}</span><span class="search-filter-picked" data-filter-picked></span></summary>` +
        `<fieldset class="search-filter-options"><legend class="visually-hidden">${escapeHtml(FILTER_LABELS[key])}</legend><div data-filter-options></div></fieldset></details>`,
    )
    .join('');
}

/** The search field, the results summary and list; `filters` goes between the field and the summary. */
export function searchPanelHtml(options: { placeholder: string; label: string; filters: string }): string {
  return (
    `<div class="search-field"><label class="visually-hidden" for="search-input-${escapeHtml(options.label)}">Search reviews</label>` +
    `<input id="search-input-${escapeHtml(options.label)}" type="search" data-search-input placeholder="${escapeHtml(options.placeholder)}" autocomplete="off" spellcheck="false"></div>` +
    options.filters +
    `<p class="search-summary" data-search-summary role="status"></p>` +
    `<ol class="search-results" data-search-results></ol>`
  );
}

/** Where the header dialog finds the index and sends readers; all base-aware URLs. */
export interface HeaderDialogUrls {
  /** The Pagefind bundle, e.g. `/kb/pagefind/`. */
  bundle: string;
  /** The site's base, prefixed to result URLs. */
  base: string;
  /** The /search/ page. */
  search: string;
}

/** The header's search dialog: field, three filters, results and a link to /search/. */
export function headerDialogHtml(urls: HeaderDialogUrls): string {
  const filters = `<div class="search-filters" role="group" aria-label="Filters">${filterMenusHtml(['severity', 'service', 'tag'])}</div>`;
  return (
    `<dialog class="search-modal" aria-label="Search reviews" data-search-dialog data-bundle="${escapeHtml(urls.bundle)}" data-base="${escapeHtml(urls.base)}" data-page-size="20">` +
    `<div class="search-modal-body" data-search-root>${searchPanelHtml({ placeholder: 'Search reviews', label: 'header', filters })}</div>` +
    `<footer class="search-modal-footer"><a class="search-more" href="${escapeHtml(urls.search)}" data-search-more>All filters and sort orders</a> ` +
    `<span class="search-modal-hint"><kbd>Esc</kbd> to close</span></footer>` +
    `</dialog>`
  );
}

/** The /search/ page's filter menus, "Clear filters" and the sort select, as one block of controls. */
export function searchControlsHtml(): string {
  const sorts = Object.entries(SORTS)
    .map(([id, { label }]) => `<option value="${id}"${id === DEFAULT_SORT ? ' selected' : ''}>${label}</option>`)
    .join('');
  return (
    `<div class="search-controls"><div class="search-filters" role="group" aria-label="Filters">${filterMenusHtml()}` +
    `<button type="button" class="search-clear" data-search-clear hidden>Clear filters</button></div>` +
    `<label class="search-sort"><span>Sort</span><select data-search-sort>${sorts}</select></label></div>`
  );
}
