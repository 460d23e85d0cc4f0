import { describe, expect, test } from 'vitest';
import { lintText, review, SECTIONS, where } from './lint-helpers.ts';

/** Findings for one sentence placed in an otherwise clean review. */
function rulesFor(sentence: string): string[] {
  const text = review(`${SECTIONS}\n## What was hard\n\n${sentence}\n`);
  return lintText(text).map((f) => f.rule);
}

describe('blame-aware language: flagged', () => {
  test.each([
    ['It was human error.', 'human-error'],
    ['An operator-error ticket was filed.', 'human-error'],
    ['The engineer should have checked.', 'should-have'],
    ["They shouldn't have deployed on Friday.", 'should-have'],
    ["We should've waited.", 'should-have'],
    ['The job failed to start.', 'failed-to'],
    ['Deploys sometimes fail to roll out.', 'failed-to'],
    ['A careless edit.', 'judgemental-words'],
    ['That was negligent.', 'judgemental-words'],
    ['Sloppy reviews.', 'judgemental-words'],
    ['The root cause was DNS.', 'root-cause'],
    ['We did a root-cause analysis.', 'root-cause'],
    ['Obviously the cache was stale.', 'obviously'],
    ['It was obvious that the disk was full.', 'obviously'],
    ['The fix was to just restart the pods.', 'just'],
    ['You simply run the script.', 'just'],
    ['They just needed to ask.', 'just'],
    ['If only we had known.', 'counterfactual'],
    ['A canary could have prevented this.', 'counterfactual'],
    ["A canary could've caught it.", 'counterfactual'],
    ['It would not have happened with a lock.', 'counterfactual'],
    ['A.K. forgot to drain the node.', 'blamed-participant'],
    ['Jordan Lee missed the alert.', 'blamed-participant'],
    ['Jordan accidentally broke the build.', 'blamed-participant'],
    ["A.K. didn't check the diff.", 'blamed-participant'],
    ["It was Jordan Lee's mistake.", 'blamed-participant'],
  ])('%s → %s', (sentence, rule) => {
    expect(rulesFor(sentence)).toEqual([rule]);
  });
});

describe('blame-aware language: not flagged', () => {
  test.each([
    ['Just before 14:02 the errors began.'],
    ['The pod had just restarted.'],
    ['It was just after midnight.'],
    ['The root causes were several.'],
    ['It was not obvious from the graphs.'],
    ['Jordan Lee restarted the resolvers.'],
    ['A.K. noticed the alert.'],
    ['The humane error budget policy.'],
    ['We ran `just restart` from the runbook.'],
    ['See [the runbook](https://wiki.example/human-error/should-have).'],
    ['<abbr title="human error">HE</abbr> is a term we avoid.'],
    ['{/* human error, should have, root cause */}'],
    ['```\nhuman error; should have; just restart; root cause\n```'],
    ['A lazy-loaded module.'],
  ])('%s', (sentence) => {
    expect(rulesFor(sentence)).toEqual([]);
  });
});

describe('positions and frontmatter', () => {
  test('reports line and column of the phrase in the file', () => {
    const text = review(`${SECTIONS}\nLine one.\nThen the   root\ncause appeared.\n`);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('the   root')) + 1;
    expect(where(lintText(text))).toEqual([`root-cause@${line}:12`]);
    const [finding] = lintText(text);
    expect(finding).toMatchObject({ endLine: line + 1, endColumn: 6, severity: 'error' });
  });

  test('counts columns after emoji and accents as the file does', () => {
    const text = review(`${SECTIONS}\n🔥 Café: it was human error.\n`);
    const [finding] = lintText(text);
    expect(finding?.column).toBe('🔥 Café: it was '.length + 1);
  });

  test('prose frontmatter values are linted, keys and identifiers are not', () => {
    const text = review(SECTIONS, {
      summary: 'The outage was human error.',
      trigger: 'Obviously a bad deploy.',
      owner: 'just-restart-team',
      tags: ['dns'],
      'root cause': 'a key, not prose',
    });
    const findings = lintText(text).filter((f) => f.rule !== 'frontmatter' && f.rule !== 'unknown-field');
    expect(findings.map((f) => `${f.rule}:${text.split('\n')[f.line - 1]}`)).toEqual([
      'human-error:summary: The outage was human error.',
      'obviously:trigger: Obviously a bad deploy.',
    ]);
  });

  test('timeline events and contributing factors are prose', () => {
    const text = review(SECTIONS, {
      timeline: [{ at: '2024-03-05T14:09:00Z', event: 'A.K. forgot the flag', kind: 'detection' }],
      contributingFactors: [{ description: 'A careless review' }],
    });
    expect(
      lintText(text)
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['blamed-participant', 'judgemental-words']);
  });
});

describe('disable comments', () => {
  test('hindsight-disable-line silences the named rule on its line only', () => {
    const text = review(`${SECTIONS}\nJust restart it. {/* hindsight-disable-line just */}\nJust restart it.\n`);
    const line = text.split('\n').length - 1;
    expect(where(lintText(text))).toEqual([`just@${line}:1`]);
  });

  test('several ids, and no ids meaning every rule', () => {
    const text = review(
      `${SECTIONS}\nHuman error; just restart. {/* hindsight-disable-line human-error, just */}\nHuman error; root cause. {/* hindsight-disable-line */}\n`,
    );
    expect(lintText(text)).toEqual([]);
  });

  test('a misspelt id disables nothing', () => {
    const text = review(`${SECTIONS}\nJust restart it. {/* hindsight-disable-line jsut */}\n`);
    expect(lintText(text).map((f) => f.rule)).toEqual(['just']);
  });

  test('hindsight-disable-next-line, and # comments in frontmatter', () => {
    const text = review(`${SECTIONS}\n{/* hindsight-disable-next-line root-cause */}\nThe root cause.\n`).replace(
      'summary: A resolver',
      'summary: Human error and a resolver',
    );
    const withYamlComment = text.replace(/^(summary: .*)$/m, '$1 # hindsight-disable-line human-error');
    expect(lintText(text).map((f) => f.rule)).toEqual(['human-error']);
    expect(lintText(withYamlComment)).toEqual([]);
  });
});

describe('configuration', () => {
  test('a rule lowered to warning or turned off', () => {
    const text = review(`${SECTIONS}\nJust restart it; human error.\n`);
    const findings = lintText(text, { config: { rules: { just: 'warning', 'human-error': 'off' } } });
    expect(findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['just:warning']);
  });
});
