import { expect, test } from 'vitest';
import { describeUnknownField, findUnknownFields } from '../../src/lib/unknown-fields.ts';
import { ServiceSchema } from '../../src/schemas/catalog.ts';
import { createIncidentSchema } from '../../src/schemas/incident.ts';

const schema = createIncidentSchema();

test.each([
  [{ mitigatd: '2024-03-05T14:02:00Z' }, 'mitigatd is not a field: did you mean `mitigated`?'],
  [{ triger: 'x' }, 'triger is not a field: did you mean `trigger`?'],
  [{ titel: 'x' }, 'titel is not a field: did you mean `title`?'],
  [{ actionItems: [{ title: 't', ownr: 'x' }] }, 'actionItems[0].ownr is not a field: did you mean `owner`?'],
  [
    { impact: { description: 'd', customersAfected: 3 } },
    'impact.customersAfected is not a field: did you mean `customersAffected`?',
  ],
  [
    { timeline: [{ at: 'x', event: 'e', kind: 'action', actr: 'A.K.' }] },
    'timeline[0].actr is not a field: did you mean `actor`?',
  ],
])('%j', (data, message) => {
  expect(findUnknownFields(schema, data).map(describeUnknownField)).toEqual([message]);
});

test('a key nothing resembles lists the known ones', () => {
  const [field] = findUnknownFields(ServiceSchema, { name: 'n', xyzzy: 1 });
  expect(describeUnknownField(field!)).toBe(
    'xyzzy is not a field (known here: name, team, tier, description, dependsOn, diagram, runbook)',
  );
});

test('known keys at every depth pass', () => {
  expect(
    findUnknownFields(schema, {
      title: 't',
      impact: { description: 'd', slos: [{ name: 'n', budgetConsumed: 1 }] },
      lessons: { wentWell: ['a'] },
      participants: [{ name: 'n', role: 'responder', team: 'x', onCall: true }],
    }),
  ).toEqual([]);
});
