import { escapeRegExp } from '../escape.ts';
import type { RawFinding, RuleId } from './rules.ts';

/** A word pattern, what is wrong with the phrase, and a better framing. */
interface LanguagePattern {
  rule: RuleId;
  pattern: RegExp;
  message: (match: string) => string;
  suggestion: string;
}

/**
 * Verbs that "just"/"simply" minimise when they come right before them ("just restart it").
 * Base forms only: "had just restarted" means "recently" and is not flagged.
 */
export const MINIMISED_VERBS = [
  'add',
  'apply',
  'ask',
  'bump',
  'change',
  'check',
  'click',
  'copy',
  'delete',
  'deploy',
  'disable',
  'drop',
  'edit',
  'enable',
  'fix',
  'flip',
  'follow',
  'grep',
  'ignore',
  'increase',
  'kill',
  'look',
  'lower',
  'merge',
  'patch',
  'ping',
  'push',
  'raise',
  'read',
  'reboot',
  'redeploy',
  'remove',
  'rerun',
  'restart',
  'retry',
  'revert',
  'roll',
  'rollback',
  'rotate',
  'run',
  'scale',
  'set',
  'ship',
  'skip',
  'ssh',
  'switch',
  'toggle',
  'turn',
  'type',
  'update',
  'upgrade',
  'use',
  'wait',
];

/** Verbs that make a person the subject of a failure. */
const FAILURE_VERBS = [
  'forgot',
  'forgets',
  'had forgotten',
  'missed',
  'misses',
  'broke',
  'breaks',
  'failed',
  'fails',
  'caused',
  'causes',
  "didn't",
  'didn’t',
  'did not',
  'neglected',
  'neglects',
  'ignored',
  'ignores',
  'overlooked',
  'overlooks',
  'mistyped',
  'misconfigured',
  'messed up',
  'screwed up',
  'should have',
  "should've",
  'was careless',
  'was negligent',
];
/** Nouns that, after a possessive name, blame the person ("A.K.'s mistake"). */
const FAULT_NOUNS = ['mistake', 'error', 'fault', 'slip', 'oversight', 'negligence', 'carelessness', 'blunder'];

/** Auxiliaries after which "just" means "recently", not "merely". */
const RECENTLY = '(?<!\\b(?:had|has|have|having|was|were|is|are|been|be)\\s+)';

const PATTERNS: readonly LanguagePattern[] = [
  {
    rule: 'human-error',
    pattern: /\b(?:human|operator)[-\s]+errors?\b/gi,
    message: (m) => `"${m}" names a person as the cause and ends the inquiry where it should begin`,
    suggestion:
      'Describe what the person saw, why the action made sense at the time, and what let it have this effect.',
  },
  {
    rule: 'should-have',
    pattern: /\b(?:should|ought\s+to)(?:n['’]t|\s+not)?\s+have\b|\bshould(?:n['’]t)?['’]ve\b/gi,
    message: (m) => `"${m}" judges the past with knowledge that came later`,
    suggestion: 'Say what was known and expected at the time, e.g. "the runbook did not mention the replica".',
  },
  {
    rule: 'failed-to',
    pattern: /\bfail(?:ed|s)?\s+to\b/gi,
    message: (m) => `"${m}" frames an outcome as a failure of whoever was involved`,
    suggestion: 'Say what happened: "did not", "was not", or the condition that prevented it.',
  },
  {
    rule: 'judgemental-words',
    pattern:
      /\b(?:careless(?:ly|ness)?|negligen(?:t|tly|ce)|slopp(?:y|ily|iness)|reckless(?:ly|ness)?|incompeten(?:t|ce))\b/gi,
    message: (m) => `"${m}" judges a person instead of describing the situation`,
    suggestion: 'Describe the conditions (time pressure, tooling, missing information) that shaped the action.',
  },
  {
    rule: 'root-cause',
    pattern: /\broot[-\s]+cause(?!s)\b/gi,
    message: (m) => `"${m}" implies a single cause; incidents have several contributing factors`,
    suggestion:
      'Name the contributing factors, e.g. "one of the contributing factors was…", or "trigger" for the event that set it off.',
  },
  {
    rule: 'obviously',
    pattern: /\bobviously\b|\b(?:was|were|is|are|seemed|seems|looked|looks)\s+(?:so\s+|very\s+|quite\s+)?obvious\b/gi,
    message: (m) => `"${m}" is hindsight: it was not obvious to the people at the time`,
    suggestion: 'Drop the word, or explain what made it visible afterwards and not before.',
  },
  {
    rule: 'just',
    pattern: new RegExp(
      `${RECENTLY}\\b(?:just|simply)\\s+(?:${MINIMISED_VERBS.join('|')})\\b|${RECENTLY}\\bjust\\s+(?:had|has|have|needed|needs|need)\\s+to\\b`,
      'gi',
    ),
    message: (m) => `"${m}" makes the step sound trivial, which it was not at the time`,
    suggestion: 'Drop "just"/"simply", or say what the step involved and why it was not taken sooner.',
  },
  {
    rule: 'counterfactual',
    pattern:
      /\bif\s+only\b|\b(?:could|would|might)(?:n['’]t|\s+not)?(?:\s+(?:easily|really))?(?:\s+have|['’]ve)\s+(?:been\s+)?(?:prevented|avoided|caught|stopped|averted)\b|\bwould(?:n['’]t|\s+not)\s+have\s+(?:happened|occurred)\b/gi,
    message: (m) => `"${m}" describes a world that did not happen instead of the one that did`,
    suggestion: 'Describe what did happen and what would help next time (an action item), not what might have been.',
  },
];

/** Finds blame-laden phrases in `prose` (the masked file text) and names used as subjects of failure. */
export function findLanguageIssues(prose: string, participantNames: readonly string[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const { rule, pattern, message, suggestion } of PATTERNS) {
    for (const match of prose.matchAll(pattern)) {
      findings.push({
        rule,
        start: match.index,
        end: match.index + match[0].length,
        message: message(collapse(match[0])),
        suggestion,
      });
    }
  }
  for (const blamed of blamePatterns(participantNames)) {
    for (const match of prose.matchAll(blamed)) {
      const name = match.groups?.['name'] ?? match[0];
      findings.push({
        rule: 'blamed-participant',
        start: match.index,
        end: match.index + match[0].length,
        message: `"${collapse(match[0])}" makes ${name}, a participant, the subject of a failure`,
        suggestion:
          'Describe what the person saw and why their actions made sense, or make the system the subject ("the runbook did not cover…").',
      });
    }
  }
  return findings;
}

/** Full names, plus the first word of multi-word names ("Alice" for "Alice Kim"). */
export function nameVariants(names: readonly string[]): string[] {
  const variants = new Set<string>();
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed.length < 2) continue;
    variants.add(trimmed);
    const first = trimmed.split(/\s+/)[0]!;
    if (first !== trimmed && first.length >= 3 && /^\p{Lu}/u.test(first)) variants.add(first);
  }
  return [...variants].sort((a, b) => b.length - a.length);
}

/** "A.K. forgot", "A.K. accidentally broke" and "A.K.'s mistake", for the given names. */
function blamePatterns(names: readonly string[]): RegExp[] {
  const variants = nameVariants(names);
  if (variants.length === 0) return [];
  const name = `(?<![\\p{L}\\p{N}_])(?<name>${variants.map(escapeRegExp).join('|')})`;
  const verbs = FAILURE_VERBS.map((v) => escapeRegExp(v).replace(/ /g, '\\s+')).join('|');
  // An optional adverb ("A.K. accidentally broke") or "then" may sit between name and verb.
  const subject = `${name}\\s+(?:(?:\\p{L}+ly|then|also)\\s+)?(?:${verbs})(?![\\p{L}])`;
  const possessive = `${name}['’]s\\s+(?:${FAULT_NOUNS.join('|')})\\b`;
  return [new RegExp(subject, 'gu'), new RegExp(possessive, 'gu')];
}

/** A phrase as it reads, with line breaks and runs of spaces folded. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}
