/**
 * The shape each keyword a schema rule compares must have (JSON Schema 2020-12's meta-schema, as far as a rule
 * reads it). The walk checks only keywords that differ, so a valid form pays nothing; a malformed keyword of a
 * draft is reported as not comparable instead of being read as absent or as something else. A shape is only as
 * strict as the rule needs: an empty `anyOf` is invalid JSON Schema, but a rule reads it as no alternatives.
 */
import { isObject } from '../../json/pointer.ts';
import { describeValue, type Flaw } from '../shape/check.ts';

type Shape = { readonly expected: string; readonly ok: (v: unknown) => boolean };

const types = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);
const isSchema = (v: unknown): boolean => isObject(v) || typeof v === 'boolean';
const number: Shape = { expected: 'a number', ok: (v) => typeof v === 'number' && Number.isFinite(v) };
const count: Shape = { expected: 'a non-negative integer', ok: (v) => Number.isInteger(v) && (v as number) >= 0 };
const string: Shape = { expected: 'a string', ok: (v) => typeof v === 'string' };
const boolean: Shape = { expected: 'a boolean', ok: (v) => typeof v === 'boolean' };
const array: Shape = { expected: 'an array', ok: Array.isArray };
const schema: Shape = { expected: 'a schema', ok: isSchema };
const schemas: Shape = { expected: 'an array of schemas', ok: (v) => Array.isArray(v) && v.every(isSchema) };
const schemaMap: Shape = { expected: 'an object of schemas', ok: (v) => isObject(v) && Object.values(v).every(isSchema) };
const strings: Shape = { expected: 'an array of strings', ok: (v) => Array.isArray(v) && v.every((s) => typeof s === 'string') };

const shapes: Readonly<Record<string, Shape>> = {
  type: { expected: 'a JSON type or a list of them', ok: (v) => (typeof v === 'string' ? types.has(v) : Array.isArray(v) && v.every((t) => typeof t === 'string' && types.has(t))) },
  enum: array,
  properties: { expected: 'an object of schemas', ok: isObject }, // its members are checked as the walk reaches them
  required: strings,
  maximum: number, exclusiveMaximum: number, minimum: number, exclusiveMinimum: number,
  multipleOf: { expected: 'a number', ok: (v) => typeof v === 'number' && v > 0 && Number.isFinite(v) },
  maxLength: count, minLength: count, maxItems: count, minItems: count, maxProperties: count, minProperties: count, maxContains: count, minContains: count,
  pattern: string, format: string, $ref: string, contentEncoding: string, contentMediaType: string,
  additionalProperties: schema, not: schema, if: schema, then: schema, else: schema, contains: schema, propertyNames: schema,
  unevaluatedProperties: schema, unevaluatedItems: schema,
  anyOf: schemas, oneOf: schemas, allOf: schemas,
  prefixItems: schemas,
  patternProperties: schemaMap, dependentSchemas: schemaMap,
  dependentRequired: { expected: 'an object of string arrays', ok: (v) => isObject(v) && Object.values(v).every((x) => strings.ok(x)) },
  uniqueItems: boolean,
  title: string, description: string, $comment: string,
  deprecated: boolean, readOnly: boolean, writeOnly: boolean,
  examples: array,
};

/** Why a keyword's value cannot be compared, or undefined (absent keywords, `const`, `default` and unknown keywords always can). */
export function keywordFlaw(keyword: string, value: unknown): Flaw | undefined {
  if (value === undefined || !Object.hasOwn(shapes, keyword)) return undefined;
  const shape = shapes[keyword]!;
  return shape.ok(value) ? undefined : { at: '', found: describeValue(value, true), expected: shape.expected };
}

/** Why a subschema (a property's, the items') cannot be compared: it is neither an object nor a boolean. */
export const subschemaFlaw = (value: unknown): Flaw | undefined =>
  value === undefined || isSchema(value) ? undefined : { at: '', found: describeValue(value), expected: 'a schema' };
