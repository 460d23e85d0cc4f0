import { describe, expect, test } from 'vitest';
import { describeUnknownId, displayPath, suggestClosest } from '../../src/lib/content-errors.ts';
import { findDanglingReferences, type ReferenceInput } from '../../src/lib/references.ts';

const services = ['checkout-api', 'dns-resolver', 'payments-db'].map((id) => ({
  id,
  file: `services/${id}.yaml`,
  data: { dependsOn: [] as string[] },
}));

function input(overrides: Partial<ReferenceInput>): ReferenceInput {
  return { incidents: [], services, paths: [], patterns: [], ...overrides };
}

describe('findDanglingReferences', () => {
  test('all ids resolve: no problems', () => {
    const incidents = [{ id: 'a', file: 'a.mdx', data: { services: ['checkout-api'], related: [] } }];
    expect(findDanglingReferences(input({ incidents }))).toEqual([]);
  });

  test('names the file, the field, the value and the known ids', () => {
    const incidents = [
      {
        id: '2024-03-05-x',
        file: 'src/content/incidents/2024-03-05-x.mdx',
        data: { services: ['checkout-api', 'dns-resolvr'], related: ['nope'] },
      },
    ];
    const paths = [{ id: 'p', file: 'paths/p.yaml', data: { steps: [{ incident: '2024-03-05-y' }] } }];
    const patterns = [{ id: 'db', file: 'patterns.yaml', data: { services: ['payment-db'] } }];
    const withDeps = [...services, { id: 'x', file: 'services/x.yaml', data: { dependsOn: ['ghost'] } }];
    expect(findDanglingReferences(input({ incidents, paths, patterns, services: withDeps }))).toMatchInlineSnapshot(`
      [
        "src/content/incidents/2024-03-05-x.mdx: services[1] "dns-resolvr" is not a service (did you mean dns-resolver? known: checkout-api, dns-resolver, payments-db, x)",
        "src/content/incidents/2024-03-05-x.mdx: related[0] "nope" is not an incident (known: 2024-03-05-x)",
        "services/x.yaml: dependsOn[0] "ghost" is not a service (known: checkout-api, dns-resolver, payments-db, x)",
        "patterns.yaml: db.services[0] "payment-db" is not a service (did you mean payments-db? known: checkout-api, dns-resolver, payments-db, x)",
        "paths/p.yaml: steps[0].incident "2024-03-05-y" is not an incident (did you mean 2024-03-05-x? known: 2024-03-05-x)",
      ]
    `);
  });
});

describe('message helpers', () => {
  test('long lists of known ids are cut', () => {
    const known = Array.from({ length: 20 }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
    expect(describeUnknownId('zzz', 'a service', known)).toBe(
      `"zzz" is not a service (known: ${known.slice(0, 12).join(', ')}, … (20 in all))`,
    );
  });
  test.each([
    ['dns-resolvr', 'dns-resolver'],
    ['DNS-RESOLVER', 'dns-resolver'],
    ['totally-different', undefined],
  ])('suggestClosest(%s) is %s', (value, expected) => {
    expect(suggestClosest(value, ['dns-resolver', 'checkout-api'])).toBe(expected);
  });
  test('displayPath is relative inside the working folder, absolute outside it', () => {
    expect(displayPath('/repo/src/content/a.mdx', '/repo')).toBe('src/content/a.mdx');
    expect(displayPath('/elsewhere/a.mdx', '/repo')).toBe('/elsewhere/a.mdx');
  });
});
