/** The string lengths a JSON Schema pattern allows, and example strings built from a pattern. */
import { describe, expect, it } from 'vitest';
import { patternLengths, patternLengthsExact } from '../engine/validate/regex/length.ts';
import { patternExamples } from '../engine/validate/regex/examples.ts';

describe('patternLengths()', () => {
  it('reads the exact length of an anchored pattern (the identity number: 18)', () => {
    expect(patternLengths('^[0-9]{17}[0-9X]$')).toEqual({ min: 18, max: 18 });
  });

  it('takes the shortest and longest branch, through groups and optional parts', () => {
    expect(patternLengths('^([0-9]{4}-[0-9]{2}-[0-9]{2}|长期)$')).toEqual({ min: 2, max: 10 });
    expect(patternLengths('^[0-9]{6}([0-9]{3}([0-9]{3})?)?$')).toEqual({ min: 6, max: 12 });
    expect(patternLengths('(?:^a$|^bb$)')).toEqual({ min: 1, max: 2 });
  });

  it('bounds nothing above when a branch is not anchored at both ends: the string need only contain a match', () => {
    expect(patternLengths('^浙江省温州市')).toEqual({ min: 6, max: Infinity });
    expect(patternLengths('^a|b$')).toEqual({ min: 1, max: Infinity });
    expect(patternLengths('^(a)\\1$')).toEqual({ min: 1, max: Infinity });
  });

  it('counts code points, as minLength and maxLength do', () => {
    expect(patternLengths('^😀{2}$')).toEqual({ min: 2, max: 2 });
  });

  it('reads nothing from a pattern the validator refuses', () => {
    expect(patternLengths('^(a+)+$')).toBeUndefined();
    expect(patternLengths('[')).toBeUndefined();
    expect(patternLengths('a'.repeat(1001))).toBeUndefined();
  });
});

describe('patternLengthsExact()', () => {
  it('holds when strings of the least and greatest length exist', () => {
    expect(patternLengthsExact('^[0-9]{17}[0-9X]$')).toBe(true);
    expect(patternLengthsExact('^([0-9]{4}-[0-9]{2}-[0-9]{2}|长期)$')).toBe(true);
    expect(patternLengthsExact('^浙江省')).toBe(true);
  });

  it('does not when a lookaround, a word boundary or a backreference constrains what the count sees', () => {
    expect(patternLengths('^(?=.{1,20}$)[a-z]+$')).toEqual({ min: 1, max: Infinity });
    expect(patternLengthsExact('^(?=.{1,20}$)[a-z]+$')).toBe(false);
    expect(patternLengthsExact('^\\bab$')).toBe(false);
    expect(patternLengthsExact('^(a)\\1$')).toBe(false);
    expect(patternLengthsExact('^(a+)+$')).toBe(false);
  });
});

describe('patternExamples()', () => {
  it('builds strings from both ends of each character set', () => {
    const examples = patternExamples('^[0-9]{17}[0-9X]$', 8);
    expect(examples.length).toBe(8);
    expect(examples.every((e) => /^[0-9]{17}[0-9X]$/.test(e))).toBe(true);
    expect(examples.some((e) => e.endsWith('X'))).toBe(true);
  });

  it('builds nothing from a pattern the validator refuses', () => {
    expect(patternExamples('^(a+)+$', 8)).toEqual([]);
  });
});
