import { stringify } from 'yaml';
import { DEFAULT_LINT_CONFIG, type LintConfig } from '../../src/lib/lint/config.ts';
import { lintReviews } from '../../src/lib/lint/lint.ts';
import type { Finding } from '../../src/lib/lint/rules.ts';

/** Frontmatter of a complete, published review that passes every rule. */
export const COMPLETE = {
  title: 'Checkout errors after resolver change',
  summary: 'A resolver change made checkout fail for an hour.',
  status: 'published',
  severity: 'SEV2',
  started: '2024-03-05T14:02:00Z',
  detected: '2024-03-05T14:09:00Z',
  published: '2024-03-12',
  services: ['checkout-api'],
  tags: ['dns'],
  owner: 'platform',
  contributingFactors: [{ description: 'No canary stage for resolver config' }],
  participants: [
    { name: 'A.K.', role: 'incident-commander' },
    { name: 'Jordan Lee', role: 'responder' },
  ],
  timeline: [{ at: '2024-03-05T14:09:00Z', event: 'Alert fired', kind: 'detection' }],
  actionItems: [{ title: 'Add a canary stage', owner: 'network', status: 'done', type: 'prevent' }],
};

/** The sections the default config requires, each with a sentence. */
export const SECTIONS =
  '## What happened\n\nThe resolver config changed.\n\n## How we got here\n\nSeveral.\n\n## What we learned\n\nStaged rollouts.\n';

/** A review file: COMPLETE with `overrides` (a `null` value deletes the key), then `body`. */
export function review(body: string, overrides: Record<string, unknown> = {}): string {
  const data: Record<string, unknown> = { ...COMPLETE, ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === null) delete data[key];
  return `---\n${stringify(data)}---\n\n${body}`;
}

/** Lints one review text (alongside `others`) and returns its findings. */
export function lintText(
  text: string,
  options: { config?: Partial<LintConfig>; today?: string; others?: { id: string; text: string }[] } = {},
): Finding[] {
  const reviews = [
    { id: '2024-03-05-x', path: 'incidents/2024-03-05-x.mdx', text },
    ...(options.others ?? []).map((o) => ({ ...o, path: `incidents/${o.id}.mdx` })),
  ];
  return lintReviews({
    reviews,
    only: ['incidents/2024-03-05-x.mdx'],
    serviceIds: ['checkout-api', 'edge-dns'],
    severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
    config: { ...DEFAULT_LINT_CONFIG, ...options.config },
    today: options.today ?? '2024-04-01',
  });
}

/** `rule@line:column` for compact assertions. */
export const where = (findings: readonly Finding[]) => findings.map((f) => `${f.rule}@${f.line}:${f.column}`);
