import { createIncidentSchema } from '../../schemas/incident.ts';
import type { ReviewFile } from '../content-files.ts';
import { findCompletenessIssues } from './completeness.ts';
import { DEFAULT_LINT_CONFIG, type LintConfig } from './config.ts';
import { findConsistencyIssues, tagsOf } from './consistency.ts';
import { findLanguageIssues } from './language.ts';
import { parseReviewDocument, type ReviewDocument } from './review-document.ts';
import { getRule, type Finding, type RawFinding, type RuleId, type Severity } from './rules.ts';
import { findBrokenLinks, findValidityIssues } from './validity.ts';
import type { SiteIndex } from '../site-links.ts';

/** What the linter reads: the whole corpus (for tags and ids), and which files to report on. */
export interface LintInput {
  /** Every review of the corpus. */
  reviews: readonly ReviewFile[];
  /** Paths to report findings for (default: all reviews). Paths not in `reviews` are ignored. */
  only?: readonly string[];
  /** Ids of the services in the catalog. */
  serviceIds: readonly string[];
  /** Configured severity levels. */
  severities: readonly string[];
  /** Rule levels and required sections. */
  config?: LintConfig;
  /** Today's date, `YYYY-MM-DD`, for overdue action items. */
  today: string;
  /** How a file is named in findings (default: its path). */
  displayPath?: (path: string) => string;
  /** The pages and files of the site, for checking site-root links (not checked when absent). */
  siteIndex?: SiteIndex;
  /** Reviews not to give the MDX parser (path → why: it stalled there), reported as MDX errors. */
  unparsed?: ReadonlyMap<string, string>;
  /** Told before (`start`) and after (`end`) each review is parsed: a watchdog's heartbeat. */
  onParse?: (path: string, phase: 'start' | 'end') => void;
}

/** Lints reviews and returns the findings, sorted by file, line and column. */
export function lintReviews(input: LintInput): Finding[] {
  const config = input.config ?? DEFAULT_LINT_CONFIG;
  const docs = input.reviews.map((review) => {
    input.onParse?.(review.path, 'start');
    const doc = parseReviewDocument(review, input.unparsed?.get(review.path));
    input.onParse?.(review.path, 'end');
    return doc;
  });
  const tagCounts = new Map<string, number>();
  for (const doc of docs) for (const tag of new Set(tagsOf(doc))) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  const incidentIds = input.reviews.map((r) => r.id);
  const wanted = input.only ? new Set(input.only) : undefined;
  const schema = createIncidentSchema(input.severities);
  const findings: Finding[] = [];
  for (const doc of docs) {
    if (wanted && !wanted.has(doc.file.path)) continue;
    findings.push(...lintDocument(doc, { ...input, config, tagCounts, incidentIds, schema }));
  }
  return findings.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

function lintDocument(
  doc: ReviewDocument,
  context: LintInput & {
    config: LintConfig;
    tagCounts: ReadonlyMap<string, number>;
    incidentIds: readonly string[];
    schema: ReturnType<typeof createIncidentSchema>;
  },
): Finding[] {
  const lines = lineStarts(doc.file.text);
  const lineStart = (line: number) => lines[Math.min(Math.max(line, 1), lines.length) - 1]!;
  const participants = participantNames(doc.raw);
  // Without readable frontmatter, completeness and consistency would only repeat that problem.
  const readable = doc.parts.hasFrontmatter && doc.yamlErrors.length === 0;
  const raw: RawFinding[] = [
    ...findValidityIssues(doc, { ...context, lineStart }),
    ...(context.siteIndex ? findBrokenLinks(doc, context.siteIndex) : []),
    ...findLanguageIssues(doc.prose, participants),
    ...(readable ? findCompletenessIssues(doc, context.config.requiredSections, context.today) : []),
    ...(readable ? findConsistencyIssues(doc, context.tagCounts, context.today) : []),
  ];
  const disabled = findDisabledRules(doc.file.text);
  const isDraft = doc.raw['status'] === 'draft';
  const file = context.displayPath ? context.displayPath(doc.file.path) : doc.file.path;
  const findings: Finding[] = [];
  for (const finding of raw) {
    const severity = severityOf(finding.rule, context.config, isDraft);
    if (!severity) continue;
    const start = position(lines, finding.start);
    const end = position(lines, Math.max(finding.end, finding.start));
    if (disabled.get(start.line)?.has(finding.rule) || disabled.get(start.line)?.has('*')) continue;
    findings.push({
      rule: finding.rule,
      severity,
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      message: finding.message,
      ...(finding.suggestion ? { suggestion: finding.suggestion } : {}),
    });
  }
  return findings;
}

/** The configured level of a rule; completeness rules are at most warnings on drafts. */
export function severityOf(rule: RuleId, config: LintConfig, isDraft: boolean): Severity | undefined {
  const meta = getRule(rule);
  const setting = config.rules[rule] ?? meta.severity;
  if (setting === 'off') return undefined;
  return isDraft && meta.category === 'completeness' ? 'warning' : setting;
}

/** Names in `participants` (the raw frontmatter, so a review with other errors still gets this rule). */
function participantNames(raw: Record<string, unknown>): string[] {
  const participants = raw['participants'];
  if (!Array.isArray(participants)) return [];
  return participants.flatMap((p) => {
    const name = (p as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? [name] : [];
  });
}

const DISABLE = /hindsight-disable-(next-)?line\b([^\n]*?)(?:\*\/|$)/gm;

/**
 * Line → rule ids switched off on it by `{/* hindsight-disable-line rule-a, rule-b *\/}` (MDX) or
 * `# hindsight-disable-line rule-a` (frontmatter). No ids means every rule (`*`).
 * `hindsight-disable-next-line` applies to the following line.
 */
export function findDisabledRules(text: string): Map<number, Set<string>> {
  const lines = lineStarts(text);
  const disabled = new Map<number, Set<string>>();
  for (const match of text.matchAll(DISABLE)) {
    const line = position(lines, match.index).line + (match[1] ? 1 : 0);
    // A misspelt id disables nothing (rather than everything); the config loader lists valid ids.
    const ids = match[2]!.split(/[\s,]+/).filter(Boolean);
    const set = disabled.get(line) ?? new Set<string>();
    for (const id of ids.length > 0 ? ids : ['*']) set.add(id);
    disabled.set(line, set);
  }
  return disabled;
}

/** Offsets at which each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset. */
function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}
