import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { isPlainObject } from '../../src/lib/is-plain-object.ts';

describe('isPlainObject', () => {
  test.each([
    ['an object literal', { a: 1 }],
    ['an empty object', {}],
    ['a parsed YAML mapping', parse('title: x\nlessons:\n  wentWell: [a]\n') as unknown],
    ['an object without a prototype', Object.create(null) as unknown],
  ])('%s is one', (_name, value) => {
    expect(isPlainObject(value)).toBe(true);
  });

  test.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'title: x'],
    ['a number', 1],
    ['a list', [1, 2]],
    ['a parsed YAML list', parse('- a\n- b\n') as unknown],
    ['a Date', new Date('2026-11-21T00:00:00Z')],
    ['a Map', new Map([['a', 1]])],
    ['a class instance', new URL('https://x.example')],
  ])('%s is not', (_name, value) => {
    expect(isPlainObject(value)).toBe(false);
  });
});
