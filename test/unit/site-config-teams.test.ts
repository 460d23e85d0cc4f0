import { describe, expect, test } from 'vitest';
import { formatSchemaIssues } from '../../src/lib/content-errors.ts';
import { SiteConfigSchema } from '../../src/schemas/site-config.ts';

const problems = (raw: Record<string, unknown>) => {
  const result = SiteConfigSchema.safeParse(raw, { reportInput: true });
  return result.success ? [] : formatSchemaIssues('hindsight.yaml', result.error.issues, raw);
};

describe('hindsight.yaml teams', () => {
  test('a team with an IANA zone and working hours; none by default', () => {
    expect(
      SiteConfigSchema.parse({ teams: { sre: { timeZone: 'Europe/Berlin', hours: '09:00-18:00' } } }).teams,
    ).toEqual({
      sre: { timeZone: 'Europe/Berlin', hours: '09:00-18:00' },
    });
    expect(SiteConfigSchema.parse({}).teams).toEqual({});
  });

  test('an unknown zone or bad hours name the team and the value', () => {
    expect(problems({ teams: { sre: { timeZone: 'Europe/Berlinn', hours: '18:00-09:00' } } })).toEqual([
      'hindsight.yaml: teams.sre.timeZone "Europe/Berlinn" is not a time zone Intl knows: expected an IANA name such as Europe/Berlin, America/New_York or UTC',
      'hindsight.yaml: teams.sre.hours "18:00-09:00": expected working hours as HH:MM-HH:MM, start before end, e.g. 09:00-18:00',
    ]);
  });
});
