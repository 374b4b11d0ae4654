/** Counting the fields a subschema asks for, to weigh a field that is added or removed. */
import { isObject, join } from '../../json/pointer.ts';
import { weights } from '../weights.ts';
import type { LockedFields } from './walk.ts';

/**
 * Weighs a subschema at data path `field`: each leaf the applicant types weighs a required or optional field,
 * each leaf prefilled and locked weighs less.
 */
export function fieldWeight(schema: unknown, field: string, required: boolean, locked: LockedFields): number {
  if (!isObject(schema)) return weightOf(schema, field, required, locked, 0);
  // worked out once per form's subschema (a baseline's for all its variants)
  let bySchema = memo.get(locked);
  if (!bySchema) memo.set(locked, (bySchema = new WeakMap()));
  let byField = bySchema.get(schema);
  if (!byField) bySchema.set(schema, (byField = new Map()));
  const key = required ? `!${field}` : field;
  let weight = byField.get(key);
  if (weight === undefined) byField.set(key, (weight = weightOf(schema, field, required, locked, 0)));
  return weight;
}

const memo = new WeakMap<LockedFields, WeakMap<object, Map<string, number>>>();

function weightOf(schema: unknown, field: string, required: boolean, locked: LockedFields, depth: number): number {
  if (locked.has(field)) return weights.lockedField;
  const props = isObject(schema) ? schema.properties : undefined;
  if (!isObject(props) || depth > 16) return required ? weights.requiredField : weights.optionalField;
  const req = new Set(isObject(schema) && Array.isArray(schema.required) ? schema.required : []);
  let total = 0;
  for (const [name, child] of Object.entries(props)) total += weightOf(child, join(field, name), required && req.has(name), locked, depth + 1);
  return total;
}
