/**
 * Minimal pairs for the semantic diff: two copies of the mini baseline, one (or both) edited, so each test shows
 * exactly one difference. `a` is the variant / new version, `b` the baseline / old version.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { diff, type Change } from '../../engine/diff/index.ts';
import { canonical } from '../../engine/json/equal.ts';
import type { MatterDefinition } from '../../engine/model/index.ts';

const read = (file: string): string => readFileSync(new URL(`../fixtures/mini/${file}`, import.meta.url), 'utf8');
const baselineText = read('matters/baseline.json');
const idNumberText = read('schemas/id-number.json');

/** `$id` of the shared identity-number schema the mini baseline references. */
export const idNumberId = 'https://onematter.dev/schemas/shared/id-number.json';

/** A fresh, mutable copy of the mini baseline (typed loosely so tests can edit anything). */
export const base = (): any => JSON.parse(baselineText);

/** A fresh copy of the shared identity-number schema. */
export const idNumberSchema = (): any => JSON.parse(idNumberText);

/** The shared schemas by `$id` (the mini catalogue's one, plus any `extra` given). */
export const sharedSchemas = (extra: Record<string, unknown> = {}): Map<string, unknown> =>
  new Map<string, unknown>([[idNumberId, idNumberSchema()], ...Object.entries(extra)]);

export interface Pair {
  readonly a: MatterDefinition;
  readonly b: MatterDefinition;
}

/** Two copies of the baseline: `editA` changes `a`, the optional `editB` changes `b`. */
export function pair(editA: (a: any) => void, editB?: (b: any) => void): Pair {
  const a = base();
  const b = base();
  editA(a);
  editB?.(b);
  return { a, b };
}

/** The same pair seen the other way round (`a` ↔ `b`). */
export const flip = ({ a, b }: Pair): Pair => ({ a: b, b: a });

/** `diff(a, b)` of a pair, with the mini catalogue's shared schemas unless others are given. */
export const diffPair = ({ a, b }: Pair, shared: ReadonlyMap<string, unknown> = sharedSchemas()): Change[] =>
  diff(a, b, { sharedSchemas: shared });

/** The changes a rule reported. */
export const only = (changes: readonly Change[], code: string): Change[] => changes.filter((c) => c.code === code);

/** The one change a rule reported; throws (listing what was found) when there is not exactly one. */
export function single(changes: readonly Change[], code: string): Change {
  const found = only(changes, code);
  if (found.length !== 1) {
    const seen = changes.map((c) => `${c.code} ${c.kind} ${c.burden} ${c.path}`).join('\n  ');
    throw new Error(`expected exactly one ${code} change, found ${found.length}:\n  ${seen}`);
  }
  return found[0]!;
}

/** Pointer of a form field's subschema as written: `prop('applicant', 'name')` → `/form/schema/properties/applicant/properties/name`. */
export const prop = (...names: string[]): string => `/form/schema${names.map((n) => `/properties/${n}`).join('')}`;

/** The subschema of a form field of `doc`, for editing: `field(a, 'applicant', 'name').maxLength = 10`. */
export function field(doc: any, ...names: string[]): any {
  let node = doc.form.schema;
  for (const n of names) node = node.properties[n];
  return node;
}

/** Both languages of a change's message are non-empty and mention `en` (and `zh`, defaulting to `en`). */
export function expectMessageMentions(change: Change, en: string, zh: string = en): void {
  expect(change.message.en.trim()).not.toBe('');
  expect(change.message.zh.trim()).not.toBe('');
  expect(change.message.en).toContain(en);
  expect(change.message.zh).toContain(zh);
}

/** Both languages of a change's message are non-empty strings. */
export function expectMessages(change: Change): void {
  expect(typeof change.message.en).toBe('string');
  expect(typeof change.message.zh).toBe('string');
  expect(change.message.en.trim()).not.toBe('');
  expect(change.message.zh.trim()).not.toBe('');
}

/** What identifies a change across two diffs: rule, kind, place and params. */
export const identity = (c: Change): string => canonical({ code: c.code, kind: c.kind, path: c.path, params: c.params });

/** A material the applicant supplies, for adding to a definition. */
export const material = (id: string, zh: string, en: string, over: Record<string, unknown> = {}): any => ({
  id,
  name: { zh, en },
  necessity: 'required',
  source: 'applicant',
  format: ['electronic'],
  copies: { originals: 1, photocopies: 0 },
  ...over,
});
