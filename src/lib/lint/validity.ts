import type { createIncidentSchema } from '../../schemas/incident.ts';
import { findBuildTimeCode } from '../build-time-code.ts';
import { describeUnknownId, formatSchemaIssues } from '../content-errors.ts';
import { findLinkProblem, findSourceLinks, type SiteIndex } from '../site-links.ts';
import { describeUnknownField, findUnknownFields } from '../unknown-fields.ts';
import { locateField, type ReviewDocument } from './review-document.ts';
import type { RawFinding } from './rules.ts';

/** The incident schema for the configured severities (built once per run). */
type IncidentSchema = ReturnType<typeof createIncidentSchema>;

/** What the build would refuse: unreadable frontmatter, schema violations, dangling ids, broken MDX. */
export function findValidityIssues(
  doc: ReviewDocument,
  context: {
    schema: IncidentSchema;
    serviceIds: readonly string[];
    incidentIds: readonly string[];
    lineStart: (line: number) => number;
  },
): RawFinding[] {
  const findings: RawFinding[] = [];
  if (!doc.parts.hasFrontmatter) {
    findings.push({
      rule: 'frontmatter',
      start: 0,
      end: 0,
      message: 'the file has no frontmatter (it must start with a line "---")',
      suggestion: 'Start from a scaffold: npm run new -- --help.',
    });
  }
  for (const error of doc.yamlErrors) {
    findings.push({ rule: 'frontmatter', start: error.start, end: error.end, message: `YAML: ${error.message}` });
  }
  if (doc.parts.hasFrontmatter && doc.yamlErrors.length === 0 && !doc.rawIsMapping) {
    findings.push({
      rule: 'frontmatter',
      start: doc.parts.frontmatterOffset,
      end: doc.parts.frontmatterOffset,
      message: 'frontmatter must be a mapping of fields (key: value lines), not a list or a single value',
    });
  } else if (doc.parts.hasFrontmatter && doc.yamlErrors.length === 0) {
    for (const field of findUnknownFields(context.schema, doc.raw)) {
      findings.push({ rule: 'unknown-field', ...locateField(doc, field.path), message: describeUnknownField(field) });
    }
    const result = context.schema.safeParse(doc.raw, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) {
        // Tag spelling has its own rule with a suggested fix.
        if (issue.path[0] === 'tags') continue;
        const [line] = formatSchemaIssues('', [issue], doc.raw);
        findings.push({ rule: 'frontmatter', ...locateField(doc, issue.path), message: line!.replace(/^: /, '') });
      }
    }
    findings.push(...findUnknownReferences(doc, context));
  }
  for (const code of findBuildTimeCode(doc.file.text)) {
    const start = context.lineStart(code.line);
    findings.push({
      rule: 'build-time-code',
      start,
      end: start,
      message: `the review ${code.message}`,
      suggestion:
        'Reviews are prose and components; a public build refuses code that runs at build time or in the reader\'s browser (docs/authoring.md, "Trust model").',
    });
  }
  if (doc.mdxError) {
    const start = context.lineStart(doc.mdxError.line) + doc.mdxError.column - 1;
    findings.push({
      rule: 'mdx-syntax',
      start,
      end: start,
      message: `MDX: ${doc.mdxError.message}`,
      suggestion: 'Write a bare < or { as \\< or \\{ (or in a `code span`), and comments as {/* … */}.',
    });
  }
  return findings;
}

function findUnknownReferences(
  doc: ReviewDocument,
  context: { serviceIds: readonly string[]; incidentIds: readonly string[] },
): RawFinding[] {
  const findings: RawFinding[] = [];
  const check = (field: 'services' | 'related', known: readonly string[], noun: string) => {
    const values = doc.raw[field];
    if (!Array.isArray(values)) return;
    values.forEach((value, index) => {
      if (typeof value !== 'string' || known.includes(value)) return;
      findings.push({
        rule: 'unknown-reference',
        ...locateField(doc, [field, index]),
        message: `${field}[${index}] ${describeUnknownId(value, noun, known)}`,
      });
    });
  };
  check('services', context.serviceIds, 'a service');
  check('related', context.incidentIds, 'an incident');
  return findings;
}

/** Site-root links in the body that name no page of the site (the build refuses them too). */
export function findBrokenLinks(doc: ReviewDocument, index: SiteIndex): RawFinding[] {
  return findSourceLinks(doc.parts.body, doc.parts.bodyOffset).flatMap(({ href, start, end }) => {
    const message = findLinkProblem(href, index);
    return message
      ? [
          {
            rule: 'broken-link' as const,
            start,
            end,
            message,
            suggestion: 'Link an existing page from the site root, e.g. /incidents/<id>/.',
          },
        ]
      : [];
  });
}
