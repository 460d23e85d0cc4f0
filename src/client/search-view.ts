/**
 * One search panel in the browser (the header dialog or the /search/ page): the field, the
 * filter menus, the summary and the result list inside `root` (markup from
 * src/lib/search-markup.ts). Pagefind searches, filters and sorts (`search(term, { filters, sort })`);
 * facet counts come from our facet map (src/lib/facets.ts), fetched only once a reader first opens
 * a filter menu (the counts show only there); each result's fragment loads only when its row comes
 * into view.
 */
import { countFacets, toPagefindFilters, type FacetCounts, type FacetIndex } from '../lib/facets.ts';
import { filterOptionsHtml, resultHtml, resultSummary } from '../lib/search-markup.ts';
import { isSearchableTerm, SearchScheduler, SEARCH_DEBOUNCE_MS, type IsCurrent } from '../lib/search-schedule.ts';
import {
  FILTER_KEYS,
  SORTS,
  type FilterKey,
  type FilterSelection,
  type SearchState,
  type SortId,
} from '../lib/search.ts';
import { loadFacets, loadPagefind, type PagefindApi, type PagefindResult } from './pagefind-client.ts';

// For the header search, which loads this chunk lazily and keeps its own script small.
export { loadPagefind };
export { toSearchParams } from '../lib/search.ts';

/** How a panel is set up. */
export interface SearchViewOptions {
  root: HTMLElement;
  /** The Pagefind bundle URL, e.g. `/kb/pagefind/`. */
  bundle: string;
  /** The site's base, prefixed to result URLs. */
  base: string;
  /** Rows drawn at once (more with "Show more"). */
  pageSize: number;
  /** Whether `root` scrolls its own results (the dialog), rather than the page scrolling them. */
  scrolls?: boolean;
  /** Called whenever the reader changes the query, filters or sort. */
  onChange?: (state: SearchState) => void;
}

/** Rows of a new list whose fragments load with its results (always in view); the rest load as they scroll in. */
const EAGER_ROWS = 3;

/** Detail of the `search-results` event a panel fires once a search's rows are in the list. */
export interface SearchResultsDetail {
  term: string;
  results: number;
}

/** What a list's facet counts are over: its query's unfiltered ids (searched only when counted) and its selection. */
interface Counted {
  base: () => Promise<string[]>;
  filters: FilterSelection;
}

const isFilterKey = (key: string | undefined): key is FilterKey =>
  (FILTER_KEYS as readonly string[]).includes(key ?? '');

/** A search panel bound to its markup. */
export class SearchView {
  state: SearchState = { term: '', filters: {}, sort: 'relevance' };
  readonly #options: SearchViewOptions;
  readonly #input: HTMLInputElement | null;
  readonly #summary: HTMLElement | null;
  readonly #list: HTMLElement | null;
  readonly #more: HTMLButtonElement | null;
  readonly #scheduler = new SearchScheduler<SearchState>(
    (state, isCurrent) => this.#run(state, isCurrent),
    SEARCH_DEBOUNCE_MS,
  );
  readonly #observer: IntersectionObserver;
  #api: PagefindApi | undefined;
  /** The last search's results, and how many rows are drawn. */
  #results: PagefindResult[] = [];
  #shown = 0;
  /** Ids of the last unfiltered search (the base of the facet counts), by term. */
  #unfiltered: { term: string; ids: Promise<string[]> } | undefined;
  /** The facet map, once a filter menu has been opened (until then nothing counts). */
  #facets: Promise<FacetIndex> | undefined;
  /** What the drawn list's counts are over: its query's unfiltered ids (asked for only when counted) and its selection. */
  #counted: Counted = { base: () => this.#allIds(), filters: {} };
  /** Bumped on every drawing, so a fragment that arrives late never fills a newer list. */
  #drawing = 0;
  /** Pagefind, loading. */
  readonly ready: Promise<void>;

  constructor(options: SearchViewOptions) {
    this.#options = options;
    const { root } = options;
    // Rows load a little before they scroll into view: the margin applies to the box that scrolls.
    this.#observer = new IntersectionObserver((entries) => this.#reveal(entries), {
      root: options.scrolls ? root : null,
      rootMargin: '200px 0px',
    });
    this.#input = root.querySelector<HTMLInputElement>('[data-search-input]');
    this.#summary = root.querySelector('[data-search-summary]');
    this.#list = root.querySelector('[data-search-results]');
    this.#more = root.querySelector('[data-search-show-more]');
    this.ready = loadPagefind(options.bundle, options.base).then((api) => {
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
    if (
      target instanceof HTMLSelectElement &&
      target.matches('[data-search-sort]') &&
      Object.hasOwn(SORTS, target.value)
    ) {
      return this.update({ sort: target.value as SortId });
    }
    if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox' || !isFilterKey(target.name)) return;
    const key = target.name;
    const picked = [
      ...this.#options.root.querySelectorAll<HTMLInputElement>(`[data-filter="${key}"] input:checked`),
    ].map((box) => box.value);
    const filters: FilterSelection = { ...this.state.filters, [key]: picked };
    if (picked.length === 0) delete filters[key];
    this.update({ filters });
  }

  async #run(state: SearchState, isCurrent: IsCurrent): Promise<void> {
    const api = await loadPagefind(this.#options.bundle, this.#options.base);
    const term = state.term.trim();
    const filters = toPagefindFilters(state.filters);
    const filtered = Object.keys(filters).length > 0;
    const counted: Counted = { base: () => this.#allIds(), filters: state.filters };
    if (!term && !filtered) return this.#clear(isCurrent, counted);
    // The rows shown at once load with the search; the first comes with the results.
    const listed = api.search(term || null, { filters, sort: { ...SORTS[state.sort].sort } }, EAGER_ROWS);
    // Counts need the query's results before filtering: the same search when nothing is filtered.
    if (filtered) counted.base = () => this.#unfilteredIds(api, term);
    else {
      const ids = listed.then((r) => (r?.results ?? []).map((x) => x.id));
      this.#unfiltered = { term, ids };
      counted.base = () => ids;
    }
    const response = await listed;
    // Read after the search: a menu opened meanwhile wants this list's counts too.
    const counts = this.#facets ? await this.#count(counted).catch(() => undefined) : undefined;
    if (!isCurrent() || !response) return; // overtaken by a newer search: only the last one draws
    this.#counted = counted;
    this.#draw(term, response.results, counts);
  }

  /** The facet counts over `counted`, from the map (which must have been asked for). */
  async #count(counted: Counted): Promise<FacetCounts> {
    const [facets, ids] = await Promise.all([this.#facets!, counted.base()]);
    return countFacets(facets, ids, counted.filters);
  }

  /** Every indexed page (the base of the counts with no query), from the map. */
  #allIds(): Promise<string[]> {
    return (this.#facets ?? Promise.reject(new Error('the facet map was not asked for'))).then(
      (facets) => facets.map.ids,
    );
  }

  /** The unfiltered result ids of `term`, searched once per term (filters change more often than the query). */
  #unfilteredIds(api: PagefindApi, term: string): Promise<string[]> {
    if (!term) return this.#allIds();
    if (this.#unfiltered?.term !== term) {
      this.#unfiltered = { term, ids: api.search(term).then((r) => (r?.results ?? []).map((x) => x.id)) };
    }
    return this.#unfiltered.ids;
  }

  /** The first time a filter menu opens: fetch the map, then count the list that is drawn by the time it arrives. */
  #wantCounts(): void {
    if (this.#facets) return;
    this.#facets = loadFacets(this.#options.bundle);
    for (const options of this.#options.root.querySelectorAll('[data-filter-options]')) {
      if (!options.hasChildNodes()) options.innerHTML = '<p class="search-filter-none">Counting…</p>';
    }
    this.#facets.catch(() => (this.#facets = undefined)); // the next menu opened tries again
    const drawing = this.#drawing;
    const counted = this.#counted;
    this.#count(counted)
      .then((counts) => drawing === this.#drawing && this.#drawFilters(counts))
      .catch(() => {
        if (drawing === this.#drawing) this.#drawFilters(undefined, 'Counts could not load.');
      });
  }

  async #clear(isCurrent: IsCurrent, counted: Counted): Promise<void> {
    const counts = this.#facets ? await this.#count(counted).catch(() => undefined) : undefined;
    if (!isCurrent()) return;
    this.#drawing++;
    this.#counted = counted;
    this.#results = [];
    this.#observer.disconnect();
    if (this.#list) this.#list.replaceChildren();
    if (this.#summary) this.#summary.textContent = '';
    if (this.#more) this.#more.hidden = true;
    this.#drawFilters(counts);
  }

  #draw(term: string, results: PagefindResult[], counts: FacetCounts | undefined): void {
    this.#drawing++;
    this.#results = results;
    this.#shown = 0;
    this.#observer.disconnect();
    this.#list?.replaceChildren();
    const n = results.length;
    if (this.#summary) this.#summary.textContent = resultSummary(n, term);
    this.#drawFilters(counts);
    this.#addRows();
    this.#options.root.dispatchEvent(
      new CustomEvent<SearchResultsDetail>('search-results', { detail: { term, results: n } }),
    );
  }

  /** Appends the next page of rows, each filled when it comes into view; returns the first new row. */
  #addRows(): HTMLElement | undefined {
    const from = this.#shown;
    const to = Math.min(this.#results.length, from + this.#options.pageSize);
    const rows = this.#results.slice(from, to).map((_, i) => {
      const row = Object.assign(document.createElement('li'), { className: 'search-result' });
      row.dataset['index'] = String(from + i);
      row.setAttribute('aria-busy', 'true');
      row.innerHTML =
        '<p class="search-result-title search-result-skeleton"></p><p class="search-result-excerpt search-result-skeleton"></p>';
      return row;
    });
    this.#list?.append(...rows);
    // The first rows of a new list are on screen in the dialog and on the page at any size:
    // their fragments load now, not a frame later when the observer reports them.
    rows.forEach((row, i) => (from + i < EAGER_ROWS ? this.#fill(row) : this.#observer.observe(row)));
    this.#shown = to;
    if (this.#more) {
      const left = this.#results.length - to;
      this.#more.hidden = left <= 0;
      this.#more.textContent = `Show ${Math.min(this.#options.pageSize, left)} more of ${this.#results.length} results`;
    }
    return rows[0];
  }

  #reveal(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      this.#observer.unobserve(entry.target);
      this.#fill(entry.target as HTMLElement);
    }
  }

  /** Loads a row's fragment and draws it (unless a newer list has been drawn meanwhile). */
  #fill(row: HTMLElement): void {
    const drawing = this.#drawing;
    this.#results[Number(row.dataset['index'])]
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

  #showMore(): void {
    const first = this.#addRows();
    // Keep the reader's place: focus the first new result once it is drawn.
    first?.addEventListener(
      'search-row-drawn',
      () => first.querySelector<HTMLElement>('.search-result-title a')?.focus(),
      { once: true },
    );
  }

  /**
   * The menus' options with their counts, and the picked-value labels. With no counts (the map not
   * asked for or not in yet), only the labels change; the options wait for the counts (`note`
   * replaces them when the counts could not load).
   */
  #drawFilters(counts: FacetCounts | undefined, note?: string): void {
    for (const menu of this.#options.root.querySelectorAll<HTMLElement>('[data-filter]')) {
      const key = menu.dataset['filter'];
      if (!isFilterKey(key)) continue;
      const picked = new Set(this.state.filters[key] ?? []);
      const label = menu.querySelector('[data-filter-picked]');
      if (label) label.textContent = picked.size ? ` (${picked.size})` : '';
      const options = menu.querySelector('[data-filter-options]');
      if (!counts) {
        if (note && options) options.textContent = note;
        continue;
      }
      const values = Object.entries(counts[key] ?? {}).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
      for (const value of picked) if (!values.some(([v]) => v === value)) values.push([value, 0]);
      const focused =
        menu.contains(document.activeElement) && document.activeElement instanceof HTMLInputElement
          ? document.activeElement.value
          : undefined;
      if (options)
        options.innerHTML = filterOptionsHtml(
          key,
          values.map(([value, count]) => ({ value, count, checked: picked.has(value) })),
        );
      if (focused !== undefined)
        [...menu.querySelectorAll<HTMLInputElement>('input')].find((box) => box.value === focused)?.focus();
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
        if (!(opened instanceof HTMLDetailsElement) || !opened.open || !opened.matches('[data-filter]')) return;
        menus().forEach((menu) => menu !== opened && (menu.open = false));
        this.#wantCounts();
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
