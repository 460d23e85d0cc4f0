/**
 * One search panel in the browser (the header dialog or the /search/ page): the field, the
 * filter menus, the summary and the result list inside `root` (markup from
 * src/lib/search-markup.ts). Pagefind searches and sorts (`search(term, { filters, sort })`);
 * facet counts come from our facet map (src/lib/facets.ts); each result's fragment loads only
 * when its row comes into view.
 */
import { countFacets, toPagefindFilters, type FacetCounts, type FacetIndex } from '../lib/facets.ts';
import { filterOptionsHtml, resultHtml } from '../lib/search-markup.ts';
import { isSearchableTerm, SearchScheduler, SEARCH_DEBOUNCE_MS, type IsCurrent } from '../lib/search-schedule.ts';
import { FILTER_KEYS, SORTS, type FilterKey, type FilterSelection, type SearchState, type SortId } from '../lib/search.ts';
import { loadFacets, loadPagefind, type PagefindApi, type PagefindResult } from './pagefind-client.ts';

export { loadFacets, loadPagefind };

/** How a panel is set up. */
export interface SearchViewOptions {
  root: HTMLElement;
  /** The Pagefind bundle URL, e.g. `/kb/pagefind/`. */
  bundle: string;
  /** The site's base, prefixed to result URLs. */
  base: string;
  /** Rows drawn at once (more with "Show more"). */
  pageSize: number;
  /** Called whenever the reader changes the query, filters or sort. */
  onChange?: (state: SearchState) => void;
}

/** Detail of the `search-results` event a panel fires once a search's rows are in the list. */
export interface SearchResultsDetail {
  term: string;
  results: number;
}

const isFilterKey = (key: string | undefined): key is FilterKey => (FILTER_KEYS as readonly string[]).includes(key ?? '');

/** A search panel bound to its markup. */
export class SearchView {
  state: SearchState = { term: '', filters: {}, sort: 'relevance' };
  readonly #options: SearchViewOptions;
  readonly #input: HTMLInputElement | null;
  readonly #summary: HTMLElement | null;
  readonly #list: HTMLElement | null;
  readonly #more: HTMLButtonElement | null;
  readonly #scheduler = new SearchScheduler<SearchState>((state, isCurrent) => this.#run(state, isCurrent), SEARCH_DEBOUNCE_MS);
  readonly #observer = new IntersectionObserver((entries) => this.#reveal(entries), { rootMargin: '200px 0px' });
  #api: PagefindApi | undefined;
  /** The last search's results, and how many rows are drawn. */
  #results: PagefindResult[] = [];
  #shown = 0;
  /** Ids of the last unfiltered search (the base of the facet counts), by term. */
  #unfiltered: { term: string; ids: Promise<string[]> } | undefined;
  /** Bumped on every drawing, so a fragment that arrives late never fills a newer list. */
  #drawing = 0;
  /** Pagefind and the facet map, loading. */
  readonly ready: Promise<void>;

  constructor(options: SearchViewOptions) {
    this.#options = options;
    const { root } = options;
    this.#input = root.querySelector<HTMLInputElement>('[data-search-input]');
    this.#summary = root.querySelector('[data-search-summary]');
    this.#list = root.querySelector('[data-search-results]');
    this.#more = root.querySelector('[data-search-show-more]');
    this.ready = Promise.all([loadPagefind(options.bundle, options.base), loadFacets(options.bundle)]).then(([api]) => {
      this.#api = api;
      root.dataset['searchReady'] = '';
    });
    this.#input?.addEventListener('input', () => this.#typed());
    root.addEventListener('change', (event) => this.#changed(event));
    root.querySelector('[data-search-clear]')?.addEventListener('click', () => this.update({ filters: {} }));
    this.#more?.addEventListener('click', () => this.#showMore());
    this.#wireMenus(root);
  }

  /** The field. */
  get input(): HTMLInputElement | null {
    return this.#input;
  }

  /** Sets part of the search (from a URL, a link, another field) and runs it at once. */
  update(change: Partial<SearchState>): void {
    this.state = { ...this.state, ...change };
    if (change.term !== undefined && this.#input && this.#input.value !== change.term) this.#input.value = change.term;
    const sort = this.#options.root.querySelector<HTMLSelectElement>('[data-search-sort]');
    if (sort) sort.value = this.state.sort;
    this.#options.onChange?.(this.state);
    if (isSearchableTerm(this.state.term)) this.#scheduler.schedule(this.state, { now: true });
  }

  #typed(): void {
    const term = this.#input?.value ?? '';
    this.state = { ...this.state, term };
    this.#options.onChange?.(this.state);
    const trimmed = term.trim();
    if (!isSearchableTerm(trimmed)) return this.#scheduler.cancel();
    // Fetch the query's index chunks while the reader is still typing; the search finds them loaded.
    if (trimmed) this.#api?.preload(trimmed).catch(() => {});
    this.#scheduler.schedule(this.state, { now: !trimmed });
  }

  #changed(event: Event): void {
    const target = event.target;
    if (target instanceof HTMLSelectElement && target.matches('[data-search-sort]') && Object.hasOwn(SORTS, target.value)) {
      return this.update({ sort: target.value as SortId });
    }
    if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox' || !isFilterKey(target.name)) return;
    const key = target.name;
    const picked = [...this.#options.root.querySelectorAll<HTMLInputElement>(`[data-filter="${key}"] input:checked`)].map((box) => box.value);
    const filters: FilterSelection = { ...this.state.filters, [key]: picked };
    if (picked.length === 0) delete filters[key];
    this.update({ filters });
  }

  async #run(state: SearchState, isCurrent: IsCurrent): Promise<void> {
    const [api, facets] = await Promise.all([loadPagefind(this.#options.bundle, this.#options.base), loadFacets(this.#options.bundle)]);
    const term = state.term.trim();
    const filters = toPagefindFilters(state.filters);
    const filtered = Object.keys(filters).length > 0;
    if (!term && !filtered) return this.#clear(isCurrent, facets);
    const listed = api.search(term || null, { filters, sort: { ...SORTS[state.sort].sort } });
    // Counts need the query's results before filtering: the same search when nothing is filtered.
    const base = filtered ? this.#unfilteredIds(api, facets, term) : listed.then((r) => (r?.results ?? []).map((x) => x.id));
    if (!filtered && term) this.#unfiltered = { term, ids: base };
    const [response, ids] = await Promise.all([listed, base]);
    if (!isCurrent() || !response) return; // overtaken by a newer search: only the last one draws
    this.#draw(term, response.results, countFacets(facets, ids, state.filters));
  }

  /** The unfiltered result ids of `term`, searched once per term (filters change more often than the query). */
  #unfilteredIds(api: PagefindApi, facets: FacetIndex, term: string): Promise<string[]> {
    if (!term) return Promise.resolve(facets.map.ids);
    if (this.#unfiltered?.term !== term) {
      this.#unfiltered = { term, ids: api.search(term).then((r) => (r?.results ?? []).map((x) => x.id)) };
    }
    return this.#unfiltered.ids;
  }

  #clear(isCurrent: IsCurrent, facets: FacetIndex): void {
    if (!isCurrent()) return;
    this.#drawing++;
    this.#results = [];
    this.#observer.disconnect();
    if (this.#list) this.#list.replaceChildren();
    if (this.#summary) this.#summary.textContent = '';
    if (this.#more) this.#more.hidden = true;
    this.#drawFilters(countFacets(facets, facets.map.ids));
  }

  #draw(term: string, results: PagefindResult[], counts: FacetCounts): void {
    this.#drawing++;
    this.#results = results;
    this.#shown = 0;
    this.#observer.disconnect();
    this.#list?.replaceChildren();
    const n = results.length;
    if (this.#summary) {
      const what = `${n === 0 ? 'No' : n.toLocaleString('en')} result${n === 1 ? '' : 's'}`;
      this.#summary.textContent = term ? `${what} for ${term}` : what;
    }
    this.#drawFilters(counts);
    this.#addRows();
    this.#options.root.dispatchEvent(new CustomEvent<SearchResultsDetail>('search-results', { detail: { term, results: n } }));
  }

  /** Appends the next page of rows, each filled when it comes into view; returns the first new row. */
  #addRows(): HTMLElement | undefined {
    const from = this.#shown;
    const to = Math.min(this.#results.length, from + this.#options.pageSize);
    const rows = this.#results.slice(from, to).map((_, i) => {
      const row = Object.assign(document.createElement('li'), { className: 'search-result' });
      row.dataset['index'] = String(from + i);
      row.setAttribute('aria-busy', 'true');
      row.innerHTML = '<p class="search-result-title search-result-skeleton"></p><p class="search-result-excerpt search-result-skeleton"></p>';
      return row;
    });
    this.#list?.append(...rows);
    rows.forEach((row) => this.#observer.observe(row));
    this.#shown = to;
    if (this.#more) {
      const left = this.#results.length - to;
      this.#more.hidden = left <= 0;
      this.#more.textContent = `Show ${Math.min(this.#options.pageSize, left)} more of ${this.#results.length} results`;
    }
    return rows[0];
  }

  #reveal(entries: IntersectionObserverEntry[]): void {
    const drawing = this.#drawing;
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const row = entry.target as HTMLElement;
      this.#observer.unobserve(row);
      const result = this.#results[Number(row.dataset['index'])];
      result
        ?.data()
        .then((data) => {
          if (drawing !== this.#drawing) return;
          row.innerHTML = resultHtml(data);
          row.removeAttribute('aria-busy');
          row.dispatchEvent(new Event('search-row-drawn', { bubbles: true }));
        })
        .catch(() => {
          if (drawing === this.#drawing) row.textContent = 'This result could not load.';
        });
    }
  }

  #showMore(): void {
    const first = this.#addRows();
    // Keep the reader's place: focus the first new result once it is drawn.
    first?.addEventListener('search-row-drawn', () => first.querySelector<HTMLElement>('.search-result-title a')?.focus(), { once: true });
  }

  #drawFilters(counts: FacetCounts): void {
    for (const menu of this.#options.root.querySelectorAll<HTMLElement>('[data-filter]')) {
      const key = menu.dataset['filter'];
      if (!isFilterKey(key)) continue;
      const picked = new Set(this.state.filters[key] ?? []);
      const values = Object.entries(counts[key] ?? {}).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
      for (const value of picked) if (!values.some(([v]) => v === value)) values.push([value, 0]);
      const focused = menu.contains(document.activeElement) && document.activeElement instanceof HTMLInputElement ? document.activeElement.value : undefined;
      const options = menu.querySelector('[data-filter-options]');
      if (options)
        options.innerHTML = filterOptionsHtml(
          key,
          values.map(([value, count]) => ({ value, count, checked: picked.has(value) })),
        );
      if (focused !== undefined) [...menu.querySelectorAll<HTMLInputElement>('input')].find((box) => box.value === focused)?.focus();
      const label = menu.querySelector('[data-filter-picked]');
      if (label) label.textContent = picked.size ? ` (${picked.size})` : '';
    }
    const clear = this.#options.root.querySelector<HTMLElement>('[data-search-clear]');
    if (clear) clear.hidden = !Object.values(this.state.filters).some((values) => values?.length);
  }

  /** One menu open at a time; a click elsewhere or Escape closes it. */
  #wireMenus(root: HTMLElement): void {
    const menus = () => [...root.querySelectorAll<HTMLDetailsElement>('details[data-filter]')];
    root.addEventListener(
      'toggle',
      (event) => {
        const opened = event.target;
        if (opened instanceof HTMLDetailsElement && opened.open) menus().forEach((menu) => menu !== opened && (menu.open = false));
      },
      true,
    );
    root.ownerDocument.addEventListener('click', (event) => {
      for (const menu of menus()) if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
    });
    root.addEventListener('keydown', (event) => {
      const menu = (event.target as Element).closest?.('details[data-filter]');
      if (event.key !== 'Escape' || !(menu instanceof HTMLDetailsElement) || !menu.open) return;
      event.preventDefault(); // close the menu, not the dialog around it
      event.stopPropagation();
      menu.open = false;
      menu.querySelector('summary')?.focus();
    });
  }
}
