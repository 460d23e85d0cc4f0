/** How bad a finding is: errors fail `npm run lint`, warnings are reported only. */
export type Severity = 'error' | 'warning';
/** What a config file may set a rule to. */
export type RuleSetting = Severity | 'off';
/** The families of rules, for documentation and `--list-rules`. */
export type RuleCategory = 'language' | 'completeness' | 'consistency' | 'validity';

/** A rule's id, family, default severity and one-line description. */
export interface RuleMeta {
  id: string;
  category: RuleCategory;
  severity: Severity;
  description: string;
}

/** Every rule the linter knows, in the order `--list-rules` and docs/authoring.md show them. */
export const RULES = [
  {
    id: 'human-error',
    category: 'language',
    severity: 'error',
    description: '"human error", "operator error": a label that ends the inquiry where it should begin',
  },
  {
    id: 'should-have',
    category: 'language',
    severity: 'error',
    description: '"should have", "shouldn\'t have", "ought to have": hindsight judging the past',
  },
  {
    id: 'failed-to',
    category: 'language',
    severity: 'error',
    description: '"failed to", "fail to": frames an outcome as someone\'s failure',
  },
  {
    id: 'judgemental-words',
    category: 'language',
    severity: 'error',
    description:
      '"careless", "negligent", "sloppy", "reckless", "incompetent" and their forms: judge a person, not the situation',
  },
  {
    id: 'root-cause',
    category: 'language',
    severity: 'error',
    description: '"root cause" in the singular: incidents have several contributing factors',
  },
  {
    id: 'obviously',
    category: 'language',
    severity: 'error',
    description: '"obviously", "was obvious": it was not obvious at the time',
  },
  {
    id: 'just',
    category: 'language',
    severity: 'error',
    description:
      '"just"/"simply" before an action verb ("just restart", "just needed to"): makes the fix sound trivial',
  },
  {
    id: 'counterfactual',
    category: 'language',
    severity: 'error',
    description: '"if only", "could have prevented", "would not have happened": describes a world that did not happen',
  },
  {
    id: 'blamed-participant',
    category: 'language',
    severity: 'error',
    description: 'a participant\'s name as the subject of a failure ("A.K. forgot", "J.Y.\'s mistake")',
  },
  {
    id: 'required-sections',
    category: 'completeness',
    severity: 'error',
    description: 'the narrative has the required sections (configurable), each with some text',
  },
  {
    id: 'owner',
    category: 'completeness',
    severity: 'error',
    description: '`owner` names a team or person (not "TBD", "?", "unassigned")',
  },
  {
    id: 'contributing-factors',
    category: 'completeness',
    severity: 'error',
    description: 'at least one entry in `contributingFactors`',
  },
  {
    id: 'action-items',
    category: 'completeness',
    severity: 'error',
    description: 'at least one action item, each with a real owner (not "TBD", "?", "unassigned")',
  },
  { id: 'detected', category: 'completeness', severity: 'error', description: '`detected` is given' },
  {
    id: 'timeline-detection',
    category: 'completeness',
    severity: 'error',
    description: 'the timeline has an entry of kind `detection`',
  },
  {
    id: 'published-date',
    category: 'completeness',
    severity: 'error',
    description: 'a `published` review has a `published` date',
  },
  {
    id: 'section-in-frontmatter',
    category: 'consistency',
    severity: 'warning',
    description:
      'a narrative section repeats a list the frontmatter owns ("Contributing factors", "What went well", "What went wrong", "Where we got lucky")',
  },
  {
    id: 'tag-format',
    category: 'consistency',
    severity: 'error',
    description: 'tags are lowercase kebab-case (`config-change`)',
  },
  {
    id: 'tag-near-duplicate',
    category: 'consistency',
    severity: 'warning',
    description: 'a tag that differs from a more used tag only by case, punctuation, plural or a suffix like "-outage"',
  },
  {
    id: 'overdue-action',
    category: 'consistency',
    severity: 'warning',
    description: 'an action item past its `due` date is still `open` or `in-progress`',
  },
  {
    id: 'frontmatter',
    category: 'validity',
    severity: 'error',
    description: 'the frontmatter is YAML and matches the content model (the build would refuse it)',
  },
  {
    id: 'unknown-reference',
    category: 'validity',
    severity: 'error',
    description: '`services` and `related` name existing services and reviews',
  },
  {
    id: 'broken-link',
    category: 'validity',
    severity: 'error',
    description: 'links from the site root (`/incidents/<id>/`, `/services/…`, public files) name pages that exist',
  },
  {
    id: 'mdx-syntax',
    category: 'validity',
    severity: 'error',
    description: 'the body compiles as MDX (the build would refuse it)',
  },
  {
    id: 'unknown-field',
    category: 'validity',
    severity: 'error',
    description:
      'every frontmatter key is a field of the content model (a misspelt `mitigatd:` would be dropped); `unknownFields` in hindsight.yaml sets the default',
  },
  {
    id: 'content-file',
    category: 'validity',
    severity: 'error',
    description:
      'content files follow the layout rule (reviews are `.mdx`; no subfolders in services/ or paths/; no incidents/index.mdx)',
  },
  {
    id: 'unread-file',
    category: 'validity',
    severity: 'warning',
    description: 'a content-like file in incidents/, services/ or paths/ that nothing reads',
  },
  {
    id: 'build-time-code',
    category: 'validity',
    severity: 'error',
    description:
      'the review imports Node built-ins, reads `process.env`, or embeds `<script>`, `on*=` or `javascript:` (a public build refuses it)',
  },
  {
    id: 'future-timestamp',
    category: 'consistency',
    severity: 'warning',
    description:
      "a timestamp after the day of the lint run (a typo'd year?); insights leave such reviews out of durations",
  },
] as const satisfies readonly RuleMeta[];

/** A rule id. */
export type RuleId = (typeof RULES)[number]['id'];

/** Ids of all rules. */
export const RULE_IDS: readonly RuleId[] = RULES.map((rule) => rule.id);

/** The meta of a rule by id. */
export function getRule(id: RuleId): RuleMeta {
  return RULES.find((rule) => rule.id === id)!;
}

/** One problem, located in a file. Lines and columns are 1-based (columns count UTF-16 units). */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Path as given to the linter. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** What is wrong. */
  message: string;
  /** A better framing or the fix, when there is one. */
  suggestion?: string;
}

/** A finding before it is placed in a file and given its configured severity. */
export interface RawFinding {
  rule: RuleId;
  /** Offset in the file where the problem starts. */
  start: number;
  /** Offset where it ends (exclusive). */
  end: number;
  message: string;
  suggestion?: string;
}
