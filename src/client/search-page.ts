/** The /search/ page in the browser: one search panel whose state lives in the URL. */
import { parseSearchParams, toSearchParams, type FilterVocabulary } from '../lib/search.ts';
import { SearchView } from './search-view.ts';

/** Binds the search panel of `[data-search-page]` and runs the search the URL carries. */
export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search-page]');
  const status = root?.querySelector<HTMLElement>('.search-page-status');

  function showProblem(error: unknown) {
    if (!status) return;
    status.textContent = import.meta.env.DEV
      ? 'No search index in dev yet: run `npm run build` once, then reload.'
      : `Search could not load (${error instanceof Error ? error.message : 'unknown error'}). Reload to try again.`;
    status.hidden = false;
  }

  if (!root) return;
  const vocabulary = JSON.parse(root.dataset['vocabulary'] ?? '{}') as FilterVocabulary;
  const view = new SearchView({
    root,
    bundle: root.dataset['bundle'] ?? '/pagefind/',
    base: root.dataset['base'] ?? '/',
    pageSize: Number(root.dataset['pageSize']),
    // The search lives in the URL so it can be shared; replaceState keeps Back useful.
    onChange: (state) => {
      const query = toSearchParams(state, vocabulary).toString();
      history.replaceState(history.state, '', query ? `?${query}` : location.pathname);
    },
  });
  view.ready.catch(showProblem);
  view.update(parseSearchParams(new URLSearchParams(location.search), vocabulary));
}
