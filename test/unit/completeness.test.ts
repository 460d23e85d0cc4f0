import { describe, expect, test } from 'vitest';
import { COMPLETENESS_RULES, isRealOwner, rulesOf, type ChecklistStepId } from '../../src/lib/completeness.ts';
import type { RuleId } from '../../src/lib/lint/rules.ts';
import { parseRawData } from '../../src/lib/raw-frontmatter.ts';
import { getCompleteness } from '../../src/lib/stats/completeness.ts';
import { createIncidentSchema } from '../../src/schemas/incident.ts';
import { lintText, review, SECTIONS } from './lint-helpers.ts';

const TODAY = '2024-04-01';
const schema = createIncidentSchema(['SEV1', 'SEV2', 'SEV3', 'SEV4']);

/** The lint rule and the checklist step that judge the same thing. */
const PAIRS: [RuleId, ChecklistStepId][] = [
  ['owner', 'owner'],
  ['contributing-factors', 'factors'],
  ['timeline-detection', 'timeline'],
  ['action-items', 'actions'],
];

/** Each side's verdict per pair for one review text: does it pass? `checklist` is undefined when the build refuses the text. */
function verdicts(text: string) {
  const findings = lintText(text);
  const parsed = schema.safeParse(parseRawData(text, false));
  const checks = parsed.success ? getCompleteness(parsed.data, TODAY).checks : undefined;
  return PAIRS.map(([rule, step]) => ({
    rule,
    lint: !findings.some((f) => f.rule === rule),
    checklist: checks ? checks.find((c) => c.id === step)!.done : undefined,
  }));
}

const item = (owner: unknown) => ({
  title: 'Add a canary stage',
  ...(owner === undefined ? {} : { owner }),
  status: 'done',
  type: 'prevent',
});

describe('lint and the review checklist agree', () => {
  test.each<[string, Record<string, unknown>, RuleId | undefined]>([
    ['a complete review', {}, undefined],
    ['owner "platform"', { owner: 'platform' }, undefined],
    ['owner "Priya (tbd-team lead)"', { owner: 'Priya (tbd-team lead)' }, undefined],
    ['no owner', { owner: null }, 'owner'],
    ['owner "TBD"', { owner: 'TBD' }, 'owner'],
    ['owner "TODO"', { owner: 'TODO' }, 'owner'],
    ['owner "?"', { owner: '?' }, 'owner'],
    ['owner " n/a "', { owner: ' n/a ' }, 'owner'],
    ['owner "unassigned"', { owner: 'unassigned' }, 'owner'],
    ['no contributing factors', { contributingFactors: [] }, 'contributing-factors'],
    [
      'no detection entry',
      { timeline: [{ at: '2024-03-05T14:30:00Z', event: 'Rolled back', kind: 'mitigation' }] },
      'timeline-detection',
    ],
    ['no action items', { actionItems: [] }, 'action-items'],
    ['an action item owned by "TBD"', { actionItems: [item('network'), item('TBD')] }, 'action-items'],
    ['an action item owned by "-"', { actionItems: [item('-')] }, 'action-items'],
  ])('%s', (_name, overrides, failing) => {
    const expected = PAIRS.map(([rule]) => ({ rule, lint: rule !== failing, checklist: rule !== failing }));
    expect(verdicts(review(SECTIONS, overrides))).toEqual(expected);
  });

  test('an owner the build refuses ("", a blank) fails every rule that reads it, on both sides', () => {
    for (const owner of ['', '   ']) {
      const text = review(SECTIONS, { owner });
      expect(verdicts(text).find((v) => v.rule === 'owner')).toEqual({
        rule: 'owner',
        lint: false,
        checklist: undefined,
      });
      expect(lintText(text).map((f) => f.rule)).toContain('frontmatter');
      expect(COMPLETENESS_RULES.owner.passes({ owner }, TODAY)).toBe(false);
    }
  });

  test('an open action item without a due date fails the checklist only: lint does not ask for due dates', () => {
    const text = review(SECTIONS, {
      actionItems: [{ title: 'Canary', owner: 'network', status: 'open', type: 'prevent' }],
    });
    expect(verdicts(text).find((v) => v.rule === 'action-items')).toEqual({
      rule: 'action-items',
      lint: true,
      checklist: false,
    });
    expect(rulesOf({ step: 'actions' })).toEqual(['actionItemsListed', 'actionItemsOwned', 'actionItemsDue']);
    expect(rulesOf({ lint: 'action-items' })).toEqual(['actionItemsListed', 'actionItemsOwned']);
  });
});

describe('isRealOwner', () => {
  test.each([
    ['platform', true],
    ['A.K.', true],
    ['Todd', true],
    ['TBD', false],
    ['tbc', false],
    ['ToDo', false],
    ['unknown', false],
    ['None', false],
    ['nobody', false],
    ['N/A', false],
    ['???', false],
    ['--', false],
    ['', false],
    ['  ', false],
    [undefined, false],
    [42, false],
  ])('%j → %s', (owner, real) => {
    expect(isRealOwner(owner)).toBe(real);
  });
});
