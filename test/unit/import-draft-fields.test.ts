import { describe, expect, test } from 'vitest';
import {
  askForMissing,
  fillFromSource,
  findSeverityMention,
  titleFromChannel,
} from '../../src/lib/importers/draft-fields.ts';
import type { PromptIO } from '../../src/lib/scaffold-prompts.ts';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

describe('titleFromChannel', () => {
  test.each([
    ['inc-2291-search', 'Incident 2291: search'],
    ['incident-db-failover', 'Incident: db failover'],
    ['inc_42', 'Incident 42'],
    ['#payments-outage', 'Payments outage'],
  ])('%s → %s', (channel, title) => {
    expect(titleFromChannel(channel)).toBe(title);
  });
});

describe('findSeverityMention', () => {
  test.each([
    [['Declaring SEV2. I am IC'], 'SEV2', 'SEV2'],
    [['Severity: sev1'], 'SEV1', 'Severity: sev1'],
    [['severity 3 for now'], 'SEV3', 'severity 3'],
    [['upgrading to sev-1'], 'SEV1', 'sev-1'],
    [['nothing here', 'later: SEV4, then SEV2'], 'SEV4', 'SEV4'],
  ])('%o → %s', (texts, level, mention) => {
    expect(findSeverityMention(texts, SEVERITIES)).toEqual({ level, mention });
  });

  test.each([[['SEV9 is not a level']], [['several people joined']], [['severe latency']], [[]]])(
    '%o → nothing',
    (texts) => {
      expect(findSeverityMention(texts, SEVERITIES)).toBeUndefined();
    },
  );

  test('custom levels are matched by name', () => {
    expect(findSeverityMention(['Severity: Major'], ['critical', 'major', 'minor'])).toEqual({
      level: 'major',
      mention: 'Severity: Major',
    });
  });
});

describe('fillFromSource', () => {
  const base = { fields: {}, timeline: [], body: '', notes: ['imported'] };

  test('fills title and severity only where the fields have none, and says so', () => {
    const filled = fillFromSource(base, { channel: 'inc-7-login', texts: ['sev 2 declared'] }, SEVERITIES);
    expect(filled.fields).toEqual({ title: 'Incident 7: login', severity: 'SEV2' });
    expect(filled.notes).toEqual([
      'imported',
      'the title was made from the channel name #inc-7-login; make it say what users saw',
      'severity SEV2 was taken from the words "sev 2" in the input; check it',
    ]);
    const kept = fillFromSource(
      { ...base, fields: { title: 'From the topic', severity: 'SEV1' } },
      { channel: 'inc-7', texts: ['SEV3'] },
      SEVERITIES,
    );
    expect(kept.fields).toEqual({ title: 'From the topic', severity: 'SEV1' });
    expect(kept.notes).toEqual(['imported']);
  });
});

describe('askForMissing', () => {
  test('asks only for what is missing and re-asks after a wrong answer', async () => {
    const answers = ['sev9', 'sev2', 'yesterday', '2025-06-12T14:00Z'];
    const asked: string[] = [];
    const said: string[] = [];
    const io: PromptIO = { ask: async (q) => (asked.push(q), answers.shift() ?? ''), say: (t) => said.push(t) };
    const result = await askForMissing(
      { title: false, severity: true, started: true },
      { severities: SEVERITIES },
      io,
      new Date('2025-06-13T00:00:00Z'),
    );
    expect(result).toEqual({ severity: 'SEV2', started: new Date('2025-06-12T14:00:00Z') });
    expect(asked.map((q) => q.split(' ')[0])).toEqual(['Severity', 'Severity', 'Impact', 'Impact']);
    expect(said[0]).toContain('expected one of SEV1, SEV2, SEV3, SEV4');
  });
});
