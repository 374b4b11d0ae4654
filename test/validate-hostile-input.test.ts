import { describe, expect, it } from 'vitest';
import { documentLimits, parseDocument, validateSources } from '../engine/index.ts';
import { codesAt, miniDoc, problemsWith } from './support/fixtures.ts';

const file = 'matters/baseline.json';
const baselineText = JSON.stringify(miniDoc(file), null, 2);

describe('validate: hostile input', () => {
  it('reports invalid JSON with its line and column', () => {
    const text = baselineText.replace('"version": "1.0.0",', '"version": "1.0.0"');
    const problems = problemsWith(file, text);
    expect(codesAt(problems)).toEqual([{ code: 'json.invalid', pointer: '' }]);
    expect(problems[0]!.params).toMatchObject({ line: 4, column: 3 });
    expect(problems[0]!.message).toBe('invalid JSON at line 4, column 3: expected "," or "}"');
  });

  it('points into the container where the syntax breaks', () => {
    const problems = problemsWith(file, baselineText.replace('"channels": [\n    "online",', '"channels": [\n    "online",,'));
    expect(codesAt(problems)).toEqual([{ code: 'json.invalid', pointer: '/channels' }]);
  });

  it.each([
    ['an array', '[]'],
    ['a string', '"baseline"'],
    ['null', 'null'],
    ['a number', '42'],
  ])('refuses a root that is %s', (found, text) => {
    const problems = problemsWith(file, text);
    expect(codesAt(problems)).toEqual([{ code: 'json.not-object', pointer: '' }]);
    expect(problems[0]!.params).toEqual({ found });
  });

  it('refuses empty and truncated files', () => {
    expect(codesAt(problemsWith(file, ''))).toEqual([{ code: 'json.invalid', pointer: '' }]);
    expect(codesAt(problemsWith(file, baselineText.slice(0, 500)))[0]!.code).toBe('json.invalid');
  });

  it('refuses a document larger than the limit without parsing it', () => {
    const huge = `{"kind":"baseline","pad":"${'x'.repeat(documentLimits.maxBytes)}"}`;
    const started = performance.now();
    expect(codesAt(problemsWith(file, huge))).toEqual([{ code: 'json.too-large', pointer: '' }]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses deep nesting without overflowing the stack', () => {
    const deep = `{"kind":"baseline","form":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const problems = problemsWith(file, deep);
    expect(codesAt(problems)).toEqual([{ code: 'json.too-deep', pointer: `/form${'/0'.repeat(documentLimits.maxDepth - 1)}` }]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s anywhere, even escaped, and leaves prototypes alone', (key) => {
    const escaped = key.replace('_', '\\u005f');
    const text = baselineText.replace('"fees": []', `"fees": [], "materials2": {"a": {"${escaped}": {"polluted": true}}}`);
    const problems = problemsWith(file, text);
    expect(codesAt(problems)).toEqual([{ code: 'json.forbidden-key', pointer: `/materials2/a/${key}` }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses duplicate keys, which JSON.parse would silently drop', () => {
    const text = baselineText.replace('"visits": 0', '"visits": 0, "visits": 3');
    expect(codesAt(problemsWith(file, text))).toEqual([{ code: 'json.duplicate-key', pointer: '/visits' }]);
  });

  it('never throws on random bytes', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const cut = Math.floor(next() * baselineText.length);
      const noise = String.fromCharCode(...Array.from({ length: 8 }, () => Math.floor(next() * 128)));
      const text = baselineText.slice(0, cut) + noise + baselineText.slice(cut + 8);
      expect(() => validateSources([{ file, text }])).not.toThrow();
      expect(() => parseDocument(file, text)).not.toThrow();
    }
  });
});
