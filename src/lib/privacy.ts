import type { ActionItem, IncidentData, Role } from '../schemas/incident.ts';
import { ROLE_LABELS } from './labels.ts';

/** What a public build shows for an owner it cannot show: not a known team, not a participant. */
export const WITHHELD_OWNER = 'Owner not published';

/** What a public build knows besides the review itself. */
export interface PublicContext {
  /** Ids of the reviews this build publishes; `related` keeps only these. */
  publishedIds: ReadonlySet<string>;
  /** Team names an owner may be shown as (the service catalog's `team` values). */
  teams: ReadonlySet<string>;
}

/**
 * How each frontmatter field reaches a public build: `keep` (copied as is), `project` (rebuilt
 * by `toPublicIncident` from the parts a public reader may see) or `withhold` (never published).
 * Typed over every field, so a new schema field does not compile until someone decides.
 */
export const PUBLIC_FIELDS = {
  title: 'keep',
  summary: 'keep',
  status: 'keep',
  kind: 'keep',
  severity: 'keep',
  started: 'keep',
  detected: 'keep',
  mitigated: 'keep',
  resolved: 'keep',
  published: 'keep',
  services: 'keep',
  tags: 'keep',
  visibility: 'keep',
  impact: 'keep',
  detection: 'keep',
  trigger: 'keep',
  contributingFactors: 'keep',
  lessons: 'keep',
  links: 'keep',
  review: 'keep',
  owner: 'project',
  participants: 'project',
  timeline: 'project',
  actionItems: 'project',
  related: 'project',
  authors: 'withhold',
} as const satisfies { [K in keyof IncidentData]-?: 'keep' | 'project' | 'withhold' };

/** The fields a public build copies unchanged. */
type KeptField = {
  [K in keyof typeof PUBLIC_FIELDS]: (typeof PUBLIC_FIELDS)[K] extends 'keep' ? K : never;
}[keyof typeof PUBLIC_FIELDS];

/**
 * The frontmatter as a public build may show it, built field by field from an allow-list
 * (`PUBLIC_FIELDS`): people appear by team or role ("Responder 2"), never by name, in participants,
 * timeline actors and owners; authors are dropped; `related` keeps only published reviews.
 * Every output of a public build (pages, JSON, CSV, feeds, insights, search) reads this.
 */
export function toPublicIncident(data: IncidentData, context: PublicContext): IncidentData {
  const seen = new Map<Role, number>();
  const counts = new Map<Role, number>();
  for (const p of data.participants) counts.set(p.role, (counts.get(p.role) ?? 0) + 1);
  const aliasByName = new Map<string, string>();
  const teamByName = new Map<string, string>();
  const participants = data.participants.map((p) => {
    const n = (seen.get(p.role) ?? 0) + 1;
    seen.set(p.role, n);
    const alias = counts.get(p.role)! > 1 ? `${ROLE_LABELS[p.role]} ${n}` : ROLE_LABELS[p.role];
    aliasByName.set(p.name, alias);
    if (p.team) teamByName.set(p.name, p.team);
    return {
      name: alias,
      role: p.role,
      ...(p.team !== undefined ? { team: p.team } : {}),
      ...(p.onCall !== undefined ? { onCall: p.onCall } : {}),
    };
  });
  const teams = new Set([...context.teams, ...teamByName.values()]);
  /** A team stays; a participant becomes their team (or role); anyone else is withheld. */
  const ownerOf = (owner: string): string =>
    teams.has(owner) ? owner : (teamByName.get(owner) ?? aliasByName.get(owner) ?? WITHHELD_OWNER);
  const timeline = data.timeline.map((entry) => ({
    at: entry.at,
    event: entry.event,
    kind: entry.kind,
    ...(entry.actor !== undefined ? { actor: aliasByName.get(entry.actor) ?? 'A responder' } : {}),
    ...(entry.link !== undefined ? { link: entry.link } : {}),
    ...(entry.key !== undefined ? { key: entry.key } : {}),
  }));
  const actionItems = data.actionItems.map((item): ActionItem => ({
    title: item.title,
    owner: ownerOf(item.owner),
    status: item.status,
    type: item.type,
    ...(item.due !== undefined ? { due: item.due } : {}),
    ...(item.ticket !== undefined ? { ticket: item.ticket } : {}),
    ...(item.closed !== undefined ? { closed: item.closed } : {}),
    ...(item.created !== undefined ? { created: item.created } : {}),
  }));
  const kept = Object.fromEntries(
    Object.entries(PUBLIC_FIELDS)
      .filter(([key, policy]) => policy === 'keep' && data[key as keyof IncidentData] !== undefined)
      .map(([key]) => [key, data[key as keyof IncidentData]]),
  ) as Pick<IncidentData, KeptField>;
  const owner = data.owner === undefined ? undefined : ownerOf(data.owner);
  return {
    ...kept,
    ...(owner !== undefined && owner !== WITHHELD_OWNER ? { owner } : {}),
    participants,
    timeline,
    actionItems,
    related: data.related.filter((id) => context.publishedIds.has(id)),
    authors: [],
  };
}
