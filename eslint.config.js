// @ts-check
/**
 * ESLint (`npm run lint:code`): JavaScript's and typescript-eslint's recommended rules with type
 * information, and eslint-plugin-astro for .astro files and their <script>s. Formatting is
 * Prettier's job (`npm run format:check`), so no stylistic rules here.
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', '.astro/', 'public/', 'test/fixtures/', 'test-results/', 'playwright-report/', 'coverage/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  astro.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.astro'],
      },
    },
  },
  {
    files: ['**/*.astro'],
    // astro-eslint-parser has no project service; it finds the nearest tsconfig.json instead.
    languageOptions: { parserOptions: { projectService: false, project: true } },
  },
  {
    files: ['test/**'],
    rules: {
      // Test doubles implement async interfaces (Pagefind's indexer, prompts) with plain values;
      // an `async` without `await` is the clearest way to write them.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
