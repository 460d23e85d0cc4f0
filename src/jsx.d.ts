/**
 * Types for ESLint's view of .astro templates. astro-eslint-parser hands typescript-eslint the
 * templates as JSX, and without a global JSX namespace every element and `.map()` returning
 * one is typed as an error, which the typed rules then report as unsafe. Astro's own checker
 * (`astro check`) does not use this namespace. See eslint-plugin-astro's README ("Unsafe return").
 */
import 'astro/astro-jsx';

declare global {
  namespace JSX {
    // astroHTML.JSX.Element is `any` (Astro allows any framework's JSX); these pages render HTML.
    type Element = HTMLElement;
    type IntrinsicElements = astroHTML.JSX.IntrinsicElements;
  }
}
