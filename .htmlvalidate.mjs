// html-validate rules for the built pages (test/build/html-validity.test.ts; `npx html-validate dist`).
// A module rather than .htmlvalidate.json so that every rule turned off carries its reason.

/** @type {import('html-validate').ConfigData} */
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // A search-engine heuristic, not validity: page titles are review titles that authors write,
    // followed by the site name, and a long one is truncated in results, not wrong.
    'long-title': 'off',
    // WCAG technique H32 is one sufficient way to meet 3.2.2, not a requirement: the header
    // search is a single field, which the HTML spec submits on Enter (implicit submission), and
    // with JavaScript typing in it opens the search dialog. A button would repeat Enter.
    'wcag/h32': 'off',
  },
};
