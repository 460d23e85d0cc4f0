import { describeUnknownId } from './content-errors.ts';
import { toCalendarDate } from './dates.ts';
import { stringifyFrontmatter } from './review-file.ts';
import { slugify } from './slugify.ts';
import { toUtcTimestamp } from './timestamps.ts';

/** What an author tells `npm run new`. */
export interface ScaffoldInput {
  title: string;
  /** Required for an incident; a near miss may leave it out. */
  severity?: string | undefined;
  /** Scaffold a near miss (`kind: near-miss`) with its shorter skeleton. */
  nearMiss?: boolean;
  started: Date;
  services: string[];
  tags: string[];
  /** One to three sentences; a placeholder is written when absent. */
  summary?: string;
  owner?: string;
  authors?: string[];
  /** Overrides the slug derived from the title. */
  slug?: string;
}

/** What the catalog and corpus allow. */
export interface ScaffoldCatalog {
  severities: readonly string[];
  serviceIds: readonly string[];
}

/**
 * The narrative sections good reviews have, each with the one-line prompt written under it.
 * Lists (contributing factors, what went well/wrong, where we got lucky) go in the frontmatter,
 * not here: the page shows each once (src/lib/owned-sections.ts).
 */
export const REVIEW_SECTIONS = [
  {
    heading: 'How we got here',
    prompt:
      'The conditions already in place: earlier decisions, deferred work, how the system was built. Describe them as they looked at the time.',
  },
  {
    heading: 'What happened',
    prompt:
      'The story from the first signal to the all clear: what people saw, what they thought it meant, what they tried, and why it made sense then.',
  },
  {
    heading: 'What was hard',
    prompt: 'Where the response struggled: missing information, confusing signals, slow or risky tools.',
  },
  {
    heading: 'What we learned',
    prompt:
      'What the organisation now knows about its systems and its ways of working, and the action items that follow.',
  },
] as const;

/** The shorter skeleton of a near miss: what almost happened, what stopped it, what it taught. */
export const NEAR_MISS_SECTIONS = [
  { heading: 'What happened', prompt: 'What was about to go wrong, how far it got, and who or what noticed.' },
  {
    heading: 'What stopped it',
    prompt: 'The check, person, habit or luck that caught it in time. Would it catch it again?',
  },
  {
    heading: 'Contributing factors',
    prompt:
      'The conditions that let it get this far (the same ones an outage would have had). List them in contributingFactors too.',
  },
  { heading: 'What we learned', prompt: 'What the organisation now knows, and the action items that follow.' },
] as const;

/** The summary written when the author gives none (valid, and obviously unfinished). */
export const PLACEHOLDER_SUMMARY =
  'To be written: what happened and what it meant for users, in one to three sentences.';

/** `checkout-errors-after-resolver-change` from a title: at most six words and 48 characters. */
export function slugForTitle(title: string): string {
  const words = slugify(title).split('-').filter(Boolean).slice(0, 6);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 48) break;
    slug = next;
  }
  return slug || 'incident';
}

/** The review id: the UTC date impact started, then the slug (`2026-11-20-checkout-errors`). */
export function reviewIdFor(started: Date, titleOrSlug: string, explicitSlug = false): string {
  const slug = explicitSlug ? slugify(titleOrSlug) : slugForTitle(titleOrSlug);
  return `${toCalendarDate(started)}-${slug || 'incident'}`;
}

/** Problems with the input, one sentence each (empty when it can be scaffolded). */
export function checkScaffoldInput(input: ScaffoldInput, catalog: ScaffoldCatalog): string[] {
  const problems: string[] = [];
  if (!input.title.trim()) problems.push('the title is empty');
  if (input.title.trim().length > 200)
    problems.push(`the title has ${input.title.trim().length} characters; at most 200 are allowed`);
  const { severity } = input;
  if (severity === undefined) {
    if (!input.nearMiss)
      problems.push(
        `a severity is required (one of ${catalog.severities.join(', ')}); only a near miss may leave it out`,
      );
  } else if (!catalog.severities.some((s) => s.toLowerCase() === severity.trim().toLowerCase())) {
    problems.push(`severity "${severity}" is not one of ${catalog.severities.join(', ')}`);
  }
  for (const service of input.services) {
    if (!catalog.serviceIds.includes(service))
      problems.push(`service ${describeUnknownId(service, 'a service in the catalog', catalog.serviceIds)}`);
  }
  for (const tag of input.tags) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(tag))
      problems.push(`tag "${tag}" is not lowercase kebab-case (try "${slugify(tag)}")`);
  }
  if (input.slug !== undefined && !slugify(input.slug)) problems.push(`slug "${input.slug}" has no letters or digits`);
  return problems;
}

/** The severity in its configured spelling (`sev2` → `SEV2`). */
export function canonicalSeverity(severity: string, severities: readonly string[]): string {
  return severities.find((s) => s.toLowerCase() === severity.trim().toLowerCase()) ?? severity;
}

/** The new review's file text: valid frontmatter with `status: draft`, hints, and the section skeleton. */
export function renderScaffold(input: ScaffoldInput, catalog: ScaffoldCatalog): string {
  if (input.nearMiss) return renderNearMissScaffold(input, catalog);
  const started = toUtcTimestamp(input.started);
  const data = draftFrontmatter(input, started, {
    severity: canonicalSeverity(input.severity ?? '', catalog.severities),
  });
  const hints = [
    'Fill these in as the review takes shape (docs/authoring.md describes every field):',
    `detected: ${started}        # when the organisation noticed`,
    'mitigated:                           # when impact stopped growing',
    'resolved:                            # when it was over (absent = ongoing)',
    'impact: { description: …, customersAffected: … }',
    'detection: { method: alert, source: … }   # alert | customer-report | employee-report | synthetic | other',
    'trigger: …                           # the event that set it off',
    'contributingFactors:                 # the conditions that together allowed it (rarely one cause); shown as "Contributing factors"',
    '  - { description: …, category: … }',
    'lessons:                             # shown as "What went well", "What went wrong", "Where we got lucky"',
    '  wentWell: [ … ]                    # what helped the response: tools, practices, people',
    '  wentWrong: [ … ]',
    '  gotLucky: [ … ]                    # what limited the damage by chance rather than by design',
    'participants:                        # incident-commander | responder | communications | scribe | subject-matter-expert | observer',
    '  - { name: A.K., role: incident-commander, team: … }',
    'timeline:                            # detection | escalation | action | mitigation | resolution | communication | observation',
    `  - { at: ${started}, event: …, kind: detection }`,
    'actionItems:                         # type: prevent | mitigate | detect | process',
    '  - { title: …, owner: …, status: open, type: prevent, due: YYYY-MM-DD }',
  ]
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  return scaffoldFile(data, hints, REVIEW_SECTIONS);
}

/** A near miss: `kind: near-miss`, no severity unless given, fewer hints and the shorter skeleton. */
function renderNearMissScaffold(input: ScaffoldInput, catalog: ScaffoldCatalog): string {
  const started = toUtcTimestamp(input.started);
  const data = draftFrontmatter(input, started, {
    kind: 'near-miss',
    severity: input.severity === undefined ? undefined : canonicalSeverity(input.severity, catalog.severities),
  });
  const hints = [
    'A near miss needs no severity and no impact (docs/authoring.md describes every field):',
    `detected: ${started}        # optional: when someone noticed`,
    'detection: { method: alert, source: … }   # what caught it: alert | customer-report | employee-report | synthetic | other',
    'contributingFactors:',
    '  - { description: …, category: … }',
    'timeline:',
    `  - { at: ${started}, event: …, kind: detection, key: true }`,
    'actionItems:                         # type: prevent | mitigate | detect | process',
    '  - { title: …, owner: …, status: open, type: prevent, due: YYYY-MM-DD }',
  ]
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  return scaffoldFile(data, hints, NEAR_MISS_SECTIONS);
}

/** The frontmatter every new review starts with; `extra` (severity, kind) sits after `status` as authors expect. */
function draftFrontmatter(
  input: ScaffoldInput,
  started: string,
  extra: { kind?: string; severity: string | undefined },
) {
  return {
    title: input.title.trim(),
    summary: input.summary?.trim() || PLACEHOLDER_SUMMARY,
    status: 'draft',
    ...(extra.kind ? { kind: extra.kind } : {}),
    severity: extra.severity,
    started,
    services: input.services,
    tags: input.tags,
    owner: input.owner?.trim() || undefined,
    authors: input.authors ?? [],
    visibility: 'internal',
  };
}

/** Frontmatter, commented hints and one `##` section with its prompt per skeleton entry. */
function scaffoldFile(
  data: Record<string, unknown>,
  hints: string,
  sections: readonly { heading: string; prompt: string }[],
): string {
  const body = sections.map(({ heading, prompt }) => `## ${heading}\n\n{/* ${prompt} */}\n`).join('\n');
  return `---\n${stringifyFrontmatter(data)}${hints}\n---\n\n${body}`;
}
