/**
 * Markup of Pagefind's Component UI as Hindsight configures it: the result template, the filter
 * dropdowns and the header's search dialog. Strings, so the dialog can be a fragment fetched
 * when a reader starts to search (src/pages/search-dialog.html.ts) instead of part of every
 * page, built from the same pieces as the /search/ page.
 */
import { escapeHtml } from './escape.ts';
import { FILTER_KEYS, FILTER_LABELS, SINGLE_VALUE_FILTERS, type FilterKey } from './search.ts';

/**
 * How one result looks: title, severity, date, services, the highlighted excerpt and links to
 * the matching sections. `meta.*` comes from SearchMeta on each review page; `{{ }}` escapes,
 * `{{+ +}}` keeps Pagefind's `<mark>` highlighting.
 */
export const RESULT_TEMPLATE = `
<li class="search-result">
  <p class="search-result-title"><a href="{{ url | safeUrl }}">{{ meta.title | default("Untitled review") }}</a></p>
  <p class="search-result-meta">{{#if meta.severity}}<span class="badge sev sev-{{ meta.severity_rank }}">{{ meta.severity }}</span> {{/if}}{{#if meta.date}}<span>{{ meta.date }}</span>{{/if}}{{#if meta.services}}<span class="search-result-services">· {{ meta.services }}</span>{{/if}}</p>
  {{#if excerpt}}<p class="search-result-excerpt">{{+ excerpt +}}</p>{{/if}}
  {{#if sub_results}}<ul class="search-result-sections" aria-label="Matching sections">{{#each sub_results as sub}}<li><a href="{{ sub.url | safeUrl }}">{{ sub.title }}</a> <span class="search-result-section-excerpt">{{+ sub.excerpt +}}</span></li>{{/each}}</ul>{{/if}}
</li>`;

/** One Pagefind filter dropdown per key for `instance` (a selected value is unticked in its menu). */
export function filterDropdownsHtml(instance: string, keys: readonly FilterKey[] = FILTER_KEYS): string {
  return keys
    .map(
      (key) =>
        `<pagefind-filter-dropdown instance="${escapeHtml(instance)}" filter="${key}" label="${escapeHtml(FILTER_LABELS[key])}" sort="alphabetical"${SINGLE_VALUE_FILTERS.has(key) ? ' single-select' : ''} hide-clear></pagefind-filter-dropdown>`,
    )
    .join('');
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

/** The header's search dialog: config, modal, input, three filters, results and a link to /search/. */
export function headerDialogHtml(urls: HeaderDialogUrls): string {
  return (
    `<pagefind-config instance="header" bundle-path="${escapeHtml(urls.bundle)}" base-url="${escapeHtml(urls.base)}" sort="date:desc"></pagefind-config>` +
    `<pagefind-modal instance="header" class="search-modal">` +
    `<pagefind-modal-header><pagefind-input instance="header" placeholder="Search reviews" debounce="100"></pagefind-input></pagefind-modal-header>` +
    `<pagefind-modal-body>` +
    `<div class="search-filters" role="group" aria-label="Filters">${filterDropdownsHtml('header', ['severity', 'service', 'tag'])}</div>` +
    `<pagefind-summary instance="header"></pagefind-summary>` +
    `<pagefind-results instance="header" max-results="20"><script type="text/pagefind-template">${RESULT_TEMPLATE}</script></pagefind-results>` +
    `</pagefind-modal-body>` +
    `<pagefind-modal-footer><a class="search-more" href="${escapeHtml(urls.search)}" data-search-more>All filters and sort orders</a>` +
    `<pagefind-keyboard-hints instance="header"></pagefind-keyboard-hints></pagefind-modal-footer>` +
    `</pagefind-modal>`
  );
}
