/**
 * The one file-system reader of a content root: lists a content folder by the layout rule
 * (content-layout.ts) and reads the files for the build's loaders and the CLIs. Validation is
 * corpus.ts. File system only: no clock, no environment.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { SiteConfig } from '../schemas/site-config.ts';
import { ContentError, displayPath } from './content-errors.ts';
import { loadSiteConfig } from './site-config-file.ts';
import { idFromPath } from './content-ids.ts';
import { classifyContentFile, type ContentFolder } from './content-layout.ts';
import { validateCorpus, type Corpus, type ReviewFile } from './corpus.ts';
import { readYamlFile } from './yaml-file.ts';

export type { ReviewFile };

/** What the authoring tools need to know about a content root. */
export interface ContentSnapshot {
  /** Absolute path of the content root. */
  root: string;
  /** Absolute path of its `incidents/` folder. */
  incidentsDir: string;
  /** Every review, sorted by id. */
  incidents: ReviewFile[];
  /** Ids of the services in the catalog, sorted. */
  serviceIds: string[];
  /** `hindsight.yaml`, validated (`drafts` as overridden by the caller). */
  config: SiteConfig;
  /** Severity levels from `hindsight.yaml` (worst first). */
  severities: string[];
  /** `unknownFields` from `hindsight.yaml`: how the build treats a key the schema does not know. */
  unknownFields: 'error' | 'warning';
  /** Files in incidents/, services/ or paths/ that break the layout rule (refused) or that nothing reads. */
  layout: LayoutProblem[];
}

/** A file the layout rule (src/lib/content-layout.ts) refuses or that nothing reads. */
export interface LayoutProblem {
  /** Absolute path. */
  path: string;
  kind: 'refused' | 'unread';
  reason: string;
}

/** The files of one content folder, split by the layout rule. `read` holds relative paths. */
export function scanContentFolder(dir: string, folder: ContentFolder): { read: string[]; problems: LayoutProblem[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { read: [], problems: [] };
  const read: string[] = [];
  const problems: LayoutProblem[] = [];
  for (const entry of listFiles(dir)) {
    const verdict = classifyContentFile(folder, entry);
    if (verdict.kind === 'read') read.push(entry);
    else if (verdict.kind !== 'skipped')
      problems.push({ path: join(dir, entry), kind: verdict.kind, reason: verdict.reason });
  }
  return { read, problems };
}

/** Reads a content root from disk; `drafts`, when given (`HINDSIGHT_DRAFTS`), overrides hindsight.yaml's. */
export function readContent(root: string, drafts?: SiteConfig['drafts']): ContentSnapshot {
  const absolute = resolve(root);
  const incidentsDir = join(absolute, 'incidents');
  if (!existsSync(incidentsDir) || !statSync(incidentsDir).isDirectory()) {
    throw new ContentError([
      `${absolute} has no incidents/ folder: is this a Hindsight content root? (set HINDSIGHT_CONTENT to your content folder)`,
    ]);
  }
  const reviews = scanContentFolder(incidentsDir, 'incidents');
  const incidents = reviews.read.map((entry) => ({
    id: idFromPath(entry),
    path: join(incidentsDir, entry),
    text: readReviewText(join(incidentsDir, entry)),
  }));
  const services = scanContentFolder(join(absolute, 'services'), 'services');
  const paths = scanContentFolder(join(absolute, 'paths'), 'paths');
  return {
    root: absolute,
    incidentsDir,
    incidents: incidents.sort((a, b) => a.id.localeCompare(b.id)),
    serviceIds: services.read.map(idFromPath).sort(),
    ...readSettings(absolute, drafts),
    layout: [...reviews.problems, ...services.problems, ...paths.problems],
  };
}

/** Relative, `/`-separated paths of the files under `dir` (dot-files and dot-folders left out, like the build's globs). */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => entry.split(sep).join('/'))
    .filter((entry) => !/(?:^|\/)\./.test(entry) && statSync(join(dir, entry)).isFile())
    .sort();
}

/** A review's text; bytes that are not UTF-8 are refused with the file and line named. */
export function readReviewText(path: string): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = bytes.toString('utf8');
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw new ContentError([`${displayPath(path)}:${line}: is not UTF-8 text (save the file as UTF-8)`]);
  }
}

/** The settings a tool must share with the build, so it accepts exactly what the build accepts. */
function readSettings(
  root: string,
  drafts?: SiteConfig['drafts'],
): Pick<ContentSnapshot, 'config' | 'severities' | 'unknownFields'> {
  const config = loadSiteConfig(root, drafts);
  return { config, severities: config.severities, unknownFields: config.unknownFields };
}

/** A content root (reviews, patterns.yaml, hindsight.yaml) read and validated as the build does; throws ContentError listing every problem. */
export function loadCorpus(root: string, drafts?: SiteConfig['drafts']): Corpus & { config: SiteConfig } {
  const content = readContent(root, drafts);
  const patternsFile = join(content.root, 'patterns.yaml');
  const corpus = validateCorpus(
    {
      reviews: content.incidents,
      refused: content.layout.filter((p) => p.kind === 'refused'),
      patterns: existsSync(patternsFile) ? { file: patternsFile, data: readYamlFile(patternsFile) } : undefined,
    },
    content.config,
  );
  if (corpus.problems.length > 0) throw new ContentError(corpus.problems);
  return { ...corpus, config: content.config };
}
