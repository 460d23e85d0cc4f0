import { describe, expect, test } from 'vitest';
import { parseLintConfig } from '../../src/lib/lint/config.ts';
import { isNearDuplicateTag, preferredSpelling } from '../../src/lib/lint/consistency.ts';
import { formatHuman, formatJson } from '../../src/lib/lint/format.ts';
import type { Finding } from '../../src/lib/lint/rules.ts';
import { COMPLETE, lintText, review, SECTIONS, where } from './lint-helpers.ts';

const rules = (findings: readonly Finding[]) => findings.map((f) => `${f.rule}:${f.severity}`);

describe('a complete review', () => {
  test('has no findings', () => {
    expect(lintText(review(SECTIONS))).toEqual([]);
  });
});

describe('completeness', () => {
  test.each([
    ['a missing section', review('## What happened\n\nText.\n'), ['required-sections:error']],
    ['an empty section', review(SECTIONS.replace('Staged rollouts.', '{/* later */}')), ['required-sections:error']],
    ['no contributing factors', review(SECTIONS, { contributingFactors: null }), ['contributing-factors:error']],
    ['no action items', review(SECTIONS, { actionItems: null }), ['action-items:error']],
    [
      'a placeholder owner',
      review(SECTIONS, { actionItems: [{ title: 'x', owner: 'TBD', status: 'open', type: 'detect' }] }),
      ['action-items:error'],
    ],
    ['no detected', review(SECTIONS, { detected: null }), ['detected:error']],
    [
      'a near miss without detected or severity',
      review(SECTIONS, { detected: null, kind: 'near-miss', severity: null }),
      [],
    ],
    [
      'no detection entry',
      review(SECTIONS, { timeline: [{ at: '2024-03-05T14:30:00Z', event: 'Rolled back', kind: 'mitigation' }] }),
      ['timeline-detection:error'],
    ],
    ['published without a date', review(SECTIONS, { published: null }), ['published-date:error']],
  ])('%s', (_name, text, expected) => {
    expect(rules(lintText(text))).toEqual(expected);
  });

  test('"What we learned so far" satisfies "What we learned"; headings match case-insensitively', () => {
    const body = SECTIONS.replace('## What we learned', '## What We Learned so far');
    expect(lintText(review(body))).toEqual([]);
  });

  test('on drafts, completeness findings are warnings (so a fresh draft exits 0)', () => {
    const text = review('## What happened\n\nStill being written.\n', {
      status: 'draft',
      published: null,
      detected: null,
      actionItems: null,
    });
    expect(rules(lintText(text))).toEqual(['action-items:warning', 'detected:warning', 'required-sections:warning']);
  });

  test('a list the frontmatter owns satisfies a required section of that name', () => {
    const config = { requiredSections: ['What happened', 'Contributing factors'] };
    expect(lintText(review(SECTIONS), { config })).toEqual([]);
    const [finding] = lintText(review(SECTIONS, { contributingFactors: null }), { config }).filter(
      (f) => f.rule === 'required-sections',
    );
    expect(finding?.message).toBe('"Contributing factors" has nothing listed: `contributingFactors` is empty');
  });

  test.each([
    ['Contributing factors', 'contributingFactors', ' (which already has 1)'],
    ['What went well', 'lessons.wentWell', ''],
    ['Where we got lucky (a lot)', 'lessons.gotLucky', ''],
  ])('a narrative "%s" section is flagged with the move to make', (heading, field, count) => {
    const findings = lintText(review(`${SECTIONS}\n## ${heading}\n\n- One point.\n`));
    expect(findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        'section-in-frontmatter',
        'warning',
        `the narrative has a "${heading}" section, but that list belongs in \`${field}\`${count}`,
      ],
    ]);
    expect(findings[0]?.suggestion).toMatch(
      new RegExp(`^Move its points into \`${field.replace('.', '\\.')}\` and remove the heading`),
    );
  });

  test('the required sections come from the config', () => {
    const text = review('## Timeline narrative\n\nText.\n');
    expect(lintText(text, { config: { requiredSections: ['Timeline narrative'] } })).toEqual([]);
  });
});

describe('consistency', () => {
  const other = (tags: string[]) => ({ id: 'other', text: review(SECTIONS, { tags }) });

  test.each([
    ['dns', 'DNS', true],
    ['dns', 'dns-outage', true],
    ['certificate-expiry', 'certificate-expiries', true],
    ['cert', 'certs', true],
    ['deploy', 'deploys', true],
    ['config-change', 'confg-change', true],
    ['dns', 'dnssec', false],
    ['leap-day', 'leap-second', false],
    ['tls', 'ttl', false],
  ])('%s vs %s near-duplicate: %s', (a, b, expected) => {
    expect(isNearDuplicateTag(a, b)).toBe(expected);
    expect(isNearDuplicateTag(b, a)).toBe(expected);
  });

  test('the more used spelling is preferred; a tie goes to kebab-case, then the shorter', () => {
    expect(
      preferredSpelling(
        'dns-outage',
        new Map([
          ['dns', 3],
          ['dns-outage', 1],
        ]),
      ),
    ).toBe('dns');
    expect(
      preferredSpelling(
        'dns',
        new Map([
          ['dns', 3],
          ['dns-outage', 1],
        ]),
      ),
    ).toBeUndefined();
    expect(
      preferredSpelling(
        'DNS',
        new Map([
          ['dns', 1],
          ['DNS', 1],
        ]),
      ),
    ).toBe('dns');
  });

  test('tag format is an error with the fixed spelling; a near-duplicate is a warning', () => {
    const findings = lintText(review(SECTIONS, { tags: ['DNS', 'config_change'] }), { others: [other(['dns'])] });
    expect(findings.map((f) => `${f.rule}:${f.severity}:${f.suggestion ?? ''}`)).toEqual([
      'tag-format:error:Use "dns".',
      'tag-near-duplicate:warning:Use "dns" so both reviews appear on one tag page, or disable this rule for the line if they differ on purpose.',
      'tag-format:error:Use "config-change".',
    ]);
  });

  test('open or in-progress action items past due are warnings; done ones and due today are not', () => {
    const actionItems = [
      { title: 'Late', owner: 'a', status: 'open', type: 'detect', due: '2024-03-31' },
      { title: 'Late too', owner: 'a', status: 'in-progress', type: 'detect', due: '2024-01-01' },
      { title: 'Done', owner: 'a', status: 'done', type: 'detect', due: '2024-01-01' },
      { title: 'Today', owner: 'a', status: 'open', type: 'detect', due: '2024-04-01' },
    ];
    const findings = lintText(review(SECTIONS, { actionItems }), { today: '2024-04-01' });
    expect(findings.map((f) => f.message)).toEqual([
      'action item "Late" was due 2024-03-31 and is still open',
      'action item "Late too" was due 2024-01-01 and is still in-progress',
    ]);
    expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(['warning']));
  });
});

describe('validity', () => {
  test('a schema problem points at the field, with the build error wording', () => {
    const text = review(SECTIONS, { severity: 'SEV9', started: '2024-03-05T14:02:00' });
    const findings = lintText(text).filter((f) => f.rule === 'frontmatter');
    const lineOf = (prefix: string) => text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
    expect(findings.map((f) => `${f.line}:${f.message}`)).toEqual([
      `${lineOf('severity:')}:severity "SEV9": expected one of SEV1, SEV2, SEV3, SEV4`,
      `${lineOf('started:')}:started "2024-03-05T14:02:00" has no timezone offset: add Z for UTC or an offset such as +02:00`,
    ]);
  });

  test('unknown services and related reviews name the known ids', () => {
    const findings = lintText(review(SECTIONS, { services: ['checkout-apl'], related: ['nope'] }), {
      others: [{ id: 'other', text: review(SECTIONS) }],
    });
    expect(findings.map((f) => f.message)).toEqual([
      'services[0] "checkout-apl" is not a service (did you mean checkout-api? known: checkout-api, edge-dns)',
      'related[0] "nope" is not an incident (known: 2024-03-05-x, other)',
    ]);
  });

  test('broken YAML and missing frontmatter are reported, not thrown', () => {
    const broken = lintText('---\ntitle: [unclosed\n---\n\nText.\n');
    expect(broken.length).toBeGreaterThan(0);
    expect(broken.every((f) => f.rule === 'frontmatter' && f.message.startsWith('YAML: '))).toBe(true);
    expect(where(lintText('No frontmatter here.\n'))).toEqual(['frontmatter@1:1']);
  });

  test('an MDX syntax error gives its line and column in the file', () => {
    const text = review(`${SECTIONS}\nA stray <div> never closed.\n`);
    const line = text.split('\n').findIndex((l) => l.startsWith('A stray')) + 1;
    const findings = lintText(text);
    expect(where(findings)).toEqual([`mdx-syntax@${line}:9`]);
    expect(findings[0]?.message).toMatch(/^MDX: Expected a closing tag for `<div>`/);
  });
});

describe('config file', () => {
  test('valid settings', () => {
    expect(
      parseLintConfig(
        { rules: { just: 'warning', 'failed-to': 'off' }, requiredSections: ['What happened'] },
        'hindsight-lint.yaml',
      ),
    ).toEqual({
      rules: { just: 'warning', 'failed-to': 'off' },
      requiredSections: ['What happened'],
    });
    expect(parseLintConfig(null, 'x').requiredSections).toEqual(['What happened', 'What we learned']);
  });

  test('unknown rules, levels and keys are refused with what was expected', () => {
    expect(() => parseLintConfig({ rules: { jsut: 'off' } }, 'hindsight-lint.yaml')).toThrow(
      'hindsight-lint.yaml: rules.jsut "jsut" is not a rule (did you mean just? known:',
    );
    expect(() => parseLintConfig({ rules: { just: 'loud' } }, 'h.yaml')).toThrow(
      'h.yaml: rules.just "loud": expected one of error, warning, off',
    );
    expect(() => parseLintConfig({ rule: {} }, 'h.yaml')).toThrow('h.yaml: (the file) has unknown field(s) rule');
  });
});

describe('output', () => {
  const findings: Finding[] = [
    {
      rule: 'just',
      severity: 'error',
      file: 'a.mdx',
      line: 3,
      column: 7,
      endLine: 3,
      endColumn: 19,
      message: '"just restart" makes it sound trivial',
      suggestion: 'Drop "just".',
    },
    {
      rule: 'overdue-action',
      severity: 'warning',
      file: 'a.mdx',
      line: 9,
      column: 1,
      endLine: 9,
      endColumn: 4,
      message: 'action item "x" is late',
    },
  ];

  test('human output: file:line:column, level, message, rule, suggestion, summary', () => {
    expect(formatHuman(findings, 2)).toMatchInlineSnapshot(`
      "a.mdx:3:7  error    "just restart" makes it sound trivial  [just]
          → Drop "just".
      a.mdx:9:1  warning  action item "x" is late  [overdue-action]
      ✗ 2 reviews checked: 1 error, 1 warning.
      "
    `);
    expect(formatHuman([], 1)).toBe('✓ 1 review checked, no problems.\n');
  });

  test('JSON output carries counts and every field', () => {
    expect(JSON.parse(formatJson(findings, 2))).toEqual({ files: 2, errors: 1, warnings: 1, findings });
  });
});

test('COMPLETE is valid input for the helpers (guards the fixtures above)', () => {
  expect(COMPLETE.status).toBe('published');
});
