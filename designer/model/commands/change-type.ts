/**
 * Changes a field's type, dropping what no longer applies: the constraints of the old type, a choice list or default
 * whose values the new type refuses, composition keywords (`allOf`, `if`…, written for the old type) and, leaving
 * an object or list, the fields it held with their prefill and legal-basis entries. A new object starts with no
 * fields (closed, as the catalogue's forms are), a new list with text items.
 */
import type { MatterDefinition } from '../../../engine/index.ts';
import { optionsOf } from '../options.ts';
import type { Op } from '../patch.ts';
import { command, CommandError } from './command.ts';
import { fieldAt, notShared } from './field-at.ts';

export const fieldTypes = ['string', 'integer', 'number', 'boolean', 'object', 'array'] as const;
export type FieldType = (typeof fieldTypes)[number];

/** Keywords that apply whatever the type (annotations and identifiers). */
const anyType = new Set(['type', 'title', 'description', '$comment', 'readOnly', 'writeOnly', 'deprecated', '$anchor', '$dynamicAnchor', '$defs']);
const numeric = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
/** The keywords each type's values are checked by. */
const ofType: Readonly<Record<FieldType, readonly string[]>> = {
  string: ['minLength', 'maxLength', 'pattern', 'format', 'contentEncoding', 'contentMediaType', 'contentSchema'],
  integer: [...numeric, 'format'],
  number: [...numeric, 'format'],
  boolean: [],
  object: ['properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'minProperties', 'maxProperties', 'dependentRequired', 'dependentSchemas', 'unevaluatedProperties'],
  array: ['items', 'prefixItems', 'contains', 'minContains', 'maxContains', 'minItems', 'maxItems', 'uniqueItems', 'unevaluatedItems'],
};
/** ajv-formats' formats for numbers; every other known format is for text. */
export const numberFormats: ReadonlySet<string> = new Set(['int32', 'int64', 'float', 'double']);

const fits = (type: FieldType, value: unknown): boolean =>
  type === 'string' ? typeof value === 'string'
    : type === 'integer' ? Number.isInteger(value)
      : type === 'number' ? typeof value === 'number'
        : type === 'boolean' ? typeof value === 'boolean'
          : type === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value)
            : Array.isArray(value);

/** Whether the keyword `key` (with its value) still applies to a field of `type`. */
function keeps(schema: Readonly<Record<string, unknown>>, key: string, type: FieldType): boolean {
  if (anyType.has(key)) return true;
  if (key === 'format') return typeof schema.format === 'string' && numberFormats.has(schema.format) === (type === 'integer' || type === 'number') && ofType[type].includes('format');
  if (ofType[type].includes(key)) return true;
  if (key === 'const' || key === 'default') return fits(type, schema[key]);
  if (key === 'enum' || key === 'examples') return Array.isArray(schema[key]) && (schema[key] as unknown[]).every((v) => fits(type, v));
  if (key === 'oneOf' || key === 'anyOf') return optionsOf(schema)?.keyword === key && optionsOf(schema)!.options.every((o) => fits(type, o.value));
  return false;
}

// Prefill and legal-basis entries of the fields inside `field` (highest index first, so indices stay valid).
function referencesInside(definition: MatterDefinition, field: string): Op[] {
  const ops: Op[] = [];
  for (const list of ['prefill', 'fieldBasis'] as const) {
    const entries = definition.form[list] ?? [];
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.field.startsWith(`${field}/`)) ops.push({ op: 'remove', path: `/form/${list}`, index: i });
  }
  return ops;
}

export const changeType = command<{ field: string; type: FieldType }>({
  name: 'change-type',
  plan(definition, { field, type }) {
    if (!fieldTypes.includes(type)) throw new CommandError('change-type', `"${String(type)}" is not one of ${fieldTypes.join(', ')}`);
    const { pointer, schema } = fieldAt(definition, 'change-type', field);
    notShared('change-type', field, schema);
    const label = { zh: `修改类型 ${field} → ${type}`, en: `make ${field} of type ${type}` };
    if (schema.type === type) return { ops: [], label };
    const ops: Op[] = [];
    const dropsFields = ['properties', 'items'].some((key) => key in schema && !keeps(schema, key, type));
    if (dropsFields) ops.push(...referencesInside(definition, field));
    ops.push({ op: 'set', path: `${pointer}/type`, value: type, index: 0 });
    for (const key of Object.keys(schema)) if (!keeps(schema, key, type)) ops.push({ op: 'delete', path: `${pointer}/${key}` });
    if (type === 'object' && !('properties' in schema)) {
      ops.push({ op: 'set', path: `${pointer}/properties`, value: {} });
      if (!('additionalProperties' in schema)) ops.push({ op: 'set', path: `${pointer}/additionalProperties`, value: false });
    }
    if (type === 'array' && !('items' in schema)) ops.push({ op: 'set', path: `${pointer}/items`, value: { type: 'string' } });
    return { ops, label, select: pointer };
  },
});
