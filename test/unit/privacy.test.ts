import { expect, test } from 'vitest';
import { PUBLIC_FIELDS, toPublicIncident, WITHHELD_OWNER } from '../../src/lib/privacy.ts';
import { createIncidentSchema } from '../../src/schemas/incident.ts';

const data = createIncidentSchema().parse({
  title: 't',
  summary: 's',
  status: 'published',
  severity: 'SEV2',
  started: '2024-03-05T14:02:00Z',
  authors: ['A.K.'],
  owner: 'A.K.',
  related: ['published-one', 'internal-one'],
  actionItems: [
    { title: 'Add alert', owner: 'J.Y.', status: 'open', type: 'detect' },
    { title: 'Fix TTL', owner: 'Platform', status: 'open', type: 'prevent' },
    { title: 'Write runbook', owner: 'Priya Raman', status: 'done', type: 'process' },
  ],
  participants: [
    { name: 'A.K.', role: 'incident-commander', team: 'SRE' },
    { name: 'J.Y.', role: 'responder' },
    { name: 'M.P.', role: 'responder' },
  ],
  timeline: [
    { at: '2024-03-05T14:09:00Z', event: 'Paged', kind: 'detection', actor: 'A.K.' },
    { at: '2024-03-05T14:10:00Z', event: 'Rolled back', kind: 'action', actor: 'M.P.' },
    { at: '2024-03-05T14:11:00Z', event: 'Posted update', kind: 'communication', actor: 'Z.Z.' },
    { at: '2024-03-05T14:12:00Z', event: 'Graph flattened', kind: 'observation' },
  ],
});

const context = { publishedIds: new Set(['published-one']), teams: new Set(['Platform']) };

test('public builds show people by role, never by name', () => {
  const redacted = toPublicIncident(data, context);
  expect(redacted.participants.map((p) => p.name)).toEqual(['Incident commander', 'Responder 1', 'Responder 2']);
  expect(redacted.timeline.map((e) => e.actor)).toEqual([
    'Incident commander',
    'Responder 2',
    'A responder',
    undefined,
  ]);
  expect(redacted.authors).toEqual([]);
  expect(JSON.stringify(redacted)).not.toMatch(/A\.K\.|J\.Y\.|M\.P\.|Z\.Z\.|Priya/);
});

test('owners appear as their team or role; anyone else is withheld', () => {
  const redacted = toPublicIncident(data, context);
  expect(redacted.owner).toBe('SRE');
  expect(redacted.actionItems.map((a) => a.owner)).toEqual(['Responder 1', 'Platform', WITHHELD_OWNER]);
});

test('related keeps only reviews the build publishes', () => {
  expect(toPublicIncident(data, context).related).toEqual(['published-one']);
});

test('the projection is an allow-list: a field it does not know never reaches the output', () => {
  const withExtra = { ...data, secretNotes: 'do not publish', impact: { description: 'd', slos: [] } } as typeof data;
  const redacted = toPublicIncident(withExtra, context);
  expect(JSON.stringify(redacted)).not.toContain('do not publish');
  const projected = Object.keys(redacted).sort();
  const allowed = Object.entries(PUBLIC_FIELDS).flatMap(([key, policy]) => (policy === 'withhold' ? [] : [key]));
  expect(projected.every((key) => allowed.includes(key) || key === 'authors')).toBe(true);
});
