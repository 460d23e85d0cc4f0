import { expect, test } from 'vitest';
import { redactForPublic } from '../../src/lib/privacy.ts';
import { createIncidentSchema } from '../../src/schemas/incident.ts';

const data = createIncidentSchema().parse({
  title: 't',
  summary: 's',
  status: 'published',
  severity: 'SEV2',
  started: '2024-03-05T14:02:00Z',
  authors: ['A.K.'],
  participants: [
    { name: 'A.K.', role: 'incident-commander' },
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

test('public builds show people by role, never by name', () => {
  const redacted = redactForPublic(data);
  expect(redacted.participants.map((p) => p.name)).toEqual(['Incident commander', 'Responder 1', 'Responder 2']);
  expect(redacted.timeline.map((e) => e.actor)).toEqual(['Incident commander', 'Responder 2', 'A responder', undefined]);
  expect(redacted.authors).toEqual([]);
  expect(JSON.stringify(redacted)).not.toMatch(/A\.K\.|J\.Y\.|M\.P\.|Z\.Z\./);
});
