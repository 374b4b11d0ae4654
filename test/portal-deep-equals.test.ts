/**
 * The portal builds rjsf with runtime/web/deep-equals.ts in place of fast-equals (task E2). Held here to fast-equals
 * itself, configured as @rjsf/utils configures it, on the catalogue's schemas, uiSchemas and prefilled data — each
 * against its copy, and against copies changed in one place — and on the edge cases fast-equals defines (NaN, ±0,
 * functions, dates, maps, sets, cycles, null prototypes, React elements).
 */
import { createCustomEqual as fastEquals } from 'fast-equals';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { prepareForm } from '../runtime/form/prepare.ts';
import { createCustomEqual, DeepEqualsOptionError } from '../runtime/web/deep-equals.ts';
import { realCatalogue } from './support/catalogue.ts';

// exactly as @rjsf/utils/lib/deepEquals.js
const rjsfOptions = { circular: true, createCustomConfig: () => ({ areFunctionsEqual: (_a: unknown, b: unknown) => typeof b === 'function' }) };
const reference = fastEquals(rjsfOptions as never) as (a: unknown, b: unknown) => boolean;
const ours = createCustomEqual(rjsfOptions);
const agree = (a: unknown, b: unknown, what: string) => {
  expect(ours(a, b), what).toBe(reference(a, b));
  expect(ours(b, a), `${what} (swapped)`).toBe(reference(b, a));
};

// copies of `value` changed at one place each: a leaf, a key added, a key dropped (at most `limit` of each)
function variants(value: unknown, limit = 12): unknown[] {
  const out: unknown[] = [];
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (paths.length >= limit) return;
    if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
    else paths.push(path);
  };
  walk(value, []);
  const at = (root: any, path: (string | number)[]) => path.slice(0, -1).reduce((n, k) => n[k], root);
  for (const path of paths) {
    if (path.length === 0) continue;
    const leaf = structuredClone(value) as any;
    const parent = at(leaf, path);
    const key = path.at(-1)!;
    parent[key] = typeof parent[key] === 'string' ? `${parent[key]}x` : typeof parent[key] === 'number' ? parent[key] + 1 : parent[key] === null ? 0 : !parent[key];
    out.push(leaf);
    const dropped = structuredClone(value) as any;
    if (Array.isArray(at(dropped, path))) at(dropped, path).splice(Number(key), 1);
    else delete at(dropped, path)[key];
    out.push(dropped);
    const added = structuredClone(value) as any;
    if (!Array.isArray(at(added, path))) at(added, path)[`${String(key)}-extra`] = 1;
    out.push(added);
  }
  return out;
}

describe('the portal\'s deep equality agrees with fast-equals as rjsf uses it', () => {
  it.each(realCatalogue.catalogue.definitions.map((d) => [d.file, d.value] as const))('%s: schema, render schema, uiSchema, prefill', (_, definition) => {
    const shared = realCatalogue.catalogue.schemas.map((s) => s.value);
    const values: unknown[] = [definition.form.schema, prepareForm(definition, shared).renderSchema, definition.form.uiSchema ?? {}, definition.form.prefill ?? []];
    for (const value of values) {
      agree(value, value, 'itself');
      agree(value, structuredClone(value), 'a copy');
      for (const changed of variants(value)) agree(value, changed, JSON.stringify(changed).slice(0, 80));
    }
  });

  it('on the edge cases fast-equals defines', () => {
    const cyclicA: any = { a: 1, list: [] };
    cyclicA.self = cyclicA;
    cyclicA.list.push(cyclicA);
    const cyclicB: any = { a: 1, list: [] };
    cyclicB.self = cyclicB;
    cyclicB.list.push(cyclicB);
    const cyclicC: any = { a: 2, list: [] };
    cyclicC.self = cyclicC;
    cyclicC.list.push(cyclicC);
    const nullProto = Object.assign(Object.create(null), { a: 1 });
    class Point { constructor(public x: number) {} }
    const cases: [unknown, unknown][] = [
      [NaN, NaN], [0, -0], [1, '1'], [null, undefined], [undefined, {}], [[], {}], [{}, Object.create(null)],
      [() => 1, () => 2], [() => 1, 1], [{ f: () => 1 }, { f: () => 2 }],
      [new Date(5), new Date(5)], [new Date(5), new Date(6)], [new Date(NaN), new Date(NaN)],
      [/a/g, /a/g], [/a/g, /a/i],
      [new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])], [new Map([[1, 1]]), new Map([[1, 2]])], [new Map([[{ k: 1 }, 1]]), new Map([[{ k: 1 }, 1]])],
      [new Set([1, { a: 1 }]), new Set([{ a: 1 }, 1])], [new Set([1, 2]), new Set([1, 3])],
      [cyclicA, cyclicB], [cyclicA, cyclicC], [nullProto, Object.assign(Object.create(null), { a: 1 })], [nullProto, { a: 1 }],
      [new Point(1), new Point(1)], [new Point(1), new Point(2)], [new Point(1), { x: 1 }],
      [{ a: undefined }, { b: undefined }], [{ a: [1, [2, { b: 3 }]] }, { a: [1, [2, { b: 3 }]] }], [[1, 2], [2, 1]],
      [createElement('p', { id: 'x' }, 'hi'), createElement('p', { id: 'x' }, 'hi')], [createElement('p', { id: 'x' }), createElement('p', { id: 'y' })],
    ];
    cases.forEach(([a, b], i) => agree(a, b, `edge case ${i}`));
  });

  it('refuses options it does not implement, by name', () => {
    expect(() => createCustomEqual({ strict: true } as never)).toThrow(DeepEqualsOptionError);
    expect(() => createCustomEqual({ createCustomConfig: () => ({ areMapsEqual: () => true }) } as never)).toThrow(/areMapsEqual/);
  });
});
