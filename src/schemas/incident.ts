import { z } from 'astro/zod';
import { CalendarDateSchema, KebabCaseSchema, TextSchema, TimestampSchema, UrlSchema } from './primitives.ts';

/** Review lifecycle: a draft is being written, in-review awaits sign-off, published is final. */
export const STATUSES = ['draft', 'in-review', 'published'] as const;
/** Who may see a review: `public` builds contain only public reviews. */
export const VISIBILITIES = ['public', 'internal'] as const;
/** How the organisation first learned about the impact. */
export const DETECTION_METHODS = ['alert', 'customer-report', 'employee-report', 'synthetic', 'other'] as const;
/** Incident roles, after the usual incident-command structure. */
export const ROLES = [
  'incident-commander',
  'responder',
  'communications',
  'scribe',
  'subject-matter-expert',
  'observer',
] as const;
/** What a timeline entry records. */
export const TIMELINE_KINDS = [
  'detection',
  'escalation',
  'action',
  'mitigation',
  'resolution',
  'communication',
  'observation',
] as const;
/** Where an action item stands. */
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
/** What an action item is for. */
export const ACTION_TYPES = ['prevent', 'mitigate', 'detect', 'process'] as const;
/** What a review is about: an incident that hurt, or a near miss caught before it did. */
export const REVIEW_KINDS = ['incident', 'near-miss'] as const;
/** Severity levels used when the site config names none (SEV1 is the worst). */
export const DEFAULT_SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;

export type Status = (typeof STATUSES)[number];
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export type Role = (typeof ROLES)[number];
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type ActionType = (typeof ACTION_TYPES)[number];
export type DetectionMethod = (typeof DETECTION_METHODS)[number];

/** A severity is matched case-insensitively and stored as the configured spelling. */
function severitySchema(levels: readonly string[]) {
  return z.string().transform((value, ctx) => {
    const level = levels.find((l) => l.toLowerCase() === value.trim().toLowerCase());
    if (level) return level;
    ctx.addIssue({ code: 'custom', message: `expected one of ${levels.join(', ')}` });
    return z.NEVER;
  });
}

/** An SLO whose error budget the incident consumed. */
const SloSchema = z.object({
  /** The SLO's name, e.g. `checkout-availability`. */
  name: TextSchema,
  /** Percent of the period's error budget consumed. */
  budgetConsumed: z.number().min(0),
});

/** One thing that happened, at a moment, during or before the incident. */
export const TimelineEntrySchema = z.object({
  /** When it happened (offset required). Entries before `started` are latent conditions. */
  at: TimestampSchema,
  /** What happened, one sentence. */
  event: TextSchema,
  /** What kind of event this is; drives the timeline's colour, icon and label. */
  kind: z.enum(TIMELINE_KINDS),
  /** Who did it, as the review names people (initials or role). */
  actor: TextSchema.optional(),
  /** The graph, log query, chat message or ticket the entry comes from. */
  link: UrlSchema.optional(),
  /** A key moment: shown in the strip atop the review, highlighted on the timeline, used by the brief. */
  key: z.boolean().optional(),
});

/** A follow-up the organisation commits to. */
export const ActionItemSchema = z
  .object({
    /** What will be done. */
    title: TextSchema,
    /** The team or person who owns it. */
    owner: TextSchema,
    /** Where it stands. */
    status: z.enum(ACTION_STATUSES),
    /** When it is due (YYYY-MM-DD); open items past it are overdue. */
    due: CalendarDateSchema.optional(),
    /** What it is for. */
    type: z.enum(ACTION_TYPES),
    /** Link to the tracker. */
    ticket: UrlSchema.optional(),
    /** When it was closed (done or won't do). */
    closed: CalendarDateSchema.optional(),
    /** When it was opened (YYYY-MM-DD); default: the review's `published`, else `resolved`, else `started` date. */
    created: CalendarDateSchema.optional(),
  })
  .superRefine((item, ctx) => {
    // A `closed` date on an open item means it was reopened without clearing it: the backlog trend would count it closed.
    if ((item.status === 'open' || item.status === 'in-progress') && item.closed !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['closed'],
        message: `is set but the status is ${item.status}: remove closed when an item is reopened`,
      });
    }
    if (item.created !== undefined && item.closed !== undefined && item.created > item.closed) {
      ctx.addIssue({ code: 'custom', path: ['created'], message: `is after closed (${item.closed})` });
    }
  });

/** The fields of one post-incident review (MDX frontmatter). */
export function createIncidentSchema(severities: readonly string[] = DEFAULT_SEVERITIES) {
  return z
    .object({
      /** Headline of the review, 1 to 200 characters. */
      title: TextSchema.max(200, { message: 'must be at most 200 characters' }),
      /** One to three sentences; used in lists, the meta description and search excerpts. */
      summary: TextSchema,
      /** Review lifecycle status. */
      status: z.enum(STATUSES),
      /** `incident` (the default) or `near-miss`: caught before it hurt; needs no severity or impact. */
      kind: z.enum(REVIEW_KINDS).default('incident'),
      /** One of the configured severity levels (default SEV1..SEV4, SEV1 worst); a near miss may leave it out. */
      severity: severitySchema(severities).optional(),
      /** When impact began (for a near miss: when the danger began). */
      started: TimestampSchema,
      /** When the organisation noticed; optional. */
      detected: TimestampSchema.optional(),
      /** When impact stopped growing / was worked around. */
      mitigated: TimestampSchema.optional(),
      /** When it was over; absent means the incident is ongoing. */
      resolved: TimestampSchema.optional(),
      /** When the review was published. */
      published: CalendarDateSchema.optional(),
      /** Ids of services in the services collection. */
      services: z.array(KebabCaseSchema).default([]),
      /** Lowercase kebab-case tags. */
      tags: z.array(KebabCaseSchema).default([]),
      /** The team or person who owns the review. */
      owner: TextSchema.optional(),
      /** Who wrote the review. */
      authors: z.array(TextSchema).default([]),
      /** `public` or `internal` (the default). */
      visibility: z.enum(VISIBILITIES).default('internal'),
      /** What users and the business experienced. */
      impact: z
        .object({
          /** Impact in a sentence or two. */
          description: TextSchema,
          /** How many customers were affected. */
          customersAffected: z.number().int().min(0).optional(),
          /** SLOs whose error budget was consumed. */
          slos: z.array(SloSchema).default([]),
        })
        .optional(),
      /** How the incident was noticed. */
      detection: z
        .object({
          /** How it was noticed. */
          method: z.enum(DETECTION_METHODS),
          /** The alert, report or check that noticed it. */
          source: TextSchema.optional(),
        })
        .optional(),
      /** The event that set things off (not "the root cause"). */
      trigger: TextSchema.optional(),
      /** The conditions that together allowed the incident. */
      contributingFactors: z
        .array(z.object({ description: TextSchema, category: KebabCaseSchema.optional() }))
        .default([]),
      /** People involved and their roles. */
      participants: z
        .array(
          z.object({
            name: TextSchema,
            role: z.enum(ROLES),
            team: TextSchema.optional(),
            onCall: z.boolean().optional(),
          }),
        )
        .default([]),
      /** What happened, in any order; sorted when shown. */
      timeline: z.array(TimelineEntrySchema).default([]),
      /** Follow-ups. */
      actionItems: z.array(ActionItemSchema).default([]),
      /** The review meeting. */
      review: z
        .object({
          date: CalendarDateSchema.optional(),
          attendees: z.number().int().min(0).optional(),
          departments: z.array(TextSchema).default([]),
          readers: z.number().int().min(0).optional(),
        })
        .optional(),
      /** What went well, what went wrong, where we got lucky. */
      lessons: z
        .object({
          wentWell: z.array(TextSchema).default([]),
          wentWrong: z.array(TextSchema).default([]),
          gotLucky: z.array(TextSchema).default([]),
        })
        .optional(),
      /** Ids of related incidents; shown on both sides. */
      related: z.array(TextSchema).default([]),
      /** Further reading. */
      links: z.array(z.object({ label: TextSchema, url: UrlSchema })).default([]),
    })
    .superRefine(
      (incident, ctx) => {
        if (incident.kind !== 'near-miss' && incident.severity === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['severity'],
            message: `is required: expected one of ${severities.join(', ')} (only a near miss may leave it out)`,
          });
        }
      },
      // Runs even when other fields failed, so a missing severity is reported with them.
      { when: () => true },
    )
    .superRefine((incident, ctx) => {
      // Refinements run even when a field failed; compare only stamps that parsed.
      if (!(incident.started instanceof Date)) return;
      const started = incident.started.getTime();
      for (const field of ['detected', 'mitigated', 'resolved'] as const) {
        const stamp = incident[field];
        if (stamp instanceof Date && stamp.getTime() < started) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `is earlier than started (${incident.started.toISOString()})`,
          });
        }
      }
      const { resolved, mitigated } = incident;
      if (resolved instanceof Date && mitigated instanceof Date && resolved < mitigated) {
        ctx.addIssue({
          code: 'custom',
          path: ['resolved'],
          message: `is earlier than mitigated (${mitigated.toISOString()})`,
        });
      }
    });
}

/** A validated incident's frontmatter. */
export type IncidentData = z.output<ReturnType<typeof createIncidentSchema>>;
export type TimelineEntry = z.output<typeof TimelineEntrySchema>;
export type ActionItem = z.output<typeof ActionItemSchema>;
