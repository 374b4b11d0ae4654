/**
 * importForm on random draft-07-ish forms from fixed seeds: whatever a form holds, importForm never throws, never
 * changes its input, and either reports problems or returns a form the validator accepts inside a definition —
 * which importing again leaves as it is. Every pointer it reports leads into the input.
 */
import { describe, expect, it } from 'vitest';
import { importForm } from '../engine/index.ts';
import { resolvePointer } from '../engine/json/pointer.ts';
import { rng } from './bench/synthetic.ts';
import { definitionProblems, miniSharedSchemas } from './support/import.ts';

/** The bench's seeded generator (mulberry32), so that a failing form can be made again from its seed. */
function random(seed: number) {
  const r = rng(seed);
  return { chance: (p: number) => r.next() < p, int: (n: number) => Math.floor(r.next() * n), pick: r.pick };
}
type Random = ReturnType<typeof random>;
type Schema = Record<string, unknown>;

const names = ['name', 'age', 'email', 'pets', 'address', 'kind', 'tags', 'note'];
const patterns = ['^[0-9]{6}$', '^1[3-9][0-9]{9}$', '^(a+)+$', '^(\\w+\\s?)*$', '[', '^[A-Z]'];
const formats = ['date', 'email', 'uri', 'date-time', 'data-url', 'color', 'int32'];
const types = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];
const dialects = ['http://json-schema.org/draft-07/schema#', 'http://json-schema.org/draft-04/schema#', 'https://json-schema.org/draft/2020-12/schema', 'http://example.com/my-dialect'];

/** One random subschema, `depth` levels from the bottom; `defs` are the names a `$ref` may point at. */
function subschema(r: Random, depth: number, defs: readonly string[]): unknown {
  if (r.chance(0.04)) return r.chance(0.5);
  const s: Schema = {};
  if (r.chance(0.6)) s.type = r.chance(0.1) ? [r.pick(types), 'null'] : r.pick(types);
  if (r.chance(0.3)) s.title = r.pick(['Name', '姓名', 'A field']);
  if (r.chance(0.15)) s.minLength = r.int(5);
  if (r.chance(0.1)) s.maxLength = 5 + r.int(50);
  if (r.chance(0.12)) s.pattern = r.pick(patterns);
  if (r.chance(0.12)) s.format = r.pick(formats);
  if (r.chance(0.15)) s.minimum = r.int(10);
  if (r.chance(0.08)) s.exclusiveMinimum = r.chance(0.5);
  if (r.chance(0.08)) s.maximum = 10 + r.int(100);
  if (r.chance(0.06)) s.exclusiveMaximum = r.chance(0.5) ? r.chance(0.5) : 100;
  if (r.chance(0.12)) {
    s.enum = r.chance(0.1) ? [] : ['a', 'b', 'c', 1, 'a'].slice(0, 1 + r.int(5));
    if (r.chance(0.6)) s.enumNames = ['A', 'B', 'C'].slice(0, r.int(4));
  } else if (r.chance(0.04)) s.enumNames = ['X'];
  if (r.chance(0.05)) s.const = r.pick(['x', 1, true]);
  if (r.chance(0.05)) s.nullable = r.chance(0.7);
  if (r.chance(0.08)) s[r.pick(['ui:widget', 'ui:placeholder', 'ui:options'])] = r.pick(['textarea', 'x', { rows: 3 }]);
  if (r.chance(0.06)) s[r.pick(['x-internal', 'maxLenght', 'readonly', 'discriminator', 'id'])] = r.pick([true, 'x', { propertyName: 'kind' }]);
  if (r.chance(0.05)) s.$id = r.pick(['#anchor-' + r.int(3), 'part-' + r.int(3) + '.json', 'https://example.com/x.json']);
  if (r.chance(0.05)) s.required = r.chance(0.5);
  if (defs.length > 0 && r.chance(0.12)) s.$ref = r.chance(0.85) ? `#/definitions/${r.pick(defs)}` : r.pick(['#/definitions/missing', 'https://example.com/a.json', 'part-1.json']);
  if (depth > 0) {
    if (r.chance(0.35)) s.properties = properties(r, depth - 1, defs);
    if (r.chance(0.1)) s.required = names.slice(0, r.int(3));
    if (r.chance(0.15)) {
      s.items = r.chance(0.4) ? Array.from({ length: r.int(3) + 1 }, () => subschema(r, depth - 1, defs)) : subschema(r, depth - 1, defs);
      if (r.chance(0.4)) s.additionalItems = r.pick([true, false, { type: 'number' }, {}]);
      if (r.chance(0.2)) s.minItems = r.int(3);
    }
    if (r.chance(0.1)) {
      const deps: Schema = {};
      for (const n of names.slice(0, 1 + r.int(2))) deps[n] = r.chance(0.5) ? names.slice(0, r.int(3)) : subschema(r, depth - 1, defs);
      s.dependencies = deps;
    }
    for (const k of ['allOf', 'anyOf', 'oneOf']) if (r.chance(0.06)) s[k] = Array.from({ length: 1 + r.int(2) }, () => subschema(r, depth - 1, defs));
    if (r.chance(0.05)) s.not = subschema(r, depth - 1, defs);
    for (const k of ['if', 'then', 'else']) if (r.chance(0.06)) s[k] = subschema(r, depth - 1, defs);
    if (r.chance(0.05)) s.additionalProperties = r.chance(0.5) ? false : subschema(r, depth - 1, defs);
    if (r.chance(0.04)) s.patternProperties = { [r.pick(['^[a-z]+$', '^x-', '^(a|a)*$'])]: subschema(r, depth - 1, defs) };
  }
  return s;
}

function properties(r: Random, depth: number, defs: readonly string[]): Schema {
  const out: Schema = {};
  for (let i = r.int(4); i >= 0; i--) out[r.pick(names)] = subschema(r, depth, defs);
  return out;
}

/** A random form: mostly an object root with properties, sometimes definitions, a $schema, an $id. */
function form(seed: number): Schema {
  const r = random(seed);
  const defs = r.chance(0.4) ? names.slice(0, 1 + r.int(3)) : [];
  const s: Schema = {};
  if (r.chance(0.3)) s.$schema = r.pick(dialects);
  if (r.chance(0.1)) s.$id = 'https://example.com/form.json';
  if (r.chance(0.8)) s.type = r.chance(0.95) ? 'object' : 'string';
  s.properties = properties(r, 3, defs);
  if (defs.length > 0) s.definitions = Object.fromEntries(defs.map((d) => [d, subschema(r, 2, defs)]));
  if (r.chance(0.15)) s.dependencies = { [r.pick(names)]: [r.pick(names)] };
  return s;
}

const seeds = Array.from({ length: 300 }, (_, i) => i + 1);

// Malformed parts a hand-written form may hold where a schema, a list or a name belongs.
const junk: readonly unknown[] = [
  5, 'x', [], [1, 'a'], null, {}, true, { $ref: 5 }, { $ref: '::::' }, { $ref: '#%zz' }, { $ref: '#/definitions/%E0%A4%A' },
  { $id: 5 }, { $id: '#' }, { $id: 'http://[bad' }, { items: 'x' }, { properties: [] }, { dependencies: 'x' },
  { dependencies: { a: 5 } }, { definitions: 5 }, { enumNames: 'x', enum: ['a'] }, { enum: 'x' }, { required: 'a' },
  { type: 5 }, { type: [] }, { $schema: 5 }, { additionalItems: 5, items: [{}] }, { patternProperties: { '(': {} } },
];

/** `form(seed)` with a few of its parts replaced by malformed ones. */
function malformed(seed: number): Schema {
  const r = random(seed * 7919);
  const input = form(seed);
  const places: Schema[] = [];
  const collect = (v: unknown) => {
    if (typeof v !== 'object' || v === null) return;
    if (!Array.isArray(v)) places.push(v as Schema);
    for (const x of Object.values(v)) collect(x);
  };
  collect(input);
  for (let i = 1 + r.int(3); i > 0; i--) {
    const place = r.pick(places);
    const keys = Object.keys(place);
    if (keys.length > 0) place[r.pick(keys)] = structuredClone(r.pick(junk));
  }
  return input;
}

describe('importForm on random draft-07-ish forms', () => {
  it('never throws, never changes its input, and returns a form the validator accepts unless it reports problems', () => {
    let clean = 0;
    for (const seed of seeds) {
      const input = form(seed);
      const copy = structuredClone(input);
      const result = importForm(input, { sharedSchemas: miniSharedSchemas });
      expect(input, `seed ${seed}`).toEqual(copy);
      for (const p of [...result.problems, ...result.changes]) expect(resolvePointer(input, p.pointer), `seed ${seed}: ${p.code} at ${p.pointer}`).not.toBeUndefined();
      if (result.problems.length > 0) continue;
      clean++;
      expect(definitionProblems(result.schema), `seed ${seed}: ${JSON.stringify(input)}`).toEqual([]);
      const again = importForm(result.schema, { sharedSchemas: miniSharedSchemas });
      expect({ problems: again.problems, changes: again.changes }, `seed ${seed}`).toEqual({ problems: [], changes: [] });
    }
    // both outcomes are exercised: a generator that only ever made broken forms would prove nothing
    expect(clean).toBeGreaterThan(seeds.length / 5);
    expect(clean).toBeLessThan(seeds.length);
  }, 120_000);

  it('holds the same for forms with malformed parts', () => {
    for (const seed of seeds.slice(0, 150)) {
      const input = malformed(seed);
      const result = importForm(input);
      for (const p of [...result.problems, ...result.changes]) expect(resolvePointer(input, p.pointer), `seed ${seed}: ${p.code} at ${p.pointer}`).not.toBeUndefined();
      if (result.problems.length === 0) expect(definitionProblems(result.schema), `seed ${seed}: ${JSON.stringify(input)}`).toEqual([]);
    }
  }, 120_000);
});
