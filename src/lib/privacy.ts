import type { IncidentData, Role } from '../schemas/incident.ts';

/** Human labels for incident roles. */
export const ROLE_LABELS: Record<Role, string> = {
  'incident-commander': 'Incident commander',
  responder: 'Responder',
  communications: 'Communications lead',
  scribe: 'Scribe',
  'subject-matter-expert': 'Subject-matter expert',
  observer: 'Observer',
};

/**
 * The frontmatter as a public build may show it: people appear by role ("Responder 2"),
 * never by name, in participants and timeline actors; authors are dropped.
 */
export function redactForPublic(data: IncidentData): IncidentData {
  const seen = new Map<Role, number>();
  const counts = new Map<Role, number>();
  for (const p of data.participants) counts.set(p.role, (counts.get(p.role) ?? 0) + 1);
  const aliasByName = new Map<string, string>();
  const participants = data.participants.map((p) => {
    const n = (seen.get(p.role) ?? 0) + 1;
    seen.set(p.role, n);
    const alias = counts.get(p.role)! > 1 ? `${ROLE_LABELS[p.role]} ${n}` : ROLE_LABELS[p.role];
    aliasByName.set(p.name, alias);
    return { ...p, name: alias };
  });
  const timeline = data.timeline.map((entry) => {
    if (entry.actor === undefined) return entry;
    return { ...entry, actor: aliasByName.get(entry.actor) ?? 'A responder' };
  });
  return { ...data, participants, timeline, authors: [] };
}
