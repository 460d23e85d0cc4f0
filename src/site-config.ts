import { getSettings } from './settings.ts';

/** The folder holding incidents/, services/, paths/, patterns.yaml, glossary.yaml. */
export const contentRoot = getSettings().contentRoot;

/** Settings from `<content root>/hindsight.yaml` (with `HINDSIGHT_DRAFTS` applied), loaded once per process. */
export const siteConfig = getSettings().siteConfig;
