import { describeUnknownId } from './content-errors.ts';
import { preferredSpelling } from './lint/consistency.ts';
import { slugify } from './slugify.ts';
import { parseTimestampInput } from './timestamps.ts';
import type { ScaffoldCatalog, ScaffoldInput } from './scaffold.ts';

/** How the prompts talk to the author (a terminal in the CLI, a script in tests). */
export interface PromptIO {
  /** Shows `question` and resolves with the line typed. */
  ask(question: string): Promise<string>;
  /** Shows a line of information. */
  say(text: string): void;
}

/** Values already given as flags; only the missing ones are asked for. */
export interface ScaffoldAnswers {
  title?: string;
  severity?: string;
  started?: Date;
  services?: string[];
  tags?: string[];
  summary?: string;
  owner?: string;
  /** A near miss: no severity is asked for. */
  nearMiss?: boolean;
}

/** A question asked until the answer is valid (five tries, then the author is told to use flags). Shared with the importers. */
export async function askUntilValid<T>(
  io: PromptIO,
  question: string,
  read: (answer: string) => { value: T } | { problem: string },
): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = read((await io.ask(question)).trim());
    if ('value' in result) return result.value;
    io.say(`  ${result.problem}`);
  }
  throw new Error(`no valid answer to "${question.trim()}" after 5 tries`);
}

const list = (answer: string) =>
  answer
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Tags are split at commas only: "config change" is one (misspelt) tag, not two. */
const tagList = (answer: string) =>
  answer
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Asks for whatever `given` lacks, suggesting services from the catalog and tags already in use. */
export async function promptForScaffold(
  given: ScaffoldAnswers,
  catalog: ScaffoldCatalog & { tagCounts: ReadonlyMap<string, number> },
  io: PromptIO,
  now: Date,
): Promise<Omit<ScaffoldInput, 'slug' | 'authors'>> {
  const title =
    given.title ??
    (await askUntilValid(io, 'Title (one line, what users saw): ', (a) =>
      a
        ? a.length <= 200
          ? { value: a }
          : { problem: `${a.length} characters; at most 200` }
        : { problem: 'a title is required' },
    ));

  const severity =
    given.severity ??
    (given.nearMiss
      ? undefined
      : await askUntilValid(
          io,
          `Severity (${catalog.severities.join(', ')}; ${catalog.severities[0]} is the worst): `,
          (a) => {
            const level = catalog.severities.find((s) => s.toLowerCase() === a.toLowerCase());
            return level ? { value: level } : { problem: `expected one of ${catalog.severities.join(', ')}` };
          },
        ));

  const started =
    given.started ??
    (await askUntilValid(io, 'Impact started (e.g. 2026-11-20T14:02Z or 2026-11-20 16:02+02:00, or "now"): ', (a) => {
      const result = parseTimestampInput(a, now);
      return result.ok ? { value: result.date } : { problem: result.message };
    }));

  let services = given.services;
  if (services === undefined) {
    io.say(`Services in the catalog: ${catalog.serviceIds.join(', ') || '(none)'}`);
    services = await askUntilValid(io, 'Services affected (comma-separated ids, Enter for none): ', (a) => {
      const ids = list(a);
      const unknown = ids.filter((id) => !catalog.serviceIds.includes(id));
      return unknown.length === 0
        ? { value: ids }
        : {
            problem: unknown
              .map((id) => describeUnknownId(id, 'a service in the catalog', catalog.serviceIds))
              .join('; '),
          };
    });
  }

  let tags = given.tags;
  if (tags === undefined) {
    const popular = [...catalog.tagCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 24);
    if (popular.length > 0) io.say(`Tags in use: ${popular.map(([tag, n]) => `${tag} (${n})`).join(', ')}`);
    tags = await askUntilValid(io, 'Tags (comma-separated, kebab-case, Enter for none): ', (a) => {
      const values = tagList(a);
      const bad = values.find((t) => slugify(t) !== t);
      if (bad) {
        const fixed = slugify(bad);
        const used = catalog.tagCounts.has(fixed)
          ? fixed
          : preferredSpelling(fixed, new Map([...catalog.tagCounts, [fixed, 0]]));
        return {
          problem: `"${bad}" is not lowercase kebab-case; ${used ? `the corpus already uses "${used}"` : `try "${fixed}"`}`,
        };
      }
      for (const tag of values) {
        const preferred = catalog.tagCounts.has(tag)
          ? undefined
          : preferredSpelling(tag, new Map([...catalog.tagCounts, [tag, 0]]));
        if (preferred) io.say(`  note: "${tag}" is new; the corpus already uses "${preferred}"`);
      }
      return { value: values };
    });
  }

  const summary = given.summary ?? (await io.ask('Summary (one to three sentences, Enter to write it later): ')).trim();
  const owner = given.owner ?? (await io.ask('Owner of the review (team or person, Enter to skip): ')).trim();
  return {
    title,
    severity,
    ...(given.nearMiss ? { nearMiss: true } : {}),
    started,
    services,
    tags,
    ...(summary ? { summary } : {}),
    ...(owner ? { owner } : {}),
  };
}
