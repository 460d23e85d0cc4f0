/**
 * The header search box in the browser: Pagefind loads only once the reader focuses it, types,
 * clicks, or presses `/` or Ctrl/Cmd-K, and then it opens as a dialog with results and filters.
 */
import { isTyping } from './is-typing.ts';
import type { SearchView } from './search-view.ts';
import { searchUrl, url } from '../urls.ts';

/** Wires the header search box of `[data-header-search]` (nothing when the page has none). */
export function startHeaderSearch(): void {
  /** The search code (panel, facet counting, Pagefind loader): a chunk of its own, fetched on first search, not on every page. */
  const searchCode = () => import('./search-view.ts');

  const root = document.querySelector<HTMLElement>('[data-header-search]');
  const input = root?.querySelector('input');
  const status = root?.querySelector<HTMLElement>('.header-search-status');
  const bundle = root?.dataset['bundle'];

  function showProblem(error: unknown) {
    if (!status) return;
    status.textContent =
      root?.dataset['dev'] !== undefined
        ? 'No search index in dev yet: run `npm run build` once, then reload.'
        : `Search could not load (${error instanceof Error ? error.message : 'unknown error'}). Reload to try again.`;
    status.hidden = false;
  }

  let dialogMarkup: Promise<string> | undefined;

  /** The dialog's markup (src/pages/search-dialog.html.ts), fetched once; a failure may be retried. */
  function fetchDialog(): Promise<string> {
    dialogMarkup ??= fetch(root?.dataset['dialog'] ?? '').then((response) => {
      if (!response.ok) throw new Error(`could not load the search dialog (${response.status})`);
      return response.text();
    });
    dialogMarkup.catch(() => (dialogMarkup = undefined));
    return dialogMarkup;
  }

  /** Starts fetching everything a search needs: the dialog, the search code and Pagefind (the facet map waits for a filter menu). */
  function warmUp(bundle: string) {
    fetchDialog().catch(() => {});
    searchCode()
      .then(({ loadPagefind }) => loadPagefind(bundle, url()))
      .catch(() => {});
  }

  let opening: Promise<{ dialog: HTMLDialogElement; view: SearchView }> | undefined;

  /** Inserts the dialog (once) and binds a search panel to it. */
  function createDialog(bundle: string, input: HTMLInputElement) {
    opening ??= Promise.all([fetchDialog(), searchCode()]).then(([markup, { SearchView, toSearchParams }]) => {
      document.body.insertAdjacentHTML('beforeend', markup);
      const dialog = document.querySelector<HTMLDialogElement>('dialog[data-search-dialog]');
      const panel = dialog?.querySelector<HTMLElement>('[data-search-root]');
      if (!dialog || !panel) throw new Error('the search dialog has no search panel');
      const more = dialog.querySelector<HTMLAnchorElement>('[data-search-more]');
      const view = new SearchView({
        root: panel,
        bundle,
        base: dialog.dataset['base'] ?? '/',
        pageSize: Number(dialog.dataset['pageSize'] ?? 20),
        scrolls: true,
        onChange: ({ term, filters }) => {
          input.value = term;
          if (more) more.href = searchUrl(toSearchParams({ term, filters }).toString());
        },
      });
      view.ready.catch(showProblem);
      // A click on the backdrop (the dialog element itself, outside its box) closes it.
      dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
      // Escape closes the dialog at once (an open filter menu takes it first, in SearchView),
      // rather than first emptying the search field, so reopening finds the old query.
      dialog.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        dialog.close();
      });
      return { dialog, view };
    });
    opening.catch(() => (opening = undefined));
    return opening;
  }

  /**
   * Opens the search dialog, carrying over what was typed in the header box. Reopened, it selects
   * the old query so typing replaces it; opened by typing, the caret stays after the new letters.
   */
  async function openSearch(typed = false) {
    if (!input || !root || !bundle) return;
    // The search page has its own field: hand over to it instead of stacking a dialog on it.
    const pageInput = document.querySelector<HTMLInputElement>('[data-search-page] [data-search-input]');
    if (pageInput) {
      if (input.value) {
        pageInput.value = input.value;
        pageInput.dispatchEvent(new Event('input', { bubbles: true }));
      }
      pageInput.focus();
      return;
    }
    warmUp(bundle);
    let opened;
    try {
      opened = await createDialog(bundle, input);
    } catch (error) {
      showProblem(error);
      return;
    }
    if (status) status.hidden = true;
    const { dialog, view } = opened;
    if (dialog.open) return;
    dialog.showModal();
    // What was typed into the header box while the dialog loaded becomes the query, and the
    // reader goes on typing after it; otherwise this is a reopening, and the old query is selected.
    const carried = input.value.trim() !== view.state.term.trim();
    if (carried) view.update({ term: input.value });
    view.input?.focus();
    if (!typed && !carried) view.input?.select();
  }

  if (input && bundle) {
    // Focus is the first sign of a search: fetch what it needs now so the dialog opens at once.
    input.addEventListener('focus', () => warmUp(bundle), { once: true });
    input.addEventListener('click', () => void openSearch());
    input.addEventListener('input', () => void openSearch(true));
    document.addEventListener('keydown', (event) => {
      const modK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      if (!modK && !slash) return;
      event.preventDefault();
      // Keys typed before the dialog is in land in the header box, and carry over.
      if (!isTyping(document.activeElement)) input.focus();
      void openSearch();
    });
  }
}
