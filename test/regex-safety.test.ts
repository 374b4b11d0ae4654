import { describe, it, expect } from 'vitest';
import { checkPattern } from '../engine/validate/regex-safety.ts';

// Catastrophic patterns are only ever analysed here, never run against input.

describe('checkPattern: exponential backtracking is refused', () => {
  it.each([
    // nested quantifiers
    ['(a+)+', '(a+)+'],
    ['(a*)*', '(a*)*'],
    ['(\\w+\\s?)*', '(\\w+\\s?)*'],
    ['^(([a-z])+.)+[A-Z]([a-z])+$', '(([a-z])+.)+'],
    ['(x+x+)+y', '(x+x+)+'],
    ['^(a+?)+?$', '(a+?)+?'],
    ['(a?a)+', '(a?a)+'],
    ['^(a{1,2})+$', '(a{1,2})+'],
    ['^(\\d{1,3}\\.?)+$', '(\\d{1,3}\\.?)+'],
    ['((a?){2})+', '((a?){2})+'],
    ['^([a-z]+(-[a-z]+)?)+$', '([a-z]+(-[a-z]+)?)+'],
    ['(?:(?:a|b)+c?){10,}', '(?:(?:a|b)+c?){10,}'],
    ['(\\p{Script=Greek}+)+', '(\\p{Script=Greek}+)+'],
    ['([α-ω]+[α-ω])+', '([α-ω]+[α-ω])+'],
    ['x(?=(a+)+)', '(a+)+'],
    // overlapping alternation
    ['(a|a)*', '(a|a)*'],
    ['(a|ab)*', '(a|ab)*'],
    ['(\\d|\\w)+', '(\\d|\\w)+'],
    ['(.|\\s)*', '(.|\\s)*'],
    ['^(?:(?:25[0-5]|[01]?\\d\\d?)\\.)+$', '(?:(?:25[0-5]|[01]?\\d\\d?)\\.)+'],
    ['(?<w>中|\\p{Script=Han})+', '(?<w>中|\\p{Script=Han})+'],
  ])('%s is unsafe at %s', (source, fragment) => {
    const verdict = checkPattern(source);
    expect(verdict).toMatchObject({ ok: false, code: 'pattern-unsafe', fragment });
    expect(verdict.ok === false && verdict.reason.length > 0).toBe(true);
  });
});

describe('checkPattern: common safe patterns pass', () => {
  it.each([
    '^[0-9]{17}[0-9X]$',
    '^1[3-9][0-9]{9}$',
    '^[a-z0-9]+(-[a-z0-9]+)*$',
    '^([a-z0-9]+-)*[a-z0-9]+$',
    '^(\\d+\\.)*\\d+$',
    '^[A-Z]{2}[0-9]{6}$',
    '^\\p{Script=Han}{2,20}$',
    '^(https?|ftp)://[^\\s]+$',
    '^[\\u4e00-\\u9fa5]{2,15}$',
    '^(?:[A-Z]\\d){3}$',
    '(a|b)*',
    '^.{0,200}$',
    '^\\S+@\\S+\\.\\S+$', // polynomial, not exponential: out of scope
    '^[\\w.+-]+@([\\w-]+\\.)+[\\w-]{2,}$',
    '^(\\d{1,3}\\.){3}\\d{1,3}$',
    '(a?)+', // V8 stops a loop on an empty iteration, so this stays linear
    '^([a-z]+(?:-[a-z]){2})+$',
    '^[a-z]+(_?[a-z0-9])*$',
    '(?<year>\\d{4})-(?<month>\\d{2})-\\k<month>',
    '^(?<!x)(?=\\d)\\d+\\b$',
    '\\uD83D\\uDE00+😀{1,3}\\u{1F600}*?',
    '[]|[^]*|\\x41\\cA\\0\\/',
    '',
  ])('%s is safe', (source) => {
    expect(checkPattern(source)).toEqual({ ok: true });
  });
});

describe('checkPattern: invalid syntax', () => {
  it.each(['(', '[z-a]', '\\p{Nope}', 'a{2,1}', '+a', '\\k<missing>', '(?<a>x)(?<a>y)', 'a]'])(
    '%s does not compile with the u flag',
    (source) => {
      const verdict = checkPattern(source);
      expect(verdict).toMatchObject({ ok: false, code: 'pattern-invalid' });
      // The reason is the engine's own SyntaxError message.
      let message = '';
      try {
        new RegExp(source, 'u');
      } catch (error) {
        message = (error as Error).message;
      }
      expect(verdict.ok === false && verdict.reason).toBe(message);
    },
  );
});

describe('checkPattern: limits', () => {
  const nested = (depth: number): string => `${'('.repeat(depth)}a${')'.repeat(depth)}`;

  it.each([
    ['1,001 characters', 'a'.repeat(1001), /too long/],
    ['101 nested groups', nested(101), /nested too deeply/],
    ['400 nested groups', nested(400), /nested too deeply/],
  ])('refuses %s', (_label, source, reason) => {
    const verdict = checkPattern(source);
    expect(verdict).toMatchObject({ ok: false, code: 'pattern-unsafe', reason: expect.stringMatching(reason) });
    expect(verdict.ok === false && 'fragment' in verdict && verdict.fragment.length).toBeLessThanOrEqual(41);
  });

  it.each([
    ['1,000 characters', 'a'.repeat(1000)],
    ['100 nested groups', nested(100)],
  ])('accepts %s', (_label, source) => {
    expect(checkPattern(source)).toEqual({ ok: true });
  });

  it('analyses large adversarial patterns quickly', () => {
    const patterns = [
      `(${'a?b'.repeat(330)})+`,
      `(${'(?:a|b)c?'.repeat(110)})+`,
      `(${'[\\p{L}\\p{N}]'.repeat(70)})+`,
      `[${Array.from({ length: 900 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('')}]+`,
    ];
    const started = performance.now();
    for (const source of patterns) {
      expect(source.length).toBeLessThanOrEqual(1000);
      expect(checkPattern(source)).toEqual({ ok: true });
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('never throws, whatever it is given', () => {
    const pieces = ['a', '(', ')', '(?:', '(?=', '(?<n>', '\\k<n>', '\\1', '[a-z]', '[', ']', '{2}', '{', '}', '*', '+', '?', '|', '\\', '\\u{1F600}', '\\p{L}', '😀', '^', '$'];
    let seed = 1;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 3000; i++) {
      let source = '';
      for (let n = 1 + Math.floor(next() * 10); n > 0; n--) source += pieces[Math.floor(next() * pieces.length)];
      const verdict = checkPattern(source);
      expect(verdict.ok || verdict.code === 'pattern-invalid' || !verdict.reason.startsWith('pattern could not')).toBe(true);
    }
    expect(checkPattern(42 as unknown as string)).toMatchObject({ ok: false, code: 'pattern-invalid' });
  });
});
