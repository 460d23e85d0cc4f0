import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { ContentError } from './content-errors.ts';
import { loadSiteConfig } from './site-config-file.ts';
import { idFromPath } from './content-ids.ts';

/** One review file on disk. */
export interface ReviewFile {
  /** Incident id (`2024-03-05-x` for `2024-03-05-x.mdx` and `2024-03-05-x/index.mdx`). */
  id: string;
  /** Absolute path. */
  path: string;
  /** File contents. */
  text: string;
}

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
  /** Severity levels from `hindsight.yaml` (worst first). */
  severities: string[];
}

/** The same files Astro's loader reads: `**\/[^_]*.{md,mdx}` under `incidents/`. */
const REVIEW_FILE = /(?:^|\/)[^_/][^/]*\.mdx?$/i;
const YAML_FILE = /\.ya?ml$/i;

/** Reads a content root from disk (file system only: no clock, no environment). */
export function readContent(root: string): ContentSnapshot {
  const absolute = resolve(root);
  const incidentsDir = join(absolute, 'incidents');
  if (!existsSync(incidentsDir) || !statSync(incidentsDir).isDirectory()) {
    throw new ContentError([`${absolute} has no incidents/ folder: is this a Hindsight content root? (set HINDSIGHT_CONTENT to your content folder)`]);
  }
  const incidents = listFiles(incidentsDir, REVIEW_FILE).map((entry) => ({
    id: idFromPath(entry),
    path: join(incidentsDir, entry),
    text: readFileSync(join(incidentsDir, entry), 'utf8'),
  }));
  const servicesDir = join(absolute, 'services');
  const serviceIds = existsSync(servicesDir) ? listFiles(servicesDir, YAML_FILE).map(idFromPath) : [];
  return {
    root: absolute,
    incidentsDir,
    incidents: incidents.sort((a, b) => a.id.localeCompare(b.id)),
    serviceIds: serviceIds.sort(),
    severities: readSeverities(absolute),
  };
}

/** Relative, `/`-separated paths of the files under `dir` whose path matches `pattern`. */
function listFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => entry.split(sep).join('/'))
    .filter((entry) => pattern.test(entry) && statSync(join(dir, entry)).isFile())
    .sort();
}

/** The configured severities, so a tool accepts exactly what the build accepts. */
function readSeverities(root: string): string[] {
  return loadSiteConfig(root).severities;
}
