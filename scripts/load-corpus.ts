/** The file-system side of src/lib/read-corpus.ts: reads a content root for the CLIs. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ContentError } from '../src/lib/content-errors.ts';
import type { IncidentLike } from '../src/lib/incidents.ts';
import { readIncidents, readPatterns, type SourceFile } from '../src/lib/read-corpus.ts';
import type { PatternLike } from '../src/lib/stats/patterns.ts';
import type { SiteConfig } from '../src/schemas/site-config.ts';
import { loadSiteConfig } from '../src/lib/site-config-file.ts';

export interface Corpus {
  root: string;
  config: SiteConfig;
  /** The incidents the site would show (drafts left out when the config says so). */
  incidents: IncidentLike[];
  patterns: PatternLike[];
}

/** Reads and validates `root` (incidents/, patterns.yaml, hindsight.yaml); throws ContentError listing every problem. */
export function loadCorpus(root: string, drafts?: SiteConfig['drafts']): Corpus {
  const config = loadSiteConfig(root, drafts);
  const dir = join(root, 'incidents');
  const files: SourceFile[] = existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .map((path) => path.split('\\').join('/'))
        .filter((path) => /\.mdx?$/i.test(path))
        .map((path) => ({ path, contents: readFileSync(join(dir, path), 'utf8') }))
    : [];
  const shown = (path: string) => relative(process.cwd(), resolve(dir, path)) || path;
  const incidents = readIncidents(files, { severities: config.severities, shown });
  const patternsFile = join(root, 'patterns.yaml');
  const patterns = readPatterns(existsSync(patternsFile) ? readFileSync(patternsFile, 'utf8') : undefined, relative(process.cwd(), patternsFile));
  const problems = [...incidents.problems, ...patterns.problems];
  if (problems.length > 0) throw new ContentError(problems);
  return {
    root,
    config,
    incidents: incidents.items.filter((i) => config.drafts === 'include' || i.data.status !== 'draft'),
    patterns: patterns.items,
  };
}
