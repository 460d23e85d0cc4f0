import { describe, expect, test } from 'vitest';
import { CalendarDateSchema, TimestampSchema } from '../../src/schemas/primitives.ts';

const messageOf = (schema: typeof TimestampSchema | typeof CalendarDateSchema, value: string) => {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues.map((i) => i.message).join('; ');
};

describe.each([
  ['2024-02-30T10:00:00Z', 'is not a real date and time: February 2024 has 29 days'],
  ['2023-02-29T10:00:00Z', 'is not a real date and time: February 2023 has 28 days'],
  ['2024-04-31T10:00:00+02:00', 'is not a real date and time: April 2024 has 30 days'],
  ['2024-13-01T10:00:00Z', 'is not a real date and time: there is no month 13'],
  ['2024-03-05T24:00:00Z', 'is not a real date and time: hour 24 is past 23'],
  ['2024-03-05T10:60Z', 'is not a real date and time: minute 60 is past 59'],
])('timestamp %s', (value, message) => {
  test('is refused with why', () => expect(messageOf(TimestampSchema, value)).toBe(message));
});

describe.each([
  ['2024-02-30', 'is not a real date: February 2024 has 29 days'],
  ['2024-00-10', 'is not a real date: there is no month 00'],
  ['2024-06-31', 'is not a real date: June 2024 has 30 days'],
])('calendar date %s', (value, message) => {
  test('is refused with why', () => expect(messageOf(CalendarDateSchema, value)).toBe(message));
});

test.each(['2024-02-29T23:59:59Z', '2024-12-31T00:00Z', '2024-02-29'])('%s is a real date and is accepted', (value) => {
  const schema = value.includes('T') ? TimestampSchema : CalendarDateSchema;
  expect(messageOf(schema, value)).toBeUndefined();
});
