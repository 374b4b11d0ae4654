/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * JSON Schema 2020-12 keywords as onematter runs them, in cases written after the public JSON-Schema-Test-Suite
 * (whose files are not copied here): the validator accepts each schema as a form field, and the runtime's validator
 * (createFormAjv) decides each value as the specification does. Then what onematter refuses on purpose, each with
 * its code (docs/definition-format.md lists them with their reasons).
 */
import { describe, expect, it } from 'vitest';
import { createFormAjv } from '../engine/index.ts';
import { codesAt, problemsWith } from './support/fixtures.ts';

const file = 'matters/baseline.json';
type Case = [keyword: string, field: Record<string, unknown>, values: [value: unknown, valid: boolean][], defs?: Record<string, unknown>];

/** The mini baseline's form with `field` as its property `value` (and `defs` as its $defs). */
const withField = (field: unknown, defs?: Record<string, unknown>) => (d: any) => {
  d.form.schema.properties.value = field;
  if (defs) d.form.schema.$defs = { ...d.form.schema.$defs, ...defs };
};

const accepted: Case[] = [
  ['$anchor', { $ref: '#postcode' }, [['310000', true], ['31000', false]], { postcode: { $anchor: 'postcode', type: 'string', pattern: '^[0-9]{6}$' } }],
  ['$ref to a $dynamicAnchor by name', { $ref: '#count' }, [[3, true], [-1, false]], { count: { $dynamicAnchor: 'count', type: 'integer', minimum: 0 } }],
  ['recursion through properties', { $ref: '#/$defs/node' }, [[{ name: 'a', child: { name: 'b' } }, true], [{ name: 'a', child: { name: 1 } }, false]],
    { node: { type: 'object', properties: { name: { type: 'string' }, child: { $ref: '#/$defs/node' } } } }],
  ['required, a property named like an Object.prototype member', { type: 'object', properties: { toString: { type: 'string' } }, required: ['toString'] },
    [[{ toString: 'x' }, true], [{}, false]]],
  ['optional property named like an Object.prototype member', { type: 'object', properties: { valueOf: { type: 'string' }, constructorName: { type: 'string' } } },
    [[{}, true], [{ valueOf: 'x' }, true], [{ valueOf: 1 }, false]]],
  ['dependentRequired', { type: 'object', properties: { card: { type: 'string' }, expiry: { type: 'string' } }, dependentRequired: { card: ['expiry'] } },
    [[{}, true], [{ card: '1', expiry: '12/30' }, true], [{ card: '1' }, false]]],
  ['dependentSchemas', { type: 'object', properties: { mailed: { type: 'boolean' } }, dependentSchemas: { mailed: { required: ['address'] } } },
    [[{}, true], [{ mailed: true, address: 'x' }, true], [{ mailed: true }, false]]],
  ['if/then/else', { type: 'object', properties: { kind: { enum: ['a', 'b'] }, x: { type: 'string' } }, if: { properties: { kind: { const: 'a' } }, required: ['kind'] }, then: { required: ['x'] }, else: { not: { required: ['x'] } } },
    [[{ kind: 'a', x: '1' }, true], [{ kind: 'a' }, false], [{ kind: 'b' }, true], [{ kind: 'b', x: '1' }, false]]],
  ['unevaluatedProperties through allOf', { type: 'object', allOf: [{ properties: { a: { type: 'string' } } }], properties: { b: { type: 'string' } }, unevaluatedProperties: false },
    [[{ a: 'x', b: 'y' }, true], [{ a: 'x', c: 'z' }, false]]],
  ['unevaluatedProperties with an if naming a declared property', { type: 'object', properties: { kind: { type: 'string' }, x: { type: 'string' } }, if: { properties: { kind: { const: 'a' } }, required: ['kind'] }, then: { required: ['x'] }, unevaluatedProperties: false },
    [[{ kind: 'a', x: '1' }, true], [{ kind: 'b' }, true], [{ kind: 'b', y: 1 }, false]]],
  ['prefixItems as a closed tuple', { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], minItems: 2, items: false },
    [[['a', 1], true], [['a', 'b'], false], [['a', 1, 2], false]]],
  ['contains, minContains, maxContains', { type: 'array', items: { type: 'integer' }, contains: { type: 'integer', minimum: 10 }, minContains: 1, maxContains: 2 },
    [[[1, 10], true], [[1, 2], false], [[10, 11, 12], false]]],
  ['propertyNames', { type: 'object', propertyNames: { pattern: '^[a-z]+$' }, additionalProperties: { type: 'string' } }, [[{ ab: 'x' }, true], [{ Ab: 'x' }, false]]],
  ['oneOf is exclusive', { type: 'integer', oneOf: [{ multipleOf: 2 }, { multipleOf: 3 }] }, [[4, true], [9, true], [6, false]]],
  ['const compares deeply, and 1 equals 1.0', { type: 'object', const: { a: [1, { b: 2 }] } }, [[{ a: [1.0, { b: 2 }] }, true], [{ a: [1, { b: 3 }] }, false]]],
  ['uniqueItems compares deeply', { type: 'array', uniqueItems: true }, [[[{ a: 1 }, { a: 2 }], true], [[{ a: 1 }, { a: 1.0 }], false]]],
  ['multipleOf with decimal fractions, as amounts in yuan', { type: 'number', multipleOf: 0.01 }, [[19.99, true], [0.07, true], [0.015, false]]],
  ['formats are asserted', { type: 'string', format: 'date' }, [['2026-02-28', true], ['2026-02-30', false]]],
  ['patterns are Unicode regular expressions', { type: 'string', pattern: '^\\p{Script=Han}{2,4}$' }, [['张三', true], ['Zhang', false]]],
];

describe('JSON Schema 2020-12 keywords in forms: accepted, and decided as the specification says', () => {
  it.each(accepted)('%s', (_, field, values, defs) => {
    expect(problemsWith(file, withField(field, defs))).toEqual([]);
    const validate = createFormAjv().compile({ type: 'object', properties: { value: field }, ...(defs && { $defs: defs }) });
    expect(values.map(([value]) => [value, validate({ value })])).toEqual(values);
  });
});

const refused: [keyword: string, field: unknown, code: string, pointer: string, defs?: Record<string, unknown>][] = [
  ['$dynamicRef', { $dynamicRef: '#node' }, 'form.dynamic-ref', '/form/schema/properties/value/$dynamicRef', { node: { $dynamicAnchor: 'node', type: 'string' } }],
  ['$id inside a form', { $id: 'https://example.org/field', type: 'string' }, 'form.id-not-allowed', '/form/schema/properties/value/$id'],
  ['a $ref outside the definition', { $ref: 'https://example.org/schema.json' }, 'form.ref-external', '/form/schema/properties/value/$ref'],
  ['a $ref cycle that consumes no data', { $ref: '#/$defs/loop' }, 'form.ref-cycle', '/form/schema/$defs/loop/anyOf/0/$ref', { loop: { anyOf: [{ $ref: '#/$defs/loop' }, { type: 'string' }] } }],
  ['a keyword without its type (strictTypes)', { maxLength: 3 }, 'form.type-missing', '/form/schema/properties/value'],
  ['an open tuple (strictTuples)', { type: 'array', prefixItems: [{ type: 'string' }] }, 'form.tuple-open', '/form/schema/properties/value'],
  ['if without then or else', { type: 'string', if: { maxLength: 3 } }, 'form.keyword-ignored', '/form/schema/properties/value/if'],
  ['maxContains without contains', { type: 'array', maxContains: 1 }, 'form.keyword-ignored', '/form/schema/properties/value/maxContains'],
  // ajv names no place for this one: the problem points at the form
  ['minContains 0 without maxContains', { type: 'array', contains: { type: 'string' }, minContains: 0 }, 'form.strict-mode', '/form/schema'],
  ['an empty enum', { type: 'string', enum: [] }, 'form.enum-empty', '/form/schema/properties/value/enum'],
  ['an unknown format', { type: 'string', format: 'idn-email' }, 'form.unknown-format', '/form/schema/properties/value/format'],
  ['unevaluatedItems (ajv decides it differently)', { type: 'array', contains: { type: 'string' }, unevaluatedItems: false }, 'form.ajv-deviation', '/form/schema/properties/value/unevaluatedItems'],
  ['an if naming undeclared properties under unevaluatedProperties', { type: 'object', if: { properties: { a: { const: 1 } }, required: ['a'] }, else: { properties: { b: { type: 'string' } } }, unevaluatedProperties: false },
    'form.ajv-deviation', '/form/schema/properties/value/if'],
];

describe('JSON Schema 2020-12 in forms: refused on purpose, with a code', () => {
  it.each(refused)('%s', (_, field, code, pointer, defs) => {
    const problems = problemsWith(file, withField(field, defs));
    expect(codesAt(problems)).toEqual([{ code, pointer }]);
  });
});
