/**
 * A small JSON Schema check that compiles nothing: enough of the vocabulary (type, const, enum, required, properties,
 * allOf/anyOf/oneOf/not) to decide the conditions forms use to show and hide fields — `if: { properties: { x: {
 * const: … } }, required: [x] }` — while the precompiled validators are not there (or, in the designer's preview,
 * cannot be: the draft changes with every keystroke). Keywords it does not know count as satisfied.
 */
import { isObject } from '../../engine/json/pointer.ts';

const typeOf = (value: unknown): string[] => {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
};

const equal = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Whether `value` satisfies `schema` as far as the keywords above go (depth-limited, never throws). */
export function satisfies(schema: unknown, value: unknown, depth = 0): boolean {
  if (schema === true || schema === undefined || depth > 32) return true;
  if (schema === false) return false;
  if (!isObject(schema)) return true;
  if (schema.type !== undefined) {
    const wanted = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!typeOf(value).some((t) => wanted.includes(t))) return false;
  }
  if ('const' in schema && !equal(schema.const, value)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => equal(e, value))) return false;
  if (isObject(value)) {
    if (Array.isArray(schema.required) && !schema.required.every((k) => typeof k !== 'string' || Object.hasOwn(value, k))) return false;
    if (isObject(schema.properties)) {
      for (const [k, s] of Object.entries(schema.properties)) if (Object.hasOwn(value, k) && !satisfies(s, value[k], depth + 1)) return false;
    }
  }
  if (Array.isArray(schema.allOf) && !schema.allOf.every((s) => satisfies(s, value, depth + 1))) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => satisfies(s, value, depth + 1))) return false;
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((s) => satisfies(s, value, depth + 1)).length !== 1) return false;
  if (schema.not !== undefined && satisfies(schema.not, value, depth + 1)) return false;
  return true;
}
