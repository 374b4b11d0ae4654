/**
 * docs/definition-format.md cannot drift from the validator: every problem code has its row or its place in the code
 * list, every code the docs name exists, and the restrictions table lists each known format.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knownFormats, messages } from '../engine/index.ts';

const docs = readFileSync(new URL('../docs/definition-format.md', import.meta.url), 'utf8');
const section = (heading: string): string => {
  const start = docs.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`no section "${heading}" in docs/definition-format.md`);
  const end = docs.indexOf('\n## ', start + 1);
  return docs.slice(start, end === -1 ? undefined : end);
};
const restrictions = section('Restrictions beyond JSON Schema and XState');
const checks = section('What `onematter validate` checks');
/** Backticked problem codes (`area.name`) in the last column of a text's table rows. */
const codesIn = (text: string): Set<string> =>
  new Set(text.split('\n').filter((l) => l.startsWith('|')).flatMap((l) => [...l.slice(l.lastIndexOf(' | ')).matchAll(/`([a-z-]+\.[a-z-]+)`/g)].map((m) => m[1]!)));

describe('docs/definition-format.md', () => {
  it('lists every problem code of engine/problems/messages.ts in the restrictions table or the code list', () => {
    const documented = new Set([...codesIn(restrictions), ...codesIn(checks)]);
    expect(Object.keys(messages).filter((code) => !documented.has(code))).toEqual([]);
  });

  it('names no code that does not exist', () => {
    const known = new Set(Object.keys(messages));
    expect([...codesIn(restrictions), ...codesIn(checks)].filter((code) => !known.has(code))).toEqual([]);
  });

  it('gives each restriction a reason and a code', () => {
    const rows = restrictions.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| **') && !l.startsWith('| restriction'));
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) {
      const [restriction, why, code] = row.split(' | ').map((cell) => cell.replace(/^\| |\s\|$/g, '').trim());
      expect({ row, restriction: restriction!.length > 5, why: why!.length > 20, code: /`[a-z-]+\.[a-z-]+`/.test(code ?? '') }).toEqual({ row, restriction: true, why: true, code: true });
    }
  });

  it('lists every format a form may use', () => {
    const row = restrictions.split('\n').find((l) => l.startsWith('| formats only from the known list'))!;
    expect(knownFormats.filter((f) => !row.includes(`\`${f}\``))).toEqual([]);
  });
});
