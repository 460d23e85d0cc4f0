/**
 * Browser side of search: loads Pagefind's Component UI (script and stylesheet written into
 * the build output by the Pagefind integration) once, when a reader starts to search.
 */

/** The part of a Component UI instance that Hindsight drives (see Pagefind's custom-components docs). */
export interface SearchInstance {
  searchTerm: string;
  searchFilters: Record<string, string[]>;
  searchSort: Record<string, 'asc' | 'desc'>;
  searchResult: { results: unknown[] };
  /** Filter counts; null until Pagefind has loaded. */
  availableFilters: Record<string, Record<string, number>> | null;
  on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
  on(event: 'results', callback: (result: { results: unknown[] }) => void): void;
  on(event: 'error', callback: (error: { message?: string }) => void): void;
  on(event: 'filters', callback: () => void): void;
  triggerLoad(): Promise<void>;
  triggerSearch(term: string): void;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  triggerFilters(filters: Record<string, string[]>): void;
}

interface PagefindComponents {
  getInstanceManager(): { getInstance(name: string): SearchInstance };
}

declare global {
  interface Window {
    PagefindComponents?: PagefindComponents;
  }
}

let loading: Promise<PagefindComponents> | undefined;

/** Adds the Component UI's stylesheet and script from `bundlePath` (once); resolves when ready. */
export function loadSearchUI(bundlePath: string): Promise<PagefindComponents> {
  loading ??= new Promise<PagefindComponents>((resolve, reject) => {
    const fail = (file: string) => {
      loading = undefined;
      reject(new Error(`could not load ${file}`));
    };
    const css = `${bundlePath}pagefind-component-ui.css`;
    const js = `${bundlePath}pagefind-component-ui.js`;
    // Fetch both at once, but run the script (which renders the custom elements) only once the
    // stylesheet applies, so nothing flashes unstyled.
    const preload = Object.assign(document.createElement('link'), { rel: 'preload', as: 'script', href: js });
    const style = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: css });
    style.addEventListener('error', () => fail(css));
    style.addEventListener('load', () => {
      const script = Object.assign(document.createElement('script'), { src: js });
      script.addEventListener('error', () => fail(js));
      script.addEventListener('load', () => {
        if (window.PagefindComponents) resolve(window.PagefindComponents);
        else fail(js);
      });
      document.head.append(script);
    });
    document.head.append(preload, style);
  });
  return loading;
}

/**
 * Pagefind's filter dropdown buttons (role combobox) have an accessible name only while a value
 * is selected ("Tag, 1 filter selected"); otherwise screen readers announce an unnamed combobox.
 * Give them their visible label whenever Pagefind leaves them without one.
 */
export function nameFilterButtons(root: ParentNode): void {
  const name = (button: Element) => {
    const label = button.querySelector('.pf-dropdown-trigger-label')?.textContent?.trim();
    if (label && !button.hasAttribute('aria-label')) button.setAttribute('aria-label', label);
  };
  const nameAll = () => root.querySelectorAll('.pf-dropdown-trigger').forEach(name);
  nameAll();
  new MutationObserver(nameAll).observe(root, { subtree: true, childList: true, attributeFilter: ['aria-label'] });
}

/** Whether a key press lands in something the reader is typing into. */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select, [contenteditable=""], [contenteditable="true"]'))
  );
}
